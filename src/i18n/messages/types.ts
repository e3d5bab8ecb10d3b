/**
 * Shapes shared by every locale file. A count-dependent string is a `Plural`: one template per CLDR plural category the
 * language uses (`other` is always required; English uses one/other, Slovak one/few/many/other, …). Templates hold
 * `{placeholders}` that the renderer fills; every locale must use the same placeholders as English (tested).
 */
export interface Plural {
  zero?: string;
  one?: string;
  two?: string;
  few?: string;
  many?: string;
  other: string;
}

/** Marks an object literal as a Plural so `typeof en` keeps the general shape (other locales may use other categories). */
export function plural(forms: Plural): Plural {
  return forms;
}

export type Dir = "ltr" | "rtl";
