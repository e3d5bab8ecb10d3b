/**
 * The audit trail a checked message carries: three `X-ThinkFirst-*` internet headers the send handler stamps with
 * `item.internetHeaders.setAsync` (Mailbox 1.8) before it completes, and that Exchange transport rules and `dlp report`
 * read back (docs/audit.md).
 *
 *   X-ThinkFirst-Verdict: warn
 *   X-ThinkFirst-Check: v=1; product=1.0.0; policy=kdqmbtfh; rules=warn-customer-list; counts=email-list:12; unscanned=-
 *   X-ThinkFirst-Reason: code=business-need; text=Approved by the team lead
 *
 * What a header may hold: decision verdicts, rule ids, detector ids, counts, unscanned reasons, the product version,
 * the policy version, a reason code, and the reason text the employee typed after `validateJustification` accepted it.
 * Never a value, a masked value, an address, a file name or a part name. Every value is checked before it is returned:
 * printable ASCII, one line (RFC 5322 §2.2 unstructured; Office gets an unfolded value, `formatHeaderField` folds it
 * for files), at most 900 characters (a line may hold 998, §2.1.1), no "@", no "*", no run of more than 5 digits
 * (dashes between digits joined).
 * Anything that fails is replaced, never thrown: stamping must not break Send.
 *
 * Microsoft's guidance for internet headers (Office.InternetHeaders, Mailbox 1.8): they are a finite per-mailbox
 * resource (the quota counts the total size of a message's headers, 256 KB in Exchange Online), so create as few as
 * needed and give them fixed names that are reused (not names built from user input or time). Hence three fixed names,
 * always all three (setAsync replaces a value, so a second Send of the same draft overwrites the first record).
 *
 * Pure ES2016: runs in the send handler (no TextEncoder: UTF-8 is encoded by hand).
 */
import type { Policy } from "../engine/policy/types";
import { ACTION_ORDER, type Action, type Decision } from "../engine/types";
import { decodeUtf8 } from "../extract/text-decode";
import { isReasonCode, reasonTextProblems, normalizeReasonText, type Justification } from "./justification";
import { fnv1a32, hashLetters, policyVersion } from "../engine/policy/version";

export const VERDICT_HEADER = "X-ThinkFirst-Verdict";
export const CHECK_HEADER = "X-ThinkFirst-Check";
export const REASON_HEADER = "X-ThinkFirst-Reason";
/** Every header name this product stamps (a transport rule that strips them names each). */
export const AUDIT_HEADER_NAMES: readonly string[] = [VERDICT_HEADER, CHECK_HEADER, REASON_HEADER];
/** `v=` of the check header. Readers ignore keys they do not know; a change of meaning raises this number. */
export const AUDIT_FORMAT_VERSION = 1;
/** Longest value written: with the name, ": " and CRLF it stays inside RFC 5322's 998-character line. */
export const MAX_HEADER_VALUE = 900;
/** Counts above this are written as "9999+". */
export const MAX_COUNT = 9999;
/** Longest digit run in any header value (identifiers are longer: the shortest, fi-hetu's date part, has 6). */
export const MAX_HEADER_DIGIT_RUN = 5;
/** The value that stands for an empty list. */
export const EMPTY_LIST = "-";

export interface AuditInput {
  decision: Decision;
  /** The policy that decided (its version is stamped; its scanner re-checks the reason text). */
  policy: Policy;
  /** The add-in's version, "1.4.0" (build constants). */
  product: string;
  /** A reason given with "Send with a reason" (already validated; checked again here). */
  justification?: Justification;
  /** A short token naming the client, e.g. Office.context.diagnostics.platform lower-cased ("pc", "officeonline"). */
  client?: string;
}

/** Header name → value, as `internetHeaders.setAsync` takes them. */
export interface AuditHeaders {
  [name: string]: string;
}

const ID = /^[a-z][a-z0-9]*(-[a-z0-9]+)*$/;
const PRODUCT = /^\d{1,5}(\.\d{1,5}){0,3}$/;
const CLIENT = /^[a-z0-9][a-z0-9-]{0,23}$/;
const PRINTABLE = /^[\x20-\x7e]*$/;

