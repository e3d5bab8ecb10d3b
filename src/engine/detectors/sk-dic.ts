/**
 * sk-dic: tax identification number (DIČ, daňové identifikačné / identifikační číslo) of a Slovak or Czech company. A
 * business id, not personal data: recognised so the same token is not read as a personal identifier (a Slovak DIČ
 * passes the rodné číslo's mod-11 rule; ../dedupe.ts decides), and default rules do not act on it.
 *
 * Forms:
 * - Slovak DIČ: 10 digits, first digit not 0, third digit 2, 3, 4, 7, 8 or 9, the whole number divisible by 11 (the
 *   rule python-stdnum's sk/dph applies to the same digits).
 * - Czech DIČ of a legal entity: "CZ" + its 8-digit IČO (same check digit, first digit not 9), and the special
 *   9-digit form "CZ6…" of individuals without a rodné číslo (python-stdnum cz/dic's check rule).
 *
 * Decided, not detected here:
 * - A Czech DIČ of a person is "CZ" + the person's rodné číslo: that is personal data and stays sk-rc.
 * - A bare 8-digit Czech DIČ is the company's IČO and is reported as sk-ico (the same digits, the same check).
 * - "SK" + 10 digits is the VAT number IČ DPH (sk-icdph).
 *
 * Hand-written: stdnum's cz/dic also accepts a rodné číslo (personal, see above) and sk/dph reads the Slovak rule
 * only as a fallback; the tests check agreement on the forms kept here.
 */
import type { Detector, Validation } from "./detector";
import { mod11 } from "../checksums/mod11";
import { icoCheckDigit } from "./sk-ico";
import { mask } from "../mask";

function fail(why: string): Validation {
  return { ok: false, reasons: [why], confidence: "medium" };
}

/** The Slovak DIČ / IČ DPH rule on 10 digits. */
export function slovakDicOk(d: string): string | null {
  if (!/^[0-9]{10}$/.test(d)) return "not 10 digits";
  if (d.charAt(0) === "0") return "first digit 0";
  if ("234789".indexOf(d.charAt(2)) < 0) return "third digit not 2, 3, 4, 7, 8 or 9";
  if (mod11(d) !== 0) return "not divisible by 11";
  return null;
}

function czechSpecialCheck(d: string): number {
  let sum = 0;
  for (let i = 1; i < 8; i++) sum += (d.charCodeAt(i) - 48) * (9 - i);
  return (((8 - ((10 - (sum % 11)) % 11)) % 10) + 10) % 10;
}

function validate(candidate: string): Validation {
  const compact = candidate.replace(/ /g, "");
  if (compact.slice(0, 2) === "CZ") {
    const d = compact.slice(2);
    if (/^[0-9]{8}$/.test(d)) {
      if (d.charAt(0) === "9") return fail("first digit 9 not issued");
      if (icoCheckDigit(d) !== Number(d.charAt(7))) return fail("check digit wrong");
      return { ok: true, reasons: ["czech dič of a legal entity", "mod 11 check digit ok"], confidence: "medium" };
    }
    if (/^6[0-9]{8}$/.test(d)) {
      if (czechSpecialCheck(d) !== Number(d.charAt(8))) return fail("check digit wrong");
      return { ok: true, reasons: ["czech dič (special 6 form)", "check digit ok"], confidence: "medium" };
    }
    return fail("czech dič of a person is a rodné číslo");
  }
  const why = slovakDicOk(compact);
  if (why) return fail(why);
  return { ok: true, reasons: ["slovak dič", "divisible by 11"], confidence: "medium" };
}

export const skDic: Detector<"sk-dic"> = {
  id: "sk-dic",
  description: "Slovak DIČ (10 digits) or Czech company DIČ (CZ + IČO), checked; a business id",
  group: "business",
  names: {
    en: { name: "Slovak/Czech tax number (DIČ)", count: { one: "{count} Slovak/Czech tax number", other: "{count} Slovak/Czech tax numbers" } },
    sk: { name: "DIČ", count: { one: "{count} DIČ", few: "{count} DIČ", other: "{count} DIČ" } },
    nb: { name: "Slovakisk/tsjekkisk skattenummer (DIČ)", count: { one: "{count} slovakisk/tsjekkisk skattenummer", other: "{count} slovakiske/tsjekkiske skattenumre" } },
    fi: { name: "Slovakialainen tai tšekkiläinen verotunniste (DIČ)", count: { one: "{count} slovakialainen tai tšekkiläinen verotunniste", other: "{count} slovakialaista tai tšekkiläistä verotunnistetta" } },
    hi: { name: "स्लोवाकिया/चेक कर संख्या (DIČ)", count: { one: "{count} स्लोवाकिया/चेक कर संख्या", other: "{count} स्लोवाकिया/चेक कर संख्याएँ" } },
    ur: { name: "سلوواکیہ/چیک ٹیکس نمبر (DIČ)", count: { one: "{count} سلوواکیہ/چیک ٹیکس نمبر", other: "{count} سلوواکیہ/چیک ٹیکس نمبر" } },
  },
  pattern: /CZ ?6?[0-9]{8}|[0-9]{10}/,
  minDigits: 8,
  minRun: 8,
  // 10 digits, or 8 or 9 (with the 6) after "CZ".
  runs: [[{ len: 10 }], [{ len: [8, 9], after: "capital" }]],
  checksum: true,
  validate: validate,
  keywords: {
    sk: ["dic", "danove identifikacne cislo", "danove cislo"],
    cs: ["danove identifikacni cislo", "danove cislo"],
    en: ["tax id", "tax number", "tax identification number", "vat number"],
    nb: ["skattenummer", "organisasjonsnummer"],
    fi: ["verotunniste", "verotunnus", "y-tunnus"],
    hi: ["कर संख्या", "टैक्स नंबर"],
    ur: ["ٹیکس نمبر"],
  },
  mask: function (candidate: string): string {
    return mask(candidate, 0, 3);
  },
  examples: {
    // python-stdnum cz/dic (25123891, 640903926) and sk/dph (2022749619, as a DIČ).
    match: ["CZ25123891", "CZ 25123891", "CZ640903926", "2022749619", "DIČ: 2022749619"],
    noMatch: ["CZ25123890", "2022749618", "0022749619", "CZ7103192745"],
  },
};
