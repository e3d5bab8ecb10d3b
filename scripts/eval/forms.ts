/**
 * Real-world forms of a positive vector, generated from the vector (never hand-written per number):
 *   - renderings of the value: every separator the identifier is written with (space, dash, dot, slash, none, NBSP,
 *     mixed), the national groupings, lower case for formats with letters;
 *   - contexts around a value: sentences in the served languages (en, sk, nb, fi, hi, ur), a CSV row and table cells
 *     with a date, an amount and another number on the same line, glued to its neighbours as in exports.
 * Each rendering is scanned bare; the value as written and the canonical rendering are also scanned in every context.
 * An instance knows where the identifier sits in its text (start/end), so a finding elsewhere is not a hit.
 */

export interface Instance {
  text: string;
  start: number;
  end: number;
  /** "as-written", "sep:space", "case:lower", "ctx:sk", "ctx:csv", … */
  form: string;
}

export interface Rendering {
  form: string;
  value: string;
  /** Characters of `value` before the identifier itself (a scheme such as "mailto:"); the finding covers the rest. */
  lead?: number;
}

const NBSP = "\u00a0";

function alnum(v: string): string {
  return v.replace(/[^0-9A-Za-z]/g, "");
}

function split(s: string, sizes: readonly number[]): string[] {
  const out: string[] = [];
  let p = 0;
  for (const n of sizes) {
    if (p >= s.length) break;
    out.push(s.slice(p, p + n));
    p += n;
  }
  if (p < s.length) out.push(s.slice(p));
  return out;
}

function fours(s: string): number[] {
  const out: number[] = [];
  for (let i = 0; i < s.length; i += 4) out.push(4);
  return out;
}

/** parts joined with one separator; "mixed" alternates space and dash. */
function joined(parts: readonly string[], sep: string): string {
  if (sep !== "mixed") return parts.join(sep);
  return parts.reduce((acc, p, i) => (i === 0 ? p : acc + (i % 2 ? " " : "-") + p), "");
}

const SEPS: ReadonlyArray<[string, string]> = [
  ["none", ""],
  ["space", " "],
  ["dash", "-"],
  ["dot", "."],
  ["nbsp", NBSP],
  ["mixed", "mixed"],
];

function grouped(c: string, sizes: readonly number[], seps: readonly string[], prefix = "sep:"): Rendering[] {
  const parts = split(c, sizes);
  return SEPS.filter(([name]) => seps.indexOf(name) >= 0).map(([name, sep]) => ({ form: prefix + name, value: joined(parts, sep) }));
}

function cardGroups(d: string): number[] {
  if (d.length === 15 && /^3[47]/.test(d)) return [4, 6, 5];
  if (d.length === 14) return [4, 6, 4];
  return fours(d);
}

/**
 * Renderings per detector id; the canonical one (first of the list) is what contexts use besides the value as written.
 * Unknown detectors get the value as written only.
 */
export function renderings(detector: string, value: string): Rendering[] {
  const c = alnum(value).toUpperCase();
  const digits = value.replace(/[^0-9]/g, "");
  switch (detector) {
    case "payment-card": {
      const out = grouped(digits, cardGroups(digits), ["space", "none", "dash", "dot", "nbsp", "mixed"]);
      if (digits.length === 16) out.push({ form: "group:8+8", value: digits.slice(0, 8) + " " + digits.slice(8) });
      return out;
    }
    case "iban": {
      const out = grouped(c, fours(c), ["space", "none", "dash", "nbsp"]);
      out.push({ form: "case:lower", value: joined(split(c, fours(c)), " ").toLowerCase() });
      out.push({ form: "case:lower-none", value: c.toLowerCase() });
      return out;
    }
    case "us-ssn":
      return grouped(digits, [3, 2, 4], ["dash", "space", "none", "dot", "nbsp", "mixed"]);
    case "fi-hetu": {
      const u = value.toUpperCase();
      const out: Rendering[] = [{ form: "case:upper", value: u }, { form: "case:lower", value: u.toLowerCase() }];
      if (u.charAt(6) === "-") {
        out.push({ form: "sep:en-dash", value: u.slice(0, 6) + "\u2013" + u.slice(7) });
        out.push({ form: "sep:nb-hyphen", value: u.slice(0, 6) + "\u2011" + u.slice(7) });
      }
      return out;
    }
    case "no-fnr":
      return grouped(digits, [6, 5], ["none", "space", "dash", "nbsp", "dot"]);
    case "sk-rc": {
      const head = digits.slice(0, 6);
      const tail = digits.slice(6);
      return [
        { form: "sep:slash", value: head + "/" + tail },
        { form: "sep:none", value: digits },
        { form: "sep:spaced-slash", value: head + " / " + tail },
        { form: "sep:space", value: head + " " + tail },
      ];
    }
    case "in-aadhaar":
      return grouped(digits, [4, 4, 4], ["space", "none", "dash", "dot", "nbsp", "mixed"]);
    case "in-pan":
      return [{ form: "case:upper", value: c }, { form: "case:lower", value: c.toLowerCase() }];
    case "pk-cnic": {
      const out = grouped(digits, [5, 7, 1], ["dash", "none", "space"]);
      out.push({ form: "sep:en-dash", value: joined(split(digits, [5, 7, 1]), "\u2013") });
      return out;
    }
    case "email-address":
      return [
        { form: "as-is", value },
        { form: "case:upper", value: value.toUpperCase() },
        { form: "wrap:angle", value: "<" + value + ">" },
        { form: "wrap:mailto", value: "mailto:" + value, lead: "mailto:".length },
      ];
    case "no-orgnr": {
      const d = digits.slice(0, 9);
      return [
        { form: "sep:none", value: d },
        { form: "group:3-3-3", value: split(d, [3, 3, 3]).join(" ") },
        { form: "vat:mva", value: "NO " + split(d, [3, 3, 3]).join(" ") + " MVA" },
      ];
    }
    case "sk-ico":
      return [
        { form: "sep:none", value: digits.padStart(8, "0") },
        { form: "group:2-3-3", value: split(digits.padStart(8, "0"), [2, 3, 3]).join(" ") },
      ];
    case "sk-dic":
      return [{ form: "sep:none", value: digits }, { form: "prefix:cz", value: "CZ" + digits }];
    case "sk-icdph":
      return [{ form: "sep:none", value: "SK" + digits }, { form: "sep:space", value: "SK " + digits }];
    case "fi-ytunnus":
      return [
        { form: "sep:dash", value: digits.slice(0, 7) + "-" + digits.slice(7) },
        { form: "vat:fi", value: "FI" + digits },
      ];
    case "in-gstin":
      return [{ form: "case:upper", value: c }, { form: "case:lower", value: c.toLowerCase() }];
    case "pk-ntn":
      return [{ form: "sep:dash", value: digits.slice(0, 7) + "-" + digits.slice(7) }, { form: "sep:none", value: digits }];
    case "rf-creditor-ref":
      return [{ form: "sep:space", value: split(c, fours(c)).join(" ") }, { form: "sep:none", value: c }];
    default:
      return [];
  }
}

