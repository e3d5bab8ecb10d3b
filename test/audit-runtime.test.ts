/**
 * The audit header composer and the reason validation in a stand-in for classic Outlook's JavaScript-only runtime,
 * before the send handler uses them: every module they load, packages included, is transpiled to ES2016 (as the bundle
 * is), must parse as ES2016 (acorn, regex literals included), and runs in a fresh node:vm context with only `console` as a global and no
 * String.prototype.normalize (the engine's fallback path). The results must equal the in-process ones. The send handler
 * is loaded the same way (with timers and the build constants added) and stamps the headers on allow, block, a timeout,
 * a hanging or absent setAsync and a stored reason.
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
import { fakeOffice, type FakeMessage, type FakeOptions } from "./helpers/fake-office";

const ROOT = path.resolve(__dirname, "..");
const policy = loadPolicy(fs.readFileSync(path.join(ROOT, "assets/policy/default-policy.yaml"), "utf8"), "default-policy.yaml");

interface Loaded {
  context: vm.Context;
  modules: string[];
  run<T>(expr: string): T;
}

/** A CommonJS loader inside the context: each .ts file transpiled to ES2016 and parsed as ES2016 before it runs. */
function loadInRuntime(entries: string[], globals: Record<string, unknown> = {}): Loaded {
  const context = vm.createContext({ console, ...globals });
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

/**
 * The send handler itself in the stand-in: only console, timers and the build constants webpack defines. It runs
 * against the jest fake mailbox (objects of the outer realm, as Office's are to the bundle).
 */
const handlerRuntime = loadInRuntime(["src/outlook/on-message-send.ts", "src/outlook/audit-stamp.ts"], {
  setTimeout,
  clearTimeout,
  __THINK_FIRST_POLICY__: policy,
  __THINK_FIRST_POLICY_URL__: "",
  __THINK_FIRST_BUILD__: { baseUrl: "https://addins.example.com", version: "1.4.0" },
  __THINK_FIRST_CUSTOMER_KEY__: "",
});

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

describe("the send handler stamps the headers in the JavaScript-only runtime stand-in", () => {
  type Handle = (event: unknown, run: unknown) => Promise<{ allowEvent: boolean; sendModeOverride?: string }>;
  const handleSend = (handlerRuntime.context.__modules as Record<string, Record<string, unknown>>)["on-message-send"]!.handleSend as Handle;
  const REASON_KEY = (handlerRuntime.context.__modules as Record<string, Record<string, unknown>>)["audit-stamp"]!.REASON_KEY as string;
  const me = "me@example.com";
  const ext = (emailAddress: string) => ({ emailAddress, displayName: emailAddress, recipientType: "externalUser" });

  async function send(msg: FakeMessage, opts: FakeOptions = {}, budget = 1000, session: Record<string, string> = {}) {
    const office = fakeOffice({ from: me, ...msg }, opts);
    Object.assign(office.session, session);
    const at: Record<string, string>[] = [];
    const calls: unknown[] = [];
    const p = { ...policy, timeBudgetMs: budget, onUnscanned: "warn" as const };
    const start = Date.now();
    let ms = 0;
    const options = await handleSend({ completed: (o: unknown) => (calls.push(o), at.push({ ...office.headers }), (ms = Date.now() - start)) }, { office: office.globals, policy: p });
    await new Promise((r) => setTimeout(r, 30));
    expect(calls).toHaveLength(1);
    expect(ms).toBeLessThanOrEqual(budget);
    return { options, headers: at[0]!, record: parseAuditHeaders(lowerKeys(at[0]!)) };
  }

  it("loads the handler from ES2016 modules only", () => {
    expect(handlerRuntime.modules).toEqual(expect.arrayContaining(["src/outlook/on-message-send.ts", "src/outlook/audit-stamp.ts", "src/outlook/mailbox.ts"]));
    expect(handlerRuntime.run("typeof window + typeof TextDecoder + typeof String.prototype.normalize")).toBe("undefinedundefinedundefined");
  });

  it("allow, block and a hung attachment (timeout): each completion carries its verdict, never a value", async () => {
    const allow = await send({ to: [ext("partner@example.org")], subject: "Lunch", body: "See you at noon." });
    expect(allow.options).toEqual({ allowEvent: true });
    expect(allow.record).toMatchObject({ verdict: "allow", product: "1.4.0", rules: [], problems: [] });
    const block = await send({ to: [ext("partner@example.org")], subject: "x", body: "Card 4111 1111 1111 1111" });
    expect(block.record!.verdict).toBe("block");
    expect(JSON.stringify(block.headers)).not.toMatch(/4111|1111|partner/);
    const hung = await send({ to: [ext("partner@example.org")], subject: "x", body: "hi", attachments: [{ id: "a", name: "q3.xlsx", size: 10, base64: "AAAA" }] }, { faults: { getAttachmentContentAsync: "never" } }, 400);
    expect(hung.record).toMatchObject({ verdict: "warn", unscanned: { timeout: 1 } });
    expect(hung.headers["X-ThinkFirst-Check"]).not.toContain("q3");
  });

  it("setAsync hanging or absent: the same decision, no headers, completed once in budget", async () => {
    for (const opts of [{ faults: { "internetHeaders.setAsync": "never" as const } }, { noInternetHeaders: true }, { faults: { "internetHeaders.setAsync": "throw" as const } }]) {
      const r = await send({ to: [ext("partner@example.org")], subject: "x", body: "Card 4111 1111 1111 1111" }, opts);
      expect(r.options.allowEvent).toBe(false);
      expect(r.headers).toEqual({});
    }
  });

  it("a stored reason is read from sessionData and stamped; the message goes", async () => {
    const stored = JSON.stringify({ v: 1, justification: { code: "customer-consent", text: "Der Kunde hat zugestimmt" }, rules: ["warn-customer-list"] });
    const list = { to: [{ emailAddress: "colleague@example.com", recipientType: "user" }], subject: "x", body: Array.from({ length: 30 }, (_, i) => `c${i}@example.org`).join("\n") };
    const r = await send(list, {}, 1000, { [REASON_KEY]: stored });
    expect(r.options).toEqual({ allowEvent: true });
    expect(r.record).toMatchObject({ verdict: "warn", reason: { code: "customer-consent", text: "Der Kunde hat zugestimmt" } });
  });
});

function lowerKeys(h: Record<string, string>): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const k of Object.keys(h)) out[k.toLowerCase()] = [h[k]!];
  return out;
}
