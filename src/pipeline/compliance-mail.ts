/**
 * The mail the task pane prepares for the policy's compliance address (`compliance.address`, docs/policy.md): "This is
 * not sensitive" (a false alarm) or "I may have sent customer data by mistake". The policy asks employees to contact the
 * compliance team or the legal department at once when customer information may have been mishandled; this gives them a
 * mail that already says what Think First saw, for them to complete and send.
 *
 * What it holds: the ids of the rules that fired, counts per detector, masked examples with where they were (body,
 * subject, attachment: never a file name), the reasons parts could not be checked (never their names), and client
 * details (Outlook platform and version, display language, add-in and policy version). Never a raw value, an address
 * other than the compliance address, a file name or a recipient: masked addresses are written with " at " for "@", and
 * a masked example that still holds a run of more than four digits, or no mask character, is left out. The labels come
 * from the i18n catalogs (the caller passes them: src/pipeline imports no i18n).
 *
 * Pure ES2016.
 */
import type { Policy } from "../engine/policy/types";
import type { Decision } from "../engine/types";
import { policyVersion } from "../engine/policy/version";
import { headerId } from "./audit-headers";

export type ReportKind = "false-alarm" | "mistake";

/** Localized words of the mail (src/i18n catalogs, `compliance.mail`, and the policy sentence). */
export interface ComplianceMailLabels {
  /** The subject after "Think First: ". */
  subject: string;
  intro: string;
  /** The sentence that cites the policy (only in a "mistake" report). */
  policy: string;
  rules: string;
  found: string;
  notChecked: string;
  client: string;
  version: string;
  none: string;
}

/** What the client says about itself (Office.context.diagnostics, displayLanguage, requirement sets). */
export interface ClientDetails {
  platform?: string;
  host?: string;
  hostVersion?: string;
  locale?: string;
  /** The highest Mailbox requirement set the client supports ("1.15"). */
  mailbox?: string;
}

export interface ComplianceMailInput {
  kind: ReportKind;
  policy: Policy;
  /** The task pane's latest check of the message, if any. */
  decision?: Decision;
  labels: ComplianceMailLabels;
  client: ClientDetails;
  /** The add-in version. */
  product: string;
}

export interface ComplianceMail {
  toRecipients: string[];
  subject: string;
  /** The body as plain text. */
  text: string;
  /** The same as HTML (escaped, one line per paragraph), for displayNewMessageForm's htmlBody. */
  htmlBody: string;
}

/** Most masked examples listed. */
export const MAX_EXAMPLES = 10;
const MASK = /[*\u2022]/;

/**
 * Client details as Office reports them, each checked against its known shape ("" otherwise): whatever a broken or
 * hostile host returns cannot carry a value or an address into the mail.
 */
const PLATFORMS = ["PC", "OfficeOnline", "Mac", "iOS", "Android", "Universal"];
const SHAPES: { [k in keyof ClientDetails]: (v: string) => boolean } = {
  platform: (v) => PLATFORMS.indexOf(v) >= 0,
  host: (v) => v === "Outlook",
  hostVersion: (v) => /^\d{1,5}(\.\d{1,5}){0,3}$/.test(v),
  locale: (v) => /^[a-z]{2,3}(-[A-Za-z0-9]{2,8}){0,2}$/.test(v),
  mailbox: (v) => /^1\.\d{1,2}$/.test(v),
};

function clientDetail(key: keyof ClientDetails, v: string | undefined): string {
  return typeof v === "string" && (SHAPES[key] as (v: string) => boolean)(v) ? v : "";
}

/** The product version as written ("1.4.0"), or "unknown". */
function productText(v: string): string {
  return /^\d{1,5}(\.\d{1,5}){0,3}$/.test(v) ? v : "unknown";
}

function longestDigitRun(s: string): number {
  let longest = 0;
  let run = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    run = c >= 48 && c <= 57 ? run + 1 : 0;
    if (run > longest) longest = run;
  }
  return longest;
}

