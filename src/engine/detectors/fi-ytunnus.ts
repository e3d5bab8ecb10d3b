/**
 * fi-ytunnus: Finnish business id (Y-tunnus, FO-nummer): NNNNNNN-C, or as a VAT number "FI" + the 8 digits
 * ("FI 20774740"). One mod-11 check digit (weights 7 9 10 5 8 4 2; remainder 0 → 0, remainder 1 never issued, else
 * 11 − remainder). A business id, not personal data: recognised so the token is not read as a personal identifier
 * (../dedupe.ts); default rules do not act on it.
 *
 * Hand-written rather than stdnum's fi/ytunnus: a short rule, and stdnum cannot say why a number failed; the tests
 * check both agree.
 *
 * Edge policies:
 * - Written with the dash, or with the "FI" prefix; eight bare digits are far more often something else (dates,
 *   amounts, other registers' numbers) and are not matched.
 * - Old 6-digit ids are written padded with a leading 0 ("0123456-7"); unpadded ones are not matched.
 */
import type { Detector, Validation } from "./detector";
import { weightedMod11 } from "../checksums/mod11";
import { mask } from "../mask";

const WEIGHTS = [7, 9, 10, 5, 8, 4, 2];

function fail(why: string): Validation {
  return { ok: false, reasons: [why], confidence: "medium" };
}

function validate(candidate: string): Validation {
  const d = candidate.replace(/^FI ?/, "").replace("-", "");
  if (!/^[0-9]{8}$/.test(d)) return fail("not 7 digits and a check digit");
  const r = weightedMod11(d, WEIGHTS);
  if (r === 1) return fail("remainder 1 never issued");
  if ((r === 0 ? 0 : 11 - r) !== Number(d.charAt(7))) return fail("check digit wrong");
  return { ok: true, reasons: ["y-tunnus", "mod 11 check digit ok"], confidence: "medium" };
}

export const fiYtunnus: Detector<"fi-ytunnus"> = {
  id: "fi-ytunnus",
  description: "Finnish business id (Y-tunnus NNNNNNN-C, or FI + 8 digits), mod-11 check digit; a business id",
  group: "business",
  names: {
    en: { name: "Finnish business ID (Y-tunnus)", count: { one: "{count} Finnish business ID", other: "{count} Finnish business IDs" } },
    sk: { name: "Fínske identifikačné číslo firmy (Y-tunnus)", count: { one: "{count} fínske identifikačné číslo firmy", few: "{count} fínske identifikačné čísla firiem", other: "{count} fínskych identifikačných čísel firiem" } },
    nb: { name: "Finsk organisasjonsnummer (Y-tunnus)", count: { one: "{count} finsk organisasjonsnummer", other: "{count} finske organisasjonsnumre" } },
    fi: { name: "Y-tunnus", count: { one: "{count} Y-tunnus", other: "{count} Y-tunnusta" } },
    hi: { name: "फ़िनलैंड की व्यवसाय पहचान संख्या (Y-tunnus)", count: { one: "{count} फ़िनलैंड की व्यवसाय पहचान संख्या", other: "{count} फ़िनलैंड की व्यवसाय पहचान संख्याएँ" } },
    ur: { name: "فن لینڈ کا کاروباری شناختی نمبر (Y-tunnus)", count: { one: "{count} فن لینڈ کا کاروباری شناختی نمبر", other: "{count} فن لینڈ کے کاروباری شناختی نمبر" } },
  },
  pattern: /[0-9]{7}-[0-9]|FI ?[0-9]{8}/,
  minDigits: 8,
  minRun: 7,
  // NNNNNNN-N, or 8 digits after "FI" (a space between allowed).
  runs: [[{ len: 7 }, { len: 1 }], [{ len: 8, after: "capital" }]],
  checksum: true,
  validate: validate,
  keywords: {
    fi: ["y-tunnus", "ytunnus", "yritystunnus", "alv-numero", "alv-tunniste"],
    en: ["business id", "business identity code", "company id", "vat number"],
    sk: ["identifikacne cislo firmy", "ico"],
    cs: ["identifikacni cislo firmy", "ico"],
    nb: ["organisasjonsnummer", "foretaksnummer"],
    hi: ["व्यवसाय पहचान संख्या", "कंपनी संख्या"],
    ur: ["کاروباری شناختی نمبر", "کمپنی نمبر"],
  },
  mask: function (candidate: string): string {
    return mask(candidate, 0, 3);
  },
  examples: {
    // python-stdnum fi/ytunnus and fi/alv doctests.
    match: ["2077474-0", "FI 20774740", "FI20774740", "Y-tunnus: 2077474-0"],
    noMatch: ["2077474-1", "FI 20774741", "20774740", "12077474-0"],
  },
};
