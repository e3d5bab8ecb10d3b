/**
 * in-gstin: Indian GST identification number (GSTIN), 15 characters: a 2-digit state code, the holder's PAN (10), an
 * entity number (1–9, A–Z), "Z", and a check character (Luhn mod 36, ../checksums/luhn-mod-n.ts). A business id, not
 * personal data: recognised so the PAN inside it is not reported as a person's PAN (../dedupe.ts keeps the longer
 * finding); default rules do not act on it.
 *
 * Hand-written rather than stdnum's in/gstin: stdnum upper-cases its input and knows state codes only up to 37; this
 * file also takes 38 (Ladakh), 97 (other territory) and 99 (centre jurisdiction), which the GST portal issues. The
 * tests check both agree on 01–37.
 *
 * Edge policies:
 * - Lower case is matched ("27aapfu0939f1zv"): the check character makes a random match unlikely (1 in 36 on top of
 *   the layout), unlike the bare PAN.
 * - The PAN part follows the PAN's rules (holder-type letter, serial not 0000).
 */
import type { Detector, Validation } from "./detector";
import { luhnModN } from "../checksums/luhn-mod-n";
import { mask } from "../mask";

function fail(why: string): Validation {
  return { ok: false, reasons: [why], confidence: "medium" };
}

function stateOk(code: number): boolean {
  return (code >= 1 && code <= 38) || code === 97 || code === 99;
}

function validate(candidate: string): Validation {
  const v = candidate.toUpperCase();
  if (!/^[0-9]{2}[A-Z]{3}[ABCFGHLJPTK][A-Z][0-9]{4}[A-Z][1-9A-Z]Z[0-9A-Z]$/.test(v)) return fail("not the gstin layout");
  if (!stateOk(Number(v.slice(0, 2)))) return fail("no such state code");
  if (v.slice(7, 11) === "0000") return fail("pan serial 0000 never issued");
  if (!luhnModN(v)) return fail("check character wrong");
  return { ok: true, reasons: ["gstin", "state code " + v.slice(0, 2), "luhn mod 36 ok"], confidence: "medium" };
}

export const inGstin: Detector<"in-gstin"> = {
  id: "in-gstin",
  description: "Indian GST identification number (15 characters: state, PAN, entity, Z, check), Luhn mod 36; a business id",
  group: "business",
  names: {
    en: { name: "Indian GST number (GSTIN)", count: { one: "{count} Indian GST number", other: "{count} Indian GST numbers" } },
    sk: { name: "Indické číslo GST (GSTIN)", count: { one: "{count} indické číslo GST", few: "{count} indické čísla GST", other: "{count} indických čísel GST" } },
    nb: { name: "Indisk GST-nummer (GSTIN)", count: { one: "{count} indisk GST-nummer", other: "{count} indiske GST-numre" } },
    fi: { name: "Intialainen GST-tunniste (GSTIN)", count: { one: "{count} intialainen GST-tunniste", other: "{count} intialaista GST-tunnistetta" } },
    hi: { name: "जीएसटी पहचान संख्या (GSTIN)", count: { one: "{count} जीएसटी पहचान संख्या", other: "{count} जीएसटी पहचान संख्याएँ" } },
    ur: { name: "بھارتی جی ایس ٹی نمبر (GSTIN)", count: { one: "{count} بھارتی جی ایس ٹی نمبر", other: "{count} بھارتی جی ایس ٹی نمبر" } },
  },
  pattern: /[0-9]{2}[A-Za-z]{5}[0-9]{4}[A-Za-z][0-9A-Za-z][Zz][0-9A-Za-z]/,
  minDigits: 6,
  minRun: 4,
  // Every match: the 2-digit state code and the 4 digits after the PAN's letters.
  runs: [[{ len: 2 }, { len: 4, after: "letter" }]],
  checksum: true,
  validate: validate,
  keywords: {
    en: ["gstin", "gst number", "gst no", "gst registration", "gst"],
    hi: ["जीएसटीआईएन", "जीएसटी नंबर", "जीएसटी"],
    ur: ["جی ایس ٹی نمبر", "جی ایس ٹی"],
    sk: ["cislo gst"],
    cs: ["cislo gst"],
    nb: ["gst-nummer"],
    fi: ["gst-numero"],
  },
  mask: function (candidate: string): string {
    return mask(candidate, 2, 2);
  },
  examples: {
    // python-stdnum in_/gstin doctest.
    match: ["27AAPFU0939F1ZV", "GSTIN: 27AAPFU0939F1ZV", "27aapfu0939f1zv"],
    noMatch: ["27AAPFU0939F1ZO", "27AAPFU0939F1AA", "27AAPFU0000F1ZV", "00ABCDE1234F1Z5", "27AAPFU0939F1ZV7"],
  },
};
