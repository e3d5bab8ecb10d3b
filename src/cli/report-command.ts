/**
 * `dlp report FILES…` (see ./report.ts): reads every .eml given (folders: their .eml files, recursively), prints or
 * writes the summary. Exit 0 when done, 3 for a usage error or a file that cannot be read (named in the message).
 */
import * as fs from "fs";
import * as path from "path";
import { UsageError, type Options } from "./args";
import { readRegularFile } from "./files";
import type { Policy } from "../engine/policy/types";
import { buildReport, renderReportCsv, renderReportText, reportMessage, type ReportedMessage } from "./report";
import { renderReportHtml } from "./report-html";

interface ReportIo {
  out: (s: string) => void;
  err: (s: string) => void;
}

/** Files as given; folders walked (sorted, hidden entries skipped), keeping .eml files only. */
export function emlInputs(inputs: string[]): string[] {
  const out: string[] = [];
  const walk = (p: string, given: boolean) => {
    let st: fs.Stats;
    try {
      st = fs.statSync(p);
    } catch (e) {
      throw new UsageError(`cannot read ${p}: ${(e as NodeJS.ErrnoException).code || (e as Error).message}`);
    }
    if (st.isDirectory()) {
      for (const name of fs.readdirSync(p).sort()) if (!name.startsWith(".")) walk(path.join(p, name), false);
    } else if (st.isFile()) {
      if (given || /\.eml$/i.test(p)) out.push(p);
    } else if (given) throw new UsageError(`${p} is not a file or a folder`);
  };
  for (const input of inputs) walk(input, true);
  return out;
}

export function reportCommand(opts: Options, io: ReportIo, policy: Policy): number {
  if (!opts.inputs.length) throw new UsageError("report needs at least one .eml file or folder");
  const files = emlInputs(opts.inputs);
  if (!files.length) throw new UsageError(`no .eml files in ${opts.inputs.join(", ")}`);
  const messages: ReportedMessage[] = [];
  for (const file of files) {
    // Throws InputError naming the file (exit 3); a FIFO or device swapped in after the listing cannot hang the read.
    messages.push(reportMessage(file, readRegularFile(file), policy));
  }
  const report = buildReport(messages);
  const text =
    opts.format === "csv"
      ? renderReportCsv(report)
      : opts.format === "html"
        ? renderReportHtml(report)
        : opts.format === "json"
          ? JSON.stringify({ report, messages }, null, 2) + "\n"
          : renderReportText(report) + "\n";
  if (opts.out) {
    try {
      fs.writeFileSync(opts.out, text);
    } catch (e) {
      throw new UsageError(`cannot write ${opts.out}: ${(e as NodeJS.ErrnoException).code || (e as Error).message}`);
    }
    io.err(`dlp report: ${files.length} message${files.length === 1 ? "" : "s"} → ${opts.out}`);
  } else io.out(text.replace(/\n$/, ""));
  return 0;
}
