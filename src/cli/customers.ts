/**
 * `dlp customers build CSV [--columns email,customer_number] [--key-file F] --out FILE`: a customer export → the keyed
 * hash set the add-in looks addresses and numbers up in (src/engine/customers, docs/customers.md). Node only.
 *
 * The CSV: any encoding src/extract/text-decode.ts reads (UTF-8 with or without BOM, UTF-16 with BOM, Windows-1252), a
 * header row, "," ";" or tab as delimiter (whichever the header line uses most), quoted fields as RFC 4180 (csv-parse).
 * Columns: `--columns` names header cells (case, spaces, "_" and "-" ignored); `email:NAME` / `number:NAME` says the
 * kind, otherwise a column is an address column when most of its values hold "@". Without `--columns`, every column
 * whose values are mostly addresses and every column named like a customer number (customer number, customer id,
 * kundenummer, asiakasnumero, číslo zákazníka…) is taken. "Jane Doe <jane@example.com>" cells give the address.
 * Nothing read from the export is printed: the summary has counts, row numbers of skipped cells and the shapes.
 */
import * as fs from "fs";
import * as path from "path";
import { parse } from "csv-parse/sync";
import { decodeText } from "../extract/text-decode";
import { buildCustomerSet, openCustomerSet, type BuildColumn, type BuildReport, type CustomerSet, type SetHeader } from "../engine/customers/customer-set";
import { keyFileFor, loadOrCreateKey, readKeyFile, type CustomerKey } from "./customer-key";

export class CustomersError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "CustomersError";
  }
}

const NUMBER_NAMES = [
  "customernumber", "customerno", "customernr", "customerid", "custno", "clientnumber", "clientno", "clientid", "accountnumber",
  "kundenummer", "kundenr", "kundeid", "asiakasnumero", "asiakasnro", "asiakastunnus", "cislozakaznika", "zakaznickecislo",
  "idzakaznika", "ग्राहकसंख्या", "ग्राहकआईडी", "کسٹمرنمبر",
];
const EMAIL_NAMES = ["email", "emailaddress", "mail", "epost", "epostadresse", "sahkoposti", "sähköposti", "emailovaadresa", "ईमेल", "ایمیل", "ای میل"];

function key(name: string): string {
  return name.toLowerCase().replace(/[\s_\-.:/]+/g, "");
}

function delimiterOf(firstLine: string): string {
  let best = ",";
  let most = -1;
  for (const d of [",", ";", "\t"]) {
    const n = firstLine.split(d).length - 1;
    if (n > most) {
      most = n;
      best = d;
    }
  }
  return best;
}

/** The address in a cell: the part in <…> when there is one. */
function addressOf(cell: string): string {
  const m = /<([^<>]*@[^<>]*)>/.exec(cell);
  return (m ? m[1]! : cell).trim().replace(/^mailto:/i, "");
}

function mostlyAddresses(values: string[]): boolean {
  const filled = values.filter((v) => v.trim());
  return filled.length > 0 && filled.filter((v) => v.indexOf("@") > 0).length * 2 > filled.length;
}

/** Reads the export and picks its columns (see the file header). */
export function readExport(bytes: Uint8Array, columnsSpec: string | undefined): BuildColumn[] {
  let text = decodeText(bytes);
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  const firstLine = text.slice(0, Math.max(0, text.indexOf("\n")) || text.length);
  let rows: string[][];
  try {
    rows = parse(text, { delimiter: delimiterOf(firstLine), relax_column_count: true, skip_empty_lines: true, relax_quotes: true }) as string[][];
  } catch (e) {
    throw new CustomersError(`the export is not valid CSV: ${(e as Error).message.split("\n")[0]}`);
  }
  if (rows.length < 1) throw new CustomersError("the export is empty");
  const head = rows[0]!.map((h) => h.trim());
  const body = rows.slice(1);
  const cells = (i: number) => body.map((r) => (r[i] || "").trim());
  const picked: BuildColumn[] = [];
  const take = (i: number, kind: "email" | "number") => {
    const values = cells(i);
    picked.push({ name: head[i]!, kind, values: kind === "email" ? values.map(addressOf) : values });
  };
  if (columnsSpec) {
    for (const part of columnsSpec.split(",").map((s) => s.trim()).filter(Boolean)) {
      const m = /^(email|number):(.+)$/i.exec(part);
      const wanted = key(m ? m[2]! : part);
      const i = head.findIndex((h) => key(h) === wanted);
      if (i < 0) throw new CustomersError(`no column "${m ? m[2] : part}" in the export; its columns are: ${head.map((h) => JSON.stringify(h)).join(", ")}`);
      take(i, m ? (m[1]!.toLowerCase() as "email" | "number") : mostlyAddresses(cells(i)) || EMAIL_NAMES.indexOf(key(head[i]!)) >= 0 ? "email" : "number");
    }
  } else {
    head.forEach((h, i) => {
      if (mostlyAddresses(cells(i))) take(i, "email");
      else if (NUMBER_NAMES.indexOf(key(h)) >= 0) take(i, "number");
    });
    if (!picked.length) {
      throw new CustomersError(`found no address column and no customer-number column; name them with --columns (the export's columns are: ${head.map((h) => JSON.stringify(h)).join(", ")})`);
    }
  }
  return picked;
}

