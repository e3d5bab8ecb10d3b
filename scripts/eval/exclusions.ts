/**
 * Forms and numbers the detection rules deliberately leave out. A rule holds only while the detector's header or
 * docs/national-ids.md still says so: each rule quotes that text, and the harness checks the quote is still in the
 * file. When a detector engineer changes the rule (and its documentation), the quote disappears, the exclusion lapses
 * and those instances count toward recall again. Everything not listed here counts.
 */
import * as fs from "fs";
import * as path from "path";

const ROOT = path.join(__dirname, "../..");

export interface Exclusion {
  detector: string;
  id: string;
  /** File (relative to the repository) whose text must contain `quote`. */
  file: string;
  quote: string;
  /** Does the rule cover this rendered value (the identifier alone, not its context)? */
  applies(value: string, form: string): boolean;
}

const digitsOf = (v: string) => v.replace(/[^0-9]/g, "");

function luhn(d: string): boolean {
  let sum = 0;
  for (let i = 0; i < d.length; i++) {
    let n = Number(d.charAt(d.length - 1 - i));
    if (i % 2 === 1) n = n * 2 > 9 ? n * 2 - 9 : n * 2;
    sum += n;
  }
  return sum % 10 === 0;
}

const header = (id: string) => `src/engine/detectors/${id}.ts`;

export const EXCLUSIONS: readonly Exclusion[] = [
  {
    detector: "fi-hetu",
    id: "lower case",
    file: header("fi-hetu"),
    quote: "Upper case only",
    applies: (v) => /[a-z]/.test(v),
  },
  {
    detector: "in-pan",
    id: "lower case",
    file: header("in-pan"),
    quote: "Upper case only, no separators inside",
    applies: (v) => /[a-z]/.test(v),
  },
  {
    detector: "iban",
    id: "lower case",
    file: header("iban"),
    quote: "Country code and BBAN letters must be upper case",
    applies: (v) => /[a-z]/.test(v),
  },
  {
    detector: "sk-rc",
    id: "9 digits without slash",
    file: header("sk-rc"),
    quote: "only written with the slash (YYMMDD/NNN)",
    applies: (v) => digitsOf(v).length === 9 && v.indexOf("/") < 0,
  },
  {
    detector: "in-aadhaar",
    id: "mixed separators",
    file: header("in-aadhaar"),
    quote: 'Mixed separators ("2345 6789-0124") are not matched',
    applies: (_v, form) => form === "sep:mixed",
  },
  {
    detector: "us-ssn",
    id: "mixed separators",
    file: header("us-ssn"),
    quote: 'Separators must be the same on both sides ("123-45 6789" is not an SSN)',
    applies: (_v, form) => form === "sep:mixed",
  },
  {
    detector: "us-ssn",
    id: "publicised numbers",
    file: header("us-ssn"),
    quote: "Publicised numbers are dropped",
    applies: (v) => ["078051120", "219099999", "457555462", "123456789"].indexOf(digitsOf(v)) >= 0,
  },
  {
    detector: "us-ssn",
    id: "repeated digit",
    file: header("us-ssn"),
    quote: "All digits the same (111-11-1111 …) is a placeholder, dropped",
    applies: (v) => /^(\d)\1{8}$/.test(digitsOf(v)),
  },
  {
    detector: "pk-cnic",
    id: "no dashes",
    file: header("pk-cnic"),
    quote: "Dashes required",
    applies: (v) => !/[0-9]{5}[-\u2010\u2011\u2013\u2212][0-9]{7}[-\u2010\u2011\u2013\u2212][0-9]/.test(v),
  },
  {
    detector: "no-fnr",
    id: "Tenor synthetic numbers",
    file: header("no-fnr"),
    quote: "so they are DROPPED",
    applies: (v) => {
      const m = Number(digitsOf(v).slice(2, 4));
      return m >= 81 && m <= 92;
    },
  },
  {
    detector: "payment-card",
    id: "non-Luhn UnionPay",
    file: header("payment-card"),
    quote: "We still require Luhn",
    applies: (v) => !luhn(digitsOf(v)),
  },
  {
    detector: "email-address",
    id: "non-ASCII addresses",
    file: header("email-address"),
    quote: "Internationalised addresses (non-ASCII) are not matched",
    applies: (v) => /[^\x00-\x7f]/.test(v),
  },
  {
    detector: "email-address",
    id: "quoted local parts",
    file: header("email-address"),
    quote: "Quoted local parts (\"john doe\"@example.com) are not matched",
    applies: (v) => /^[<]?(mailto:)?"/.test(v.trim()),
  },
  {
    detector: "sk-dic",
    id: "bare 8-digit Czech DIČ (the IČO)",
    file: header("sk-dic"),
    quote: "A bare 8-digit Czech DIČ is the company's IČO and is reported as sk-ico",
    applies: (v) => /^[0-9]{8}$/.test(v.trim()),
  },
  {
    detector: "pk-ntn",
    id: "bare 7 digits",
    file: header("pk-ntn"),
    quote: "Only the dashed form NNNNNNN-N is matched",
    applies: (v) => !/^[0-9]{7}-[0-9]$/.test(v.trim()),
  },
  {
    detector: "sk-ico",
    id: "3-2-3 grouping",
    file: header("sk-ico"),
    quote: "The 3-2-3 grouping",
    applies: (v) => /^[0-9]{3} [0-9]{2} [0-9]{3}$/.test(v.trim()),
  },
  {
    detector: "fi-ytunnus",
    id: "bare 8 digits",
    file: header("fi-ytunnus"),
    quote: "eight bare digits are far more often something else",
    applies: (v) => /^[0-9]{8}$/.test(v.trim()),
  },
];

export interface ActiveExclusions {
  /** The rule that covers this value, if any is in force. */
  find(detector: string, value: string, form: string): Exclusion | null;
  /** Rules whose quote is gone from their file: no longer applied. */
  lapsed: Exclusion[];
  active: Exclusion[];
}

export function activeExclusions(root: string = ROOT): ActiveExclusions {
  const texts: Record<string, string> = {};
  const read = (f: string) => {
    if (texts[f] === undefined) {
      try {
        texts[f] = fs.readFileSync(path.join(root, f), "utf8");
      } catch {
        texts[f] = "";
      }
    }
    return texts[f] as string;
  };
  const active = EXCLUSIONS.filter((e) => read(e.file).indexOf(e.quote) >= 0);
  const lapsed = EXCLUSIONS.filter((e) => active.indexOf(e) < 0);
  return {
    active,
    lapsed,
    find(detector, value, form) {
      for (const e of active) if (e.detector === detector && e.applies(value, form)) return e;
      return null;
    },
  };
}
