/**
 * Which manifest.xml strings are localized and for which Office culture names. The manifest's <Override Locale="…">
 * elements are written from this table (src/i18n/manifest.test.ts checks manifest.xml against it). Office matches the
 * culture name exactly, so every culture a resolved language covers is listed (nn-NO reads Bokmål, cs-CZ reads Slovak,
 * ur-IN reads Urdu, as `resolveLocale` does at run time).
 */
import type { Locale } from "./locale";
import type { Messages } from "./messages/en";

/** Office culture name (lower case, as in Microsoft's manifest examples) → locale whose strings it gets. */
export const MANIFEST_CULTURES: { [culture: string]: Locale } = {
  "sk-sk": "sk",
  "cs-cz": "sk",
  "nb-no": "nb",
  "nn-no": "nb",
  "fi-fi": "fi",
  "hi-in": "hi",
  "ur-pk": "ur",
  "ur-in": "ur",
};

/** Manifest element (DisplayName, Description) or bt:String id → key of `messages.manifest`. */
export const MANIFEST_STRINGS: { [element: string]: keyof Messages["manifest"] } = {
  DisplayName: "displayName",
  Description: "description",
  "ThinkFirst.GroupLabel": "groupLabel",
  "ThinkFirst.PaneButtonLabel": "paneButtonLabel",
  "ThinkFirst.PaneButtonTooltip": "paneButtonTooltip",
};
