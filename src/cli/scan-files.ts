/**
 * `dlp scan` / `dlp explain`: one result per input file, computed by the add-in's own code.
 *   .eml / .msg (or an Outlook message by content) → readMailFile (src/extract's readMail) → checkMessage (extract →
 *         scan → decide) → renderDialog: the decision and the exact dialog text;
 *   other → extractText → the policy's scanner and the linked-file links (textFindings) → decide, as if the file were
 *         attached to a message to `--to`; pictures and recordings are reported as "no text" (the policy decides).
 * Findings carry file, line and column (in the extracted text of their part) and are masked unless --show-values.
 * The dialog renderer and its catalogs are loaded on the first mail file, so a scan of other files does not load them.
 */
import * as path from "path";
import { extractText, isMailFileNamed } from "../extract";
import { detectors as builtins } from "../engine/detectors";
import { createScanner, allowKey, type Scanner } from "../engine/scan";
import { decide } from "../engine/policy/decide";
import { ACTION_ORDER, type Action, type Decision, type Finding, type Location, type MessageInfo, type SourceResult, type Unscanned } from "../engine/types";
import type { Policy } from "../engine/policy/types";
import { checkMessage, markCustomerSetMissing, scannerFor, textFindings } from "../pipeline/check-message";
import type { CustomerSet } from "../engine/customers/customer-set";
import type { DialogText, Locale } from "../i18n";
import { readMailFile } from "./eml";
import { lineIndex, type PositionOf } from "./positions";

export interface FindingRow {
  file: string;
  /** Where in the message or file: "body", "subject", the attachment or inner part name. */
  part: string;
  line: number;
  column: number;
  detector: string;
  confidence: Finding["confidence"];
  masked: string;
  /** Only with --show-values. */
  value?: string;
  reasons: string[];
  /** explain: the detector's pattern source. */
  pattern?: string;
}

export interface AllowlistedRow {
  file: string;
  part: string;
  line: number;
  column: number;
  detector: string;
  masked: string;
  reason: string;
}

export interface FileResult {
  file: string;
  kind: "message" | "file";
  action: Action;
  decision: Decision;
  findings: FindingRow[];
  unscanned: Unscanned[];
  /** Mail files only: what Outlook would show. */
  dialog?: DialogText & { locale: Locale };
  /** --each-line: the lines that did not pass. */
  lines?: { line: number; action: Action; rules: string[] }[];
  /** explain: values an allowlist removed. */
  allowlisted?: AllowlistedRow[];
  /** Files that could not be read at all. */
  error?: string;
}

export interface ScanSettings {
  policy: Policy;
  /** The tenant's customer set (--customers, or the policy's customers.set), opened with its key. */
  customers?: CustomerSet | null;
  locale: string;
  showValues: boolean;
  eachLine: boolean;
  explain: boolean;
  /** Recipients assumed for non-.eml files. */
  to: string[];
  /** The sender assumed (--from): for non-mail files, and for mails instead of their From. */
  from?: string;
}

function partName(loc: Location): string {
  return loc.kind === "attachment" ? loc.name : loc.kind;
}

function patternOf(policy: Policy, id: string): string | undefined {
  const b = builtins.filter((d) => d.id === id)[0];
  if (b) return b.pattern.source;
  const c = policy.customPatterns.filter((p) => p.id === id)[0];
  return c ? c.pattern : undefined;
}

function rowsOf(file: string, part: string, text: string, findings: Finding[], s: ScanSettings, lineOffset = 0, at: PositionOf = lineIndex(text)): FindingRow[] {
  return findings.map((f) => {
    const pos = at(f.start);
    const row: FindingRow = { file, part, line: pos.line + lineOffset, column: pos.column, detector: f.detector, confidence: f.confidence, masked: f.masked, reasons: f.reasons.slice() };
    if (s.showValues && f.count === undefined) row.value = text.slice(f.start, f.end);
    if (s.explain) {
      const p = patternOf(s.policy, f.detector);
      if (p) row.pattern = p;
    }
    return row;
  });
}

