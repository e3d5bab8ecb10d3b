/**
 * pk-ntn: Pakistani National Tax Number (NTN, FBR): 7 digits and the FBR's eighth digit after a dash ("1234567-8"),
 * as FBR certificates and invoices print it. The FBR does not publish how that digit is computed, so this is a
 * pattern-only business id: `low` alone, `medium` with a keyword nearby. A business id, not personal data; default rules do not act on it. An NTN
 * issued to a person is the person's CNIC (13 digits): that stays pk-cnic.
 *
 * Hand-written rather than stdnum's pk/ntn: stdnum takes the 7 digits only and drops the dash digit the FBR prints;
 * the tests check both agree on the 7 digits before the dash.
 *
 * Edge policies:
 * - Only the dashed form NNNNNNN-N is matched: seven bare digits are everywhere (order numbers, amounts, phone
 *   numbers: 15,106 of them in the 10 MB bench text, against 89 NTNs) and no personal identifier has that shape, so
 *   reading them would suppress nothing and cost a keyword look-up each.
 * - All digits the same (0000000, 1111111 …) is a placeholder, dropped.
 * - Pattern-only findings are subject to the engine's context rules (not in URLs, paths, columns of figures, next to a
 *   word naming another kind of number): 7 digits alone are common.
 */
import type { Detector, Validation } from "./detector";
import { mask } from "../mask";

function fail(why: string): Validation {
  return { ok: false, reasons: [why], confidence: "low" };
}

function validate(candidate: string): Validation {
  if (!/^[0-9]{7}-[0-9]$/.test(candidate)) return fail("not 7 digits, a dash and a digit");
  if (/^(\d)\1{6}/.test(candidate)) return fail("repeated digit");
  return { ok: true, reasons: ["ntn format"], confidence: "low" };
}

export const pkNtn: Detector<"pk-ntn"> = {
  id: "pk-ntn",
  description: "Pakistani National Tax Number (NNNNNNN-N), pattern only; a business id",
  group: "business",
  names: {
    en: { name: "Pakistani tax number (NTN)", count: { one: "{count} Pakistani tax number", other: "{count} Pakistani tax numbers" } },
    sk: { name: "Pakistanské daňové číslo (NTN)", count: { one: "{count} pakistanské daňové číslo", few: "{count} pakistanské daňové čísla", other: "{count} pakistanských daňových čísel" } },
    nb: { name: "Pakistansk skattenummer (NTN)", count: { one: "{count} pakistansk skattenummer", other: "{count} pakistanske skattenumre" } },
    fi: { name: "Pakistanilainen verotunniste (NTN)", count: { one: "{count} pakistanilainen verotunniste", other: "{count} pakistanilaista verotunnistetta" } },
    hi: { name: "पाकिस्तानी कर संख्या (NTN)", count: { one: "{count} पाकिस्तानी कर संख्या", other: "{count} पाकिस्तानी कर संख्याएँ" } },
    ur: { name: "نیشنل ٹیکس نمبر (NTN)", count: { one: "{count} نیشنل ٹیکس نمبر", other: "{count} نیشنل ٹیکس نمبر" } },
  },
  pattern: /[0-9]{7}-[0-9]/,
  minDigits: 7,
  minRun: 7,
  // NNNNNNN-N: a run of 7, a run of 1.
  runs: [[{ len: 7 }, { len: 1 }]],
  checksum: false,
  validate: validate,
  keywords: {
    en: ["ntn", "national tax number", "ntn number", "fbr"],
    ur: ["این ٹی این", "نیشنل ٹیکس نمبر", "ٹیکس نمبر"],
    hi: ["राष्ट्रीय कर संख्या", "एनटीएन"],
    sk: ["cislo ntn"],
    cs: ["cislo ntn"],
    nb: ["ntn-nummer"],
    fi: ["ntn-numero"],
  },
  mask: function (candidate: string): string {
    return mask(candidate, 0, 2);
  },
  examples: {
    // stdnum-js pk/ntn's test number with a dash digit, and a generated one.
    match: ["1234567-8", "NTN: 4218097-3"],
    noMatch: ["1234567", "123456-7", "0000000-0", "12345678-9"],
  },
};
