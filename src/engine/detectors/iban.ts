/**
 * iban: International Bank Account Number, CC + 2 check digits + BBAN. Validated by the country's BBAN structure as
 * the SWIFT IBAN registry (ISO 13616) defines it — length and character class per position — and ISO 7064 MOD 97-10,
 * plus the Spanish and Norwegian national check digits; so `medium` alone, `high` with a keyword.
 *
 * Forms found: solid, in the print format's groups of four, and in any national grouping ("NO 19 4920 06 96270",
 * "ES10 0075 0080 11 0600658108", "NO07.8380.08.06006"): one separator (space, dash, dot; NBSP is normalized to space)
 * may stand between any two characters, mixed on one line. Upper or lower case ("de89 3704 …").
 *
 * Why hand-written: `ibantools` would add ~10 KB to the send-handler bundle for facts we need as one table (the
 * BBAN structure per country below) and mod 97 (../checksums/mod97.ts). The table also builds the pattern, so a
 * candidate is exactly as long as its country's IBAN and ends there: an amount or a date after it is not read into it.
 *
 * Edge policies:
 * - The two letters of the country code have the same case: "No 12 …", "Is 20 …" at the start of a sentence are prose,
 *   not IBANs; "NO…" and "no…" are read.
 * - Only countries of the official registry, including the ones that joined since 2020 (BI, DJ, FK, HN, LY, MN, NI,
 *   OM, RU, SD, SO, YE); experimental "IBAN-like" formats of other countries are not IBANs.
 * - A letter where the registry says digits (or a digit where it says letters) is not an IBAN, whatever mod 97 says.
 * - National BBAN checks: Spain's two CCC check digits and Norway's kontonummer check digit (both mod 11) must be
 *   right too (python-stdnum checks the same); other countries' national checks are not applied.
 * - Two separators in a row, or a separator other than space, dash or dot (slash, comma), are not read inside an IBAN;
 *   nor an IBAN glued to letters or digits ("DE89370400440532013000EUR": the engine rejects glued matches).
 * - A card number inside an IBAN is the IBAN (the engine's de-duplication keeps the longer finding).
 */
import type { Detector, Validation } from "./detector";
import { ibanMod97 } from "../checksums/mod97";
import { mod11CheckDigit, weightedMod11 } from "../checksums/mod11";
import { mask } from "../mask";

/**
 * BBAN structure per country, SWIFT IBAN registry: read from the registry text as Simplify/ibantools keeps it
 * (script/registry.txt, 2023 release), plus OM (2024), YE and HN (2025) as ibantools' country table lists them (2026).
 * Fields of `<count><class>` in the registry's order, n = digits, a = letters (printed upper case, read in either
 * case), c = letters or digits. The IBAN is 4 characters longer.
 */
export const BBAN_STRUCTURE: Record<string, string> = {
  AD: "4n4n12c", AE: "3n16n", AL: "8n16c", AT: "5n11n", AZ: "4a20c", BA: "3n3n8n2n", BE: "3n7n2n", BG: "4a4n2n8c",
  BH: "4a14c", BI: "5n5n11n2n", BR: "8n5n10n1a1c", BY: "4c4n16c", CH: "5n12c", CR: "4n14n", CY: "3n5n16c",
  CZ: "4n6n10n", DE: "8n10n", DJ: "5n5n11n2n", DK: "4n9n1n", DO: "4c20n", EE: "2n2n11n1n", EG: "4n4n17n",
  ES: "4n4n1n1n10n", FI: "3n11n", FK: "2a12n", FO: "4n9n1n", FR: "5n5n11c2n", GB: "4a6n8n", GE: "2a16n", GI: "4a15c",
  GL: "4n9n1n", GR: "3n4n16c", GT: "4c20c", HN: "4a20n", HR: "7n10n", HU: "3n4n1n15n1n", IE: "4a6n8n", IL: "3n3n13n",
  IQ: "4a3n12n", IS: "4n2n6n10n", IT: "1a5n5n12c", JO: "4a4n18c", KW: "4a22c", KZ: "3n13c", LB: "4n20c", LC: "4a24c",
  LI: "5n12c", LT: "5n11n", LU: "3n13c", LV: "4a13c", LY: "3n3n15n", MC: "5n5n11c2n", MD: "2c18c", ME: "3n13n2n",
  MK: "3n10c2n", MN: "4n12n", MR: "5n5n11n2n", MT: "4a5n18c", MU: "4a2n2n12n3n3a", NI: "4a20n", NL: "4a10n",
  NO: "4n6n1n", OM: "3n16c", PK: "4a16c", PL: "8n16n", PS: "4a21c", PT: "4n4n11n2n", QA: "4a21c", RO: "4a16c",
  RS: "3n13n2n", RU: "9n5n15c", SA: "2n18c", SC: "4a2n2n16n3a", SD: "2n12n", SE: "3n16n1n", SI: "5n8n2n",
  SK: "4n6n10n", SM: "1a5n5n12c", SO: "4n3n12n", ST: "4n4n11n2n", SV: "4a20n", TL: "3n14n2n", TN: "2n3n13n2n",
  TR: "5n1n16c", UA: "6n19c", VA: "3n15n", VG: "4a16n", XK: "4n10n2n", YE: "4a4n18c",
};

