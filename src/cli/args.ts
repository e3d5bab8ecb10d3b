/** Command-line parsing for `dlp` (node:util parseArgs, strict: unknown flags are usage errors, exit 3). */
import { parseArgs } from "util";

export type Format = "text" | "json" | "jsonl" | "csv" | "html";

export interface Options {
  command: string;
  inputs: string[];
  policy?: string;
  format: Format;
  locale: string;
  showValues: boolean;
  /** scan/explain: a customer set file (`dlp customers build`), and its key file (default: beside it, ".key"). */
  customers?: string;
  customersKey?: string;
  /** customers build: the export's columns and the key file (the set file is `out`). */
  columns?: string;
  keyFile?: string;
  eachLine: boolean;
  to: string[];
  /** The sender to assume: for files that are not mails, and for mails instead of their From (--from). */
  from?: string;
  progress: boolean | undefined;
  help: boolean;
  /** `report`: write the output to this file instead of stdout; `customers build`: the set file. */
  out?: string;
}

export class UsageError extends Error {}

export const USAGE = `Usage: dlp <command> [options]

Commands
  scan <files or folders…>     scan .eml/.msg messages (decision + the exact Think First dialog) and other files
                               (.txt .csv .docx .xlsx .pptx .pdf .zip …: findings with file, line and column)
  explain <files or folders…>  like scan, and why each finding fired: pattern, checksum, keywords and distance,
                               and what an allowlist removed
  check-policy <policy.yaml>   validate a policy, compile every regex, run every examples block
  customers build <export.csv> --out FILE [--columns email,customer_number] [--key-file F]
                               a customer export → a keyed hash set of its addresses and numbers (never in clear;
                               the key is created beside FILE as .key when absent: keep it, do not host it)
  report <.eml files or folders…>
                               what the X-ThinkFirst-* headers of exported messages say: checks, warnings
                               (Send Anyway), blocks, unchecked external mail, reasons, per rule and per ISO week
  schema                       print the policy's JSON Schema

Options
  --policy FILE       policy YAML (default: assets/policy/default-policy.yaml)
  --customers FILE    a customer set built by \`dlp customers build\` (default: the policy's customers.set, if any);
                      its key is read from --customers-key FILE or from the .key file beside it
  --format FORMAT     text (default), json or jsonl; for report: text, csv, html or json
  --out FILE          report: write to FILE (e.g. --format html --out report.html); customers build: the set file
  --locale LOCALE     language of the dialog text: en, sk, nb, fi, hi, ur (or any Outlook display language)
  --show-values       print the values found (masked otherwise)
  --each-line         scan each line of a text file as its own sample (findings carry its line)
  --to ADDRESS        for files that are not mails: the recipient to assume (repeatable;
                      default someone@external.invalid, an external recipient)
  --from ADDRESS      the sender to assume: for files that are not mails, and for mails instead of their From
                      (the sender's domain counts as internal and is a reference of the look-alike check)
  --progress / --no-progress   progress bar on stderr (default: on a terminal with 10 or more files)
  -h, --help          this help

Exit codes: 0 allow, 1 warn, 2 block, 3 usage or policy error, or a file that could not be read
(the message names it) or output that could not be written (report: 0 done, 3 as for scan).`;

export function parse(argv: string[]): Options {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      strict: true,
      options: {
        policy: { type: "string" },
        format: { type: "string", default: "text" },
        locale: { type: "string", default: "en" },
        "show-values": { type: "boolean", default: false },
        "each-line": { type: "boolean", default: false },
        to: { type: "string", multiple: true },
        from: { type: "string" },
        progress: { type: "boolean" },
        "no-progress": { type: "boolean" },
        help: { type: "boolean", short: "h", default: false },
        customers: { type: "string" },
        "customers-key": { type: "string" },
        out: { type: "string" },
        columns: { type: "string" },
        "key-file": { type: "string" },
      },
    });
  } catch (e) {
    throw new UsageError((e as Error).message.split("\n")[0]);
  }
  const v = parsed.values;
  const [command = "", ...inputs] = parsed.positionals;
  const format = v.format as string;
  if (command === "report") {
    if (format !== "text" && format !== "csv" && format !== "html" && format !== "json") throw new UsageError(`--format must be text, csv, html or json for report, got "${format}"`);
  } else if (format !== "text" && format !== "json" && format !== "jsonl") throw new UsageError(`--format must be text, json or jsonl, got "${format}"`);
  if (v.out !== undefined && command !== "report" && command !== "customers") throw new UsageError("--out is for report and customers build only");
  const to = (v.to as string[] | undefined) || ["someone@external.invalid"];
  for (const a of to) if (!/^[^\s@]+@[^\s@]+$/.test(a)) throw new UsageError(`--to needs an e-mail address, got "${a}"`);
  const from = v.from as string | undefined;
  if (from !== undefined && !/^[^\s@]+@[^\s@]+$/.test(from)) throw new UsageError(`--from needs an e-mail address, got "${from}"`);
  return {
    command,
    inputs,
    policy: v.policy as string | undefined,
    format,
    locale: v.locale as string,
    showValues: v["show-values"] as boolean,
    customers: v.customers as string | undefined,
    customersKey: v["customers-key"] as string | undefined,
    out: v.out as string | undefined,
    columns: v.columns as string | undefined,
    keyFile: v["key-file"] as string | undefined,
    eachLine: v["each-line"] as boolean,
    to,
    ...(from !== undefined ? { from } : {}),
    progress: v["no-progress"] ? false : (v.progress as boolean | undefined),
    help: v.help as boolean,
  };
}
