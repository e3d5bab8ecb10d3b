/**
 * Finding the customer set's values in a (normalised) text, cheaply: only what could be a customer's address or number
 * is hashed.
 *
 * Addresses: from each "@", expanded left over local-part characters and right over domain characters like the
 * engine's address finder (../signals/email-list.ts), and also over non-ASCII letters, so an internationalised address
 * ("jöran@bücher.example") is found too; separators and punctuation (general punctuation, CJK punctuation, Latin-1
 * symbols, NBSP…) end it. A sentence's final dot or dash is not part of it. Like the engine's address check, trailing
 * labels that cannot end a domain (digits, one letter: "jane@example.com.2") are given up, up to two.
 *
 * Numbers: the text's ASCII letter/digit runs ("units"); units joined by one of the separators the export's numbers
 * used (SetHeader.joiners, "-" always) form an atom ("C-104-233"), and atoms are never cut apart; when the export wrote
 * its numbers with spaces, up to MAX_ATOMS atoms joined by single spaces are also tried ("104 233"). A candidate is
 * hashed only when its canonical form has a digit and a shape (./canonical.ts numberShape) the set records; the
 * candidates that end at each atom are tried longest first, and a match is not reused.
 *
 * Within one text each distinct canonical value is hashed once (a Map of answers): a value repeated on every line of
 * an export costs one lookup.
 */
import { canonicalEmail, MAX_NUMBER_LENGTH, MIN_NUMBER_LENGTH } from "./canonical";
import type { CustomerSet } from "./customer-set";

export interface CustomerMatch {
  start: number;
  end: number;
  /** The canonical value (kept inside the scan; never in a finding). */
  canonical: string;
}

/** Most atoms a space-joined candidate spans. */
export const MAX_ATOMS = 4;

