/**
 * The look-alike skeleton of a domain label: what remains when every character is replaced by the ASCII it is
 * confused with, so that two labels that look alike get the same skeleton ("аррӏе" → "apple", "rnicrosoft" and
 * "microsoft" → "rnicrosoft", "c0ntoso" → "contoso").
 *
 * 1. Combining marks of the Inherited script (accents written as separate characters, zero-width joiners) are dropped.
 * 2. Each character with an ASCII prototype in Unicode's confusables.txt (UTS #39 §4; "m" → "rn", "0" → "o",
 *    "1" → "l", Cyrillic "а" → "a", Greek "ο" → "o", "ı" → "i") is replaced by it; a precomposed letter whose
 *    decomposition is an ASCII-like base plus marks ("é", "ø", "ą") by that base. The label is lower case already,
 *    as normalizeDomain leaves it.
 * 3. Two ASCII pairs that confusables.txt does not map (its sources are single characters) are folded: "vv" → "w",
 *    "cl" → "d".
 *
 * Unlike UTS #39's skeleton, diacritics count as look-alike (step 1 and the precomposed table): in a recipient domain,
 * "contosó.com" passing for "contoso.com" is the risk. Data: data/confusables.ts (2 KB gzip), generated.
 */
import { CONFUSABLE_PROTOTYPES, DIACRITIC_BASES } from "./data/confusables";
import { codePoints, isInherited } from "./script";

let prototypes: Record<number, string> | null = null;

function table(): Record<number, string> {
  if (prototypes) return prototypes;
  const t: Record<number, string> = Object.create(null);
  // The precomposed letters first: a direct confusables.txt entry for the same code point wins.
  for (const encoded of [DIACRITIC_BASES, CONFUSABLE_PROTOTYPES]) {
    for (const group of encoded.split(";")) {
      const colon = group.indexOf(":");
      const proto = group.slice(0, colon);
      let cp = 0;
      for (const delta of group.slice(colon + 1).split(",")) {
        cp += parseInt(delta, 36);
        t[cp] = proto;
      }
    }
  }
  prototypes = t;
  return t;
}

/** The ASCII a single code point is confused with, or undefined when it has none (it stays as it is). */
export function prototypeOf(cp: number): string | undefined {
  return table()[cp];
}

const ASCII_FOLDS: Array<[RegExp, string]> = [
  [/vv/g, "w"],
  [/cl/g, "d"],
];

export function skeleton(label: string): string {
  const t = table();
  let out = "";
  for (const cp of codePoints(label)) {
    if (isInherited(cp)) continue;
    const proto = t[cp];
    out += proto !== undefined ? proto : String.fromCodePoint(cp);
  }
  for (const [re, to] of ASCII_FOLDS) out = out.replace(re, to);
  return out;
}

/** True when the string is printable ASCII only (what the dialog can show as is). */
export function isAscii(s: string): boolean {
  for (let i = 0; i < s.length; i++) if (s.charCodeAt(i) > 0x7e) return false;
  return true;
}
