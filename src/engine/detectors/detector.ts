/**
 * The contract of one built-in identifier detector (one file per identifier in this folder, test beside it,
 * registered with one line in ./index.ts). The engine (../scan.ts) owns the pipeline around it:
 *   candidates (pattern) → validate → invalidate → context keywords → allowlist → de-duplication.
 * A detector only says what its identifier looks like and how to check it; it never sees the policy.
 *
 * Syntax rule: everything here reaches the classic-Windows handler, so regexes must be ES2016 (no lookbehind, no named
 * groups, no \p{…}, no `s` flag) and no ES2017+ library calls (tsconfig.runtime.json enforces the library).
 */
import type { Confidence, DetectorId } from "../types";

/** Languages the keywords cover: the policy's languages (cs shares Slovak's detector). */
export type KeywordLang = "en" | "sk" | "cs" | "nb" | "fi" | "hi" | "ur";

export interface Validation {
  ok: boolean;
  /** What was checked ("luhn ok", "date 1952-10-13 exists", "area 078 publicised"), for explain and tests. */
  reasons: string[];
  /** Confidence with no keyword nearby: "medium" for a valid checksum, "low" for pattern-only identifiers. */
  confidence: Confidence;
}

export interface Detector {
  /** kebab-case, the same as the file name, the export (camelCase) and the policy key. */
  id: DetectorId;
  /** One-line description for check-policy and the docs. */
  description: string;
  /**
   * Candidates in the normalized text (NFKC digits, NBSP → space). No `g` flag: the engine adds it. The engine rejects
   * matches glued to a longer digit or letter run on either side, so the pattern need not encode boundaries.
   */
  pattern: RegExp;
  /**
   * Optional fast prefilter (additive): the fewest ASCII digits any match contains. The engine runs `pattern` only on
   * regions around digit clusters (digit runs at most 8 characters apart, plus 24 characters either side for letter
   * prefixes/suffixes) that hold at least this many digits. Omitted: 1. Patterns whose matches can hold no digit at
   * all must set 0, and are then run over the whole text.
   */
  minDigits?: number;
  /** Does the identifier have a check digit? (Decides how keywords raise confidence.) */
  checksum: boolean;
  /** Validation of one candidate (the matched text, separators included). */
  validate(candidate: string): Validation;
  /** Keywords per language, lower-case and diacritic-folded; matched fuzzily where inflection changes the word. */
  keywords: Partial<Record<KeywordLang, readonly string[]>>;
  /** Display-safe form of a candidate: "***-**-6789", "**** **** **** 1111". */
  mask(candidate: string): string;
  /** Checked by one generic test: every `match` is found whole, no `noMatch` is found. Published/generated numbers only. */
  examples: { match: readonly string[]; noMatch: readonly string[] };
}