const LOCAL_ASCII = new Uint8Array(128);
const DOMAIN_ASCII = new Uint8Array(128);
(function init() {
  for (let c = 0; c < 128; c++) {
    const alnum = (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
    DOMAIN_ASCII[c] = alnum || c === 45 || c === 46 ? 1 : 0;
    LOCAL_ASCII[c] = alnum || "._%+'-".indexOf(String.fromCharCode(c)) >= 0 ? 1 : 0;
  }
})();

/** A non-ASCII code unit that may be part of an internationalised address: not a space, separator or punctuation. */
function isWordish(c: number): boolean {
  if (c < 0xc0) return false; // C1 controls, NBSP, Latin-1 punctuation and symbols
  if (c === 0xd7 || c === 0xf7) return false; // × ÷
  if (c >= 0x2000 && c <= 0x2bff) return false; // spaces, general punctuation, symbols, arrows, maths, box drawing
  if (c >= 0x3000 && c <= 0x303f) return false; // CJK spaces and punctuation
  if (c >= 0xfe10 && c <= 0xfe6f) return false; // vertical and small forms
  if (c >= 0xff00 && c <= 0xff65) return false; // full-width punctuation (NFKC has folded the letters)
  if (c >= 0xfff0) return false; // specials, BOM
  return c !== 0x060c && c !== 0x061b && c !== 0x061f && c !== 0x06d4 && c !== 0x0964 && c !== 0x0965 && c !== 0xfeff;
}

function isLocal(c: number): boolean {
  return c < 128 ? LOCAL_ASCII[c] === 1 : isWordish(c);
}

/** Ideographic and half-width full stops separate domain labels like "." does. */
function isDomain(c: number): boolean {
  return c < 128 ? DOMAIN_ASCII[c] === 1 : c === 0x3002 || c === 0xff61 || isWordish(c);
}

/** A label that can end a domain: 2-24 ASCII letters, or an IDN top-level domain (non-ASCII, or its xn-- form). */
 
const TOP_LABEL = /^(?:[A-Za-z]{2,24}|[Xx][Nn]--[A-Za-z0-9-]+|[^\x00-\x7f][^.]*)$/;

function isDot(c: number): boolean {
  return c === 46 || c === 0x3002 || c === 0xff61;
}

/** Addresses of `t` that are in the set. */
export function findCustomerEmails(t: string, set: CustomerSet, into: CustomerMatch[]): void {
  if (!set.header.counts.email) return;
  const answers = new Map<string, boolean>();
  const has = (c: string) => {
    let a = answers.get(c);
    if (a === undefined) answers.set(c, (a = set.hasEmail(c)));
    return a;
  };
  const n = t.length;
  for (let at = t.indexOf("@"); at >= 0; at = t.indexOf("@", at + 1)) {
    let s = at;
    while (s > 0 && isLocal(t.charCodeAt(s - 1)) && at - s < 128) s--;
    let e = at + 1;
    while (e < n && isDomain(t.charCodeAt(e)) && e - at < 256) e++;
    if (s > 0 && isLocal(t.charCodeAt(s - 1))) continue; // longer than any local part
    while (e > at + 1 && (isDot(t.charCodeAt(e - 1)) || t.charCodeAt(e - 1) === 45)) e--;
    while (s < at && t.charCodeAt(s) === 46) s++;
    if (s >= at || e <= at + 1) continue;
    for (let cuts = 0; cuts <= 2 && e > at + 1; cuts++) {
      let cut = e - 1;
      while (cut > at + 1 && !isDot(t.charCodeAt(cut))) cut--;
      if (cut > at + 1 && !TOP_LABEL.test(t.slice(cut + 1, e))) {
        e = cut;
        continue;
      }
      const canonical = canonicalEmail(t.slice(s, e));
      if (canonical !== null && has(canonical)) into.push({ start: s, end: e, canonical });
      break;
    }
  }
}

function isAlnum(c: number): boolean {
  return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
}

/** Customer numbers of `t` that are in the set. */
export function findCustomerNumbers(t: string, set: CustomerSet, into: CustomerMatch[]): void {
  const header = set.header;
  if (!header.counts.number || !/[0-9]/.test(t)) return;
  const answers = new Map<string, boolean>();
  const has = (c: string) => {
    let a = answers.get(c);
    if (a === undefined) answers.set(c, (a = set.numberShapePossible(c) && set.hasNumber(c)));
    return a;
  };
  const strong = header.joiners.replace(/ /g, "") + (header.joiners.indexOf("-") < 0 ? "-" : "");
  const spaced = header.joiners.indexOf(" ") >= 0;
  const maxAtoms = spaced ? MAX_ATOMS : 1;
  // The last atoms (a window of maxAtoms): start, end, letters+digits, has a digit, joined to the next by one space.
  const aStart: number[] = [];
  const aEnd: number[] = [];
  const aLen: number[] = [];
  const aDigit: boolean[] = [];
  const aSpace: boolean[] = [];
  /** After a match, atoms up to here are used. */
  let usedTo = -1;
  const n = t.length;
  /** Tries the candidates that end with the newest atom, longest first (the window's oldest atom first). */
  const tryWindow = () => {
    const last = aStart.length - 1;
    for (let first = 0; first <= last; first++) {
      if ((aStart[first] as number) <= usedTo) continue;
      let len = 0;
      let digit = false;
      let joined = true;
      for (let k = first; k <= last; k++) {
        len += aLen[k] as number;
        digit = digit || (aDigit[k] as boolean);
        if (k < last && !aSpace[k]) joined = false;
      }
      if (!joined || !digit || len < MIN_NUMBER_LENGTH || len > MAX_NUMBER_LENGTH || !set.numberLengthPossible(len)) continue;
      const c = t.slice(aStart[first] as number, aEnd[last] as number).replace(/[^0-9A-Za-z]+/g, "").toUpperCase();
      if (has(c)) {
        into.push({ start: aStart[first] as number, end: aEnd[last] as number, canonical: c });
        usedTo = aEnd[last] as number;
        return;
      }
    }
  };
  let i = 0;
  while (i < n) {
    if (!isAlnum(t.charCodeAt(i))) {
      i++;
      continue;
    }
    const start = i;
    let len = 0;
    let digit = false;
    for (;;) {
      while (i < n && isAlnum(t.charCodeAt(i))) {
        if (t.charCodeAt(i) <= 57) digit = true;
        len++;
        i++;
      }
      // One strong separator between two units keeps the atom going.
      if (i + 1 < n && strong.indexOf(t.charAt(i)) >= 0 && isAlnum(t.charCodeAt(i + 1))) {
        i++;
        continue;
      }
      break;
    }
    if (aStart.length === maxAtoms) {
      aStart.shift();
      aEnd.shift();
      aLen.shift();
      aDigit.shift();
      aSpace.shift();
    }
    aStart.push(start);
    aEnd.push(i);
    aLen.push(len);
    aDigit.push(digit);
    aSpace.push(spaced && i + 1 < n && t.charCodeAt(i) === 32 && isAlnum(t.charCodeAt(i + 1)));
    tryWindow();
  }
}