/**
 * Longest run of ASCII digits, a single "-" between two digits joined ("000-00-0000" is a run of 9: ids are kebab-case,
 * so that is how a number would hide in one). Spaces never stand between digits in a value but in the reason text,
 * which reasonTextProblems checks with every separator joined.
 */
function asciiDigitRun(s: string): number {
  let longest = 0;
  let run = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 48 && c <= 57) run++;
    else if (!(c === 45 && run > 0 && i + 1 < s.length && s.charCodeAt(i + 1) >= 48 && s.charCodeAt(i + 1) <= 57)) run = 0;
    if (run > longest) longest = run;
  }
  return longest;
}

/** A value may be stamped: printable ASCII, no "@" or "*", not too long, no long digit run, no edge spaces. */
export function isSafeHeaderValue(value: string): boolean {
  return (
    PRINTABLE.test(value) &&
    value.length > 0 &&
    value.length <= MAX_HEADER_VALUE &&
    value.indexOf("@") < 0 &&
    value.indexOf("*") < 0 &&
    value.charAt(0) !== " " &&
    value.charAt(value.length - 1) !== " " &&
    asciiDigitRun(value) <= MAX_HEADER_DIGIT_RUN
  );
}

/**
 * A rule, detector or reason id as stamped: itself when it is a plain kebab-case id of at most 64 characters with no
 * more than 5 digits in a row (dashes between digits joined), otherwise "x-" and the 8-letter hash of the id (a policy id that could pass for a
 * number, or anything odd, never reaches a header as written).
 */
export function headerId(id: string): string {
  if (id.length <= 64 && ID.test(id) && asciiDigitRun(id) <= MAX_HEADER_DIGIT_RUN) return id;
  return "x-" + hashLetters(fnv1a32(id));
}

function countText(n: number): string {
  if (!(n >= 0)) return "0";
  const whole = Math.floor(n);
  return whole > MAX_COUNT ? MAX_COUNT + "+" : String(whole);
}

/** `items` joined with ",", at most `max` of them and "+N" for the others; "-" when empty. */
function list(items: string[], max: number): string {
  if (!items.length) return EMPTY_LIST;
  if (items.length <= max) return items.join(",");
  const omitted = "+" + countText(items.length - max);
  return max > 0 ? items.slice(0, max).join(",") + "," + omitted : omitted;
}

// ---- reason text: percent-encoded UTF-8 ----------------------------------------------------------------------------

/** Characters kept as they are in the reason text: letters, digits, space and - . _ ~ ! ' ( ) , : / ? */
function plainInText(c: number): boolean {
  return (
    (c >= 97 && c <= 122) ||
    (c >= 65 && c <= 90) ||
    (c >= 48 && c <= 57) ||
    c === 32 || c === 45 || c === 46 || c === 95 || c === 126 || c === 33 || c === 39 || c === 40 || c === 41 ||
    c === 44 || c === 58 || c === 47 || c === 63
  );
}

const HEX = "0123456789ABCDEF";

/** UTF-8 bytes of `s` (lone surrogates as U+FFFD). */
function utf8(s: string): number[] {
  const out: number[] = [];
  for (let i = 0; i < s.length; i++) {
    let c = s.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < s.length && s.charCodeAt(i + 1) >= 0xdc00 && s.charCodeAt(i + 1) <= 0xdfff) {
      c = 0x10000 + ((c - 0xd800) << 10) + (s.charCodeAt(++i) - 0xdc00);
    } else if (c >= 0xd800 && c <= 0xdfff) c = 0xfffd;
    if (c < 0x80) out.push(c);
    else if (c < 0x800) out.push(0xc0 | (c >> 6), 0x80 | (c & 63));
    else if (c < 0x10000) out.push(0xe0 | (c >> 12), 0x80 | ((c >> 6) & 63), 0x80 | (c & 63));
    else out.push(0xf0 | (c >> 18), 0x80 | ((c >> 12) & 63), 0x80 | ((c >> 6) & 63), 0x80 | (c & 63));
  }
  return out;
}

