/**
 * Checks a generated PowerShell script against Microsoft's documentation of the cmdlets it calls
 * (./documented-cmdlets.json, read from MicrosoftDocs/office-docs-powershell, path and commit per cmdlet in the file).
 *
 * It reads the small subset of PowerShell the generator writes, and refuses everything else, so a script that passes
 * holds no surprise: single-quoted strings only (no double quotes, no here-strings, no `$(…)`, no backtick escapes),
 * commands only from the table (plus a short list of core cmdlets without named parameters), every `-Parameter` and
 * every key of a hashtable splatted into a cmdlet documented for that cmdlet and applicable to Exchange Online, every
 * value of a parameter with documented valid values one of them, no pipes, redirections, call or dot-source operators.
 *
 * Single quotes follow PowerShell's tokenizer: ' ‘ ’ ‚ ‛ all open and close a single-quoted string, and two of them in
 * a row inside it stand for one. A value quoted by `psQuote` therefore always reads back as itself.
 */
import * as fs from "fs";
import * as path from "path";

export interface DocumentedParameter {
  type: string | null;
  exchangeOnline: boolean;
  values?: string[];
}
export interface DocumentedCmdlet {
  path: string;
  commit: string;
  parameters: Record<string, DocumentedParameter>;
}
export interface DocumentedTable {
  source: { repository: string; snapshotCommit: string; note: string };
  commonParameters: string[];
  cmdlets: Record<string, DocumentedCmdlet>;
}

export function documentedTable(): DocumentedTable {
  return JSON.parse(fs.readFileSync(path.join(__dirname, "documented-cmdlets.json"), "utf8")) as DocumentedTable;
}

/** Core cmdlets the scripts may call with positional arguments (and common parameters) only. */
export const CORE_CMDLETS = ["Get-Command", "Join-Path", "Write-Host", "Write-Warning"];
const KEYWORDS = ["if", "else", "foreach", "in", "throw"];
const OPERATORS = ["not", "eq", "ne"];
/** The one .NET call the test script makes (read an .eml file's bytes for Test-Message). */
const STATIC_CALLS = ["[System.IO.File]::ReadAllBytes"];
const SINGLE_QUOTES = "'\u2018\u2019\u201a\u201b";
const DOUBLE_QUOTES = '"\u201c\u201d\u201e';

/** A PowerShell single-quoted string literal holding exactly `value` (every single-quote character doubled). */
export function psQuote(value: string): string {
  let out = "'";
  for (const ch of value) out += SINGLE_QUOTES.includes(ch) ? ch + ch : ch;
  return out + "'";
}

export type Token =
  | { t: "nl"; line: number }
  | { t: "semi"; line: number }
  | { t: "str"; v: string; line: number }
  | { t: "var"; v: string; line: number }
  | { t: "splat"; v: string; line: number }
  | { t: "hash"; line: number }
  | { t: "arr"; line: number }
  | { t: "("; line: number }
  | { t: ")"; line: number }
  | { t: "{"; line: number }
  | { t: "}"; line: number }
  | { t: ","; line: number }
  | { t: "="; line: number }
  | { t: "+"; line: number }
  | { t: "dash"; v: string; colon: boolean; line: number }
  | { t: "word"; v: string; line: number }
  | { t: "static"; v: string; line: number };

export class ScriptError extends Error {}

