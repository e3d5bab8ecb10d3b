/**
 * us-ssn: US Social Security number, ddd-dd-dddd, ddd dd dddd, ddd.dd.dddd or 9 digits. No check digit, so a match alone is `low`;
 * a keyword raises it (Purview requires a keyword within 300 characters for SSNs).
 *
 * Edge policies:
 * - Separators must be the same on both sides ("123-45 6789" is not an SSN); NBSP counts as a space (normalized).
 * - Area 000, 666 and 900–999 were never issued (900–999 are ITINs and advertising numbers); group 00 and serial 0000
 *   never either. Since randomisation (2011) any other area may be issued, so no further area table.
 * - Publicised numbers are dropped: 078-05-1120 (the Woolworth wallet card), 219-09-9999 (SSA pamphlet sample),
 *   457-55-5462 (the LifeLock advertisement) and 123-45-6789 (the universal form example). They appear in templates
 *   and training material; warning on them teaches people to ignore the warning.
 * - All digits the same (111-11-1111 …) is a placeholder, dropped.
 * - Other groupings are not read: ddddd-dddd is a ZIP+4 code, ddd-dddddd a typing slip that is more often an order or
 *   phone-like number; with no check digit, only the SSA's own grouping is evidence enough.
 */
import type { Detector, Validation } from "./detector";
import { maskLast4 } from "../mask";

const PUBLICISED: Record<string, true> = { "078051120": true, "219099999": true, "457555462": true, "123456789": true };

function fail(why: string): Validation {
  return { ok: false, reasons: [why], confidence: "low" };
}

function validate(candidate: string): Validation {
  const d = candidate.replace(/[^0-9]/g, "");
  if (d.length !== 9) return fail("not 9 digits");
  const area = d.slice(0, 3);
  if (area === "000" || area === "666" || area.charAt(0) === "9") return fail("area never issued");
  if (d.slice(3, 5) === "00") return fail("group 00 never issued");
  if (d.slice(5) === "0000") return fail("serial 0000 never issued");
  if (PUBLICISED[d]) return fail("publicised number");
  if (/^(\d)\1{8}$/.test(d)) return fail("repeated digit");
  return { ok: true, reasons: ["ssn format", "area, group and serial issuable"], confidence: "low" };
}

export const usSsn: Detector<"us-ssn"> = {
  id: "us-ssn",
  description: "US Social Security number (ddd-dd-dddd), issued ranges only, publicised numbers excluded",
  group: "identifier",
  names: {
    en: { name: "US Social Security number", count: { one: "{count} US Social Security number", other: "{count} US Social Security numbers" } },
    sk: { name: "Americké číslo sociálneho zabezpečenia (SSN)", count: { one: "{count} americké číslo sociálneho zabezpečenia", few: "{count} americké čísla sociálneho zabezpečenia", other: "{count} amerických čísel sociálneho zabezpečenia" } },
    nb: { name: "Amerikansk personnummer (SSN)", count: { one: "{count} amerikansk personnummer (SSN)", other: "{count} amerikanske personnumre (SSN)" } },
    fi: { name: "Yhdysvaltalainen sosiaaliturvatunnus (SSN)", count: { one: "{count} yhdysvaltalainen sosiaaliturvatunnus", other: "{count} yhdysvaltalaista sosiaaliturvatunnusta" } },
    hi: { name: "अमेरिकी सामाजिक सुरक्षा नंबर (SSN)", count: { one: "{count} अमेरिकी सामाजिक सुरक्षा नंबर", other: "{count} अमेरिकी सामाजिक सुरक्षा नंबर" } },
    ur: { name: "امریکی سوشل سیکیورٹی نمبر (SSN)", count: { one: "{count} امریکی سوشل سیکیورٹی نمبر", other: "{count} امریکی سوشل سیکیورٹی نمبر" } },
  },
  pattern: /\d{3}([-. ])\d{2}\1\d{4}|\d{9}/,
  minDigits: 9,
  // 9 digits, or groups of 3 2 4.
  runs: [[{ len: 9 }], [{ len: 3 }, { len: 2 }, { len: 4 }]],
  checksum: false,
  validate,
  keywords: {
    en: ["ssn", "ssns", "social security", "social security number", "soc sec", "ssa"],
    sk: ["cislo socialneho zabezpecenia", "americke socialne cislo"],
    cs: ["cislo socialniho zabezpeceni", "americke socialni cislo"],
    nb: ["trygdenummer", "amerikansk personnummer"],
    fi: ["sosiaaliturvatunnus", "amerikkalainen henkilotunnus"],
    hi: ["सामाजिक सुरक्षा संख्या", "सामाजिक सुरक्षा", "एसएसएन"],
    ur: ["سوشل سیکیورٹی", "سوشل سیکیورٹی نمبر"],
  },
  mask: maskLast4,
  examples: {
    match: ["536-22-8726", "536 22 8726", "536228726", "SSN: 772-31-4508", "536.22.8726"],
    noMatch: ["078-05-1120", "219-09-9999", "000-12-3456", "666-12-3456", "912-34-5678", "536-00-8726", "536-22-0000", "111-11-1111", "536-22 8726", "1536-22-8726", "536-22-87261", "536.22-8726", "53622-8726"],
  },
};
