/**
 * iban: International Bank Account Number, CC + 2 check digits + BBAN, solid or in groups of four separated by single
 * spaces. Validated by the country's length (ISO 13616 registry) and ISO 7064 MOD 97-10, so `medium` alone, `high`
 * with a keyword.
 *
 * Why hand-written: `ibantools` would add ~10 KB to the send-handler bundle for two facts we need (length per country,
 * mod 97); a 90-entry table plus the mod-97 loop in ../checksums/mod97.ts is all of it. We do not check the per-country
 * BBAN character layout: mod 97 already rejects 99 % of random strings with the right length.
 *
 * Edge policies:
 * - Country code and BBAN letters must be upper case ("gb82 west…" is prose-like and not matched); IBANs are printed
 *   upper case by every bank.
 * - Only countries of the official registry (plus the ones that joined by 2025: BI, DJ, FK, LY, MN, NI, OM, SD, SO, YE);
 *   experimental "IBAN-like" formats of other countries are not IBANs.
 * - A card number inside an IBAN is the IBAN (the engine's de-duplication keeps the longer finding).
 */
import type { Detector, Validation } from "./detector";
import { ibanMod97 } from "../checksums/mod97";
import { mask } from "../mask";

/** IBAN length per country (ISO 13616 registry, release 2025). */
export const IBAN_LENGTHS: Record<string, number> = {
  AD: 24, AE: 23, AL: 28, AT: 20, AZ: 28, BA: 20, BE: 16, BG: 22, BH: 22, BI: 27, BR: 29, BY: 28, CH: 21, CR: 22,
  CY: 28, CZ: 24, DE: 22, DJ: 27, DK: 18, DO: 28, EE: 20, EG: 29, ES: 24, FI: 18, FK: 18, FO: 18, FR: 27, GB: 22,
  GE: 22, GI: 23, GL: 18, GR: 27, GT: 28, HR: 21, HU: 28, IE: 22, IL: 23, IQ: 23, IS: 26, IT: 27, JO: 30, KW: 30,
  KZ: 20, LB: 28, LC: 32, LI: 21, LT: 20, LU: 20, LV: 21, LY: 25, MC: 27, MD: 24, ME: 22, MK: 19, MN: 20, MR: 27,
  MT: 31, MU: 30, NI: 28, NL: 18, NO: 15, OM: 23, PK: 24, PL: 28, PS: 29, PT: 25, QA: 29, RO: 24, RS: 22, RU: 33,
  SA: 24, SC: 31, SD: 18, SE: 24, SI: 19, SK: 24, SM: 27, SO: 23, ST: 25, SV: 28, TL: 23, TN: 24, TR: 26, UA: 29,
  VA: 22, VG: 24, XK: 20, YE: 30,
};

function fail(why: string): Validation {
  return { ok: false, reasons: [why], confidence: "medium" };
}

function validate(candidate: string): Validation {
  // Cheap checks first (country, length): the engine may call this on many near-misses of a long capitalised text.
  const country = candidate.slice(0, 2);
  const expected = Object.prototype.hasOwnProperty.call(IBAN_LENGTHS, country) ? IBAN_LENGTHS[country] : undefined;
  if (expected === undefined) return fail("unknown country");
  let length = 0;
  for (let i = 0; i < candidate.length; i++) if (candidate.charCodeAt(i) !== 32) length++;
  if (length !== expected) return fail("length not " + expected + " for " + country);
  if (!ibanMod97(candidate)) return fail("mod 97 failed");
  return { ok: true, reasons: ["length " + expected + " for " + country, "mod 97 ok"], confidence: "medium" };
}

export const iban: Detector<"iban"> = {
  id: "iban",
  description: "IBAN (ISO 13616): country length table and ISO 7064 mod 97-10",
  group: "identifier",
  names: {
    en: { name: "Bank account number (IBAN)", count: { one: "{count} bank account number (IBAN)", other: "{count} bank account numbers (IBAN)" } },
    sk: { name: "Číslo bankového účtu (IBAN)", count: { one: "{count} číslo účtu (IBAN)", few: "{count} čísla účtov (IBAN)", other: "{count} čísel účtov (IBAN)" } },
    nb: { name: "Kontonummer (IBAN)", count: { one: "{count} kontonummer (IBAN)", other: "{count} kontonumre (IBAN)" } },
    fi: { name: "Pankkitilinumero (IBAN)", count: { one: "{count} pankkitilinumero (IBAN)", other: "{count} pankkitilinumeroa (IBAN)" } },
    hi: { name: "बैंक खाता नंबर (IBAN)", count: { one: "{count} बैंक खाता नंबर (IBAN)", other: "{count} बैंक खाता नंबर (IBAN)" } },
    ur: { name: "بینک اکاؤنٹ نمبر (IBAN)", count: { one: "{count} بینک اکاؤنٹ نمبر (IBAN)", other: "{count} بینک اکاؤنٹ نمبر (IBAN)" } },
  },
  pattern: /[A-Z]{2}\d{2}(?: ?[A-Z0-9]{4}){2,7}(?: ?[A-Z0-9]{1,3})?/,
  minDigits: 6,
  checksum: true,
  validate,
  keywords: {
    en: ["iban", "account", "account number", "bank account", "bank details", "bic", "swift", "international bank account number"],
    sk: ["cislo uctu", "ucet", "bankovy ucet", "bankove spojenie"],
    cs: ["cislo uctu", "ucet", "bankovni ucet", "bankovni spojeni"],
    nb: ["kontonummer", "konto", "bankkonto", "kontonr"],
    fi: ["tilinumero", "tili", "pankkitili", "tilinro"],
    hi: ["खाता", "खाता संख्या", "बैंक खाता", "आईबैन"],
    ur: ["اکاؤنٹ", "اکاؤنٹ نمبر", "بینک اکاؤنٹ", "آئی بین"],
  },
  mask: (candidate: string) => mask(candidate, 4, 2),
  examples: {
    match: ["GB82 WEST 1234 5698 7654 32", "GB82WEST12345698765432", "DE89 3704 0044 0532 0130 00", "FI21 1234 5600 0007 85", "NO93 8601 1117 947", "SK31 1200 0000 1987 4263 7541"],
    noMatch: ["GB82 WEST 1234 5698 7654 33", "GB82 WEST 1234 5698 7654", "XX82 WEST 1234 5698 7654 32", "gb82 west 1234 5698 7654 32", "AGB82 WEST 1234 5698 7654 32"],
  },
};
