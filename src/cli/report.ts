/**
 * `dlp report FILES…`: what the X-ThinkFirst-* headers of exported messages (.eml from message trace, eDiscovery, a
 * journal mailbox or Sent Items) say, summed per ISO week, per rule, per reason, per detector, as text, CSV, JSON or a
 * self-contained HTML page (./report-html.ts). docs/audit.md explains each figure.
 *
 * Each message falls in one category:
 *   checked            a readable verdict header (allow, warn = delivered after a warning: a Send Anyway, block)
 *   unchecked-external sent from inside to at least one recipient outside (or none readable), no header
 *   internal-unchecked sent from inside to inside only, no header (the backstop does not cover these)
 *   inbound            the sender is outside the organization (not Think First's business)
 *   malformed          Think First headers that do not give a verdict
 * Inside and outside follow the policy's internal domains, as the add-in decides. Reason texts that do not pass the
 * add-in's own check (a forged or corrupted header) are withheld, never printed.
 */
import type { Policy } from "../engine/policy/types";
import { isExternal, type Action, type Recipient } from "../engine";
import { parseAuditHeaders } from "../pipeline/audit-headers";
import { normalizeReasonText, reasonTextProblems } from "../pipeline/justification";
import { readMessageHeaders } from "./report-headers";

export type Category = "checked" | "unchecked-external" | "internal-unchecked" | "inbound" | "malformed";

export interface ReportedMessage {
  file: string;
  /** ISO week of the Date header in UTC ("2026-W02"), "unknown" without a readable date. */
  week: string;
  category: Category;
  verdict?: Action;
  rules: string[];
  counts: { [detector: string]: number };
  unscanned: { [reason: string]: number };
  reason?: { code: string; text?: string; withheld?: boolean };
  policy?: string;
  product?: string;
  problems: string[];
}

export interface Tally {
  messages: number;
  checked: number;
  allow: number;
  warn: number;
  block: number;
  withReason: number;
  uncheckedExternal: number;
  internalUnchecked: number;
  inbound: number;
  malformed: number;
}

export interface Report {
  files: number;
  totals: Tally;
  weeks: { week: string; tally: Tally }[];
  rules: { id: string; fired: number; allow: number; warn: number; block: number; withReason: number }[];
  reasons: { code: string; count: number; texts: { text: string; count: number }[]; withheld: number }[];
  detectors: { id: string; messages: number; findings: number }[];
  unscanned: { reason: string; messages: number; parts: number }[];
  versions: { policy: string; product: string; messages: number }[];
  problems: { file: string; problem: string }[];
}

/** ISO 8601 week of a date, in UTC: "2026-W01". */
export function isoWeek(d: Date): string {
  const t = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate()));
  const day = t.getUTCDay() || 7;
  t.setUTCDate(t.getUTCDate() + 4 - day); // the Thursday of the week decides its year
  const yearStart = Date.UTC(t.getUTCFullYear(), 0, 1);
  const week = Math.ceil(((t.getTime() - yearStart) / 86400000 + 1) / 7);
  return `${t.getUTCFullYear()}-W${String(week).padStart(2, "0")}`;
}

const ADDRESS = /[^\s<>,;:"()[\]\\]+@[^\s<>,;:"()[\]\\]+/g;

function addresses(values: string[] | undefined): string[] {
  const out: string[] = [];
  for (const v of values || []) for (const m of v.match(ADDRESS) || []) out.push(m.replace(/\.$/, "").toLowerCase());
  return out;
}

function isInternal(address: string, policy: Policy): boolean {
  return !isExternal({ email: address, field: "to", recipientType: "unknown" }, policy, "");
}

