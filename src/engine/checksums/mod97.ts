/**
 * ISO 7064 MOD 97-10 (the IBAN and RF-creditor-reference check): letters count as A=10 … Z=35, the number must leave
 * remainder 1. `mod97` checks a string as written; `ibanMod97` first moves the country code and check digits to the
 * end, as ISO 13616 says. Separators (space, dash, dot, slash) are ignored; any other character fails.
 * Hand-written: the remainder is computed piecewise (no BigInt: ES2016 runtime), ibantools is not a dependency.
 */
export function mod97Remainder(value: string): number {
  let rem = 0;
  let seen = 0;
  for (let i = 0; i < value.length; i++) {
    const c = value.charCodeAt(i);
    if (c >= 48 && c <= 57) {
      rem = (rem * 10 + (c - 48)) % 97;
    } else {
      const u = c >= 97 && c <= 122 ? c - 32 : c;
      if (u >= 65 && u <= 90) {
        rem = (rem * 100 + (u - 55)) % 97;
      } else if (c === 32 || c === 45 || c === 46 || c === 47) {
        continue;
      } else {
        return -1;
      }
    }
    seen++;
  }
  return seen === 0 ? -1 : rem;
}

/** True when the string (digits and letters) is valid under ISO 7064 MOD 97-10. */
export function mod97(value: string): boolean {
  return mod97Remainder(value) === 1;
}

/** The IBAN check: the first four alphanumerics (country + check digits) are moved to the end, then MOD 97-10. */
export function ibanMod97(value: string): boolean {
  const compact = value.replace(/[ \-./]/g, "");
  if (compact.length < 5) return false;
  return mod97(compact.slice(4) + compact.slice(0, 4));
}
