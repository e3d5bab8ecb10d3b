/**
 * no-orgnr: Norwegian organisation number (organisasjonsnummer, Brønnøysundregistrene): 9 digits, written solid or
 * 3-3-3 ("988 077 917"), as a VAT number with "NO" before and "MVA" after ("NO 995 525 828 MVA"). One mod-11 check
 * digit (weights 3 2 7 6 5 4 3 2). A business id, not personal data: it is recognised so that the same token is not read
 * as a personal identifier (../dedupe.ts), and default rules do not act on it.
 *
 * Hand-written rather than stdnum's no/orgnr: that module accepts any first digit and cannot say why a number failed.
 * The tests check both agree on every number whose first digit is 8 or 9.
 *
 * Edge policies:
 * - First digit 8 or 9: the register hands out only those (other 9-digit numbers are more often something else).
 * - A remainder giving check digit 10 is never issued; such numbers do not validate.
 * - Separators: none, or single spaces in 3-3-3 groups (the same both times); "NO" and "MVA" are optional.
 */
import type { Detector, Validation } from "./detector";
import { mod11CheckDigit } from "../checksums/mod11";
import { mask } from "../mask";

const WEIGHTS = [3, 2, 7, 6, 5, 4, 3, 2];

function fail(why: string): Validation {
  return { ok: false, reasons: [why], confidence: "medium" };
}

function validate(candidate: string): Validation {
  const d = candidate.replace(/[^0-9]/g, "");
  if (d.length !== 9) return fail("not 9 digits");
  if (d.charAt(0) !== "8" && d.charAt(0) !== "9") return fail("first digit not 8 or 9");
  if (mod11CheckDigit(d, WEIGHTS) !== Number(d.charAt(8))) return fail("check digit wrong");
  return { ok: true, reasons: ["organisation number", "mod 11 check digit ok"], confidence: "medium" };
}

export const noOrgnr: Detector<"no-orgnr"> = {
  id: "no-orgnr",
  description: "Norwegian organisation number (9 digits, optional NO … MVA), mod-11 check digit; a business id",
  group: "business",
  names: {
    en: { name: "Norwegian organisation number", count: { one: "{count} Norwegian organisation number", other: "{count} Norwegian organisation numbers" } },
    sk: { name: "Nórske číslo organizácie", count: { one: "{count} nórske číslo organizácie", few: "{count} nórske čísla organizácií", other: "{count} nórskych čísel organizácií" } },
    nb: { name: "Organisasjonsnummer", count: { one: "{count} organisasjonsnummer", other: "{count} organisasjonsnumre" } },
    fi: { name: "Norjalainen organisaationumero", count: { one: "{count} norjalainen organisaationumero", other: "{count} norjalaista organisaationumeroa" } },
    hi: { name: "नॉर्वे की संगठन संख्या", count: { one: "{count} नॉर्वे की संगठन संख्या", other: "{count} नॉर्वे की संगठन संख्याएँ" } },
    ur: { name: "ناروے کا تنظیمی نمبر", count: { one: "{count} ناروے کا تنظیمی نمبر", other: "{count} ناروے کے تنظیمی نمبر" } },
  },
  pattern: /(?:NO ?)?[89][0-9]{2}(?:[0-9]{6}| [0-9]{3} [0-9]{3})(?: ?MVA)?/,
  minDigits: 9,
  minRun: 3,
  // 9 digits, or groups of 3 3 3.
  runs: [[{ len: 9 }], [{ len: 3 }]],
  checksum: true,
  validate: validate,
  keywords: {
    nb: ["organisasjonsnummer", "organisasjonsnummeret", "org.nr", "orgnr", "org nr", "foretaksregisteret", "mva"],
    en: ["organisation number", "organization number", "org number", "company number", "vat number", "business number"],
    sk: ["cislo organizacie", "norske cislo organizacie"],
    cs: ["cislo organizace", "norske cislo organizace"],
    fi: ["organisaationumero", "y-tunnus", "yritystunnus"],
    hi: ["संगठन संख्या", "कंपनी संख्या"],
    ur: ["تنظیمی نمبر", "کمپنی نمبر"],
  },
  mask: function (candidate: string): string {
    return mask(candidate, 0, 3);
  },
  examples: {
    // Published by the register / python-stdnum: Brønnøysundregistrene's own number and others.
    match: ["988 077 917", "988077917", "NO 995 525 828 MVA", "995525828MVA"],
    noMatch: ["988 077 918", "123456789", "988 077917", "9880779170"],
  },
};
