/**
 * Localized strings and the Think First dialog text (pure).
 * PLACEHOLDER from the foundation; the localization issue fills it in (messages/en.ts is the source of truth).
 */
import type { Decision } from "../engine/types";
import type { Policy } from "../engine/policy/types";

export type Locale = "en" | "sk" | "nb" | "fi" | "hi" | "ur";
export const LOCALES: readonly Locale[] = ["en", "sk", "nb", "fi", "hi", "ur"];

export interface DialogText {
  /** Plain text, ≤ 500 characters. */
  errorMessage: string;
  /** Markdown, ≤ 500 characters (Mailbox 1.15). */
  errorMessageMarkdown: string;
  /** ≤ 20 characters. */
  cancelLabel: string;
}

/** Outlook display language (e.g. "nb-NO", "es-MX") → a supported locale, falling back to English. */
export function resolveLocale(displayLanguage: string | undefined): Locale {
  const lang = (displayLanguage || "en").toLowerCase().split(/[-_]/)[0] || "en";
  return (LOCALES as readonly string[]).indexOf(lang) >= 0 ? (lang as Locale) : "en";
}

export function renderDialog(decision: Decision, _policy: Policy, _locale: Locale): DialogText {
  const msg = `Think First: this message was stopped (${decision.action}).`;
  return { errorMessage: msg, errorMessageMarkdown: msg, cancelLabel: "Take Action" };
}

/** Info-bar notification text (≤ 150 characters), for pre-scan events. */
export function renderNotification(decision: Decision, _policy: Policy, _locale: Locale): string {
  return `Think First: this message may break the policy (${decision.action}).`;
}
