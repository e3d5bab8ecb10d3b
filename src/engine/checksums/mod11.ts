/**
 * Weighted modulus-11 check digits (Norwegian fødselsnummer; also usable by custom patterns).
 * Hand-written: stdnum's weightedSum is generic but needs an options object per call and returns only the sum; the
 * check-digit rule (11 − sum mod 11, where 11 → 0 and 10 means "no valid number") is what every mod-11 ID needs.
 */

/** Σ digit[i] × weights[i] mod 11 over the first weights.length digits of `digits` (ASCII digits only). */
export function weightedMod11(digits: string, weights: readonly number[]): number {
  let sum = 0;
  for (let i = 0; i < weights.length; i++) sum += (digits.charCodeAt(i) - 48) * (weights[i] as number);
  return sum % 11;
}

/** The check digit 11 − (weighted sum mod 11), with 11 → 0; -1 when the remainder is 1 (no number gets that payload). */
export function mod11CheckDigit(digits: string, weights: readonly number[]): number {
  const r = weightedMod11(digits, weights);
  if (r === 0) return 0;
  return r === 1 ? -1 : 11 - r;
}

/** Remainder of a decimal digit string divided by 11 (any length; no precision loss). */
export function mod11(digits: string): number {
  let r = 0;
  for (let i = 0; i < digits.length; i++) r = (r * 10 + (digits.charCodeAt(i) - 48)) % 11;
  return r;
}
