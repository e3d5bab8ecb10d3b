/**
 * in-aadhaar: Indian Aadhaar number (UIDAI): 12 digits, written solid or in groups of four 4-4-4 (space, dash or dot,
 * also mixed: "2345 6789-0124"; NBSP is normalized to space); first digit 2–9; last digit a Verhoeff check digit; never
 * a palindrome. A valid number in 4-4-4 groups is `medium`, `high` with a keyword nearby. Written solid it is `low`
 * without a keyword: one random 12-digit number in twelve passes the first-digit rule and Verhoeff, and solid 12-digit
 * order, invoice and bank reference numbers are common in ordinary mail (Microsoft Purview's Aadhaar type likewise
 * gives the checksum alone low confidence); as a low match it is judged by its context like a pattern-only one
 * (../context.ts, ../other-numbers.ts: "Order number 234567890124" is no Aadhaar), and a keyword makes it `high`.
 *
 * The rules are stdnum's in/aadhaar, and the Verhoeff arithmetic is stdnum's (via ../checksums/verhoeff). We apply the
 * three rules here instead of calling stdnum's validate so that the reason names the rule that failed (stdnum returns
 * one exception class for "first digit" and "palindrome") and so the bundle does not take stdnum's generic Unicode
 * cleaning code; the tests check that both agree on every candidate.
 *
 * Edge policies:
 * - Mixed separators are matched: forms and spreadsheets mix them, and the Verhoeff digit and first-digit rule decide.
 *   Not read: other groupings ("234 567 890 124"), two separators in a row, a slash.
 * - The 16-digit Virtual ID (VID) is not an Aadhaar number and is not matched; 12 digits inside a longer run (a card
 *   number, a 16-digit VID) are not matched either (the engine rejects glued matches, and de-duplication prefers the
 *   longer finding).
 * - Palindromes (e.g. 2000 0990 0002, which passes Verhoeff) are dropped, as UIDAI never issues them.
 * - The mask keeps the last four digits, as UIDAI's own "masked Aadhaar" does.
 */
import type { Detector, Validation } from "./detector";
import { verhoeffOk } from "../checksums/verhoeff";
import { maskLast4 } from "../mask";

function fail(why: string): Validation {
  return { ok: false, reasons: [why], confidence: "medium" };
}

function validate(candidate: string): Validation {
  const d = candidate.replace(/[ .-]/g, "");
  if (!/^[0-9]{12}$/.test(d)) return fail("not 12 digits");
  if (d.charAt(0) === "0" || d.charAt(0) === "1") return fail("first digit 0 or 1 never issued");
  if (d.split("").reverse().join("") === d) return fail("palindrome never issued");
  if (!verhoeffOk(d)) return fail("verhoeff failed");
  const grouped = d.length !== candidate.length;
  return { ok: true, reasons: ["first digit 2–9", "not a palindrome", "verhoeff ok"], confidence: grouped ? "medium" : "low" };
}

export const inAadhaar: Detector<"in-aadhaar"> = {
  id: "in-aadhaar",
  description: "Indian Aadhaar number (12 digits, first 2-9), Verhoeff check digit verified, palindromes excluded",
  group: "identifier",
  names: {
    en: { name: "Aadhaar number", count: { one: "{count} Aadhaar number", other: "{count} Aadhaar numbers" } },
    sk: { name: "Indické číslo Aadhaar", count: { one: "{count} číslo Aadhaar", few: "{count} čísla Aadhaar", other: "{count} čísel Aadhaar" } },
    nb: { name: "Aadhaar-nummer", count: { one: "{count} Aadhaar-nummer", other: "{count} Aadhaar-numre" } },
    fi: { name: "Aadhaar-numero", count: { one: "{count} Aadhaar-numero", other: "{count} Aadhaar-numeroa" } },
    hi: { name: "आधार नंबर", count: { one: "{count} आधार नंबर", other: "{count} आधार नंबर" } },
    ur: { name: "آدھار نمبر", count: { one: "{count} آدھار نمبر", other: "{count} آدھار نمبر" } },
  },
  pattern: /[0-9]{4}[ .-]?[0-9]{4}[ .-]?[0-9]{4}/,
  minDigits: 12,
  // Groups of 4 4 4, 4 8, 8 4, or 12 digits.
  runs: [[{ len: 12 }], [{ len: 8 }], [{ len: 4, twice: true }]],
  checksum: true,
  validate: validate,
  keywords: {
    en: ["aadhaar", "aadhar", "adhaar", "aadhaar number", "aadhaar card", "aadhaar no", "uid", "uidai", "uid number", "unique identification number", "unique identity number"],
    hi: ["आधार", "आधार कार्ड", "आधार संख्या", "आधार नंबर", "यूआईडी", "विशिष्ट पहचान संख्या", "पहचान संख्या"],
    ur: ["آدھار", "آدھار کارڈ", "آدھار نمبر", "شناختی نمبر"],
    sk: ["aadhaar", "cislo aadhaar", "identifikacne cislo"],
    cs: ["aadhaar", "cislo aadhaar", "identifikacni cislo"],
    nb: ["aadhaar", "aadhaar-nummer", "identitetsnummer"],
    fi: ["aadhaar", "aadhaar-numero", "henkilotunnus"],
  },
  mask: maskLast4,
  examples: {
    // Generated with the Verhoeff rule (no real person's number).
    match: ["2345 6789 0124", "2345-6789-0124", "234567890124", "9876 5432 1096", "आधार: 5012 3456 7896", "2345.6789.0124", "2345 6789-0124"],
    noMatch: ["2345 6789 0125", "1345 6789 0129", "2000 0990 0002", "2345 6789 01245", "12345 6789 0124", "2345/6789/0124", "2345  6789 0124"],
  },
};