/** The reason text as written into the header: plain ASCII kept, every other byte of its UTF-8 as %HH. */
export function encodeReasonText(text: string): string {
  const bytes = utf8(text);
  let out = "";
  for (let i = 0; i < bytes.length; i++) {
    const b = bytes[i] as number;
    out += plainInText(b) ? String.fromCharCode(b) : "%" + HEX.charAt(b >> 4) + HEX.charAt(b & 15);
  }
  return out;
}

/** The inverse of encodeReasonText; null when an escape is broken. */
export function decodeReasonText(encoded: string): string | null {
  const bytes: number[] = [];
  for (let i = 0; i < encoded.length; i++) {
    const c = encoded.charCodeAt(i);
    if (c === 37 /* % */) {
      const h = encoded.substr(i + 1, 2);
      if (!/^[0-9A-Fa-f]{2}$/.test(h)) return null;
      bytes.push(parseInt(h, 16));
      i += 2;
    } else if (c > 126) return null;
    else bytes.push(c);
  }
  return decodeUtf8(new Uint8Array(bytes));
}

// ---- composing ------------------------------------------------------------------------------------------------------

function checkValue(input: AuditInput, maxRules: number, maxCounts: number): string {
  const d = input.decision;
  const rules: string[] = [];
  for (let i = 0; i < d.rules.length; i++) {
    const id = headerId(String((d.rules[i] as Decision["rules"][number]).id));
    if (rules.indexOf(id) < 0) rules.push(id);
  }
  const countIds = Object.keys(d.counts || {}).sort();
  const counts: string[] = [];
  const seen: { [id: string]: number } = {};
  for (let i = 0; i < countIds.length; i++) {
    const raw = countIds[i] as string;
    const id = headerId(raw);
    seen[id] = (seen[id] || 0) + (Number(d.counts[raw]) || 0);
  }
  const ids = Object.keys(seen).sort();
  for (let i = 0; i < ids.length; i++) counts.push(ids[i] + ":" + countText(seen[ids[i] as string] as number));
  const reasons: { [r: string]: number } = {};
  for (let i = 0; i < (d.unscanned || []).length; i++) {
    const r = headerId(String((d.unscanned[i] as Decision["unscanned"][number]).reason));
    reasons[r] = (reasons[r] || 0) + 1;
  }
  const unscanned: string[] = [];
  const rk = Object.keys(reasons).sort();
  for (let i = 0; i < rk.length; i++) unscanned.push(rk[i] + ":" + countText(reasons[rk[i] as string] as number));
  const product = PRODUCT.test(input.product) ? input.product : "unknown";
  const fields = [
    "v=" + AUDIT_FORMAT_VERSION,
    "product=" + product,
    "policy=" + policyVersion(input.policy),
    "rules=" + list(rules, maxRules),
    "counts=" + list(counts, maxCounts),
    "unscanned=" + list(unscanned, 10),
  ];
  const client = typeof input.client === "string" ? input.client.toLowerCase() : "";
  if (CLIENT.test(client) && asciiDigitRun(client) <= MAX_HEADER_DIGIT_RUN) fields.push("client=" + client);
  return fields.join("; ");
}

function reasonValue(input: AuditInput): string {
  const j = input.justification;
  if (!j || !isReasonCode(String(j.code))) return "code=none";
  let value = "code=" + j.code;
  if (j.text !== undefined) {
    const text = normalizeReasonText(String(j.text));
    const encoded = text ? encodeReasonText(text) : "";
    const safe = text && reasonTextProblems(text, input.policy).length === 0 && ("; text=" + encoded).length + value.length <= MAX_HEADER_VALUE;
    value += safe ? "; text=" + encoded : "; dropped=text";
  }
  return value;
}

/**
 * The three headers for a decision. Never throws; every value satisfies `isSafeHeaderValue` (a value that would not
 * is replaced by a minimal one that says so).
 */