/** The policy's scanner without its value allowlist (one per policy), for explain. */
const withoutValueAllowlist = new WeakMap<Policy, Scanner>();

/** explain: findings that appear without the value allowlist, with the entry that removed them. */
function allowlistedIn(file: string, part: string, text: string, kept: Finding[], s: ScanSettings, at: PositionOf = lineIndex(text)): AllowlistedRow[] {
  if (!s.policy.allowlists.values.length || !text) return [];
  let open = withoutValueAllowlist.get(s.policy);
  if (!open) {
    open = createScanner({ ...s.policy, allowlists: { ...s.policy.allowlists, values: [] } });
    withoutValueAllowlist.set(s.policy, open);
  }
  const key = (f: Finding) => `${f.detector}\u0000${f.start}\u0000${f.end}`;
  const keptKeys = new Set(kept.map(key));
  const rows: AllowlistedRow[] = [];
  for (const f of open.scan(text)) {
    if (keptKeys.has(key(f))) continue;
    const value = text.slice(f.start, f.end);
    const entry = s.policy.allowlists.values.filter(
      (a) => (a.detector === "*" || a.detector === f.detector) && allowKey(f.detector, a.value) === allowKey(f.detector, value),
    )[0];
    if (!entry) continue;
    const pos = at(f.start);
    rows.push({ file, part, line: pos.line, column: pos.column, detector: f.detector, masked: f.masked, reason: entry.reason });
  }
  return rows;
}

export function strictest(actions: Action[]): Action {
  return actions.reduce<Action>((a, b) => (ACTION_ORDER.indexOf(b) > ACTION_ORDER.indexOf(a) ? b : a), "allow");
}

export async function scanMessage(file: string, bytes: Uint8Array, s: ScanSettings): Promise<FileResult> {
  const { renderDialog, resolveLocale } = await import("../i18n");
  const input = readMailFile(bytes, path.basename(file));
  if (s.from) input.message.from = s.from;
  const { decision, sources } = checkMessage(input, s.policy, { customers: s.customers });
  const locale = resolveLocale(s.locale);
  const findings: FindingRow[] = [];
  const allowlisted: AllowlistedRow[] = [];
  for (const src of sources) {
    if (!src.findings.length && !s.explain) continue;
    let text = "";
    if (src.location.kind === "subject") text = input.message.subject;
    else if (src.location.kind === "body") text = input.body;
    else {
      const loc = src.location;
      const att = input.attachments.filter((a) => a.info.id === loc.attachmentId)[0];
      if (att && att.bytes) text = extractText(att.info.name, att.bytes).text;
    }
    const at = lineIndex(text);
    findings.push(...rowsOf(file, partName(src.location), text, src.findings, s, 0, at));
    if (s.explain) allowlisted.push(...allowlistedIn(file, partName(src.location), text, src.findings, s, at));
  }
  const result: FileResult = { file, kind: "message", action: decision.action, decision, findings, unscanned: decision.unscanned };
  if (decision.action !== "allow") result.dialog = { locale, ...renderDialog(decision, s.policy, locale) };
  if (s.explain) result.allowlisted = allowlisted;
  return result;
}