/** Tokens of the subset; throws ScriptError (with the line) on anything outside it. */
export function tokenize(script: string): Token[] {
  const toks: Token[] = [];
  let line = 1;
  let i = script.charCodeAt(0) === 0xfeff ? 1 : 0;
  const fail = (what: string): never => {
    throw new ScriptError(`line ${line}: ${what}`);
  };
  while (i < script.length) {
    const ch = script[i]!;
    if (ch === "\n") {
      toks.push({ t: "nl", line });
      line++;
      i++;
    } else if (ch === " " || ch === "\t" || ch === "\r") i++;
    else if (ch === "#") {
      if (script[i + 1] === ">" || (i > 0 && script[i - 1] === "<")) fail("block comment");
      while (i < script.length && script[i] !== "\n") i++;
    } else if (SINGLE_QUOTES.includes(ch)) {
      let v = "";
      const start = line;
      i++;
      for (;;) {
        if (i >= script.length) fail(`string opened on line ${start} is not closed`);
        const c = script[i]!;
        if (SINGLE_QUOTES.includes(c)) {
          if (i + 1 < script.length && SINGLE_QUOTES.includes(script[i + 1]!)) {
            v += c;
            i += 2;
            continue;
          }
          i++;
          break;
        }
        if (c === "\n") line++;
        v += c;
        i++;
      }
      toks.push({ t: "str", v, line: start });
    } else if (DOUBLE_QUOTES.includes(ch)) fail("double-quoted string (expands $ and backticks)");
    else if (ch === "`") fail("backtick escape or line continuation");
    else if (ch === "$") {
      if (script[i + 1] === "(" || script[i + 1] === "{") fail("subexpression or braced variable");
      const m = /^\$([A-Za-z_][A-Za-z0-9_]*)/.exec(script.slice(i));
      if (!m) fail("a $ that is not a variable");
      toks.push({ t: "var", v: m![1]!, line });
      i += m![0].length;
    } else if (ch === "@") {
      const next = script[i + 1];
      if (next === "{") {
        toks.push({ t: "hash", line });
        i += 2;
      } else if (next === "(") {
        toks.push({ t: "arr", line });
        i += 2;
      } else if (next && SINGLE_QUOTES.includes(next)) fail("here-string");
      else {
        const m = /^@([A-Za-z_][A-Za-z0-9_]*)/.exec(script.slice(i));
        if (!m) fail("a stray @");
        toks.push({ t: "splat", v: m![1]!, line });
        i += m![0].length;
      }
    } else if ("(){},=+;".includes(ch)) {
      toks.push(ch === ";" ? { t: "semi", line } : ({ t: ch, line } as Token));
      i++;
    } else if (ch === "-") {
      const m = /^-([A-Za-z][A-Za-z0-9]*)(:?)/.exec(script.slice(i));
      if (!m) fail("a stray -");
      toks.push({ t: "dash", v: m![1]!, colon: m![2] === ":", line });
      i += m![0].length;
    } else if (ch === "[") {
      const rest = script.slice(i);
      const call = STATIC_CALLS.find((s) => rest.startsWith(s));
      if (!call) fail("a type literal other than " + STATIC_CALLS.join(", "));
      toks.push({ t: "static", v: call!, line });
      i += call!.length;
    } else {
      const m = /^[A-Za-z0-9][A-Za-z0-9_.-]*/.exec(script.slice(i));
      if (!m) fail(`unexpected character ${JSON.stringify(ch)}`);
      toks.push({ t: "word", v: m![0], line });
      i += m![0].length;
    }
  }
  return toks;
}

export type Value = string | number | boolean | string[];

export interface Invocation {
  cmdlet: string;
  line: number;
  /** Named parameters written on the command line (`-Name value`; a switch has value true). */
  params: Record<string, Value | { variable: string }>;
  /** Parameters given by splatting a hashtable. */
  splatted: Record<string, Value>;
  /** Positional arguments (strings, words, variables). */
  positional: (string | { variable: string })[];
}

export interface CheckResult {
  invocations: Invocation[];
  /** Hashtables assigned to variables, with their values. */
  tables: Record<string, Record<string, Value>>;
  /** Every string literal, in order. */
  strings: string[];
  errors: string[];
}

const CMDLET = /^[A-Z][a-z]+-[A-Za-z0-9]+$/;
const STATEMENT_START = new Set(["nl", "semi", "{", "}", "(", "="]);

function isTerminator(t: Token): boolean {
  return t.t === "nl" || t.t === "semi" || t.t === "}" || t.t === "{";
}