export function composeAuditHeaders(input: AuditInput): AuditHeaders {
  const verdict: Action = ACTION_ORDER.indexOf(input.decision.action) >= 0 ? input.decision.action : "block";
  let check: string;
  let reason = "code=none";
  try {
    // Shorten the lists until the value fits (counts first: the rule ids matter more).
    let maxRules = 20;
    let maxCounts = 30;
    check = checkValue(input, maxRules, maxCounts);
    while (check.length > MAX_HEADER_VALUE && (maxCounts > 0 || maxRules > 0)) {
      if (maxCounts > 0) maxCounts = Math.max(0, maxCounts - 5);
      else maxRules = Math.max(0, maxRules - 5);
      check = checkValue(input, maxRules, maxCounts);
    }
    reason = reasonValue(input);
  } catch (e) {
    check = "";
  }
  if (!isSafeHeaderValue(check)) check = "v=" + AUDIT_FORMAT_VERSION + "; error=unsafe";
  if (!isSafeHeaderValue(reason)) reason = "code=none; dropped=text";
  const out: AuditHeaders = {};
  out[VERDICT_HEADER] = verdict;
  out[CHECK_HEADER] = check;
  out[REASON_HEADER] = reason;
  return out;
}

/**
 * "Name: value" as it appears in a message file, folded (RFC 5322 §2.2.3) at spaces so lines stay within 78
 * characters where a space allows; a CRLF is inserted before the space, so unfolding gives the value back exactly.
 */
export function formatHeaderField(name: string, value: string): string {
  const words = value.split(" ");
  let out = name + ":";
  let line = out.length;
  for (let i = 0; i < words.length; i++) {
    const w = words[i] as string;
    if (i > 0 && line + 1 + w.length > 78) {
      out += "\r\n " + w;
      line = 1 + w.length;
    } else {
      out += " " + w;
      line += 1 + w.length;
    }
  }
  return out;
}

// ---- reading back (dlp report) --------------------------------------------------------------------------------------

export interface AuditReason {
  code: string;
  text?: string;
  /** The add-in dropped the text (it did not pass the checks). */
  dropped?: boolean;
}

/** What the headers of one message say. Fields a header did not give are undefined or empty. */
export interface AuditRecord {
  verdict?: Action;
  format?: number;
  product?: string;
  policy?: string;
  rules: string[];
  /** "+N" at the end of the rule list: rules that fired but did not fit. */
  rulesOmitted: number;
  counts: { [detector: string]: number };
  unscanned: { [reason: string]: number };
  client?: string;
  reason?: AuditReason;
  /** What was malformed, one short sentence each (never the header's text). */
  problems: string[];
}

function parseFields(value: string, header: string, problems: string[]): { [key: string]: string } {
  const out: { [key: string]: string } = {};
  const parts = value.split(";");
  for (let i = 0; i < parts.length; i++) {
    const p = (parts[i] as string).trim();
    if (!p) continue;
    const eq = p.indexOf("=");
    if (eq <= 0) {
      problems.push(header + ": a field without key=value");
      continue;
    }
    const key = p.slice(0, eq).trim().toLowerCase();
    if (out[key] !== undefined) problems.push(header + ": " + key + " given twice");
    else out[key] = p.slice(eq + 1).trim();
  }
  return out;
}

function parseList(value: string | undefined, what: string, problems: string[]): { items: string[]; omitted: number } {
  if (value === undefined || value === EMPTY_LIST || value === "") return { items: [], omitted: 0 };
  const items: string[] = [];
  let omitted = 0;
  const parts = value.split(",");
  for (let i = 0; i < parts.length; i++) {
    const p = (parts[i] as string).trim();
    if (/^\+\d+\+?$/.test(p)) omitted += parseInt(p.slice(1), 10);
    else if (p) items.push(p);
    else problems.push(CHECK_HEADER + ": an empty item in " + what);
  }
  return { items, omitted };
}