/** One exported message, read and classified. Never throws. */
export function reportMessage(file: string, bytes: Uint8Array, policy: Policy): ReportedMessage {
  const { fields, fromJournalReport, malformedLines } = readMessageHeaders(bytes);
  const problems: string[] = [];
  if (malformedLines) problems.push(`${malformedLines} header line${malformedLines === 1 ? " is" : "s are"} not a field`);
  const dateText = (fields["date"] || [])[0];
  const time = dateText ? Date.parse(dateText) : NaN;
  if (!Number.isFinite(time)) problems.push(dateText ? "the Date header cannot be read" : "no Date header");
  const week = Number.isFinite(time) ? isoWeek(new Date(time)) : "unknown";
  const base = { file, week, rules: [] as string[], counts: {}, unscanned: {}, problems };

  const record = parseAuditHeaders(fields);
  if (!record) {
    const from = addresses(fields["from"])[0];
    const senderDomain = from ? from.slice(from.lastIndexOf("@") + 1) : "";
    if (from && !isInternal(from, policy)) return { ...base, category: "inbound" };
    const to = addresses((fields["to"] || []).concat(fields["cc"] || [], fields["bcc"] || []));
    if (!to.length) problems.push(fromJournalReport ? "no recipients in the journaled message" : "no recipients readable");
    const recipients: Recipient[] = to.map((email) => ({ email, field: "to", recipientType: "unknown" }));
    const external = !recipients.length || recipients.some((r) => isExternal(r, policy, senderDomain));
    return { ...base, category: external ? "unchecked-external" : "internal-unchecked" };
  }
  for (const p of record.problems) problems.push(p);
  const out: ReportedMessage = {
    ...base,
    category: record.verdict ? "checked" : "malformed",
    rules: record.rules,
    counts: record.counts,
    unscanned: record.unscanned,
  };
  if (record.verdict) out.verdict = record.verdict;
  if (record.policy) out.policy = record.policy;
  if (record.product) out.product = record.product;
  if (record.reason) {
    const r: NonNullable<ReportedMessage["reason"]> = { code: record.reason.code };
    if (record.reason.text !== undefined) {
      const text = normalizeReasonText(record.reason.text);
      if (text && reasonTextProblems(text, policy).length === 0) r.text = text;
      else r.withheld = true;
    }
    out.reason = r;
  }
  return out;
}

function emptyTally(): Tally {
  return { messages: 0, checked: 0, allow: 0, warn: 0, block: 0, withReason: 0, uncheckedExternal: 0, internalUnchecked: 0, inbound: 0, malformed: 0 };
}

function count(t: Tally, m: ReportedMessage): void {
  t.messages++;
  if (m.category === "checked") {
    t.checked++;
    t[m.verdict!]++;
    if (m.reason) t.withReason++;
  } else if (m.category === "unchecked-external") t.uncheckedExternal++;
  else if (m.category === "internal-unchecked") t.internalUnchecked++;
  else if (m.category === "inbound") t.inbound++;
  else t.malformed++;
}

function bump<T>(map: Map<string, T>, key: string, make: () => T): T {
  let v = map.get(key);
  if (!v) map.set(key, (v = make()));
  return v;
}

