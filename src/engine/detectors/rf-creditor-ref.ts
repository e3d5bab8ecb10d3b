/**
 * rf-creditor-ref: ISO 11649 structured creditor reference: "RF", two check digits, and a reference of 1–21 letters or
 * digits; printed in groups of four ("RF18 5390 0754 7034") or solid. ISO 7064 MOD 97-10 with the first four characters
 * moved to the end (the IBAN check, ../checksums/mod97.ts). A payment reference, not personal data: recognised so that
 * the digits inside it are not read as a personal identifier (an Aadhaar, a card); default rules do not act on it.
 *
 * Hand-written: stdnum's iso11649 is not in the JS package we use, and the check is the IBAN's, already here.
 *
 * Edge policies:
 * - "RF" and the reference's letters upper case (as printed on invoices).
 * - Groups of four separated by single spaces, the last group 1–4 characters; or no separators.
 * - At least four digits in all (the two check digits and two in the reference): a reference of letters only is not
 *   looked for, so the engine's digit prefilter needs clusters of four digits, as for every other detector.
 */
import type { Detector, Validation } from "./detector";
import { ibanMod97 } from "../checksums/mod97";
import { mask } from "../mask";

function fail(why: string): Validation {
  return { ok: false, reasons: [why], confidence: "medium" };
}

function validate(candidate: string): Validation {
  const c = candidate.replace(/ /g, "");
  if (!/^RF[0-9]{2}[0-9A-Z]{1,21}$/.test(c)) return fail("not RF + 2 digits + 1–21 characters");
  if (c.replace(/[^0-9]/g, "").length < 4) return fail("fewer than 4 digits");
  if (!ibanMod97(c)) return fail("mod 97 check wrong");
  return { ok: true, reasons: ["creditor reference", "mod 97 ok"], confidence: "medium" };
}

export const rfCreditorRef: Detector<"rf-creditor-ref"> = {
  id: "rf-creditor-ref",
  description: "ISO 11649 creditor reference (RF + 2 check digits + up to 21 characters), mod 97; a payment reference",
  group: "business",
  names: {
    en: { name: "Creditor reference (RF)", count: { one: "{count} creditor reference", other: "{count} creditor references" } },
    sk: { name: "Referencia veriteľa (RF)", count: { one: "{count} referencia veriteľa", few: "{count} referencie veriteľa", other: "{count} referencií veriteľa" } },
    nb: { name: "Kreditorreferanse (RF)", count: { one: "{count} kreditorreferanse", other: "{count} kreditorreferanser" } },
    fi: { name: "RF-viite", count: { one: "{count} RF-viite", other: "{count} RF-viitettä" } },
    hi: { name: "लेनदार संदर्भ (RF)", count: { one: "{count} लेनदार संदर्भ", other: "{count} लेनदार संदर्भ" } },
    ur: { name: "قرض خواہ حوالہ (RF)", count: { one: "{count} قرض خواہ حوالہ", other: "{count} قرض خواہ حوالے" } },
  },
  pattern: /RF[0-9]{2}(?:[0-9A-Z]{1,21}|(?: [0-9A-Z]{4}){0,4} [0-9A-Z]{1,4})/,
  minDigits: 4,
  // Every match: the check digits right after "RF", alone or run on into the reference.
  runs: [[{ len: [2, 31], after: "letter" }]],
  checksum: true,
  validate: validate,
  keywords: {
    en: ["creditor reference", "payment reference", "reference", "rf reference"],
    fi: ["viite", "viitenumero", "rf-viite"],
    nb: ["kreditorreferanse", "kid", "referanse"],
    sk: ["referencia", "variabilny symbol"],
    cs: ["reference", "variabilni symbol"],
    hi: ["संदर्भ संख्या"],
    ur: ["حوالہ نمبر"],
  },
  mask: function (candidate: string): string {
    return mask(candidate, 4, 2);
  },
  examples: {
    // python-stdnum iso11649 doctest.
    match: ["RF18 5390 0754 7034", "RF18539007547034", "RF18 5390 0754 70Y"],
    noMatch: ["RF17 5390 0754 7034", "RF18 5390 0754 70341234567890123456"],
  },
};
