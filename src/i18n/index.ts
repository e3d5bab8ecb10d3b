/**
 * Localized strings and the Think First dialog text (pure, ES2016: it is bundled into launchevent.js).
 * messages/en.ts is the source of truth; sk, nb, fi, hi and ur are typed against it. See docs/i18n.md.
 *
 *   const locale = resolveLocale(Office.context.displayLanguage);   // "nb-NO" → "nb", "es-MX" → "en"
 *   const { errorMessage, errorMessageMarkdown, cancelLabel } = renderDialog(decision, policy, locale);
 *   const m = messages(locale); m.taskpane.moveToBcc;                // strings for the pages
 *   format(m.taskpane.removeAttachment, { name: "list.xlsx" });
 */
export { LOCALES, fallbackChain, isRtl, resolveLocale, toLocale, type Locale } from "./locale";
export { CATALOG, messages, type Messages } from "./messages";
export type { Plural, Dir } from "./messages/types";
export { FSI, LRI, PDI, ellipsize, format, markdownInert, placeholders, sanitize } from "./format";
export { pluralCategory, pluralForm, tablePluralCategory, intlPluralRules, type PluralCategory } from "./plural";
export {
  CANCEL_LABEL_LIMIT,
  DIALOG_LIMIT,
  NOTIFICATION_LIMIT,
  citationTitle,
  citationUrl,
  detectorCountText,
  detectorName,
  dialogKind,
  fitDialog,
  renderDialog,
  renderNotification,
  type DialogKind,
  type DialogText,
} from "./dialog";
export { justificationProblemText, reasonLabel } from "./justification";

import type { Locale } from "./locale";
import { messages } from "./messages";
import type { Messages } from "./messages/en";
import type { Plural } from "./messages/types";
import { format } from "./format";
import { pluralForm } from "./plural";

/** Shorthand for the pages: `t(locale)` is `messages(locale)`. */
export function t(locale: Locale): Messages {
  return messages(locale);
}

/** Fills a count-dependent string: `plural(locale, m.dialog.more, 3)` → "and 3 more". */
export function formatPlural(locale: Locale, forms: Plural, count: number, vars?: { [k: string]: string | number }): string {
  const all: { [k: string]: string | number } = { count };
  if (vars) for (const k in vars) if (Object.prototype.hasOwnProperty.call(vars, k)) all[k] = vars[k] as string | number;
  return format(pluralForm(locale, forms, count), all);
}

/** `dir` attribute for a page in `locale`. */
export function dirOf(locale: Locale): "ltr" | "rtl" {
  return messages(locale).meta.dir;
}
