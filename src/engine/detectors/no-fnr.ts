/**
 * no-fnr: Norwegian national identity number (fødselsnummer), and its D-number (day + 40, for people not yet or not
 * permanently registered) and H-number (month + 40, assistance numbers in health care) forms. 11 digits DDMMYY III K1 K2,
 * written solid, as "DDMMYY IIIKK", "DDMMYY-IIIKK" or "DDMMYY.IIIKK", with the date grouped ("DD.MM.YY IIIKK",
 * "13-04-99-58441", "10 04 87 44 732", "26 11 15 940 14") or the check digits apart ("DDMMYYIII-KK"); space, dash or
 * dot, one between groups. Two mod-11 check digits (weights 3 7 6 1 8 9 4 5 2 and 5 4 3 2 7 6 5 4 3 2).
 * A valid number alone is `medium`, `high` with a keyword nearby.
 *
 * Hand-written rather than stdnum's no/fodselsnummer: stdnum rejects birth dates after the device clock's "now" (the
 * same text would scan differently on different days), cannot tell why a number failed, has no notion of synthetic
 * test numbers (below), starts the 1800s range at year 55 instead of Skatteetaten's 54, and accepts a day and a month
 * offset at once (no such number exists). The tests check that both agree wherever these policies do not differ.
 *
 * Edge policies:
 * - Century from the individual number III: 000–499 → 1900s; 500–749 with year 54–99 → 1800s; 500–999 with year
 *   00–39 → 2000s; 900–999 with year 40–99 → 1900s. Any other combination (e.g. 750–899 with year 40–99) was never issued
 *   and is dropped.
 * - The date (after removing the D/H offsets) must exist in that century; dates after today are not rejected
 *   (validation does not read the clock).
 * - Synthetic test numbers: Skatteetaten's test population (Tenor) adds 80 to the month (81–92), also on D-numbers.
 *   They belong to no person and circulate among developers and vendors in test plans, so they are DROPPED (reason
 *   "synthetic test number (month+80, Tenor)"): warning on test data teaches people to ignore the warning. NAV's older
 *   synthetic numbers add 40 to the month and cannot be told from H-numbers; they are reported as H-numbers.
 * - A number whose first check digit would be 10 is never issued; such payloads cannot validate.
 * - Not read: other groupings (e.g. "150 385 123 63"), two separators in a row, a slash.
 * - Reasons name the checks, never the digits (a birth date is personal data; only the century is named).
 */
import type { Detector, Validation } from "./detector";
import { dateExists } from "../checksums/date";
import { mod11CheckDigit } from "../checksums/mod11";
import { mask } from "../mask";

const W1 = [3, 7, 6, 1, 8, 9, 4, 5, 2];
const W2 = [5, 4, 3, 2, 7, 6, 5, 4, 3, 2];

function fail(why: string): Validation {
  return { ok: false, reasons: [why], confidence: "medium" };
}

/** The century (1800, 1900, 2000) the individual number gives for two-digit year yy, or 0 if none. */
export function fnrCentury(individual: number, yy: number): number {
  if (individual < 500) return 1900;
  if (individual < 750 && yy >= 54) return 1800;
  if (yy < 40) return 2000;
  if (individual >= 900) return 1900;
  return 0;
}

function validate(candidate: string): Validation {
  const d = candidate.replace(/[ .-]/g, "");
  if (!/^[0-9]{11}$/.test(d)) return fail("not 11 digits");
  if (mod11CheckDigit(d, W1) !== Number(d.charAt(9))) return fail("check digit 1 wrong");
  if (mod11CheckDigit(d, W2) !== Number(d.charAt(10))) return fail("check digit 2 wrong");
  let day = Number(d.slice(0, 2));
  let month = Number(d.slice(2, 4));
  const yy = Number(d.slice(4, 6));
  let kind = "fødselsnummer";
  if (month > 80) return fail("synthetic test number (month+80, Tenor)");
  if (day > 40) {
    day -= 40;
    kind = "d-number";
  }
  if (month > 40) {
    if (kind === "d-number") return fail("day and month both offset");
    month -= 40;
    kind = "h-number";
  }
  const century = fnrCentury(Number(d.slice(6, 9)), yy);
  if (century === 0) return fail("individual number does not fit the year");
  if (!dateExists(century + yy, month, day)) return fail("birth date does not exist");
  return { ok: true, reasons: [kind, "birth date exists (" + String(century) + "s)", "mod 11 check digits ok"], confidence: "medium" };
}