/** Parses a hashtable literal starting after `@{`; returns the entries and the index after its `}`. */
function readTable(toks: Token[], i: number, errors: string[]): { table: Record<string, Value>; next: number } {
  const table: Record<string, Value> = {};
  while (i < toks.length) {
    const t = toks[i]!;
    if (t.t === "nl" || t.t === "semi") {
      i++;
      continue;
    }
    if (t.t === "}") return { table, next: i + 1 };
    if (t.t !== "word" || toks[i + 1]?.t !== "=") {
      errors.push(`line ${t.line}: a hashtable entry must be Key = value`);
      return { table, next: i + 1 };
    }
    const key = t.v;
    const { value, next } = readValue(toks, i + 2, errors);
    if (Object.prototype.hasOwnProperty.call(table, key)) errors.push(`line ${t.line}: ${key} given twice`);
    table[key] = value;
    i = next;
  }
  errors.push("a hashtable is not closed");
  return { table, next: i };
}

/** A value: 'string', a whole number, $true/$false, or @('a', 'b'). */
function readValue(toks: Token[], i: number, errors: string[]): { value: Value; next: number } {
  const t = toks[i];
  if (!t) return { value: "", next: i };
  if (t.t === "str") return { value: t.v, next: i + 1 };
  if (t.t === "word" && /^\d+$/.test(t.v)) return { value: Number(t.v), next: i + 1 };
  if (t.t === "var" && (t.v.toLowerCase() === "true" || t.v.toLowerCase() === "false")) return { value: t.v.toLowerCase() === "true", next: i + 1 };
  if (t.t === "arr") {
    const items: string[] = [];
    let j = i + 1;
    for (;;) {
      const x = toks[j];
      if (!x) break;
      if (x.t === ")") return { value: items, next: j + 1 };
      if (x.t === "str") items.push(x.v);
      else if (x.t !== ",") {
        errors.push(`line ${x.line}: an array may hold only single-quoted strings`);
        return { value: items, next: j + 1 };
      }
      j++;
    }
  }
  errors.push(`line ${t.line}: a value must be a single-quoted string, a number, $true, $false or @('…')`);
  return { value: "", next: i + 1 };
}

function valuesOf(v: Value | { variable: string }): string[] {
  if (Array.isArray(v)) return v;
  if (typeof v === "string") return [v];
  return [];
}

