/**
 * in-pan: Indian Permanent Account Number (income tax): AAAAA9999A, five letters, four digits, one letter. The fourth
 * letter is the holder type; the fifth is the initial of the holder's (sur)name; the last letter is an alphabetic check
 * character whose algorithm is not public. So this is a pattern-only identifier: a match alone is `low`, `medium` with a
 * keyword nearby, `high` with a keyword within 40 characters or two keywords.
 *
 * The rules are stdnum's in/pan (holder-type table, serial 0000 refused). We apply them here instead of calling its
 * validate so the reason names the holder type or the failing rule, and because stdnum upper-cases its input: a
 * lower-case "abcpe1234f" would pass, and lower-case letter-digit tokens in mail are far more often something else.
 * The tests check that both agree on every upper-case candidate.
 *
 * Edge policies:
 * - Upper case only, no separators inside (PANs are printed and typed as one token). Lower case was tried and measured:
 *   found on the eval corpus with no false alarm, but a pattern that can start at any lower-case letter runs at every
 *   letter of prose (V8 cannot skip ahead to the digits five characters in), and it cost the whole scan 35 % of its
 *   speed on the bench text (CPU time, 2 MB): the engine would fall behind the fastest peer. So "bxkpr4821m" is left out.
 * - Holder types: P person, C company, H Hindu undivided family, F firm/LLP, A association of persons, T trust, B body
 *   of individuals, L local authority, J artificial juridical person, G government, K krish (trust krish). Any other
 *   fourth letter is dropped.
 * - Serial 0000 is never issued and is dropped.
 * - No match inside a longer letter/digit token (the engine rejects glued matches): "XABCPE1234F" is not a PAN.
 */
import type { Detector, Validation } from "./detector";
import { mask } from "../mask";

const HOLDER: Record<string, string> = {
  P: "person",
  C: "company",
  H: "hindu undivided family",
  F: "firm",
  A: "association of persons",
  T: "trust",
  B: "body of individuals",
  L: "local authority",
  J: "artificial juridical person",
  G: "government",
  K: "krish",
};

function fail(why: string): Validation {
  return { ok: false, reasons: [why], confidence: "low" };
}

function validate(candidate: string): Validation {
  if (!/^[A-Z]{5}[0-9]{4}[A-Z]$/.test(candidate)) return fail("not AAAAA9999A");
  const type = candidate.charAt(3);
  const holder = HOLDER[type];
  if (holder === undefined) return fail("fourth letter is no holder type");
  if (candidate.slice(5, 9) === "0000") return fail("serial 0000 never issued");
  return { ok: true, reasons: ["pan format", "holder type " + type + " (" + holder + ")"], confidence: "low" };
}

export const inPan: Detector<"in-pan"> = {
  id: "in-pan",
  description: "Indian Permanent Account Number (AAAAA9999A) with a valid holder-type letter; pattern only (no public check)",
  group: "identifier",
  names: {
    en: { name: "Indian PAN", count: { one: "{count} Indian PAN", other: "{count} Indian PANs" } },
    sk: { name: "Indické číslo PAN", count: { one: "{count} indické číslo PAN", few: "{count} indické čísla PAN", other: "{count} indických čísel PAN" } },
    nb: { name: "Indisk PAN-nummer", count: { one: "{count} indisk PAN-nummer", other: "{count} indiske PAN-numre" } },
    fi: { name: "Intialainen PAN-tunnus", count: { one: "{count} intialainen PAN-tunnus", other: "{count} intialaista PAN-tunnusta" } },
    hi: { name: "पैन (PAN) नंबर", count: { one: "{count} पैन नंबर", other: "{count} पैन नंबर" } },
    ur: { name: "بھارتی پین (PAN) نمبر", count: { one: "{count} بھارتی پین نمبر", other: "{count} بھارتی پین نمبر" } },
  },
  pattern: /[A-Z]{5}[0-9]{4}[A-Z]/,
  minDigits: 4,
  // Every match: the 4 digits between the letters ("ABCDE1234F").
  runs: [[{ len: 4, after: "letter" }]],
  checksum: false,
  validate: validate,
  keywords: {
    en: ["pan", "pan number", "pan no", "pan card", "permanent account number", "income tax", "itr"],
    hi: ["पैन", "पैन कार्ड", "पैन नंबर", "स्थायी खाता संख्या", "आयकर"],
    ur: ["پین", "پین کارڈ", "پین نمبر", "مستقل اکاؤنٹ نمبر", "انکم ٹیکس"],
    sk: ["cislo pan", "danove identifikacne cislo", "indicke danove cislo"],
    cs: ["cislo pan", "danove identifikacni cislo", "indicke danove cislo"],
    nb: ["pan-nummer", "skattenummer", "indisk skattenummer"],
    fi: ["pan-numero", "verotunniste", "intialainen verotunniste"],
  },
  mask: function (candidate: string): string {
    return mask(candidate, 0, 2);
  },
  examples: {
    // Generated shapes (no real holder known): person, company, trust.
    match: ["BXKPR4821M", "PAN: QWTCZ7305L", "AJRTN1190D"],
    noMatch: ["BXKDR4821M", "BXKPR0000M", "bxkpr4821m", "BXKPR4821MA", "XBXKPR4821M", "BXKP4821M"],
  },
};
