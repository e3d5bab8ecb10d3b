/**
 * Built-in checksum validators by id, for custom patterns in the policy (`checksum: luhn`). Each takes the matched
 * text (separators included) and says whether its check digits are right. One line per validator.
 */
import { luhn } from "./luhn";
import { ibanMod97, mod97 } from "./mod97";
import { verhoeffText } from "./verhoeff";

export type ChecksumFn = (value: string) => boolean;

export const checksums: Record<string, ChecksumFn> = {
  luhn: luhn,
  mod97: mod97,
  iban: ibanMod97,
  verhoeff: verhoeffText,
};

/** The validator with this id, or undefined. */
export function checksumById(id: string): ChecksumFn | undefined {
  return Object.prototype.hasOwnProperty.call(checksums, id) ? checksums[id] : undefined;
}
