/**
 * A detector built from data: a policy's custom pattern (id, regex, optional built-in checksum, keywords, examples).
 * The regex runs on the linear-time engine (./linear-regex.ts: linear time, whatever the pattern), through `matcher`:
 * the scanner uses it in place of a native RegExp. `pattern` is a native placeholder that matches nothing (the
 * DetectorCore contract asks for a RegExp; the scanner reads its flags); patterns the engine refuses throw here, and
 * the policy compiler reports them.
 * Confidence: the pattern's `confidence` alone; a keyword nearby raises it one step (the scanner does that for every
 * detector built here, see `isCustom`).
 */
import type { CustomPattern } from "./policy/types";
import type { DetectorCore, Validation } from "./detectors/detector";
import { checksumById } from "./checksums";
import { maskLast4 } from "./mask";
import { compileLinear, LinearFinder, programSize, wholeTester, type FinderMatch } from "./linear-regex";

const CUSTOM = "__thinkFirstCustom";
const MATCHER = "__thinkFirstMatcher";

/** What the scanner runs for a detector that brings its own matcher (custom patterns: the linear-time engine). */
export interface DetectorMatcher {
  /** A fresh finder with RegExp's g-flag protocol: `lastIndex` and `exec`. */
  finder(): { lastIndex: number; exec(text: string): FinderMatch | null };
  /** Does a whole candidate match (anchored at both ends)? */
  whole(): { lastIndex: number; test(text: string): boolean };
}

/** "igy" → "i" (only i and m mean anything to the engine; u is implied, g and y are the engine's business). */
function flagsOf(p: CustomPattern): string {
  let flags = "";
  for (const f of p.flags || "") if ((f === "i" || f === "m") && flags.indexOf(f) < 0) flags += f;
  return flags;
}

export function compileCustomPattern(p: CustomPattern): DetectorCore {
  const flags = flagsOf(p);
  const linear = compileLinear(p.pattern, flags);
  if ("problem" in linear) throw new Error("custom pattern '" + p.id + "': " + linear.problem);
  const check = p.checksum ? checksumById(p.checksum) : undefined;
  if (p.checksum && !check) throw new Error("custom pattern '" + p.id + "': unknown checksum '" + p.checksum + "'");
  const confidence = p.confidence || "low";
  const validate = (candidate: string): Validation => {
    if (check && !check(candidate)) return { ok: false, reasons: [p.checksum + " failed"], confidence };
    return { ok: true, reasons: check ? ["pattern matched", p.checksum + " ok"] : ["pattern matched"], confidence };
  };
  const d: DetectorCore = {
    id: p.id,
    description: p.description || "custom pattern " + p.id,
    // Never matches; the scanner runs `matcher` instead (see the file header).
    pattern: new RegExp("[^\\s\\S]", flags + "u"),
    minDigits: 0,
    checksum: !!check,
    validate,
    keywords: { en: (p.keywords || []).slice() },
    mask: maskLast4,
    examples: { match: (p.examples && p.examples.match) || [], noMatch: (p.examples && p.examples.noMatch) || [] },
  };
  const matcher: DetectorMatcher = { finder: () => new LinearFinder(linear), whole: () => wholeTester(linear) };
  (d as unknown as Record<string, unknown>)[CUSTOM] = true;
  (d as unknown as Record<string, unknown>)[MATCHER] = matcher;
  return d;
}

/**
 * The largest program (instructions of the linear-time engine) among a policy's custom patterns, 0 without any or for
 * patterns that do not compile: what a character of text can cost the scanner beyond the built-in detectors.
 */
export function largestCustomProgram(patterns: readonly CustomPattern[] | undefined): number {
  let largest = 0;
  for (const p of patterns || []) {
    const linear = p && typeof p.pattern === "string" ? compileLinear(p.pattern, flagsOf(p)) : { problem: "" };
    if (!("problem" in linear)) largest = Math.max(largest, programSize(linear));
  }
  return largest;
}

/** True for detectors built by compileCustomPattern. */
export function isCustom(d: DetectorCore): boolean {
  return (d as unknown as Record<string, boolean>)[CUSTOM] === true;
}

/** The linear-time matcher of a detector built by compileCustomPattern (undefined for built-in detectors). */
export function matcherOf(d: DetectorCore): DetectorMatcher | undefined {
  return (d as unknown as Record<string, DetectorMatcher | undefined>)[MATCHER];
}