function parseCounts(value: string | undefined, what: string, problems: string[]): { [id: string]: number } {
  const out: { [id: string]: number } = {};
  const { items } = parseList(value, what, problems);
  for (let i = 0; i < items.length; i++) {
    const m = /^([a-z0-9-]+):(\d+)\+?$/.exec(items[i] as string);
    if (!m) {
      problems.push(CHECK_HEADER + ": " + what + " item is not id:count");
      continue;
    }
    out[m[1] as string] = (out[m[1] as string] || 0) + parseInt(m[2] as string, 10);
  }
  return out;
}

/**
 * Reads the three headers back. `headers` maps a lower-case header name to its values (unfolded, in file order; more
 * than one value is itself a problem). Returns null when the message carries none of them.
 */
export function parseAuditHeaders(headers: { [lowerName: string]: string[] | undefined }): AuditRecord | null {
  const get = (name: string) => headers[name.toLowerCase()] || [];
  const verdicts = get(VERDICT_HEADER);
  const checks = get(CHECK_HEADER);
  const reasons = get(REASON_HEADER);
  if (!verdicts.length && !checks.length && !reasons.length) return null;
  const problems: string[] = [];
  const record: AuditRecord = { rules: [], rulesOmitted: 0, counts: {}, unscanned: {}, problems };
  const first = (values: string[], name: string): string | undefined => {
    if (values.length > 1) problems.push(name + " appears " + values.length + " times");
    return values.length ? (values[0] as string).trim() : undefined;
  };

  const verdict = first(verdicts, VERDICT_HEADER);
  if (verdict === undefined) problems.push(VERDICT_HEADER + " is missing");
  else if (ACTION_ORDER.indexOf(verdict.toLowerCase() as Action) >= 0) record.verdict = verdict.toLowerCase() as Action;
  else problems.push(VERDICT_HEADER + " is not allow, warn or block");

  const check = first(checks, CHECK_HEADER);
  if (check === undefined) problems.push(CHECK_HEADER + " is missing");
  else {
    const f = parseFields(check, CHECK_HEADER, problems);
    if (f.v === undefined) problems.push(CHECK_HEADER + ": no v=");
    else if (!/^\d+$/.test(f.v)) problems.push(CHECK_HEADER + ": v is not a number");
    else {
      record.format = parseInt(f.v, 10);
      if (record.format !== AUDIT_FORMAT_VERSION) problems.push(CHECK_HEADER + ": format v=" + record.format + " is not known to this version");
    }
    if (f.product !== undefined) record.product = f.product;
    if (f.policy !== undefined) {
      if (/^[a-z]{8}$/.test(f.policy)) record.policy = f.policy;
      else problems.push(CHECK_HEADER + ": policy is not an 8-letter version");
    }
    const rules = parseList(f.rules, "rules", problems);
    for (let i = 0; i < rules.items.length; i++) {
      const id = rules.items[i] as string;
      if (ID.test(id)) record.rules.push(id);
      else problems.push(CHECK_HEADER + ": a rule id is not kebab-case");
    }
    record.rulesOmitted = rules.omitted;
    record.counts = parseCounts(f.counts, "counts", problems);
    record.unscanned = parseCounts(f.unscanned, "unscanned", problems);
    if (f.client !== undefined && CLIENT.test(f.client)) record.client = f.client;
  }

  const reason = first(reasons, REASON_HEADER);
  if (reason !== undefined) {
    const f = parseFields(reason, REASON_HEADER, problems);
    if (f.code === undefined) problems.push(REASON_HEADER + ": no code=");
    else if (f.code !== "none") {
      if (!ID.test(f.code)) problems.push(REASON_HEADER + ": code is not kebab-case");
      else {
        const r: AuditReason = { code: f.code };
        if (f.text !== undefined) {
          const text = decodeReasonText(f.text);
          if (text === null) problems.push(REASON_HEADER + ": text has a broken %-escape");
          else r.text = text;
        }
        if (f.dropped === "text") r.dropped = true;
        record.reason = r;
      }
    }
  }
  return record;
}