export function buildReport(messages: ReportedMessage[]): Report {
  const totals = emptyTally();
  const weeks = new Map<string, Tally>();
  const rules = new Map<string, Report["rules"][number]>();
  const reasons = new Map<string, { code: string; count: number; texts: Map<string, number>; withheld: number }>();
  const detectors = new Map<string, Report["detectors"][number]>();
  const unscanned = new Map<string, Report["unscanned"][number]>();
  const versions = new Map<string, Report["versions"][number]>();
  const problems: Report["problems"] = [];
  for (const m of messages) {
    count(totals, m);
    count(bump(weeks, m.week, emptyTally), m);
    for (const p of m.problems) problems.push({ file: m.file, problem: p });
    if (m.category !== "checked") continue;
    for (const id of m.rules) {
      const r = bump(rules, id, () => ({ id, fired: 0, allow: 0, warn: 0, block: 0, withReason: 0 }));
      r.fired++;
      r[m.verdict!]++;
      if (m.reason) r.withReason++;
    }
    if (m.reason) {
      const r = bump(reasons, m.reason.code, () => ({ code: m.reason!.code, count: 0, texts: new Map<string, number>(), withheld: 0 }));
      r.count++;
      if (m.reason.text) r.texts.set(m.reason.text, (r.texts.get(m.reason.text) || 0) + 1);
      if (m.reason.withheld) r.withheld++;
    }
    for (const id of Object.keys(m.counts)) {
      const d = bump(detectors, id, () => ({ id, messages: 0, findings: 0 }));
      d.messages++;
      d.findings += m.counts[id]!;
    }
    for (const reason of Object.keys(m.unscanned)) {
      const u = bump(unscanned, reason, () => ({ reason, messages: 0, parts: 0 }));
      u.messages++;
      u.parts += m.unscanned[reason]!;
    }
    const v = bump(versions, `${m.policy || "?"} ${m.product || "?"}`, () => ({ policy: m.policy || "?", product: m.product || "?", messages: 0 }));
    v.messages++;
  }
  const byCount = <T extends { id?: string; code?: string; reason?: string }>(n: (x: T) => number) => (a: T, b: T) =>
    n(b) - n(a) || String(a.id || a.code || a.reason).localeCompare(String(b.id || b.code || b.reason));
  return {
    files: messages.length,
    totals,
    weeks: [...weeks.entries()].sort((a, b) => (a[0] === "unknown" ? 1 : b[0] === "unknown" ? -1 : a[0].localeCompare(b[0]))).map(([week, tally]) => ({ week, tally })),
    rules: [...rules.values()].sort(byCount((r) => r.fired)),
    reasons: [...reasons.values()]
      .map((r) => ({ code: r.code, count: r.count, withheld: r.withheld, texts: [...r.texts.entries()].map(([text, n]) => ({ text, count: n })).sort((a, b) => b.count - a.count || a.text.localeCompare(b.text)) }))
      .sort(byCount((r) => r.count)),
    detectors: [...detectors.values()].sort(byCount((d) => d.messages)),
    unscanned: [...unscanned.values()].sort(byCount((u) => u.messages)),
    versions: [...versions.values()].sort((a, b) => b.messages - a.messages || a.policy.localeCompare(b.policy)),
    problems,
  };
}

// ---- text ------------------------------------------------------------------------------------------------------------

/** The tally's columns with their headings, in the order every format shows them (./report-html.ts too). */
export const TALLY_COLUMNS: [keyof Tally, string][] = [
  ["messages", "messages"],
  ["checked", "checked"],
  ["allow", "allow"],
  ["warn", "warn"],
  ["block", "block"],
  ["withReason", "with reason"],
  ["uncheckedExternal", "unchecked external"],
  ["internalUnchecked", "internal, no header"],
  ["inbound", "inbound"],
  ["malformed", "malformed"],
];

function table(head: string[], rows: (string | number)[][]): string[] {
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => String(r[i]).length)));
  const line = (cells: (string | number)[]) =>
    cells.map((c, i) => (i === 0 ? String(c).padEnd(widths[i]!) : String(c).padStart(widths[i]!))).join("  ").replace(/\s+$/, "");
  return [line(head), ...rows.map(line)];
}