export function scanFile(file: string, bytes: Uint8Array, s: ScanSettings): FileResult {
  const name = path.basename(file);
  const info = { id: "file", name, size: bytes.length, type: "file" as const };
  const message: MessageInfo = { subject: "", recipients: s.to.map((email) => ({ email, field: "to" as const, recipientType: "unknown" as const })), attachments: [info] };
  if (s.from) message.from = s.from;
  const location: Location = { kind: "attachment", name, attachmentId: "file" };
  const extracted = extractText(name, bytes);
  const scanner = scannerFor(s.policy, s.customers);
  const missing = !!s.policy.customers && !s.customers;
  if (!s.eachLine) {
    const findings = textFindings(s.policy, extracted.text, scanner);
    const sources: SourceResult[] = [{ location, findings, unscanned: extracted.unscanned, chars: extracted.text.length }];
    if (extracted.noText.length) sources[0]!.noText = extracted.noText;
    if (missing) markCustomerSetMissing(sources);
    const source = sources[0]!;
    const decision = decide([source], message, s.policy);
    const at = lineIndex(extracted.text);
    const result: FileResult = { file, kind: "file", action: decision.action, decision, findings: rowsOf(file, name, extracted.text, findings, s, 0, at), unscanned: source.unscanned };
    if (s.explain) result.allowlisted = allowlistedIn(file, name, extracted.text, findings, s, at);
    return result;
  }
  // --each-line: every line is its own sample with its own decision; the file gets the strictest.
  const lines = extracted.text.split("\n");
  const rows: FindingRow[] = [];
  const failing: { line: number; action: Action; rules: string[] }[] = [];
  let worst: Decision = decide([{ location, findings: [], unscanned: extracted.unscanned, noText: extracted.noText, chars: 0 }], message, s.policy);
  const allowlisted: AllowlistedRow[] = [];
  lines.forEach((text, i) => {
    const line = text.replace(/\r$/, "");
    const findings = textFindings(s.policy, line, scanner);
    if (!findings.length && !s.explain) return;
    rows.push(...rowsOf(file, name, line, findings, s, i));
    if (s.explain) allowlisted.push(...allowlistedIn(file, name, line, findings, s).map((r) => ({ ...r, line: i + 1 })));
    const sources: SourceResult[] = [{ location, findings, unscanned: [], chars: line.length }];
    if (missing) markCustomerSetMissing(sources);
    const d = decide(sources, message, s.policy);
    if (d.action !== "allow") failing.push({ line: i + 1, action: d.action, rules: d.rules.map((r) => r.id) });
    if (ACTION_ORDER.indexOf(d.action) > ACTION_ORDER.indexOf(worst.action)) worst = d;
  });
  const result: FileResult = { file, kind: "file", action: worst.action, decision: worst, findings: rows, unscanned: extracted.unscanned, lines: failing };
  if (s.explain) result.allowlisted = allowlisted;
  return result;
}

/** A file that could not be read (it vanished or changed after the folder was listed): unscanned, onUnscanned applies. */
export function unreadable(file: string, error: string, policy: Policy): FileResult {
  const unscanned: Unscanned[] = [{ part: path.basename(file), reason: "unavailable", detail: error }];
  const decision = decide([{ location: { kind: "attachment", name: path.basename(file) }, findings: [], unscanned, chars: 0 }], { subject: "", recipients: [], attachments: [] }, policy);
  return { file, kind: /\.(eml|msg)$/i.test(file) ? "message" : "file", action: decision.action, decision, findings: [], unscanned, error };
}

/** A mail file: named .eml or .msg, or an Outlook message by content (src/extract's rule, shared with the playground). */
export function isMessageFile(file: string, bytes: Uint8Array): boolean {
  return isMailFileNamed(path.basename(file), bytes);
}

export async function scanOne(file: string, bytes: Uint8Array, s: ScanSettings): Promise<FileResult> {
  try {
    if (isMessageFile(file, bytes)) return await scanMessage(file, bytes, s);
    return scanFile(file, bytes, s);
  } catch (e) {
    // Never a crash for bad input: the file is reported as not scanned, and the policy's onUnscanned applies.
    const unscanned: Unscanned[] = [{ part: path.basename(file), reason: "corrupt", detail: (e as Error).message }];
    const decision = decide([{ location: { kind: "attachment", name: path.basename(file) }, findings: [], unscanned, chars: 0 }], { subject: "", recipients: [], attachments: [] }, s.policy);
    return { file, kind: isMessageFile(file, bytes) ? "message" : "file", action: decision.action, decision, findings: [], unscanned, error: (e as Error).message };
  }
}
