/** Text rendering of `dlp` results and the progress bar (stderr, only on a terminal). */
import type { FileResult } from "./scan-files";

const LABEL: Record<string, string> = { allow: "ALLOW", warn: "WARN", block: "BLOCK" };
/** How many addresses of a customer list the text output shows. */
export const EMAIL_EXAMPLES = 3;

function indent(text: string, pad: string): string {
  return text
    .split("\n")
    .map((l) => (l ? pad + l : l))
    .join("\n");
}

export function renderText(r: FileResult, explain: boolean, to: string[] = []): string {
  const out: string[] = [];
  const d = r.decision;
  out.push(`${r.file}: ${LABEL[r.action]}${r.kind === "file" ? (to.length ? ` (as an attachment to ${to.join(", ")})` : "") : " (message)"}`);
  if (r.error) out.push(`  error: ${r.error}`);
  if (d.rules.length) out.push(`  rules: ${d.rules.map((x) => `${x.id} (${x.action}, ${x.message})`).join(", ")}`);
  const counts = Object.keys(d.counts).map((k) => `${k} ${d.counts[k]}`);
  if (counts.length) out.push(`  counted: ${counts.join(", ")}`);
  if (r.kind === "message") out.push(`  external recipients visible in To/Cc: ${d.visibleExternalRecipients}`);
  for (const line of recipientLines(d)) out.push("  " + line);
  // A customer list is one finding (email-list); its addresses are shown as a few examples unless --explain asks for all.
  const listParts = new Set(r.findings.filter((f) => f.detector === "email-list").map((f) => f.part + "\u0000" + f.file));
  const hidden: Record<string, number> = {};
  const shown: Record<string, number> = {};
  for (const f of r.findings) {
    const key = f.part + "\u0000" + f.file;
    if (!explain && f.detector === "email-address" && listParts.has(key)) {
      shown[key] = (shown[key] || 0) + 1;
      if (shown[key]! > EMAIL_EXAMPLES) {
        hidden[key] = (hidden[key] || 0) + 1;
        continue;
      }
    }
    const where = r.kind === "message" ? `${f.part}:${f.line}:${f.column}` : `${f.file}:${f.line}:${f.column}`;
    out.push(`  ${where}  ${f.detector}  ${f.confidence}  ${f.value !== undefined ? f.value : f.masked}`);
    if (explain) {
      out.push(`      why: ${f.reasons.length ? f.reasons.join("; ") : "pattern matched"}`);
      if (f.pattern) out.push(`      pattern: /${f.pattern}/`);
    }
  }
  for (const key of Object.keys(hidden)) {
    const [part, file] = key.split("\u0000");
    out.push(`  … ${hidden[key]} more email-address in ${r.kind === "message" ? part : file} (the list above; --explain shows every one)`);
  }
  for (const a of r.allowlisted || []) {
    out.push(`  ${r.kind === "message" ? a.part : a.file}:${a.line}:${a.column}  ${a.detector}  ${a.masked}  allowlisted: ${a.reason}`);
  }
  for (const l of r.lines || []) out.push(`  line ${l.line}: ${LABEL[l.action]} (${l.rules.join(", ")})`);
  for (const u of r.unscanned) out.push(`  not scanned: ${u.part}: ${u.reason}${u.detail ? ` (${u.detail})` : ""}`);
  for (const p of d.noText || []) out.push(`  no text: ${p.part} (${p.kind}${p.inline ? ", inline" : ""})`);
  if (d.linkedFiles && d.linkedFiles.length) out.push(`  linked files: ${d.linkedFiles.map((l) => (l.count > 1 ? `${l.host} (${l.count})` : l.host)).join(", ")}`);
  if (d.fixes.length) {
    out.push(
      `  fixes: ${d.fixes
        .map((f) => (f.kind === "move-to-bcc" ? `move-to-bcc (${f.recipients} recipients)` : f.kind === "mask-identifiers" ? `mask-identifiers (${f.findings})` : f.kind === "replace-domain" ? `replace-domain:${f.masked}->${f.suggestion}` : `remove-attachment:${f.name}`))
        .join(", ")}`,
    );
  }
  if (r.dialog) {
    out.push(`  dialog (${r.dialog.locale}), as Outlook shows it [${r.dialog.cancelLabel}]:`);
    out.push(indent(r.dialog.errorMessage, "    | "));
  }
  return out.join("\n");
}

/** How many files were scanned, by decision. */
export interface Counts {
  files: number;
  allow: number;
  warn: number;
  block: number;
}

export function summaryOf(n: Counts): string {
  return `${n.files} file${n.files === 1 ? "" : "s"}: ${n.block} block, ${n.warn} warn, ${n.allow} allow`;
}

export interface Progress {
  tick(file: string): void;
  /** Wipes the bar so that a message can be printed; the next tick draws it again. */
  clear(): void;
  done(): void;
}

/** A one-line bar redrawn with \r on stderr. */
export function progressBar(total: number, stream: NodeJS.WriteStream, enabled: boolean): Progress {
  let n = 0;
  const width = 30;
  if (!enabled) return { tick: () => undefined, clear: () => undefined, done: () => undefined };
  const clear = () => stream.write("\r" + " ".repeat(width + 60) + "\r");
  return {
    tick(file: string) {
      n++;
      const filled = Math.round((n / total) * width);
      const name = file.length > 40 ? "…" + file.slice(-39) : file;
      stream.write(`\r[${"#".repeat(filled)}${".".repeat(width - filled)}] ${n}/${total} ${name}`.padEnd(width + 60) + "");
    },
    clear,
    done: clear,
  };
}

/** The recipient facts of a decision (masked addresses only): look-alikes with the domain they resemble, and the rest. */
export function recipientLines(d: FileResult["decision"]): string[] {
  const f = d.recipients;
  if (!f) return [];
  const out: string[] = [];
  for (const l of f.lookalikes) out.push(`look-alike: ${l.masked} resembles ${l.resembles} (${l.kind}, ${l.reason}${l.scripts ? ", scripts " + l.scripts.join("+") : ""}); did you mean ${l.suggestion}?`);
  if (f.personal.length) out.push(`personal mailboxes: ${f.personal.map((r) => r.masked).join(", ")}`);
  if (f.organizations >= 2) out.push(`external organizations: ${f.organizations}${f.organizationDomains.length ? ` (${f.organizationDomains.join(", ")})` : ""}`);
  if (f.firstTime.length) out.push(`first-time recipients: ${f.firstTime.map((r) => r.masked).join(", ")}`);
  return out;
}
