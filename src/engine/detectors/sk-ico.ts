/**
 * sk-ico: Slovak and Czech company identification number (IČO, identifikačné / identifikační číslo organizácie): 8
 * digits, solid or grouped ("31 322 832", "001 77 041"), one mod-11 check digit (weights 8 … 2 on the first seven; the
 * check digit is (11 − sum mod 11) mod 10). A business id, not personal data: recognised so the same token is not read
 * as a personal identifier (../dedupe.ts); default rules do not act on it.
 *
 * Hand-written rather than stdnum's cz/ico: a ten-line rule, and stdnum cannot say why a number failed. The tests check
 * both agree on random numbers.
 *
 * Edge policies:
 * - First digit 9 is not issued to legal entities (python-stdnum cz/dic, stdnum-js cz/ico refuse it); dropped.
 * - Older 6-digit IČOs are written padded to 8 digits ("00177041"); unpadded 6-digit numbers are not matched.
 * - A Czech DIČ of a company is "CZ" + its IČO: that is sk-dic (the longer finding wins in de-duplication).
 * - Groupings: 8 solid, or 2-3-3 with single spaces. The 3-2-3 grouping ("001 77 041", seen in one validator's tests)
 *   is not matched: it is how phone numbers are written ("+358 12 345 6789" holds "358 12 345"), and one in ten
 *   of those would pass the check (1,113 such readings in the 10 MB bench text against 88 IČOs).
 */
import type { Detector, Validation } from "./detector";
import { mask } from "../mask";

function fail(why: string): Validation {
  return { ok: false, reasons: [why], confidence: "medium" };
}

/** The IČO check digit of the first seven digits of `d`. */
export function icoCheckDigit(d: string): number {
  let sum = 0;
  for (let i = 0; i < 7; i++) sum += (d.charCodeAt(i) - 48) * (8 - i);
  return (11 - (sum % 11)) % 10;
}

function validate(candidate: string): Validation {
  const d = candidate.replace(/ /g, "");
  if (!/^[0-9]{8}$/.test(d)) return fail("not 8 digits");
  if (d.charAt(0) === "9") return fail("first digit 9 not issued");
  if (icoCheckDigit(d) !== Number(d.charAt(7))) return fail("check digit wrong");
  return { ok: true, reasons: ["ičo", "mod 11 check digit ok"], confidence: "medium" };
}

export const skIco: Detector<"sk-ico"> = {
  id: "sk-ico",
  description: "Slovak or Czech company identification number (IČO, 8 digits), mod-11 check digit; a business id",
  group: "business",
  names: {
    en: { name: "Slovak/Czech company number (IČO)", count: { one: "{count} Slovak/Czech company number", other: "{count} Slovak/Czech company numbers" } },
    sk: { name: "IČO", count: { one: "{count} IČO", few: "{count} IČO", other: "{count} IČO" } },
    nb: { name: "Slovakisk/tsjekkisk organisasjonsnummer (IČO)", count: { one: "{count} slovakisk/tsjekkisk organisasjonsnummer", other: "{count} slovakiske/tsjekkiske organisasjonsnumre" } },
    fi: { name: "Slovakialainen tai tšekkiläinen yritystunnus (IČO)", count: { one: "{count} slovakialainen tai tšekkiläinen yritystunnus", other: "{count} slovakialaista tai tšekkiläistä yritystunnusta" } },
    hi: { name: "स्लोवाकिया/चेक कंपनी संख्या (IČO)", count: { one: "{count} स्लोवाकिया/चेक कंपनी संख्या", other: "{count} स्लोवाकिया/चेक कंपनी संख्याएँ" } },
    ur: { name: "سلوواکیہ/چیک کمپنی نمبر (IČO)", count: { one: "{count} سلوواکیہ/چیک کمپنی نمبر", other: "{count} سلوواکیہ/چیک کمپنی نمبر" } },
  },
  pattern: /[0-9]{2}(?:[0-9]{6}| [0-9]{3} [0-9]{3})/,
  minDigits: 8,
  minRun: 3,
  // 8 digits, or groups of 2 3 3.
  runs: [[{ len: 8 }], [{ len: 2 }, { len: 3 }]],
  checksum: true,
  validate: validate,
  keywords: {
    sk: ["ico", "identifikacne cislo organizacie", "identifikacne cislo"],
    cs: ["ic", "identifikacni cislo organizace", "identifikacni cislo"],
    en: ["company id", "company number", "business id", "registration number"],
    nb: ["organisasjonsnummer", "foretaksnummer"],
    fi: ["yritystunnus", "y-tunnus"],
    hi: ["कंपनी संख्या", "पंजीकरण संख्या"],
    ur: ["کمپنی نمبر", "رجسٹریشن نمبر"],
  },
  mask: function (candidate: string): string {
    return mask(candidate, 0, 3);
  },
  examples: {
    // python-stdnum / stdnum-js cz/ico test numbers.
    match: ["00177041", "31 322 832", "IČO: 25596641"],
    noMatch: ["00177042", "90000001", "0017704", "313228320", "001 77 041"],
  },
};
