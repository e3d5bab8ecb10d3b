/**
 * The add-in's gate for a policy it did not compile itself: the tenant's policy.json (downloaded outside the send path)
 * and its cached copy. One validator for every policy: the same compiler `dlp check-policy` runs (./compile.ts: shape,
 * ranges, ids, enums, custom patterns on the linear-time engine) plus check-policy's example run through the real scanner, so the add-in accepts
 * exactly what check-policy accepts, and uses the policy as compiled (defaults filled in: a policy.json from an older
 * build that lacks a newer detector's settings gets that detector's defaults). Anything else is refused with a reason,
 * and the caller keeps the last good policy. Pure, ES2016 (it runs in launchevent.js).
 *
 * Size cap, MAX_POLICY_CHARS = 768 KB of JSON: 120 × the default compiled policy (6.2 KB since the recipient rules;
 * it was 512 KB for a 3.2 KB default), far more than any real policy (hundreds of rules and keywords), while a file at
 * the cap parses and validates in tens of milliseconds (measured: 29 ms median in Node 20 for 786,000 characters of
 * rules, 35 ms at 524,000 on the same loaded machine), inside the send handler's 250 ms allowance for reading the
 * cached policy (on-message-send.ts CACHE_READ_MS). A larger file is refused before it is parsed.
 */
import { compilePolicy } from "./compile";
import { PolicyError } from "./errors";
import type { Policy } from "./types";
import { createScanner } from "../scan";

export const MAX_POLICY_CHARS = 768 * 1024;

export interface PolicyRefusal {
  /** too-large: over MAX_POLICY_CHARS; not-json: does not parse; invalid: check-policy would refuse it. */
  kind: "too-large" | "not-json" | "invalid";
  /** The first problem, as check-policy words it ("policy.json: timeBudgetMs: must be at most 30000, got 250000"). */
  detail: string;
  /** How many problems in all. */
  problems: number;
}

export type Acceptance = { ok: true; policy: Policy } | { ok: false; refusal: PolicyRefusal };

const refuse = (kind: PolicyRefusal["kind"], detail: string, problems = 1): Acceptance => ({ ok: false, refusal: { kind, detail, problems } });

/** Validates policy.json text: size, JSON, then acceptPolicyObject. Never throws. */
export function acceptPolicyJson(text: unknown, file = "policy.json"): Acceptance {
  if (typeof text !== "string") return refuse("not-json", file + ": not text");
  if (text.length > MAX_POLICY_CHARS) return refuse("too-large", file + ": " + text.length + " characters (at most " + MAX_POLICY_CHARS + ")");
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (e) {
    return refuse("not-json", file + ": not JSON (" + messageOf(e) + ")");
  }
  return acceptPolicyObject(raw, file);
}

/** Validates an already-parsed policy (the cached copy). Never throws. */
export function acceptPolicyObject(raw: unknown, file = "policy.json"): Acceptance {
  let policy: Policy;
  try {
    policy = compilePolicy(raw, file).policy;
  } catch (e) {
    if (e instanceof PolicyError) return refuse("invalid", e.lines[0] || file + ": invalid", e.lines.length);
    return refuse("invalid", file + ": " + messageOf(e));
  }
  try {
    const bad = exampleProblems(policy, file);
    if (bad.length) return refuse("invalid", bad[0] as string, bad.length);
  } catch (e) {
    return refuse("invalid", file + ": " + messageOf(e));
  }
  return { ok: true, policy };
}

/**
 * check-policy's example run: every `match` example of a custom pattern gives a finding of that pattern through the
 * whole scanner (another detector may win the same text), no `noMatch` example does.
 */
export function exampleProblems(policy: Policy, file: string): string[] {
  if (!policy.customPatterns.length) return [];
  const scanner = createScanner(policy);
  const out: string[] = [];
  for (const p of policy.customPatterns) {
    const found = (text: string) => scanner.scan(text).some((f) => f.detector === p.id);
    p.examples.match.forEach((t, i) => {
      if (!found(t)) out.push(file + ": customPatterns \"" + p.id + "\".examples.match[" + i + "]: " + JSON.stringify(t) + " gives no " + p.id + " finding");
    });
    p.examples.noMatch.forEach((t, i) => {
      if (found(t)) out.push(file + ": customPatterns \"" + p.id + "\".examples.noMatch[" + i + "]: " + JSON.stringify(t) + " gives a " + p.id + " finding");
    });
  }
  return out;
}

function messageOf(e: unknown): string {
  return e && typeof (e as Error).message === "string" ? (e as Error).message : String(e);
}
