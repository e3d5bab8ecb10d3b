/**
 * Plural categories for the served languages. `Intl.PluralRules` is used when the runtime has it and supports the locale
 * (browsers, Node, new Outlook); classic Outlook's JavaScript-only runtime is not documented to provide `Intl`, so a small
 * hand-written table of the CLDR integer rules for these six languages is the fallback. The two agree on 0…10000
 * (tested). Counts are always non-negative integers here.
 */
import type { Plural } from "./messages/types";
import type { Locale } from "./locale";

export type PluralCategory = keyof Plural;

/** CLDR cardinal rules restricted to integers (v = 0). */
const TABLE: { [L in Locale]: (n: number) => PluralCategory } = {
  en: (n) => (n === 1 ? "one" : "other"),
  nb: (n) => (n === 1 ? "one" : "other"),
  fi: (n) => (n === 1 ? "one" : "other"),
  ur: (n) => (n === 1 ? "one" : "other"),
  // Hindi: i = 0 or n = 1 → one (0 and 1 take the singular).
  hi: (n) => (n === 0 || n === 1 ? "one" : "other"),
  // Slovak: 1 → one; 2–4 → few; many is for fractions only.
  sk: (n) => (n === 1 ? "one" : n >= 2 && n <= 4 ? "few" : "other"),
};

export function tablePluralCategory(locale: Locale, n: number): PluralCategory {
  const rule = Object.prototype.hasOwnProperty.call(TABLE, locale) ? TABLE[locale] : TABLE.en;
  return rule(n);
}

interface PluralRulesLike {
  select(n: number): string;
}

const cache: { [locale: string]: PluralRulesLike | null } = {};

/** The runtime's Intl.PluralRules for `locale`, or null when absent or when it does not know the locale. */
export function intlPluralRules(locale: Locale, intl?: unknown): PluralRulesLike | null {
  const useCache = intl === undefined;
  if (useCache && Object.prototype.hasOwnProperty.call(cache, locale)) return cache[locale] as PluralRulesLike | null;
  let rules: PluralRulesLike | null = null;
  try {
    const I = (useCache ? (typeof Intl === "object" ? Intl : undefined) : intl) as
      | { PluralRules?: { new (l: string): PluralRulesLike; supportedLocalesOf?(l: string[]): string[] } }
      | undefined;
    const PR = I && I.PluralRules;
    if (typeof PR === "function" && (!PR.supportedLocalesOf || PR.supportedLocalesOf([locale]).length > 0)) {
      rules = new PR(locale);
    }
  } catch (e) {
    rules = null;
  }
  if (useCache) cache[locale] = rules;
  return rules;
}

/** The plural category of `n` in `locale`: Intl.PluralRules when available, else the table. */
export function pluralCategory(locale: Locale, n: number, intl?: unknown): PluralCategory {
  const rules = intlPluralRules(locale, intl);
  if (rules) {
    const c = rules.select(n);
    if (c === "zero" || c === "one" || c === "two" || c === "few" || c === "many" || c === "other") return c;
  }
  return tablePluralCategory(locale, n);
}

/** Picks the form for `n` (falling back to `other`). */
export function pluralForm(locale: Locale, forms: Plural, n: number): string {
  const c = pluralCategory(locale, n);
  return forms[c] || forms.other;
}
