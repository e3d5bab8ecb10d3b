/**
 * "Send with a reason": the reason an employee gives for sending a warned message, recorded in the X-ThinkFirst-Reason
 * header (./audit-headers.ts). A reason is a code from a fixed list plus an optional short text. The text goes into a
 * mail header that leaves the employee's hands, so it must not carry what the warning was about: it is refused when the
 * engine's scanner finds anything in it (every detector on, every confidence, no allowlist), when it holds an e-mail
 * address or an "@", a number of 6 or more digits (written in groups or not: a date, an account or a customer
 * number), or the characters masked values are written with ("**** 1111"). The policy names the rules that need a reason (`requireReason: true` on a warn rule).
 *
 * Pure ES2016: the task pane validates with it, and the send handler re-checks before stamping.
 */
import { createScanner, type Scanner } from "../engine";
import type { DetectorSettings, Policy } from "../engine/policy/types";
import type { Decision } from "../engine/types";
import { normalizeText } from "../engine/normalize";

/** Reason codes, stable ids (the labels are localized in i18n `justification.codes`). */
export const REASON_CODES = ["customer-consent", "business-need", "false-positive", "other"] as const;
export type ReasonCode = (typeof REASON_CODES)[number];
/** The code that needs a text. */
export const CODE_NEEDING_TEXT: ReasonCode = "other";
/** Longest reason text, in characters (code points), after white space is collapsed. */
export const MAX_REASON_TEXT = 100;
/** Longest run of digits a reason text (or any audit header value) may hold; separators between digits are ignored. */
export const MAX_DIGIT_RUN = 5;

export interface Justification {
  code: ReasonCode;
  /** Normalized text (white space collapsed, control characters removed); absent when none was given. */
  text?: string;
}

export type JustificationProblem =
  | { kind: "unknown-code"; code: string }
  | { kind: "text-required" }
  | { kind: "too-long"; max: number; length: number }
  /** Detector ids the scanner found (never the values). */
  | { kind: "identifier"; detectors: string[] }
  | { kind: "email-address" }
  | { kind: "long-number"; max: number }
  /** A masked value copied from the warning ("**** **** **** 1111"): mask characters are not allowed. */
  | { kind: "masked-value" };

export type JustificationResult = { ok: true; justification: Justification } | { ok: false; problems: JustificationProblem[] };

export function isReasonCode(code: string): code is ReasonCode {
  return (REASON_CODES as readonly string[]).indexOf(code) >= 0;
}

/** White space runs (line breaks included) → one space, C0/C1 control characters dropped, trimmed. */
export function normalizeReasonText(text: string): string {
  return text.replace(/[\u0000-\u0008\u000e-\u001f\u007f-\u009f]/g, "").replace(/\s+/g, " ").trim();
}

/** Code points in a string (a surrogate pair counts once). */
export function codePointLength(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < s.length) {
      const d = s.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) i++;
    }
    n++;
  }
  return n;
}

/**
 * The longest run of digits in `text`, every script's digits counted (the engine's normalization maps them to ASCII),
 * with spaces, dashes, dots, slashes and similar separators between two digits ignored: "12 345-678" is a run of 8.
 */
export function longestDigitRun(text: string): number {
  const t = normalizeText(text).text;
  let longest = 0;
  let run = 0;
  let pendingSeparator = false;
  for (let i = 0; i < t.length; i++) {
    const c = t.charCodeAt(i);
    if (c >= 48 && c <= 57) {
      run = pendingSeparator || run > 0 ? run + 1 : 1;
      pendingSeparator = false;
      if (run > longest) longest = run;
    } else if (run > 0 && !pendingSeparator && isDigitSeparator(c)) {
      pendingSeparator = true;
    } else {
      run = 0;
      pendingSeparator = false;
    }
  }
  return longest;
}

/** Characters people write between groups of digits: space, - . / , ' _ ( ) and the dashes U+2010–2015. */
function isDigitSeparator(c: number): boolean {
  return c === 32 || c === 45 || c === 46 || c === 47 || c === 44 || c === 39 || c === 95 || c === 40 || c === 41 || (c >= 0x2010 && c <= 0x2015);
}

