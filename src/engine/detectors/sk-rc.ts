/**
 * sk-rc: Slovak and Czech birth number (rodné číslo, RČ): YYMMDD/NNNN, written with the slash ("850316/1238",
 * "850316 / 1238", "850316/ 1238"), a space ("850316 1238") or solid ("8503161238"); 9 digits YYMMDD/NNN for people born
 * before 1954. A valid 10-digit number alone is `medium`, `high` with a keyword nearby; a 9-digit one has
 * no check digit and is `low`.
 *
 * Hand-written rather than stdnum's cz/rc (= sk/rc): stdnum rejects birth dates after the device clock's "now" (the
 * same text would scan differently on different days), accepts the +20/+70 month codes for any year, accepts 9-digit
 * numbers without the slash, its month arithmetic ((MM mod 50) mod 20) also takes the never-issued codes 41–50 and
 * 91–99, it ends the remainder-10 rule in 1984 (python-stdnum, our eval reference, applies it in every year, and its
 * list of real-world numbers holds one from 1988; so do we), and it cannot tell why a number failed. The tests check
 * that both agree wherever these policies do not differ.
 *
 * Edge policies:
 * - Month: 01–12 men, 51–62 women; since 2004 also 21–32 (men) and 71–82 (women) when a day's numbers run out. The
 *   +20/+70 codes with a birth year before 2004 are dropped.
 * - 10 digits: year 54–99 → 1900s, 00–53 → 2000s (10-digit numbers exist since 1954). Valid when the whole number is
 *   divisible by 11, or by the remainder-10 rule: the first nine digits mod 11 leave 10 and the check digit is 0 (most
 *   such numbers were issued up to 1985, some later; python-stdnum accepts it in any year).
 * - 9 digits: for years 00–53 (1900–1953) and 80–99 (1880–1899: people alive when the numbers were introduced), and
 *   only written with the slash (YYMMDD/NNN) when no keyword is near: nine bare or space-separated digits with a
 *   plausible date are far more often something else, and there is no check digit to tell, so without the slash they
 *   count only with an RČ keyword in the window ("rodné číslo 500101123"; keywordRequired). `low` confidence.
 * - Not read: a dash or dot between date and serial ("850316-1238" is not how RČ is written), two spaces, other
 *   groupings.
 * - The date must exist; dates after today are not rejected (validation does not read the clock).
 * - Reasons name the checks, never the digits (a birth date is personal data; only the century is named).
 */
import type { Detector, Validation } from "./detector";
import { dateExists } from "../checksums/date";
import { mod11 } from "../checksums/mod11";
import { mask } from "../mask";

function fail(why: string): Validation {
  return { ok: false, reasons: [why], confidence: "medium" };
}

function validate(candidate: string): Validation {
  const slash = candidate.indexOf("/") >= 0;
  const d = candidate.replace(/[ /]/g, "");
  if (!/^[0-9]{9,10}$/.test(d)) return fail("not YYMMDD/NNNN");
  const yy = Number(d.slice(0, 2));
  const mm = Number(d.slice(2, 4));
  const day = Number(d.slice(4, 6));
  let month = mm;
  let extra = false;
  if (mm >= 71 && mm <= 82) {
    month = mm - 70;
    extra = true;
  } else if (mm >= 51 && mm <= 62) month = mm - 50;
  else if (mm >= 21 && mm <= 32) {
    month = mm - 20;
    extra = true;
  } else if (mm < 1 || mm > 12) return fail("month code not 01–12, 21–32, 51–62 or 71–82");
  let year: number;
  let confidence: "low" | "medium" = "medium";
  const reasons: string[] = [];
  if (d.length === 9) {
    if (yy > 53 && yy < 80) return fail("9-digit numbers only before 1954");
    year = yy >= 80 ? 1800 + yy : 1900 + yy;
    confidence = "low";
  } else year = yy >= 54 ? 1900 + yy : 2000 + yy;
  if (extra && year < 2004) return fail("month +20/+70 only since 2004");
  if (!dateExists(year, month, day)) return fail("birth date does not exist");
  reasons.push("birth date exists (" + String(year - (year % 100)) + "s)");
  if (d.length === 9) {
    reasons.push("9-digit number (before 1954, no check digit)");
    if (!slash) {
      reasons.push("no slash: counts only with a keyword");
      return { ok: true, reasons, confidence, keywordRequired: true };
    }
  }
  else if (mod11(d) === 0) reasons.push("divisible by 11");
  else if (mod11(d.slice(0, 9)) === 10 && d.charAt(9) === "0") reasons.push("remainder 10, check digit 0");
  else return fail("check digit wrong");
  return { ok: true, reasons: reasons, confidence: confidence };
}