/** One class letter per BBAN position ("nnnnaaaacc…"), from the structure. */
function positions(structure: string): string {
  let out = "";
  const re = /(\d+)([nac])/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(structure)) !== null) for (let i = 0; i < Number(m[1]); i++) out += m[2];
  return out;
}

const LAYOUT: Record<string, string> = {};
/** IBAN length per country (the BBAN's plus 4). */
export const IBAN_LENGTHS: Record<string, number> = {};
for (const cc of Object.keys(BBAN_STRUCTURE)) {
  LAYOUT[cc] = positions(BBAN_STRUCTURE[cc] as string);
  IBAN_LENGTHS[cc] = (LAYOUT[cc] as string).length + 4;
}

/**
 * The pattern: per country (a trie on the first letter), the check digits and each BBAN position's class, with an
 * optional separator before every character; letters in either case (validate() decides about case). No `i` flag and
 * no leading lookahead: measured on the bench text, both make V8 try the pattern at every letter of prose (3× slower).
 */
function buildPattern(): RegExp {
  const S = "[ .\\-]?";
  const cls: Record<string, string> = { n: "\\d", a: "[A-Za-z]", c: "[A-Za-z0-9]" };
  const letter = (c: string) => "[" + c + c.toLowerCase() + "]";
  const byFirst: Record<string, string[]> = {};
  for (const cc of Object.keys(LAYOUT).sort()) {
    const layout = LAYOUT[cc] as string;
    let body = "(?:" + S + "\\d){2}";
    for (let i = 0; i < layout.length; ) {
      let j = i;
      while (j < layout.length && layout.charAt(j) === layout.charAt(i)) j++;
      const one = "(?:" + S + cls[layout.charAt(i)] + ")";
      body += j - i === 1 ? one : one + "{" + (j - i) + "}";
      i = j;
    }
    (byFirst[cc.charAt(0)] || (byFirst[cc.charAt(0)] = [])).push(letter(cc.charAt(1)) + body);
  }
  const trie = Object.keys(byFirst)
    .map((f) => letter(f) + "(?:" + (byFirst[f] as string[]).join("|") + ")")
    .join("|");
  return new RegExp(trie);
}

function fail(why: string): Validation {
  return { ok: false, reasons: [why], confidence: "medium" };
}

const CCC_WEIGHTS = [1, 2, 4, 8, 5, 10, 9, 7, 3, 6];

/** One Spanish CCC check digit over ten digits (weights 1 2 4 8 5 10 9 7 3 6, mod 11; 10 → 1, 11 → 0). */
function cccDigit(ten: string): number {
  const d = 11 - weightedMod11(ten, CCC_WEIGHTS);
  return d === 11 ? 0 : d === 10 ? 1 : d;
}

const KONTONR_WEIGHTS = [5, 4, 3, 2, 7, 6, 5, 4, 3, 2];

/** The Norwegian BBAN is the 11-digit kontonummer, whose last digit is a mod-11 check digit (weights 5 4 3 2 7 6 5 4 3 2). */
export function norwegianKontonrOk(bban: string): boolean {
  return mod11CheckDigit(bban, KONTONR_WEIGHTS) === bban.charCodeAt(10) - 48;
}

/** The BBAN "EEEE OOOO DD NNNNNNNNNN": DD checks "00"+EEEE+OOOO and the account. */
export function spanishCccOk(bban: string): boolean {
  return cccDigit("00" + bban.slice(0, 8)) === bban.charCodeAt(8) - 48 && cccDigit(bban.slice(10, 20)) === bban.charCodeAt(9) - 48;
}

