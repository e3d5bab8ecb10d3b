/**
 * The message table per locale. Every locale is complete by type (`satisfies Messages`); at run time each one is still
 * laid over English key by key, so a key that another module added to en.ts a moment ago shows in English rather than as
 * `undefined` until it is translated.
 */
import type { Locale } from "../locale";
import { en, type Messages } from "./en";
import { fi } from "./fi";
import { hi } from "./hi";
import { nb } from "./nb";
import { sk } from "./sk";
import { ur } from "./ur";

export type { Messages } from "./en";

/** The raw per-locale objects, as written (tests compare them with English). */
export const CATALOG: { [L in Locale]: Messages } = { en, sk, nb, fi, hi, ur };

function isObject(v: unknown): v is { [k: string]: unknown } {
  return typeof v === "object" && v !== null;
}

/** `over` laid over `base`: strings from `over`, missing keys from `base`. */
function overlay(base: unknown, over: unknown): unknown {
  if (!isObject(base)) return typeof over === typeof base ? over : base;
  if (!isObject(over)) return base;
  const out: { [k: string]: unknown } = {};
  const keys = Object.keys(base);
  for (let i = 0; i < keys.length; i++) {
    const k = keys[i] as string;
    out[k] = overlay(base[k], over[k]);
  }
  // Keys only the locale has (e.g. an extra plural category such as Slovak `few`).
  const extra = Object.keys(over);
  for (let i = 0; i < extra.length; i++) {
    const k = extra[i] as string;
    if (!Object.prototype.hasOwnProperty.call(out, k)) out[k] = over[k];
  }
  return out;
}

const merged: { [locale: string]: Messages } = {};

/** The strings of `locale` (English for anything not yet translated). */
export function messages(locale: Locale): Messages {
  const key = Object.prototype.hasOwnProperty.call(CATALOG, locale) ? locale : "en";
  let m = merged[key];
  if (!m) {
    m = key === "en" ? en : (overlay(en, CATALOG[key]) as Messages);
    merged[key] = m;
  }
  return m;
}
