/**
 * The folder boundaries (README, "Layout of src/") are lint rules (eslint.config.mjs, lint/boundaries.mjs). Each rule
 * is proved here: a small bad snippet, linted through the ESLint API as if it were a file in that folder, must give the
 * rule's error, and the allowed counterpart must give none (so no rule passes by firing on everything).
 */
import { spawnSync } from "child_process";
import * as path from "path";

const ROOT = path.resolve(__dirname, "..");

interface Case {
  name: string;
  file: string;
  code: string;
  /** Expected boundary errors: rule id and a part of its message. Empty = none. */
  expect: [rule: string, text: string][];
}

const IMPORTS = "boundaries/imports";
const GLOBALS = "boundaries/globals";

const CASES: Case[] = [
  // src/engine and src/extract: nothing of ours outside themselves, no Node built-ins.
  { name: "engine imports outlook", file: "src/engine/probe.ts", code: 'import { x } from "../outlook/mailbox";\nexport const y = x;\n', expect: [[IMPORTS, "src/engine may not import src/outlook/mailbox"]] },
  { name: "engine (nested) imports cli", file: "src/engine/policy/probe.ts", code: 'import { x } from "../../cli/args";\nexport const y = x;\n', expect: [[IMPORTS, "src/engine may not import src/cli/args"]] },
  { name: "engine (nested) imports within engine", file: "src/engine/policy/probe.ts", code: 'import type { Finding } from "../types";\nimport { mask } from "../mask";\nexport const f = (x: Finding) => mask;\n', expect: [] },
  { name: "engine re-exports from i18n", file: "src/engine/probe.ts", code: 'export { format } from "../i18n/format";\n', expect: [[IMPORTS, "src/engine may not import src/i18n/format"]] },
  { name: "engine import() of web", file: "src/engine/probe.ts", code: 'export const m = import("../web/playground");\n', expect: [[IMPORTS, "src/engine may not import src/web/playground"]] },
  { name: "engine imports fs", file: "src/engine/probe.ts", code: 'import * as fs from "fs";\nexport const r = fs.readFileSync;\n', expect: [[IMPORTS, 'Node built-in "fs"']] },
  { name: "engine imports node:path", file: "src/engine/probe.ts", code: 'import { join } from "node:path";\nexport const j = join;\n', expect: [[IMPORTS, 'Node built-in "node:path"']] },
  { name: "engine imports a package", file: "src/engine/probe.ts", code: 'import { parse } from "yaml";\nexport const p = parse;\n', expect: [] },
  { name: "extract imports engine", file: "src/extract/probe.ts", code: 'import { createScanner } from "../engine/scan";\nexport const s = createScanner;\n', expect: [[IMPORTS, "src/extract may not import src/engine/scan"]] },
  { name: "extract requires child_process", file: "src/extract/probe.ts", code: 'import cp = require("child_process");\nexport const c = cp;\n', expect: [[IMPORTS, 'Node built-in "child_process"']] },
  // No DOM, no Node globals, no Office in engine/extract.
  { name: "engine touches document", file: "src/engine/probe.ts", code: 'export const t = () => document.title;\n', expect: [[GLOBALS, "`document`"]] },
  { name: "extract calls fetch and localStorage", file: "src/extract/probe.ts", code: 'export const f = () => fetch("x").then(() => localStorage.getItem("k"));\n', expect: [[GLOBALS, "`fetch`"], [GLOBALS, "`localStorage`"]] },
  { name: "engine reads window.navigator", file: "src/engine/probe.ts", code: "export const n = () => window.navigator;\n", expect: [[GLOBALS, "`window`"]] },
  { name: "extract uses Buffer and process", file: "src/extract/probe.ts", code: 'export const b = () => Buffer.from(process.env.X || "");\n', expect: [[GLOBALS, "`Buffer`"], [GLOBALS, "`process`"]] },
  { name: "engine uses a local named like a global", file: "src/engine/probe.ts", code: "export function f(document: string, fetch: number) {\n  return document + fetch;\n}\n", expect: [] },
  { name: "engine touches Office", file: "src/engine/probe.ts", code: "export const m = () => Office.context.mailbox;\n", expect: [[GLOBALS, "only src/outlook touches Office"]] },
  // Only src/outlook touches Office / OfficeRuntime, however it is reached.
  { name: "web declares Office", file: "src/web/probe.ts", code: "declare const Office: any;\nexport const m = () => Office.context;\n", expect: [[GLOBALS, "may not declare `Office`"]] },
  { name: "cli reaches globalThis.Office", file: "src/cli/probe.ts", code: "export const m = () => (globalThis as any).Office;\n", expect: [[GLOBALS, "src/cli may not use `Office`"]] },
  { name: "web reaches window['OfficeRuntime']", file: "src/web/probe.ts", code: 'export const m = () => (window as any)["OfficeRuntime"];\n', expect: [[GLOBALS, "src/web may not use `OfficeRuntime`"]] },
  { name: "i18n names an Office type", file: "src/i18n/probe.ts", code: "export let item: Office.MessageCompose | undefined;\n", expect: [[GLOBALS, "src/i18n may not use `Office`"]] },
  { name: "pipeline calls OfficeRuntime", file: "src/pipeline/probe.ts", code: 'export const s = () => OfficeRuntime.storage.getItem("k");\n', expect: [[GLOBALS, "`OfficeRuntime`"]] },
  { name: "outlook touches Office and the DOM", file: "src/outlook/probe.ts", code: "export const m = () => [Office.context.mailbox, document.title];\n", expect: [] },
  // src/outlook does not import src/web.
  { name: "outlook imports web", file: "src/outlook/probe.ts", code: 'import { markdownToHtml } from "../web/markdown";\nexport const m = markdownToHtml;\n', expect: [[IMPORTS, "src/outlook may not import src/web/markdown"]] },
  { name: "outlook (task pane) imports web", file: "src/outlook/taskpane/probe.ts", code: 'import { el } from "../../web/playground";\nexport const e = el;\n', expect: [[IMPORTS, "src/outlook may not import src/web/playground"]] },
  { name: "outlook imports the pipeline and i18n", file: "src/outlook/taskpane/probe.ts", code: 'import { checkMessage } from "../../pipeline/check-message";\nimport { renderDialog } from "../../i18n";\nexport const c = [checkMessage, renderDialog];\n', expect: [] },
  { name: "web imports outlook", file: "src/web/probe.ts", code: 'import { currentPolicy } from "../outlook/policy-source";\nexport const p = currentPolicy;\n', expect: [] },
  // src/i18n imports only engine types.
  { name: "i18n imports an engine value", file: "src/i18n/probe.ts", code: 'import { createScanner } from "../engine/scan";\nexport const s = createScanner;\n', expect: [[IMPORTS, "src/i18n may import only types from src/engine"]] },
  { name: "i18n imports engine types", file: "src/i18n/probe.ts", code: 'import type { Decision } from "../engine/types";\nimport { type Policy } from "../engine/policy/types";\nexport type D = [Decision, Policy];\n', expect: [] },
  { name: "i18n mixes a value into a type import", file: "src/i18n/probe.ts", code: 'import { type Decision, ACTION_ORDER } from "../engine/types";\nexport const a: [Decision?, typeof ACTION_ORDER?] = [];\n', expect: [[IMPORTS, "only types from src/engine"]] },
  { name: "i18n reads display names from the registry", file: "src/i18n/probe.ts", code: 'import { registered } from "../engine/registry";\nimport { unscanned } from "../engine/signals/unscanned";\nexport const r = [registered, unscanned];\n', expect: [] },
  { name: "i18n imports pipeline types", file: "src/i18n/probe.ts", code: 'import type { ReasonCode } from "../pipeline/justification";\nexport type R = ReasonCode;\n', expect: [] },
  { name: "i18n imports a pipeline value", file: "src/i18n/probe.ts", code: 'import { checkMessage } from "../pipeline/check-message";\nexport const c = checkMessage;\n', expect: [[IMPORTS, "src/i18n may import only types from src/pipeline"]] },
  { name: "i18n imports extract", file: "src/i18n/probe.ts", code: 'import { extractText } from "../extract";\nexport const e = extractText;\n', expect: [[IMPORTS, "src/i18n may not import src/extract"]] },
  // pipeline: engine and extract only.
  { name: "pipeline imports i18n", file: "src/pipeline/probe.ts", code: 'import { renderDialog } from "../i18n";\nexport const r = renderDialog;\n', expect: [[IMPORTS, "src/pipeline may not import src/i18n"]] },
  // Tests run in Node under jest: the boundaries do not bind them.
  { name: "an engine test reads a file", file: "src/engine/probe.test.ts", code: 'import * as fs from "fs";\nimport { en } from "../i18n/messages/en";\nexport const x = [fs, en, process.env];\n', expect: [] },
];

let results: { rule: string | null; message: string; line: number }[][];

beforeAll(() => {
  const r = spawnSync(process.execPath, [path.join(ROOT, "test/helpers/lint-snippets.mjs")], {
    cwd: ROOT,
    input: JSON.stringify(CASES.map((c) => ({ file: c.file, code: c.code }))),
    encoding: "utf8",
    timeout: 120000,
  });
  if (r.status !== 0) throw new Error(`lint-snippets failed: ${r.stderr}`);
  results = JSON.parse(r.stdout);
});

describe("boundary lint rules", () => {
  it.each(CASES.map((c, i) => [c.name, i] as const))("%s", (_name, i) => {
    const c = CASES[i] as Case;
    const got = (results[i] || []).filter((m) => m.rule && m.rule.startsWith("boundaries/"));
    // No parse errors: a snippet that does not parse proves nothing.
    expect((results[i] || []).filter((m) => m.rule === null)).toEqual([]);
    expect(got.map((m) => m.rule)).toEqual(c.expect.map(([rule]) => rule));
    c.expect.forEach(([, text], k) => expect(got[k]!.message).toContain(text));
  });
});
