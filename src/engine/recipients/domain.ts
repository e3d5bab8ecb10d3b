/**
 * Domains as the recipient checks compare them: lower case, no trailing dot, every `xn--` label decoded to Unicode
 * (RFC 3492 Punycode, by punycode.js: 1.6 KB gzip in launchevent.js, the implementation Node itself shipped), so that a
 * homoglyph domain is compared by what it shows, not by its ASCII form.
 *
 * A label that is not valid Punycode stays as it is and the domain is marked `invalidPunycode` (no registrar accepts
 * such a label; the lookalike check still compares its ASCII form).
 */
/// <reference path="./punycode-js.d.ts" />
import { decode } from "punycode.js";

export interface NormalizedDomain {
  /** Lower case, trailing dots removed, as written (ASCII `xn--` labels kept): what the dialog shows. */
  ascii: string;
  /** The same with every `xn--` label decoded: what the checks compare. */
  unicode: string;
  /** Some `xn--` label could not be decoded. */
  invalidPunycode: boolean;
}

/** The domain part of an address (after the last "@"), or "" when there is none. */
export function domainOfAddress(address: string): string {
  const at = address.lastIndexOf("@");
  return at < 0 ? "" : address.slice(at + 1);
}

/** The local part of an address (before the last "@"), or the whole string when there is no "@". */
export function localPartOfAddress(address: string): string {
  const at = address.lastIndexOf("@");
  return at < 0 ? address : address.slice(0, at);
}

export function normalizeDomain(domain: string): NormalizedDomain {
  let ascii = domain.trim().toLowerCase();
  while (ascii.length && ascii.charAt(ascii.length - 1) === ".") ascii = ascii.slice(0, -1);
  if (ascii.indexOf("xn--") < 0) return { ascii, unicode: ascii, invalidPunycode: false };
  const labels = ascii.split(".");
  let invalidPunycode = false;
  for (let i = 0; i < labels.length; i++) {
    const label = labels[i] as string;
    if (label.slice(0, 4) !== "xn--") continue;
    try {
      const decoded = decode(label.slice(4)).toLowerCase();
      if (decoded) labels[i] = decoded;
      else invalidPunycode = true;
    } catch {
      invalidPunycode = true;
    }
  }
  return { ascii, unicode: labels.join("."), invalidPunycode };
}

/** `domain` equals `parent` or is a subdomain of it (both already normalized). */
export function inDomain(domain: string, parent: string): boolean {
  return domain === parent || (domain.length > parent.length && domain.slice(-parent.length - 1) === "." + parent);
}