export const noFnr: Detector<"no-fnr"> = {
  id: "no-fnr",
  description: "Norwegian fødselsnummer, D-number or H-number (11 digits), date and two mod-11 check digits verified",
  group: "identifier",
  names: {
    en: { name: "Norwegian national identity number (fødselsnummer)", count: { one: "{count} Norwegian national identity number", other: "{count} Norwegian national identity numbers" } },
    sk: { name: "Nórske rodné číslo (fødselsnummer)", count: { one: "{count} nórske rodné číslo", few: "{count} nórske rodné čísla", other: "{count} nórskych rodných čísel" } },
    nb: { name: "Fødselsnummer", count: { one: "{count} fødselsnummer", other: "{count} fødselsnumre" } },
    fi: { name: "Norjalainen henkilötunnus (fødselsnummer)", count: { one: "{count} norjalainen henkilötunnus", other: "{count} norjalaista henkilötunnusta" } },
    hi: { name: "नॉर्वे की राष्ट्रीय पहचान संख्या (fødselsnummer)", count: { one: "{count} नॉर्वे की राष्ट्रीय पहचान संख्या", other: "{count} नॉर्वे की राष्ट्रीय पहचान संख्याएँ" } },
    ur: { name: "ناروے کا قومی شناختی نمبر (fødselsnummer)", count: { one: "{count} ناروے کا قومی شناختی نمبر", other: "{count} ناروے کے قومی شناختی نمبر" } },
  },
  // DD MM YY (each separator optional), then IIIKK as 5, 3+2 or 2+3; or DDMMYYIII-KK
  pattern: /\d\d[ .-]?\d\d[ .-]?\d\d[ .-]?(?:\d{5}|\d{3}[ .-]\d{2}|\d{2}[ .-]\d{3})|\d{9}-\d{2}/,
  minDigits: 11,
  checksum: true,
  validate: validate,
  keywords: {
    en: ["norwegian national identity number", "national identity number", "national id number", "birth number", "personal number", "d-number", "h-number", "identity number"],
    nb: ["fodselsnummer", "fodselsnummeret", "fodselsnumre", "fodselsnr", "fnr", "f.nr", "personnummer", "personnummeret", "d-nummer", "d-nummeret", "h-nummer", "identitetsnummer", "personidentifikator"],
    fi: ["norjalainen henkilotunnus", "henkilotunnus", "syntymanumero"],
    sk: ["norske rodne cislo", "rodne cislo", "osobne identifikacne cislo", "identifikacne cislo"],
    cs: ["norske rodne cislo", "rodne cislo", "osobni identifikacni cislo", "identifikacni cislo"],
    hi: ["राष्ट्रीय पहचान संख्या", "पहचान संख्या", "जन्म संख्या"],
    ur: ["قومی شناختی نمبر", "شناختی نمبر", "پیدائشی نمبر"],
  },
  mask: function (candidate: string): string {
    return mask(candidate, 0, 2);
  },
  examples: {
    // All generated with the two mod-11 rules: 15.03.1985; D-number (day+40); H-number (month+40); 2007; 1970 (ind. 912); 29.02.2000.
    match: [
      "15038512363", "150385 12363", "55038512357", "15438512346", "24020751246", "01017091219", "fødselsnummer: 29020050169",
      "150385-12363", "150385.12363", "15.03.85 12363", "15-03-85-12363", "15 03 85 123 63", "150385123-63",
    ],
    noMatch: ["15038512364", "15938512377", "150385123630", "15038 512363", "150385--12363", "150385/12363"],
  },
};
