/**
 * pk-cnic: Pakistani Computerized National Identity Card number (NADRA): 5-7-1 digits, "DDDDD-DDDDDDD-D"; with a
 * keyword nearby also "DDDDD DDDDDDD D" and 13 bare digits.
 * The first digit is the province, the last digit the holder's gender (odd male, even female). No check digit, so this
 * is a pattern-only identifier: a match alone is `low`, `medium` with a keyword nearby, `high` with a keyword within
 * 40 characters or two keywords.
 *
 * The rules are stdnum's pk/cnic (province 1–7, last digit not 0). We apply them here so the reason names the province
 * or the failing rule, and because stdnum accepts 13 bare digits on their own, which we do only with a keyword (below).
 * The tests check that both agree on every dashed candidate.
 *
 * Edge policies:
 * - Dashes required for a finding on the shape alone (ASCII hyphen, or the typographic U+2010/2011/2013/2212 that word
 *   processors put in). Thirteen bare digits, or 5-7-1 with spaces, are reported only with a CNIC keyword in the
 *   window ("CNIC 3520248173065", "شناختی کارڈ نمبر ..."): alone they carry no check digit, and phone, order and
 *   tracking numbers share the shape.
 * - Province codes: 1 Khyber Pakhtunkhwa, 2 FATA (merged into KP in 2018, numbers stay valid), 3 Punjab, 4 Sindh,
 *   5 Balochistan, 6 Islamabad, 7 Gilgit-Baltistan. A first digit 0, 8 or 9 is dropped.
 * - Last digit 0 carries no gender and is never issued; dropped. NICOP numbers use the same format and are reported.
 */
import type { Detector, Validation } from "./detector";
import { mask } from "../mask";

const PROVINCE: Record<string, string> = {
  "1": "khyber pakhtunkhwa",
  "2": "fata",
  "3": "punjab",
  "4": "sindh",
  "5": "balochistan",
  "6": "islamabad",
  "7": "gilgit-baltistan",
};

function fail(why: string): Validation {
  return { ok: false, reasons: [why], confidence: "low" };
}

function validate(candidate: string): Validation {
  let value = candidate.replace(/[\u2010\u2011\u2013\u2212]/g, "-");
  let keywordRequired = false;
  if (/^[0-9]{13}$/.test(value) || /^[0-9]{5} [0-9]{7} [0-9]$/.test(value)) {
    value = value.replace(/ /g, "").replace(/^([0-9]{5})([0-9]{7})/, "$1-$2-");
    keywordRequired = true;
  }
  if (!/^[0-9]{5}-[0-9]{7}-[0-9]$/.test(value)) return fail("not 5-7-1 digits with dashes");
  const p = value.charAt(0);
  const province = PROVINCE[p];
  if (province === undefined) return fail("first digit is no province code (1–7)");
  if (value.charAt(14) === "0") return fail("gender digit 0 never issued");
  const reasons = ["cnic format", "province " + p + " (" + province + ")"];
  if (keywordRequired) {
    reasons.push("no dashes: counts only with a keyword");
    return { ok: true, reasons, confidence: "low", keywordRequired };
  }
  return { ok: true, reasons, confidence: "low" };
}

export const pkCnic: Detector<"pk-cnic"> = {
  id: "pk-cnic",
  description: "Pakistani CNIC (DDDDD-DDDDDDD-D) with a valid province code; pattern only (no check digit)",
  group: "identifier",
  names: {
    en: { name: "Pakistani CNIC number", count: { one: "{count} Pakistani CNIC number", other: "{count} Pakistani CNIC numbers" } },
    sk: { name: "Pakistanské číslo CNIC", count: { one: "{count} pakistanské číslo CNIC", few: "{count} pakistanské čísla CNIC", other: "{count} pakistanských čísel CNIC" } },
    nb: { name: "Pakistansk CNIC-nummer", count: { one: "{count} pakistansk CNIC-nummer", other: "{count} pakistanske CNIC-numre" } },
    fi: { name: "Pakistanilainen CNIC-numero", count: { one: "{count} pakistanilainen CNIC-numero", other: "{count} pakistanilaista CNIC-numeroa" } },
    hi: { name: "पाकिस्तानी पहचान पत्र नंबर (CNIC)", count: { one: "{count} पाकिस्तानी पहचान पत्र नंबर", other: "{count} पाकिस्तानी पहचान पत्र नंबर" } },
    ur: { name: "شناختی کارڈ نمبر (CNIC)", count: { one: "{count} شناختی کارڈ نمبر", other: "{count} شناختی کارڈ نمبر" } },
  },
  pattern: /[0-9]{5}[-\u2010\u2011\u2013\u2212][0-9]{7}[-\u2010\u2011\u2013\u2212][0-9]|[0-9]{5} [0-9]{7} [0-9]|[0-9]{13}/,
  minDigits: 13,
  // Groups of 5 7 1, or 13 digits.
  runs: [[{ len: 5 }, { len: 7 }, { len: 1 }], [{ len: 13 }]],
  checksum: false,
  validate: validate,
  keywords: {
    en: ["cnic", "nic", "nicop", "computerized national identity card", "computerised national identity card", "national identity card", "id card number", "nadra"],
    ur: ["شناختی کارڈ", "قومی شناختی کارڈ", "شناختی کارڈ نمبر", "نادرا", "شناختی نمبر"],
    hi: ["सीएनआईसी", "पहचान पत्र", "राष्ट्रीय पहचान पत्र", "पहचान पत्र संख्या"],
    sk: ["cnic", "obciansky preukaz", "cislo obcianskeho preukazu", "pakistansky obciansky preukaz"],
    cs: ["cnic", "obcansky prukaz", "cislo obcanskeho prukazu", "pakistansky obcansky prukaz"],
    nb: ["cnic", "id-kort", "nasjonalt id-kort", "id-kortnummer"],
    fi: ["cnic", "henkilokortti", "henkilokortin numero", "kansallinen henkilokortti"],
  },
  mask: function (candidate: string): string {
    return mask(candidate, 0, 2);
  },
  examples: {
    // Generated shapes (no real holder known): Punjab, Sindh, Islamabad.
    match: ["35202-4817306-5", "CNIC: 42101-7390264-8", "61101-2093745-1"],
    noMatch: ["85202-4817306-5", "05202-4817306-5", "35202-4817306-0", "3520248173065", "35202-4817306-57", "35202 4817306 5"],
  },
};
