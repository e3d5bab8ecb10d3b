/**
 * Shapes shared by every locale file. A count-dependent string is a `Plural`: one template per CLDR plural category the
 * language uses (`other` is always required; English uses one/other, Slovak one/few/many/other, …). Templates hold
 * `{placeholders}` that the renderer fills; every locale must use the same placeholders as English (tested). The
 * shapes are the detector registry's (src/engine/detectors/detector.ts), whose display names the dialog renders.
 */
import type { DisplayName, PluralForms } from "../../engine/detectors/detector";

export type Plural = PluralForms;

/** Marks an object literal as a Plural so `typeof en` keeps the general shape (other locales may use other categories). */
export function plural(forms: Plural): Plural {
  return forms;
}

export type Dir = "ltr" | "rtl";

/** A display name: `name` for headings, `count` (with {count}) for sentences; the registry's own shape. */
export type DetectorName = DisplayName;

/**
 * The catalog's `detectors` table: `custom` (the template for a policy's custom pattern) and optional overrides of the
 * names the registry declares, by detector id.
 */
export type DetectorNames = { custom: DetectorName } & { [id: string]: DetectorName };
