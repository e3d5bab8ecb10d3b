/**
 * Verhoeff check digit (dihedral group D5; used by Aadhaar). The arithmetic is stdnum's (imported by module path,
 * `stdnum/lib/cjs/util/checksum`: a self-contained file, so only it reaches the bundle; the CommonJS build works in
 * both webpack and jest). This wrapper adds the digits-only guard stdnum leaves to its callers.
 */
import { verhoeffGenerate, verhoeffValidate } from "stdnum/lib/cjs/util/checksum";

const DIGITS = /^[0-9]+$/;

/** True when the last digit of `digits` is the Verhoeff check digit of the ones before it. */
export function verhoeffOk(digits: string): boolean {
  return DIGITS.test(digits) && verhoeffValidate(digits);
}

/** The Verhoeff check digit to append to `payload` (digits only; "" for anything else). */
export function verhoeffCheckDigit(payload: string): string {
  return DIGITS.test(payload) ? String(verhoeffGenerate(payload)) : "";
}

/** For custom patterns (`checksum: verhoeff`): the matched text's digits, separators ignored. */
export function verhoeffText(value: string): boolean {
  return verhoeffOk(value.replace(/[^0-9]/g, ""));
}