/** A masked example as the mail shows it, or "" when it does not look masked enough to leave the pane. */
export function mailMasked(masked: string): string {
  const m = masked.replace(/[\u0000-\u001f\u007f]/g, "").replace(/[@\uff20]/g, " at ");
  if (!MASK.test(m) || longestDigitRun(m.replace(/[\s-]/g, "")) > 4 || m.length > 80) return "";
  return m;
}

const ADDRESS = /^[^\s@]+@[^\s@]+\.[A-Za-z]{2,}$/;

/** The mail, or null when the policy names no compliance address. Never throws. */
export function composeComplianceMail(input: ComplianceMailInput): ComplianceMail | null {
  const c = input.policy.compliance;
  if (!c || !ADDRESS.test(c.address)) return null;
  const l = input.labels;
  const d = input.decision;
  const prefix = c.subjectPrefix ? c.subjectPrefix.replace(/[\u0000-\u001f\u007f]/g, "").trim() + " " : "";
  const subject = prefix + "Think First: " + l.subject.replace(/[\u0000-\u001f\u007f]/g, " ").trim();
  const lines: string[] = [];
  if (input.kind === "mistake") lines.push(l.policy);
  lines.push(l.intro, "", "");
  const rules: string[] = [];
  const found: string[] = [];
  const unscanned: string[] = [];
  if (d) {
    for (let i = 0; i < d.rules.length; i++) {
      const r = d.rules[i] as Decision["rules"][number];
      const id = headerId(String(r.id)) + " (" + r.action + ")";
      if (rules.indexOf(id) < 0) rules.push(id);
    }
    const ids = Object.keys(d.counts || {}).sort();
    for (let i = 0; i < ids.length; i++) {
      const id = ids[i] as string;
      const examples: string[] = [];
      for (let k = 0; k < d.examples.length && examples.length < MAX_EXAMPLES; k++) {
        const e = d.examples[k] as Decision["examples"][number];
        if (e.detector !== id) continue;
        const m = mailMasked(String(e.masked));
        if (m) examples.push(m + " (" + e.location.kind + ")");
      }
      found.push(headerId(id) + ": " + Math.max(0, Math.floor(Number(d.counts[id]) || 0)) + (examples.length ? " - " + examples.join(", ") : ""));
    }
    const reasons: { [r: string]: number } = {};
    for (let i = 0; i < d.unscanned.length; i++) {
      const r = headerId(String((d.unscanned[i] as Decision["unscanned"][number]).reason));
      reasons[r] = (reasons[r] || 0) + 1;
    }
    const rk = Object.keys(reasons).sort();
    for (let i = 0; i < rk.length; i++) unscanned.push(rk[i] + ": " + reasons[rk[i] as string]);
  }
  lines.push(l.rules + ": " + (rules.length ? rules.join(", ") : l.none));
  lines.push(l.found + ": " + (found.length ? "" : l.none));
  for (let i = 0; i < found.length; i++) lines.push("- " + found[i]);
  lines.push(l.notChecked + ": " + (unscanned.length ? unscanned.join(", ") : l.none));
  const cl = input.client;
  const mailbox = clientDetail("mailbox", cl.mailbox);
  const client = [clientDetail("host", cl.host), clientDetail("platform", cl.platform), clientDetail("hostVersion", cl.hostVersion), mailbox ? "Mailbox " + mailbox : "", clientDetail("locale", cl.locale)].filter(Boolean);
  lines.push(l.client + ": " + (client.length ? client.join(", ") : l.none));
  lines.push(l.version + ": " + productText(input.product) + ", policy " + policyVersion(input.policy));
  const text = lines.join("\n");
  return { toRecipients: [c.address], subject, text, htmlBody: toHtml(lines) };
}

function escapeHtml(s: string): string {
  return s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;").replace(/'/g, "&#39;");
}

function toHtml(lines: string[]): string {
  let out = "";
  for (let i = 0; i < lines.length; i++) out += "<p>" + (lines[i] ? escapeHtml(lines[i] as string) : "&nbsp;") + "</p>";
  return out;
}
