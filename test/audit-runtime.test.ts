/**
 * The audit header composer and the reason validation in a stand-in for classic Outlook's JavaScript-only runtime,
 * before the send handler uses them: every module they load, packages included, is transpiled to ES2016 (as the bundle
 * is), must parse as ES2016 (acorn, regex literals included), and runs in a fresh node:vm context with only `console` as a global and no
 * String.prototype.normalize (the engine's fallback path). The results must equal the in-process ones.
 */
import * as acorn from "acorn";
import * as fs from "fs";
import * as path from "path";
import * as ts from "typescript";
import * as vm from "vm";
import { loadPolicy } from "../src/engine/policy/load";
import { checkMessage } from "../src/pipeline/check-message";
import { composeAuditHeaders, parseAuditHeaders } from "../src/pipeline/audit-headers";
import { validateJustification } from "../src/pipeline/justification";

const ROOT = path.resolve(__dirname, "..");
const policy = loadPolicy(fs.readFileSync(path.join(ROOT, "assets/policy/default-policy.yaml"), "utf8"), "default-policy.yaml");

interface Loaded {
  context: vm.Context;
  modules: string[];
  run<T>(expr: string): T;
}

/** A CommonJS loader inside the context: each .ts file transpiled to ES2016 and parsed as ES2016 before it runs. */
function loadInRuntime(entries: string[]): Loaded {
  const context = vm.createContext({ console });
  vm.runInContext("delete String.prototype.normalize;", context);
  const cache = new Map<string, { exports: Record<string, unknown> }>();
  const modules: string[] = [];
  const load = (file: string): Record<string, unknown> => {
    const hit = cache.get(file);
    if (hit) return hit.exports;
    const source = fs.readFileSync(file, "utf8");
    const js = ts.transpileModule(source, { compilerOptions: { target: ts.ScriptTarget.ES2016, module: ts.ModuleKind.CommonJS, esModuleInterop: true }, fileName: file }).outputText;
    const wrapped = `(function (exports, require, module) {\n${js}\n})`;
    acorn.parse(wrapped, { ecmaVersion: 2016, sourceType: "script" }); // throws on newer syntax or regex features
    const mod = { exports: {} as Record<string, unknown> };
    cache.set(file, mod);
    modules.push(path.relative(ROOT, file));
    const fn = vm.runInContext(wrapped, context, { filename: file }) as (e: unknown, r: unknown, m: unknown) => void;
    fn(mod.exports, (spec: string) => {
      if (!spec.startsWith(".")) return load(require.resolve(spec, { paths: [path.dirname(file)] })); // packages, as webpack bundles them
      const base = path.resolve(path.dirname(file), spec);
      const target = [base + ".ts", path.join(base, "index.ts"), base + ".js", base].find((f) => fs.existsSync(f) && fs.statSync(f).isFile());
      if (!target) throw new Error(`cannot resolve ${spec} from ${file}`);
      return load(target);
    }, mod);
    return mod.exports;
  };
  const exportsOf: Record<string, Record<string, unknown>> = {};
  for (const e of entries) exportsOf[path.basename(e, ".ts")] = load(path.join(ROOT, e));
  context.__modules = exportsOf;
  return { context, modules, run: (expr) => vm.runInContext(expr, context) };
}

const runtime = loadInRuntime(["src/pipeline/audit-headers.ts", "src/pipeline/justification.ts"]);

/** Calls an export inside the runtime with JSON arguments (objects of the runtime's own realm) and returns JSON. */
function call<T>(mod: string, fn: string, ...args: unknown[]): T {
  return JSON.parse(runtime.run<string>(`JSON.stringify(__modules[${JSON.stringify(mod)}][${JSON.stringify(fn)}](...${JSON.stringify(args)}))`)) as T;
}

describe("audit headers in the JavaScript-only runtime stand-in", () => {
  it("loads from ES2016 modules only, without String.prototype.normalize", () => {
    expect(runtime.run("typeof String.prototype.normalize")).toBe("undefined");
    expect(runtime.run("typeof TextEncoder + typeof TextDecoder")).toBe("undefinedundefined");
    expect(runtime.modules).toEqual(expect.arrayContaining(["src/pipeline/audit-headers.ts", "src/engine/policy/version.ts", "src/engine/scan.ts", "src/extract/text-decode.ts"]));
  });

  it("the check of the loader can fail", () => {
    expect(() => acorn.parse("var r = /(?<=a)b/;", { ecmaVersion: 2016, sourceType: "script" })).toThrow();
  });

  it("composes the same headers as in Node, reason text included", () => {
    const message = (body: string) => ({ message: { subject: "s", recipients: [{ email: "bob@partner.test", field: "to" as const, recipientType: "unknown" as const }], attachments: [] }, body, attachments: [] });
    const cases = [
      { body: "card 4111 1111 1111 1111", justification: undefined },
      { body: "nothing here", justification: { code: "business-need" as const, text: "Tiimin vetäjä hyväksyi, ärende «INC-44» – ok" } },
      { body: "x", justification: { code: "other" as const, text: "संदर्भ १२३४५६" } },
    ];
    for (const c of cases) {
      const decision = checkMessage(message(c.body), policy).decision;
      const input = { decision, policy, product: "1.2.3", justification: c.justification, client: "PC" };
      const inNode = composeAuditHeaders(input);
      const inRuntime = call<Record<string, string>>("audit-headers", "composeAuditHeaders", input);
      expect(inRuntime).toEqual(inNode);
      expect(call("audit-headers", "parseAuditHeaders", lowerKeys(inRuntime))).toEqual(parseAuditHeaders(lowerKeys(inNode)));
    }
  });

  it("refuses the same reason texts as in Node (digits of every script, without normalize)", () => {
    for (const text of ["ticket ١٢٣٤٥٦", "ref १२३४५६७", "ok text", "card 4111 1111 1111 1111", "bob@partner.test"]) {
      expect(call("justification", "validateJustification", { code: "other", text }, policy)).toEqual(validateJustification({ code: "other", text }, policy));
    }
  });
});

function lowerKeys(h: Record<string, string>): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const k of Object.keys(h)) out[k.toLowerCase()] = [h[k]!];
  return out;
}