function isUpper(c: number): boolean {
  return c >= 65 && c <= 90;
}

function validate(candidate: string): Validation {
  // Cheap checks first (country, length): the engine may call this on many near-misses of a long capitalised text.
  const compact = candidate.replace(/[ .-]/g, "");
  const a = compact.charCodeAt(0);
  const b = compact.charCodeAt(1);
  if (isUpper(a) !== isUpper(b)) return fail("country code in mixed case");
  const upper = compact.toUpperCase();
  const country = upper.slice(0, 2);
  const layout = Object.prototype.hasOwnProperty.call(LAYOUT, country) ? LAYOUT[country] : undefined;
  if (layout === undefined) return fail("unknown country");
  const expected = layout.length + 4;
  if (upper.length !== expected) return fail("length not " + expected + " for " + country);
  if (!/^\d\d$/.test(upper.slice(2, 4))) return fail("check digits not digits");
  for (let i = 0; i < layout.length; i++) {
    const c = upper.charCodeAt(4 + i);
    const k = layout.charAt(i);
    const digit = c >= 48 && c <= 57;
    if ((k === "n" && !digit) || (k === "a" && !isUpper(c)) || (k === "c" && !digit && !isUpper(c))) {
      return fail("BBAN position " + (i + 1) + " is not " + (k === "n" ? "a digit" : k === "a" ? "a letter" : "alphanumeric") + " for " + country);
    }
  }
  if (!ibanMod97(upper)) return fail("mod 97 failed");
  const reasons = ["length " + expected + " for " + country, "BBAN " + BBAN_STRUCTURE[country], "mod 97 ok"];
  if (country === "ES") {
    if (!spanishCccOk(upper.slice(4))) return fail("Spanish CCC check digits failed");
    reasons.push("CCC ok");
  } else if (country === "NO") {
    if (!norwegianKontonrOk(upper.slice(4))) return fail("Norwegian account check digit failed");
    reasons.push("kontonummer mod 11 ok");
  }
  return { ok: true, reasons, confidence: "medium" };
}

export const iban: Detector<"iban"> = {
  id: "iban",
  description: "IBAN (ISO 13616): per-country BBAN structure from the SWIFT registry and ISO 7064 mod 97-10",
  group: "identifier",
  names: {
    en: { name: "Bank account number (IBAN)", count: { one: "{count} bank account number (IBAN)", other: "{count} bank account numbers (IBAN)" } },
    sk: { name: "Číslo bankového účtu (IBAN)", count: { one: "{count} číslo účtu (IBAN)", few: "{count} čísla účtov (IBAN)", other: "{count} čísel účtov (IBAN)" } },
    nb: { name: "Kontonummer (IBAN)", count: { one: "{count} kontonummer (IBAN)", other: "{count} kontonumre (IBAN)" } },
    fi: { name: "Pankkitilinumero (IBAN)", count: { one: "{count} pankkitilinumero (IBAN)", other: "{count} pankkitilinumeroa (IBAN)" } },
    hi: { name: "बैंक खाता नंबर (IBAN)", count: { one: "{count} बैंक खाता नंबर (IBAN)", other: "{count} बैंक खाता नंबर (IBAN)" } },
    ur: { name: "بینک اکاؤنٹ نمبر (IBAN)", count: { one: "{count} بینک اکاؤنٹ نمبر (IBAN)", other: "{count} بینک اکاؤنٹ نمبر (IBAN)" } },
  },
  pattern: buildPattern(),
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
    match: [
      "GB82 WEST 1234 5698 7654 32", "GB82WEST12345698765432", "DE89 3704 0044 0532 0130 00", "FI21 1234 5600 0007 85", "NO93 8601 1117 947",
      "SK31 1200 0000 1987 4263 7541", "de89-3704-0044-0532-0130-00", "NO 93 8601 11 17947", "ES91 2100 0418 45 0200051332",
      "HN54 PISA 0000 0000 0000 0012 3124",
    ],
    noMatch: [
      "GB82 WEST 1234 5698 7654 33", "GB82 WEST 1234 5698 7654", "XX82 WEST 1234 5698 7654 32", "AGB82 WEST 1234 5698 7654 32",
      "Gb82 west 1234 5698 7654 32", "BG93 BNBG 9661 1A20 3456 78", "GB82 WEST 1234 5698 7654  32",
    ],
  },
};