export interface BuildResult {
  out: string;
  key: CustomerKey;
  header: SetHeader;
  report: BuildReport;
  falsePositiveRate: number;
}

export function buildCommand(csvFile: string, o: { out?: string; columns?: string; keyFile?: string; now?: Date }): BuildResult {
  if (!o.out) throw new CustomersError("customers build needs --out FILE (for example customers.tfcs)");
  let bytes: Uint8Array;
  try {
    bytes = new Uint8Array(fs.readFileSync(csvFile));
  } catch (e) {
    throw new CustomersError(`cannot read the export ${csvFile}: ${(e as NodeJS.ErrnoException).code || (e as Error).message}`);
  }
  const columns = readExport(bytes, o.columns);
  const keyFile = o.keyFile || keyFileFor(o.out);
  if (path.resolve(keyFile) === path.resolve(o.out)) throw new CustomersError("--key-file and --out name the same file");
  const key = loadOrCreateKey(keyFile);
  const built = (o.now || new Date()).toISOString().replace(/\.\d{3}Z$/, "Z");
  const { file, header, report } = buildCustomerSet(columns, key.key, built);
  fs.mkdirSync(path.dirname(path.resolve(o.out)), { recursive: true });
  fs.writeFileSync(o.out, file);
  const set = openCustomerSet(file, key.key);
  return { out: o.out, key, header, report, falsePositiveRate: set.falsePositiveRate };
}

export function renderBuild(r: BuildResult): string {
  const kb = (r.report.bytes / 1024).toFixed(1);
  const lines = [
    `${r.out}: ${r.header.counts.email} addresses, ${r.header.counts.number} customer numbers from ${r.report.rows} rows; ${kb} KB; false positives ≈ ${r.falsePositiveRate.toExponential(1)} per lookup`,
  ];
  for (const c of r.report.columns) {
    const skipped = c.invalid ? `, ${c.invalid} skipped as not ${c.kind === "email" ? "an address" : "a customer number (at least 5 letters/digits, one digit)"} (data rows ${c.invalidRows.join(", ")}${c.invalid > c.invalidRows.length ? ", …" : ""})` : "";
    lines.push(`  column "${c.name}" (${c.kind}): ${c.taken} taken, ${c.duplicates} repeated, ${c.empty} empty${skipped}`);
  }
  if (r.header.counts.number) lines.push(`  number shapes: ${r.header.shapes.join(" ")}; separators inside numbers: ${r.header.joiners ? JSON.stringify(r.header.joiners) : "none"}`);
  if (r.report.shortDigitNumbers) {
    lines.push(`  warning: ${r.report.shortDigitNumbers} customer numbers are digits only and shorter than 7; the same digits occur in ordinary mail (amounts, postal codes), so expect findings that are not customers`);
  }
  lines.push(`  key ${r.key.id}: ${r.key.created ? "NEW, written to" : "from"} ${r.key.file}${r.key.created ? " — keep it with your admin files; do not host it" : ""}`);
  return lines.join("\n");
}

/** Opens a set file for `dlp scan --customers`: the key from --customers-key or beside the set. */
export function loadCustomerSetFile(file: string, keyFile?: string): CustomerSet {
  let bytes: Uint8Array;
  try {
    bytes = new Uint8Array(fs.readFileSync(file));
  } catch (e) {
    throw new CustomersError(`cannot read the customer set ${file}: ${(e as NodeJS.ErrnoException).code || (e as Error).message}`);
  }
  const k = readKeyFile(keyFile || keyFileFor(file));
  return openCustomerSet(bytes, k.key);
}