/** Characters masked values are written with (the engine's "*", the bullets and stars of other renderings). */
const MASK_CHARACTERS = /[*\u2022\u25cf\u2217\u2731\uff0a]/;

const strictScanners = new WeakMap<Policy, Scanner>();

/**
 * The policy's scanner with every detector on at the lowest confidence and no value allowlist: a reason text must hold
 * nothing any detector recognises, whatever the policy enforces.
 */
function strictScanner(policy: Policy): Scanner {
  let s = strictScanners.get(policy);
  if (!s) {
    const detectors: Record<string, DetectorSettings> = {};
    const ids = Object.keys(policy.detectors);
    for (let i = 0; i < ids.length; i++) {
      const id = ids[i] as string;
      const d = policy.detectors[id] as DetectorSettings;
      detectors[id] = { enabled: true, minConfidence: "low", keywords: d.keywords, window: d.window };
    }
    const custom = policy.customPatterns.map((c) => ({ ...c, confidence: "low" as const }));
    s = createScanner({ ...policy, detectors, customPatterns: custom, allowlists: { ...policy.allowlists, values: [] } });
    strictScanners.set(policy, s);
  }
  return s;
}

/** The problems of a reason text alone (empty list: safe to stamp). Expects a normalized text. */
export function reasonTextProblems(text: string, policy: Policy): JustificationProblem[] {
  const problems: JustificationProblem[] = [];
  const length = codePointLength(text);
  if (length > MAX_REASON_TEXT) problems.push({ kind: "too-long", max: MAX_REASON_TEXT, length });
  const findings = strictScanner(policy).scan(text);
  const ids: string[] = [];
  let email = text.indexOf("@") >= 0 || text.indexOf("\uff20") >= 0;
  for (let i = 0; i < findings.length; i++) {
    const id = (findings[i] as { detector: string }).detector;
    if (id === "email-address" || id === "email-list") email = true;
    else if (ids.indexOf(id) < 0) ids.push(id);
  }
  if (ids.length) problems.push({ kind: "identifier", detectors: ids.sort() });
  if (email) problems.push({ kind: "email-address" });
  if (longestDigitRun(text) > MAX_DIGIT_RUN) problems.push({ kind: "long-number", max: MAX_DIGIT_RUN });
  if (MASK_CHARACTERS.test(text)) problems.push({ kind: "masked-value" });
  return problems;
}

/** Checks a reason as the employee entered it; on success returns it normalized, ready for the header. */
export function validateJustification(input: { code: string; text?: string }, policy: Policy): JustificationResult {
  const problems: JustificationProblem[] = [];
  if (!isReasonCode(input.code)) problems.push({ kind: "unknown-code", code: String(input.code).slice(0, 40) });
  const text = normalizeReasonText(input.text || "");
  if (!text && input.code === CODE_NEEDING_TEXT) problems.push({ kind: "text-required" });
  if (text) {
    const p = reasonTextProblems(text, policy);
    for (let i = 0; i < p.length; i++) problems.push(p[i] as JustificationProblem);
  }
  if (problems.length) return { ok: false, problems };
  const justification: Justification = { code: input.code as ReasonCode };
  if (text) justification.text = text;
  return { ok: true, justification };
}

/** Ids of the fired warn rules whose policy rule says `requireReason: true` (policy order). */
export function rulesNeedingReason(decision: Decision, policy: Policy): string[] {
  const fired: string[] = [];
  for (let i = 0; i < decision.rules.length; i++) {
    const r = decision.rules[i] as Decision["rules"][number];
    if (r.action === "warn") fired.push(r.id);
  }
  const out: string[] = [];
  for (let i = 0; i < policy.rules.length; i++) {
    const rule = policy.rules[i] as Policy["rules"][number];
    if (rule.requireReason && fired.indexOf(rule.id) >= 0) out.push(rule.id);
  }
  return out;
}
