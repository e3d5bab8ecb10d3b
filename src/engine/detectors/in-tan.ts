/**
 * in-tan: Indian Tax Deduction and Collection Account Number (TAN): AAAA99999A, four letters (the issuing city's code
 * and the initial of the deductor's name), five digits, a letter. The last letter is not a published check, so this is
 * a pattern-only business id: `low` alone, `medium` with a keyword nearby. A business id, not personal data
 * (employers and banks hold TANs); default rules do not act on it.
 *
 * Hand-written: no validator library covers the TAN (stdnum has none).
 *
 * Edge policies:
 * - Upper case only, one token (as printed on challans and Form 16).
 * - Serial 00000 is never issued and is dropped.
 */
import type { Detector, Validation } from "./detector";
import { mask } from "../mask";

function fail(why: string): Validation {
  return { ok: false, reasons: [why], confidence: "low" };
}

function validate(candidate: string): Validation {
  if (!/^[A-Z]{4}[0-9]{5}[A-Z]$/.test(candidate)) return fail("not AAAA99999A");
  if (candidate.slice(4, 9) === "00000") return fail("serial 00000 never issued");
  return { ok: true, reasons: ["tan format"], confidence: "low" };
}

export const inTan: Detector<"in-tan"> = {
  id: "in-tan",
  description: "Indian TAN (AAAA99999A), pattern only; a business id",
  group: "business",
  names: {
    en: { name: "Indian TAN", count: { one: "{count} Indian TAN", other: "{count} Indian TANs" } },
    sk: { name: "Indické číslo TAN", count: { one: "{count} indické číslo TAN", few: "{count} indické čísla TAN", other: "{count} indických čísel TAN" } },
    nb: { name: "Indisk TAN-nummer", count: { one: "{count} indisk TAN-nummer", other: "{count} indiske TAN-numre" } },
    fi: { name: "Intialainen TAN-tunnus", count: { one: "{count} intialainen TAN-tunnus", other: "{count} intialaista TAN-tunnusta" } },
    hi: { name: "टैन (TAN) नंबर", count: { one: "{count} टैन नंबर", other: "{count} टैन नंबर" } },
    ur: { name: "بھارتی ٹین (TAN) نمبر", count: { one: "{count} بھارتی ٹین نمبر", other: "{count} بھارتی ٹین نمبر" } },
  },
  pattern: /[A-Z]{4}[0-9]{5}[A-Z]/,
  minDigits: 5,
  minRun: 5,
  // Every match: the 5 digits between the letters ("MUMA12345B").
  runs: [[{ len: 5, after: "letter" }]],
  checksum: false,
  validate: validate,
  keywords: {
    en: ["tan", "tan number", "tan no", "tax deduction account number", "tds"],
    hi: ["टैन", "टैन नंबर", "टीडीएस"],
    ur: ["ٹین نمبر", "ٹی ڈی ایس"],
    sk: ["cislo tan"],
    cs: ["cislo tan"],
    nb: ["tan-nummer"],
    fi: ["tan-tunnus"],
  },
  mask: function (candidate: string): string {
    return mask(candidate, 0, 2);
  },
  examples: {
    // Generated shapes (no real deductor known).
    match: ["MUMA12345B", "TAN: DELR40213K"],
    noMatch: ["MUMA00000B", "muma12345b", "MUMA12345BC", "MUM12345B"],
  },
};
