/**
 * The canonical forms the customer set hashes: the build (`dlp customers build`) and the scanner run the same functions,
 * so an address or number matches exactly when both sides normalise it to the same string.
 *
 * Addresses: trimmed; NFKC where `String.prototype.normalize` exists (full-width "ｊａｎｅ" → "jane"; without it only the
 * full-width ASCII block is folded); ideographic and full-width full stops → "."; lower-cased (local part too: no
 * mainstream provider treats case as significant); a trailing dot of the domain dropped; every non-ASCII domain label
 * written as its punycode A-label (RFC 3492, punycode.js), so "bücher.example" and "xn--bcher-kva.example" are one
 * domain. Dots and "+tags" in the local part are NOT folded: whether "j.doe" and "jdoe", or "jane+news" and "jane",
 * reach one mailbox is the provider's rule (Gmail folds both, most providers only "+", some neither), and the export
 * holds the address the customer gave; folding would match other people's addresses at providers that do not fold.
 * See docs/customers.md.
 *
 * Customer numbers: NFKC, then every character that is not an ASCII letter or digit is a separator and dropped, letters
 * upper-cased: "c-104 233" → "C104233". A number needs at least MIN_NUMBER_LENGTH characters and one digit.
 * Its shape ("L1D6": one letter, six digits) is what the set records so that the scanner hashes only tokens that could
 * be a customer number.
 */
/// <reference path="./punycode.d.ts" />
import { toASCII } from "punycode.js";

/** Shorter customer numbers would match years, amounts and postal codes in every mail: the build skips them. */
export const MIN_NUMBER_LENGTH = 5;
/** Longest customer number the set records (longer tokens are not looked up). */
export const MAX_NUMBER_LENGTH = 32;

const HAS_NFKC = typeof String.prototype.normalize === "function";

function nfkc(s: string): string {
   
  if (!/[^\x00-\x7f]/.test(s)) return s;
  if (HAS_NFKC) return s.normalize("NFKC");
  let out = "";
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    out += c >= 0xff01 && c <= 0xff5e ? String.fromCharCode(c - 0xfee0) : s.charAt(i);
  }
  return out;
}

/** The canonical form of an e-mail address, or null when it is not one (no "@", empty local part, no dot in the domain). */
export function canonicalEmail(raw: string): string | null {
  const s = nfkc(String(raw).trim()).replace(/[\u3002\uff0e\uff61]/g, ".").toLowerCase();
  const at = s.lastIndexOf("@");
  if (at <= 0 || at === s.length - 1) return null;
  const local = s.slice(0, at);
  let domain = s.slice(at + 1).replace(/\.+$/, "");
  if (!local || /\s/.test(local) || /[\s@]/.test(domain) || domain.indexOf(".") <= 0 || domain.indexOf("..") >= 0) return null;
   
  if (/[^\x00-\x7f]/.test(domain)) {
    try {
      domain = toASCII(domain);
    } catch (e) {
      return null;
    }
  }
  return local + "@" + domain;
}

/** The canonical form of a customer number, or null when it has no digit or is shorter than MIN_NUMBER_LENGTH. */
export function canonicalNumber(raw: string): string | null {
  const s = nfkc(String(raw)).replace(/[^0-9A-Za-z]+/g, "").toUpperCase();
  if (s.length < MIN_NUMBER_LENGTH || s.length > MAX_NUMBER_LENGTH || !/[0-9]/.test(s)) return null;
  return s;
}

/** The shape of a canonical number: runs of letters (L) and digits (D) with their lengths ("C104233" → "L1D6"). */
export function numberShape(canonical: string): string {
  let out = "";
  let run = 0;
  let kind = "";
  for (let i = 0; i < canonical.length; i++) {
    const c = canonical.charCodeAt(i);
    const k = c >= 48 && c <= 57 ? "D" : "L";
    if (k === kind) run++;
    else {
      if (kind) out += kind + run;
      kind = k;
      run = 1;
    }
  }
  return kind ? out + kind + run : "";
}