export const skRc: Detector<"sk-rc"> = {
  id: "sk-rc",
  description: "Slovak or Czech birth number (rodné číslo, YYMMDD/NNNN), date and mod-11 rule verified",
  group: "identifier",
  names: {
    en: { name: "Slovak/Czech birth number (rodné číslo)", count: { one: "{count} Slovak/Czech birth number", other: "{count} Slovak/Czech birth numbers" } },
    sk: { name: "Rodné číslo", count: { one: "{count} rodné číslo", few: "{count} rodné čísla", other: "{count} rodných čísel" } },
    nb: { name: "Slovakisk/tsjekkisk personnummer (rodné číslo)", count: { one: "{count} slovakisk/tsjekkisk personnummer", other: "{count} slovakiske/tsjekkiske personnumre" } },
    fi: { name: "Slovakialainen tai tšekkiläinen henkilötunnus (rodné číslo)", count: { one: "{count} slovakialainen tai tšekkiläinen henkilötunnus", other: "{count} slovakialaista tai tšekkiläistä henkilötunnusta" } },
    hi: { name: "स्लोवाकिया/चेक जन्म संख्या (rodné číslo)", count: { one: "{count} स्लोवाकिया/चेक जन्म संख्या", other: "{count} स्लोवाकिया/चेक जन्म संख्याएँ" } },
    ur: { name: "سلوواکیہ/چیک کا پیدائشی نمبر (rodné číslo)", count: { one: "{count} سلوواکیہ/چیک کا پیدائشی نمبر", other: "{count} سلوواکیہ/چیک کے پیدائشی نمبر" } },
  },
  pattern: /[0-9]{6}(?: ?\/ ?[0-9]{3,4}|[0-9]{3,4}| [0-9]{3,4})/,
  minDigits: 9,
  // The date (6 digits) before the suffix, or 9 or 10 digits in one run.
  runs: [[{ len: 6 }], [{ len: [9, 10] }]],
  checksum: true,
  validate: validate,
  keywords: {
    sk: ["rodne cislo", "rodneho cisla", "rodnym cislom", "rodnych cisiel", "rc", "r.c.", "osobne identifikacne cislo", "identifikacne cislo"],
    cs: ["rodne cislo", "rodneho cisla", "rodnym cislem", "rodnych cisel", "rc", "r.c.", "osobni identifikacni cislo", "identifikacni cislo"],
    en: ["birth number", "birth registration number", "czech birth number", "slovak birth number", "personal identification number", "national identification number"],
    nb: ["fodselsnummer", "personnummer", "identitetsnummer"],
    fi: ["henkilotunnus", "syntymanumero"],
    hi: ["जन्म संख्या", "पहचान संख्या", "राष्ट्रीय पहचान संख्या"],
    ur: ["پیدائشی نمبر", "شناختی نمبر", "قومی شناختی نمبر"],
  },
  mask: function (candidate: string): string {
    return mask(candidate, 0, 2);
  },
  examples: {
    // Generated with the rules above: man 1985, woman 1985 (+50), man 2005 (+20), woman 2005 (+70), old rule 1970, 9 digits 1950.
    match: [
      "850316/1238", "8503161238", "855316/1243", "052308/4562", "057308/4578", "700101/1040", "rodné číslo 500101/123", "850316 / 1238",
      "850316 1238", "900101/1020",
    ],
    noMatch: ["850316/1239", "852308/4570", "500101123", "500101 123", "850230/1236", "850316/12380", "850316-1238"],
  },
};
