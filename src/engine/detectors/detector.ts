/**
 * The contract of one built-in identifier detector (one file per identifier in this folder, test beside it,
 * registered with one line in ./index.ts). The engine (../scan.ts) owns the pipeline around it:
 *   candidates (pattern) → validate → invalidate → context keywords → allowlist → de-duplication.
 * A detector only says what its identifier looks like and how to check it; it never sees the policy.
 *
 * Syntax rule: everything here reaches the classic-Windows handler, so regexes must be ES2016 (no lookbehind, no named
 * groups, no \p{…}, no `s` flag) and no ES2017+ library calls (tsconfig.runtime.json enforces the library).
 */
import type { Confidence } from "../types";

/** Languages the keywords cover: the policy's languages (cs shares Slovak's detector). */
export type KeywordLang = "en" | "sk" | "cs" | "nb" | "fi" | "hi" | "ur";

/**
 * What a detector or signal is, for policies: rules name a group (`identifiers`) and every member is enforced, so a new
 * detector is enforced without editing the policy. See ../registry.ts for the policy's group names.
 */
export type DetectorGroup = "identifier" | "business" | "email" | "customer-list" | "link" | "recipient" | "message";

/** Languages every display name is written in (the add-in's locales; src/i18n checks it is the same list). */
export type NameLocale = "en" | "sk" | "nb" | "fi" | "hi" | "ur";

/** Count-dependent text per CLDR plural category; `{count}` is filled in. Same shape as src/i18n's Plural. */
export interface PluralForms {
  zero?: string;
  one?: string;
  two?: string;
  few?: string;
  many?: string;
  other: string;
}

export interface DisplayName {
  /** For headings: "Card number". */
  name: string;
  /** For sentences: "{count} card numbers". */
  count: PluralForms;
}

/** What every registry entry (text detector or signal) declares in its own file. */
export interface Registered<Id extends string = string> {
  /** kebab-case, the same as the file name, the export (camelCase) and the policy key. */
  id: Id;
  group: DetectorGroup;
  /** One-line description for check-policy and the docs. */
  description: string;
  /** Display names in every add-in language (the i18n catalogs may override one). */
  names: Record<NameLocale, DisplayName>;
}

/**
 * A signal: a fact about a message that rules can name, found by code other than a text pattern (an aggregate of
 * addresses, a file name, the recipients, a part that could not be read).
 */
export type Signal<Id extends string = string> = Registered<Id>;

export interface Validation {
  ok: boolean;
  /** What was checked ("luhn ok", "date 1952-10-13 exists", "area 078 publicised"), for explain and tests. */
  reasons: string[];
  /** Confidence with no keyword nearby: "medium" for a valid checksum, "low" for pattern-only identifiers. */
  confidence: Confidence;
  /**
   * The candidate counts only with one of the detector's keywords in its window (a form too common to report on its
   * shape alone, e.g. a CNIC as 13 bare digits); without one the engine drops it.
   */
  keywordRequired?: boolean;
}

/**
 * One digit run a match holds (DetectorCore.runs): its length (a number, or [min, max]; 31 stands for 31 or more)
 * and, with `after`, what stands just before it: "letter" an ASCII letter directly ("ABCDE1234F"), "capital" an ASCII
 * capital directly or across one space ("SK 2021234567", "FI12345678"); with `twice`, two runs of that length.
 */
export interface RunNeed {
  len: number | readonly [number, number];
  after?: "letter" | "capital";
  /** At least two such runs ("4 4 4"); not combined with `after`. */
  twice?: boolean;
}

/**
 * What the scanner runs: a pattern, its validator, keywords and masking. Built-in detectors add the registry fields
 * (`Detector`); a policy's custom pattern compiles to this alone (../custom-pattern.ts).
 */
export interface DetectorCore {
  /** kebab-case id (for custom patterns: the policy's id). */
  id: string;
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
  /**
   * Optional second prefilter (additive): the fewest consecutive digits the longest digit run of any match holds
   * ("[0-9]{7}-[0-9]": 7). The engine skips regions whose longest digit run is shorter. Omitted: 1.
   */
  minRun?: number;
  /**
   * Optional third prefilter (additive): the digit runs every match holds, as alternatives (any one suffices); an
   * alternative lists runs that must all be present. A run is a whole run of consecutive digits (the engine rejects
   * matches cut out of a longer run, so a pattern's `[0-9]{7}-` holds a run of exactly 7). The engine skips regions
   * holding no alternative, read from the digit runs of their clusters (../scan.ts, `RUN_GATE`). Omitted: no gate.
   */
  runs?: ReadonlyArray<ReadonlyArray<RunNeed>>;
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

/** A built-in text detector: what the scanner runs plus what the registry declares (id, group, names). */
export interface Detector<Id extends string = string> extends DetectorCore, Registered<Id> {
  id: Id;
}
