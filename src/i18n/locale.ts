/** The supported locales and the resolver from an Outlook display language. Pure, ES2016. */
import type { NameLocale } from "../engine/detectors/detector";

/** The add-in's languages: the ones every detector's display names are written in (src/engine/detectors/detector.ts). */
export type Locale = NameLocale;
export const LOCALES: readonly Locale[] = ["en", "sk", "nb", "fi", "hi", "ur"];

/**
 * Language subtag → locale. Besides the six languages: Norwegian `no` and Nynorsk `nn` read Bokmål; Czech `cs` reads
 * Slovak (the two are mutually intelligible and the policy's term "rodné číslo" is the same) — see docs/i18n.md.
 */
const LANGUAGE_TO_LOCALE: { [language: string]: Locale } = {
  en: "en",
  sk: "sk",
  cs: "sk",
  nb: "nb",
  no: "nb",
  nn: "nb",
  fi: "fi",
  hi: "hi",
  ur: "ur",
};

const TAG = /^[A-Za-z]{2,3}(?:[-_][A-Za-z0-9]{1,8})*$/;

/**
 * BCP 47 fallback chain, most specific first, lower-cased: "zh-Hant-TW" → ["zh-hant-tw", "zh-hant", "zh"], then "en".
 * Anything that is not a language tag gives ["en"].
 */
export function fallbackChain(displayLanguage: string | undefined | null): string[] {
  const tag = typeof displayLanguage === "string" ? displayLanguage.trim() : "";
  if (!TAG.test(tag)) return ["en"];
  const parts = tag.toLowerCase().split(/[-_]/);
  const chain: string[] = [];
  for (let i = parts.length; i > 0; i--) chain.push(parts.slice(0, i).join("-"));
  if (chain[chain.length - 1] !== "en") chain.push("en");
  return chain;
}

/** Outlook display language (e.g. "nb-NO", "es-MX") → a supported locale, falling back to English. */
export function resolveLocale(displayLanguage: string | undefined | null): Locale {
  const chain = fallbackChain(displayLanguage);
  for (let i = 0; i < chain.length; i++) {
    const key = chain[i] as string;
    if (Object.prototype.hasOwnProperty.call(LANGUAGE_TO_LOCALE, key)) return LANGUAGE_TO_LOCALE[key] as Locale;
  }
  return "en";
}

/** A supported locale as is; anything else (a display language such as "fi-FI", junk) through resolveLocale. */
export function toLocale(value: string | undefined | null): Locale {
  return typeof value === "string" && (LOCALES as readonly string[]).indexOf(value) >= 0 ? (value as Locale) : resolveLocale(value);
}

/** Text direction of a locale. */
export function isRtl(locale: Locale): boolean {
  return locale === "ur";
}