/** Checks a script; `errors` is empty when every rule of the file header holds. */
export function checkScript(script: string, table: DocumentedTable = documentedTable()): CheckResult {
  const result: CheckResult = { invocations: [], tables: {}, strings: [], errors: [] };
  let toks: Token[];
  try {
    toks = tokenize(script);
  } catch (e) {
    result.errors.push((e as Error).message);
    return result;
  }
  for (const t of toks) if (t.t === "str") result.strings.push(t.v);
  const errors = result.errors;
  const common = new Set(table.commonParameters.map((p) => p.toLowerCase()));
  const documented = (cmdlet: string, param: string): DocumentedParameter | "common" | undefined => {
    if (common.has(param.toLowerCase())) return "common";
    const params = table.cmdlets[cmdlet]?.parameters || {};
    const key = Object.keys(params).find((k) => k.toLowerCase() === param.toLowerCase());
    return key ? params[key] : undefined;
  };
  const checkParam = (cmdlet: string, name: string, value: Value | { variable: string } | undefined, line: number) => {
    const doc = documented(cmdlet, name);
    if (!doc) return void errors.push(`line ${line}: ${cmdlet} has no documented parameter -${name}`);
    if (doc === "common") return;
    if (!doc.exchangeOnline) errors.push(`line ${line}: ${cmdlet} -${name} is not documented for Exchange Online`);
    if (doc.values && value !== undefined) {
      const allowed = doc.values.map((v) => v.toLowerCase());
      for (const v of valuesOf(value)) if (!allowed.includes(v.toLowerCase())) errors.push(`line ${line}: ${cmdlet} -${name} '${v}' is not one of ${doc.values.join(", ")}`);
    }
  };

  // Commands open a frame at the parenthesis depth they start at; a terminator or a closing parenthesis at that depth
  // ends them. Tokens at a frame's own depth are its arguments; deeper ones belong to a nested expression or command.
  const frames: { inv: Invocation; depth: number; core: boolean }[] = [];
  let depth = 0;
  const top = () => (frames.length && frames[frames.length - 1]!.depth === depth ? frames[frames.length - 1]! : undefined);
  for (let i = 0; i < toks.length; i++) {
    const t = toks[i]!;
    const prev = toks[i - 1];
    if (t.t === "(" || t.t === "arr") {
      depth++;
      continue;
    }
    if (t.t === ")") {
      while (frames.length && frames[frames.length - 1]!.depth >= depth) frames.pop();
      depth--;
      if (depth < 0) errors.push(`line ${t.line}: a ) without (`);
      continue;
    }
    if (isTerminator(t)) {
      while (frames.length && frames[frames.length - 1]!.depth >= depth) frames.pop();
      continue;
    }
    // $name = @{ … }
    if (t.t === "var" && toks[i + 1]?.t === "=" && toks[i + 2]?.t === "hash") {
      const { table: entries, next } = readTable(toks, i + 3, errors);
      result.tables[t.v] = entries;
      i = next - 1;
      continue;
    }
    const frame = top();
    if (t.t === "dash") {
      if (!frame) {
        if (!OPERATORS.includes(t.v.toLowerCase())) errors.push(`line ${t.line}: operator -${t.v} is not allowed`);
        continue;
      }
      const { inv, core } = frame;
      if (core && !common.has(t.v.toLowerCase())) errors.push(`line ${t.line}: ${inv.cmdlet} is called with -${t.v}; core cmdlets take positional arguments only`);
      const n = toks[i + 1];
      let value: Value | { variable: string } = true;
      if (n && (t.colon || n.t === "str" || n.t === "var" || n.t === "word" || n.t === "arr")) {
        if (n.t === "var" && !["true", "false"].includes(n.v.toLowerCase())) {
          value = { variable: n.v };
          i++;
        } else if (n.t === "word" && !/^\d+$/.test(n.v)) {
          value = n.v;
          i++;
        } else {
          const r = readValue(toks, i + 1, errors);
          value = r.value;
          i = r.next - 1;
        }
      }
      if (!core) checkParam(inv.cmdlet, t.v, value, t.line);
      inv.params[t.v] = value;
      continue;
    }
    if (t.t === "splat") {
      if (!frame) {
        errors.push(`line ${t.line}: @${t.v} outside a command`);
        continue;
      }
      const entries = result.tables[t.v];
      if (!entries) errors.push(`line ${t.line}: @${t.v} splats no hashtable defined before`);
      else
        for (const k of Object.keys(entries)) {
          if (!frame.core) checkParam(frame.inv.cmdlet, k, entries[k], t.line);
          frame.inv.splatted[k] = entries[k]!;
        }
      continue;
    }
    if (t.t === "word" && CMDLET.test(t.v) && (!prev || STATEMENT_START.has(prev.t))) {
      const core = CORE_CMDLETS.includes(t.v);
      if (!core && !table.cmdlets[t.v]) errors.push(`line ${t.line}: ${t.v} is not in the documented table`);
      const inv: Invocation = { cmdlet: t.v, line: t.line, params: {}, splatted: {}, positional: [] };
      result.invocations.push(inv);
      frames.push({ inv, depth, core });
      continue;
    }
    if (frame && (t.t === "str" || t.t === "word" || t.t === "var")) {
      frame.inv.positional.push(t.t === "var" ? { variable: t.v } : t.v);
      continue;
    }
    if (t.t === "word") {
      const atStart = !prev || STATEMENT_START.has(prev.t);
      if (atStart && !KEYWORDS.includes(t.v.toLowerCase())) errors.push(`line ${t.line}: ${t.v} is not a known command or keyword`);
      else if (!atStart && !KEYWORDS.includes(t.v.toLowerCase())) errors.push(`line ${t.line}: a bare word ${t.v} outside a command`);
      continue;
    }
    if (t.t === "static" && toks[i + 1]?.t !== "(") errors.push(`line ${t.line}: ${t.v} must be called`);
  }
  if (depth !== 0) errors.push("parentheses do not balance");
  return result;
}