export function renderReportText(r: Report): string {
  const out: string[] = [];
  const t = r.totals;
  out.push(`Think First report: ${r.files} message${r.files === 1 ? "" : "s"}`);
  out.push(
    `  checked ${t.checked} (allow ${t.allow}, warn ${t.warn}, block ${t.block}; ${t.withReason} with a reason), unchecked external ${t.uncheckedExternal}, internal without header ${t.internalUnchecked}, inbound ${t.inbound}, malformed ${t.malformed}`,
  );
  out.push("  warn = delivered after a Think First warning (Send Anyway); unchecked external = sent outside without the header");
  out.push("");
  out.push("Per ISO week (UTC)");
  out.push(
    ...table(
      ["week", ...TALLY_COLUMNS.map((c) => c[1])],
      [...r.weeks.map((w) => [w.week, ...TALLY_COLUMNS.map((c) => w.tally[c[0]])]), ["total", ...TALLY_COLUMNS.map((c) => t[c[0]])]],
    ).map((l) => "  " + l),
  );
  if (r.rules.length) {
    out.push("", "Per rule (checked messages)");
    out.push(...table(["rule", "fired", "allow", "warn", "block", "with reason"], r.rules.map((x) => [x.id, x.fired, x.allow, x.warn, x.block, x.withReason])).map((l) => "  " + l));
  }
  if (r.reasons.length) {
    out.push("", "Reasons given");
    for (const x of r.reasons) {
      out.push(`  ${x.code}: ${x.count}`);
      for (const tx of x.texts.slice(0, 20)) out.push(`    ${JSON.stringify(tx.text)}${tx.count > 1 ? ` ×${tx.count}` : ""}`);
      if (x.texts.length > 20) out.push(`    … ${x.texts.length - 20} more texts`);
      if (x.withheld) out.push(`    ${x.withheld} text${x.withheld === 1 ? "" : "s"} withheld (did not pass the reason check)`);
    }
  }
  if (r.detectors.length) {
    out.push("", "Detectors (checked messages)");
    out.push(...table(["detector", "messages", "findings"], r.detectors.map((d) => [d.id, d.messages, d.findings])).map((l) => "  " + l));
  }
  if (r.unscanned.length) {
    out.push("", "Parts that could not be checked");
    out.push(...table(["reason", "messages", "parts"], r.unscanned.map((u) => [u.reason, u.messages, u.parts])).map((l) => "  " + l));
  }
  if (r.versions.length) {
    out.push("", "Versions (checked messages)");
    out.push(...table(["policy", "add-in", "messages"], r.versions.map((v) => [v.policy, v.product, v.messages])).map((l) => "  " + l));
  }
  if (r.problems.length) {
    out.push("", `Problems (${r.problems.length})`);
    for (const p of r.problems) out.push(`  ${p.file}: ${p.problem}`);
  }
  return out.join("\n");
}

// ---- CSV (RFC 4180) --------------------------------------------------------------------------------------------------

export const CSV_COLUMNS = ["section", "key", "messages", "checked", "allow", "warn", "block", "with_reason", "unchecked_external", "internal_no_header", "inbound", "malformed", "items", "detail"];

/** A CSV cell: quoted when needed; a leading = + - @ is defused so a spreadsheet never runs it as a formula. */
function cell(v: string | number | undefined): string {
  if (v === undefined) return "";
  let s = String(v);
  if (typeof v === "string" && /^[=+\-@\t\r]/.test(s)) s = "'" + s;
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export function renderReportCsv(r: Report): string {
  const rows: (string | number | undefined)[][] = [CSV_COLUMNS];
  const tallyRow = (section: string, key: string, t: Tally) => [section, key, t.messages, t.checked, t.allow, t.warn, t.block, t.withReason, t.uncheckedExternal, t.internalUnchecked, t.inbound, t.malformed, undefined, undefined];
  for (const w of r.weeks) rows.push(tallyRow("week", w.week, w.tally));
  rows.push(tallyRow("total", "all", r.totals));
  for (const x of r.rules) rows.push(["rule", x.id, x.fired, undefined, x.allow, x.warn, x.block, x.withReason, undefined, undefined, undefined, undefined, undefined, undefined]);
  for (const x of r.reasons) {
    rows.push(["reason", x.code, x.count, undefined, undefined, undefined, undefined, undefined, undefined, undefined, undefined, undefined, x.withheld || undefined, undefined]);
    for (const tx of x.texts) rows.push(["reason-text", x.code, tx.count, undefined, undefined, undefined, undefined, undefined, undefined, undefined, undefined, undefined, undefined, tx.text]);
  }
  for (const d of r.detectors) rows.push(["detector", d.id, d.messages, undefined, undefined, undefined, undefined, undefined, undefined, undefined, undefined, undefined, d.findings, undefined]);
  for (const u of r.unscanned) rows.push(["unscanned", u.reason, u.messages, undefined, undefined, undefined, undefined, undefined, undefined, undefined, undefined, undefined, u.parts, undefined]);
  for (const v of r.versions) rows.push(["version", `${v.policy} ${v.product}`, v.messages, undefined, undefined, undefined, undefined, undefined, undefined, undefined, undefined, undefined, undefined, undefined]);
  for (const p of r.problems) rows.push(["problem", p.file, undefined, undefined, undefined, undefined, undefined, undefined, undefined, undefined, undefined, undefined, undefined, p.problem]);
  return rows.map((row) => row.map(cell).join(",")).join("\r\n") + "\r\n";
}
