/**
 * sk-icdph: Slovak VAT number (IČ DPH, identifikačné číslo pre daň z pridanej hodnoty): "SK" + the 10-digit DIČ, solid
 * or as printed in groups ("SK 202 274 96 19"). The digits follow the Slovak DIČ rule (../detectors/sk-dic.ts: first
 * digit not 0, third digit 2, 3, 4, 7, 8 or 9, divisible by 11). A business id, not personal data: recognised so the
 * same digits are not read as a rodné číslo (../dedupe.ts); default rules do not act on it.
 *
 * Hand-written: stdnum's sk/dph also takes any valid rodné číslo after "SK" (its comment calls that unclear); a
 * person's number stays personal here (sk-rc). The tests check agreement on the Slovak-rule numbers.
 *
 * Edge policies:
 * - "SK" upper case, then an optional single space; the digits solid or 3-3-2-2 with single spaces.
 */
import type { Detector, Validation } from "./detector";
import { slovakDicOk } from "./sk-dic";
import { mask } from "../mask";

function fail(why: string): Validation {
  return { ok: false, reasons: [why], confidence: "medium" };
}

function validate(candidate: string): Validation {
  const compact = candidate.replace(/ /g, "");
  if (compact.slice(0, 2) !== "SK") return fail("no SK prefix");
  const why = slovakDicOk(compact.slice(2));
  if (why) return fail(why);
  return { ok: true, reasons: ["ič dph", "divisible by 11"], confidence: "medium" };
}

export const skIcdph: Detector<"sk-icdph"> = {
  id: "sk-icdph",
  description: "Slovak VAT number (IČ DPH, SK + 10 digits), checked; a business id",
  group: "business",
  names: {
    en: { name: "Slovak VAT number (IČ DPH)", count: { one: "{count} Slovak VAT number", other: "{count} Slovak VAT numbers" } },
    sk: { name: "IČ DPH", count: { one: "{count} IČ DPH", few: "{count} IČ DPH", other: "{count} IČ DPH" } },
    nb: { name: "Slovakisk mva-nummer (IČ DPH)", count: { one: "{count} slovakisk mva-nummer", other: "{count} slovakiske mva-numre" } },
    fi: { name: "Slovakialainen ALV-numero (IČ DPH)", count: { one: "{count} slovakialainen ALV-numero", other: "{count} slovakialaista ALV-numeroa" } },
    hi: { name: "स्लोवाकिया वैट संख्या (IČ DPH)", count: { one: "{count} स्लोवाकिया वैट संख्या", other: "{count} स्लोवाकिया वैट संख्याएँ" } },
    ur: { name: "سلوواکیہ وی اے ٹی نمبر (IČ DPH)", count: { one: "{count} سلوواکیہ وی اے ٹی نمبر", other: "{count} سلوواکیہ وی اے ٹی نمبر" } },
  },
  pattern: /SK ?(?:[0-9]{10}|[0-9]{3} [0-9]{3} [0-9]{2} [0-9]{2})/,
  minDigits: 10,
  minRun: 3,
  // After "SK": 10 digits, or groups of 3 3 2 2.
  runs: [[{ len: 10, after: "capital" }], [{ len: 3, after: "capital" }, { len: 2 }]],
  checksum: true,
  validate: validate,
  keywords: {
    sk: ["ic dph", "identifikacne cislo pre dan z pridanej hodnoty", "dph"],
    cs: ["dic", "dph"],
    en: ["vat", "vat number", "vat id", "vat reg no"],
    nb: ["mva-nummer", "mva"],
    fi: ["alv-numero", "alv"],
    hi: ["वैट संख्या", "वैट"],
    ur: ["وی اے ٹی نمبر"],
  },
  mask: function (candidate: string): string {
    return mask(candidate, 2, 2);
  },
  examples: {
    // python-stdnum sk/dph doctest.
    match: ["SK 202 274 96 19", "SK2022749619", "IČ DPH: SK 2022749619"],
    noMatch: ["SK 202 274 96 18", "SK 1234567890", "SK20227496190"],
  },
};