/** Labels for the glued export form ("Card:4111111111111111;exp 12/27"). */
const LABEL: Record<string, string> = {
  "payment-card": "Card",
  iban: "IBAN",
  "us-ssn": "SSN",
  "fi-hetu": "HETU",
  "no-fnr": "Fnr",
  "sk-rc": "RC",
  "in-aadhaar": "Aadhaar",
  "in-pan": "PAN",
  "pk-cnic": "CNIC",
  "email-address": "Email",
};

interface Context {
  form: string;
  before: string;
  after: string;
}

function contexts(detector: string): Context[] {
  const label = LABEL[detector] || "ID";
  const tail = detector === "payment-card" ? "exp 12/27" : "2025-03-14";
  return [
    { form: "ctx:en", before: "Hi Anna, as requested here is the number: ", after: ". Let me know if anything is missing." },
    { form: "ctx:sk", before: "Dobrý deň, posielam číslo, ktoré ste chceli: ", after: ". S pozdravom, Peter" },
    { form: "ctx:nb", before: "Hei, her er nummeret du ba om: ", after: ". Ha en fin dag!" },
    { form: "ctx:fi", before: "Hei, tässä pyytämäsi numero: ", after: ". Terveisin Jari" },
    { form: "ctx:hi", before: "नमस्ते, आपने जो नंबर माँगा था वह यह है: ", after: "। धन्यवाद" },
    { form: "ctx:ur", before: "السلام علیکم، آپ نے جو نمبر مانگا تھا وہ یہ ہے: ", after: "۔ شکریہ" },
    { form: "ctx:csv", before: "2025-03-14;Berg, Anna;", after: ";1 250,00 EUR;42" },
    { form: "ctx:csv-comma", before: "17,Anna Berg,", after: ",2025-03-14,149.90" },
    { form: "ctx:table", before: "| 14.03.2025 | ", after: " | 1 250,00 | 3 |" },
    { form: "ctx:tsv", before: "4711\t", after: "\t12/27\t42.00" },
    { form: "ctx:glued", before: label + ":", after: ";" + tail },
    { form: "ctx:parens", before: "(", after: ")" },
    { form: "ctx:line-of-numbers", before: "2025-03-14 10:42 ", after: " 1 250,00 EUR 00042" },
  ];
}

/** Every instance of one positive vector: renderings bare, then the value as written and the canonical one in context. */
export function instancesOf(detector: string, value: string): Instance[] {
  const out: Instance[] = [{ text: value, start: 0, end: value.length, form: "as-written" }];
  const rs = renderings(detector, value);
  for (const r of rs) out.push({ text: r.value, start: r.lead || 0, end: r.value.length, form: r.form });
  const inContext = [value];
  if (rs[0] && rs[0].value !== value) inContext.push(rs[0].value);
  for (const ctx of contexts(detector)) {
    for (const v of inContext) {
      out.push({ text: ctx.before + v + ctx.after, start: ctx.before.length, end: ctx.before.length + v.length, form: ctx.form });
    }
  }
  return out;
}
