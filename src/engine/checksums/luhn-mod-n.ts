/**
 * Luhn mod N over an alphabet (ISO/IEC 7064-style "Luhn mod 36" of the Indian GSTIN): from the right, every second
 * character's value is doubled, and each product adds its quotient and remainder by N. Valid when the sum is a multiple
 * of N. Hand-written: ../checksums/luhn.ts is decimal only, and the GSTIN needs base 36 (0–9 then A–Z).
 */
const BASE36 = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ";

/** True when `value` (upper-case characters of the alphabet only) passes Luhn mod alphabet.length. */
export function luhnModN(value: string, alphabet: string = BASE36): boolean {
  const n = alphabet.length;
  let sum = 0;
  for (let i = 0; i < value.length; i++) {
    const v = alphabet.indexOf(value.charAt(value.length - 1 - i));
    if (v < 0) return false;
    const p = i % 2 === 1 ? v * 2 : v;
    sum += Math.floor(p / n) + (p % n);
  }
  return value.length > 0 && sum % n === 0;
}
