/**
 * fi-hetu: Finnish personal identity code (henkilötunnus, HETU): DDMMYY, century sign, individual number NNN, check
 * character. Check character = "0123456789ABCDEFHJKLMNPRSTUVWXY"[DDMMYYNNN mod 31]. A valid code alone is `medium`,
 * `high` with a keyword nearby.
 *
 * Hand-written rather than stdnum's fi/hetu: (1) stdnum rejects birth dates after the device clock's "now", so the same
 * text would scan differently on different days and machines; ours is deterministic; (2) stdnum accepts individual
 * numbers 000 and 001, which are never issued; (3) we need to say which rule failed. The tests check that both agree
 * wherever these policies do not differ.
 *
 * Edge policies:
 * - Century signs: "+" 1800s; "-" and, since 2023, U V W X Y for the 1900s; A B C D E F for the 2000s (the 2023 reform).
 *   Upper or lower case ("131052-308t", "010594y9032": typed in a hurry or by a form that lower-cases), with the date
 *   and the check character deciding; a sign letter and a check letter in different cases ("010594Y903x") are not read.
 *   A typographic dash (U+2010, U+2011, U+2013, U+2212: word processors' autocorrect) counts as "-".
 * - The date must exist in the century the sign gives (29 Feb only in leap years). Dates after today are NOT rejected:
 *   validation does not read the clock.
 * - Individual numbers 002–899 are the ordinary ones; 000 and 001 are never issued and are dropped. 900–999 are
 *   temporary numbers (given e.g. by hospitals and employers to people not yet in the population register). They
 *   identify a person exactly like an ordinary HETU and use the same check character, so they ARE reported, with the
 *   reason "temporary individual number (900–999)".
 * - Reasons name the checks, never the digits: a birth date is personal data (only the century is named).
 */
import type { Detector, Validation } from "./detector";
import { dateExists } from "../checksums/date";
import { mask } from "../mask";

const CHECK = "0123456789ABCDEFHJKLMNPRSTUVWXY";
const CENTURY: Record<string, number> = {
  "+": 1800,
  "-": 1900,
  U: 1900,
  V: 1900,
  W: 1900,
  X: 1900,
  Y: 1900,
  A: 2000,
  B: 2000,
  C: 2000,
  D: 2000,
  E: 2000,
  F: 2000,
};

function fail(why: string): Validation {
  return { ok: false, reasons: [why], confidence: "medium" };
}

function validate(candidate: string): Validation {
  const dashed = candidate.replace(/[\u2010\u2011\u2013\u2212]/g, "-");
  if (/[a-z]/.test(dashed) && /[A-Z]/.test(dashed)) return fail("letters in mixed case");
  const value = dashed.toUpperCase();
  if (!/^[0-9]{6}[-+A-FU-Y][0-9]{3}[0-9A-Y]$/.test(value)) return fail("not DDMMYY, century sign, NNN, check character");
  const sign = value.charAt(6);
  const century = CENTURY[sign];
  if (century === undefined) return fail("unknown century sign");
  const day = Number(value.slice(0, 2));
  const month = Number(value.slice(2, 4));
  const year = century + Number(value.slice(4, 6));
  if (!dateExists(year, month, day)) return fail("birth date does not exist");
  const individual = Number(value.slice(7, 10));
  if (individual < 2) return fail("individual number 000–001 never issued");
  const expected = CHECK.charAt(Number(value.slice(0, 6) + value.slice(7, 10)) % 31);
  if (value.charAt(10) !== expected) return fail("check character wrong");
  const reasons = ["birth date exists (" + String(century) + "s)"];
  if (individual >= 900) reasons.push("temporary individual number (900–999)");
  reasons.push("check character ok");
  return { ok: true, reasons: reasons, confidence: "medium" };
}

export const fiHetu: Detector<"fi-hetu"> = {
  id: "fi-hetu",
  description: "Finnish personal identity code (henkilötunnus, HETU), date and mod-31 check character verified",
  group: "identifier",
  names: {
    en: { name: "Finnish personal identity code (henkilötunnus)", count: { one: "{count} Finnish personal identity code", other: "{count} Finnish personal identity codes" } },
    sk: { name: "Fínsky osobný identifikačný kód (henkilötunnus)", count: { one: "{count} fínsky osobný kód", few: "{count} fínske osobné kódy", other: "{count} fínskych osobných kódov" } },
    nb: { name: "Finsk personnummer (henkilötunnus)", count: { one: "{count} finsk personnummer", other: "{count} finske personnumre" } },
    fi: { name: "Henkilötunnus", count: { one: "{count} henkilötunnus", other: "{count} henkilötunnusta" } },
    hi: { name: "फ़िनलैंड का व्यक्तिगत पहचान कोड (henkilötunnus)", count: { one: "{count} फ़िनलैंड का व्यक्तिगत पहचान कोड", other: "{count} फ़िनलैंड के व्यक्तिगत पहचान कोड" } },
    ur: { name: "فن لینڈ کا ذاتی شناختی کوڈ (henkilötunnus)", count: { one: "{count} فن لینڈ کا ذاتی شناختی کوڈ", other: "{count} فن لینڈ کے ذاتی شناختی کوڈ" } },
  },
  pattern: /[0-9]{6}[-+A-FU-Ya-fu-y\u2010\u2011\u2013\u2212][0-9]{3}[0-9A-FHJ-NPR-Ya-fhj-npr-y]/,
  minDigits: 9,
  // The date: 6 digits before the century sign.
  runs: [[{ len: 6 }]],
  checksum: true,
  validate: validate,
  keywords: {
    en: ["personal identity code", "finnish personal identity code", "personal identity number", "personal id code", "identity code", "social security number", "hetu"],
    fi: ["henkilotunnus", "henkilotunnuksen", "henkilotunnusta", "hetu", "hetun", "sotu", "sotun", "sosiaaliturvatunnus", "sosiaaliturvatunnuksen", "henkilotunniste"],
    sk: ["osobne identifikacne cislo", "finske rodne cislo", "rodne cislo", "identifikacne cislo"],
    cs: ["osobni identifikacni cislo", "finske rodne cislo", "rodne cislo", "identifikacni cislo"],
    nb: ["finsk personnummer", "personnummer", "fodselsnummer", "identitetsnummer"],
    hi: ["व्यक्तिगत पहचान संख्या", "पहचान संख्या"],
    ur: ["شناختی نمبر", "ذاتی شناختی نمبر", "قومی شناختی نمبر"],
  },
  mask: function (candidate: string): string {
    return mask(candidate, 0, 2);
  },
  examples: {
    // 131052-308T is the DVV's published example; the others were generated with the mod-31 rule above.
    match: ["131052-308T", "010594Y9032", "150301A127E", "240216B562B", "290260-904Y", "henkilötunnus 050380-2467.", "131052-308t", "150301a127e"],
    noMatch: ["131052-308U", "131052G308T", "300490-001U", "300290-1235", "290261-1231", "310494-4566", "131052-308T5", "0131052-308T", "150301a127E", "131052-308u"],
  },
};
