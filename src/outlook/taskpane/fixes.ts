/**
 * The task pane's one-click fixes and its check, without DOM (tested with the fake mailbox under jest):
 *   check()                  reads the message (same reader as the send handler) and runs the pipeline;
 *   moveExternalToBcc()      moves external To/Cc recipients to Bcc (internal ones stay);
 *   maskBodyIdentifiers()    replaces the digits of every identifier found in the body, keeping the last 4;
 *   removeFlaggedAttachment() removes one attachment.
 * Each returns a typed result; Office failures never throw.
 */
import type { CheckResult } from "../../pipeline/check-message";
import { checkMessage, scannerFor } from "../../pipeline/check-message";
import type { CustomerSet } from "../../engine/customers/customer-set";
import { currentCustomers } from "../customer-source";
import type { Finding, Recipient } from "../../engine/types";
import type { Policy } from "../../engine/policy/types";
import { domainOf, isExternal } from "../../engine/policy/decide";
import * as mb from "../mailbox";
import { readMessage } from "../read-message";
import { normalizeText } from "../../engine/normalize";
import { clientHistory } from "../recipient-history-store";

/** The task pane is not under the send deadline, but Office calls still must not hang forever. */
export const PANE_CALL_MS = 15000;

export type FixResult = { ok: true; changed: number } | { ok: false; error: string };

const fail = (f: mb.OfficeFailure): FixResult => ({ ok: false, error: f.call + " " + f.reason + (f.detail ? " (" + f.detail + ")" : "") });

export interface PaneCheck extends CheckResult {
  gaps: CheckResult["decision"]["unscanned"];
}

export async function check(item: mb.ItemLike, office: mb.OfficeLike, policy: Policy, now: () => number = Date.now, customers: CustomerSet | null = currentCustomers(policy)): Promise<PaneCheck> {
  const start = now();
  const history = clientHistory(office, policy, start);
  const read = await readMessage(item, office, policy, {
    now,
    readDeadline: start + PANE_CALL_MS,
    contentDeadline: start + 2 * PANE_CALL_MS,
    scanDeadline: start + 3 * PANE_CALL_MS,
    scanNew: true,
    customers,
  });
  const firstTime = history.inputs(now());
  const input = firstTime ? { ...read.input, message: { ...read.input.message, firstTime } } : read.input;
  const result = checkMessage(input, policy, { now, deadline: start + 3 * PANE_CALL_MS, customers });
  return { decision: result.decision, sources: result.sources, gaps: read.gaps };
}

export async function moveExternalToBcc(item: mb.ItemLike, office: mb.OfficeLike, policy: Policy): Promise<FixResult> {
  const [to, cc, bcc, from] = await Promise.all([
    mb.getRecipients(item, "to", PANE_CALL_MS),
    mb.getRecipients(item, "cc", PANE_CALL_MS),
    mb.getRecipients(item, "bcc", PANE_CALL_MS),
    mb.getFrom(item, PANE_CALL_MS),
  ]);
  if (!to.ok) return fail(to);
  if (!cc.ok) return fail(cc);
  if (!bcc.ok) return fail(bcc);
  const sender = domainOf(from.ok ? from.value : mb.userAddress(office) || "");
  const ext = (r: Recipient) => isExternal(r, policy, sender);
  const moving = to.value.filter(ext).concat(cc.value.filter(ext));
  if (!moving.length) return { ok: true, changed: 0 };
  const seen: Record<string, boolean> = {};
  const newBcc: Recipient[] = [];
  for (const r of bcc.value.concat(moving)) {
    const k = r.email.toLowerCase();
    if (seen[k]) continue;
    seen[k] = true;
    newBcc.push({ ...r, field: "bcc" });
  }
  // Bcc first: if a later call fails, nobody has been dropped from the message.
  const b = await mb.setRecipients(item, "bcc", newBcc, PANE_CALL_MS);
  if (!b.ok) return fail(b);
  const t = await mb.setRecipients(item, "to", to.value.filter((r) => !ext(r)), PANE_CALL_MS);
  if (!t.ok) return fail(t);
  const c = await mb.setRecipients(item, "cc", cc.value.filter((r) => !ext(r)), PANE_CALL_MS);
  if (!c.ok) return fail(c);
  return { ok: true, changed: moving.length };
}

/** Findings that stand for one identifier in the text (not aggregates such as email-list, not addresses, not links). */
export function maskable(f: Finding): boolean {
  return f.count === undefined && f.detector !== "email-address" && f.detector !== "email-list" && f.detector !== "linked-file" && f.end > f.start;
}

/**
 * Is this code point a digit as the engine reads it? Every script the engine normalises to ASCII digits counts: ASCII,
 * full-width, Devanagari, Arabic-Indic, Extended Arabic-Indic (Urdu), Bengali, … (src/engine/normalize.ts), so masking
 * leaves nothing the scanner would find again.
 */
export function isAnyDigit(ch: string): boolean {
  if (ch.length === 1 && ch >= "0" && ch <= "9") return true;
  if (ch.charCodeAt(0) < 0x80) return false;
  const n = normalizeText(ch).text;
  return n.length === 1 && n >= "0" && n <= "9";
}

/** The code points of a string (surrogate pairs kept together). ES2016: no spread of strings needed. */
function codePoints(s: string): string[] {
  const out: string[] = [];
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < s.length) {
      out.push(s.substr(i, 2));
      i++;
    } else out.push(s.charAt(i));
  }
  return out;
}

/** The identifier with every digit (of any script) but the last 4 replaced by "*" (separators and letters kept). */
export function maskDigits(raw: string, keep = 4): string {
  const cps = codePoints(raw);
  let digits = 0;
  for (const ch of cps) if (isAnyDigit(ch)) digits++;
  let seen = 0;
  let out = "";
  for (const ch of cps) {
    if (isAnyDigit(ch)) {
      seen++;
      out += seen > digits - keep ? ch : "*";
    } else out += ch;
  }
  return out;
}

/** Masks the spans of `findings` in a plain-text body. */
export function maskText(text: string, findings: Finding[]): string {
  const spans = findings.filter(maskable).sort((a, b) => b.start - a.start);
  let out = text;
  let lastStart = Infinity;
  for (const f of spans) {
    if (f.end > lastStart) continue; // overlapping: the later span was already masked
    out = out.slice(0, f.start) + maskDigits(out.slice(f.start, f.end)) + out.slice(f.end);
    lastStart = f.start;
  }
  return out;
}

const escapeRe = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/**
 * Masks identifiers in an HTML body. Offsets of the text body do not map onto the HTML, so each identifier is searched in
 * the HTML by its letters and digits, allowing tags, entities and separators between them, and the digits in the match
 * (outside tags) are masked.
 */
export function maskHtml(html: string, raws: string[]): string {
  let out = html;
  for (const raw of raws) {
    const chars = codePoints(raw).filter((ch) => /^[0-9A-Za-z]$/.test(ch) || isAnyDigit(ch));
    if (chars.length < 4) continue;
    const gap = "(?:<[^>]*>|&nbsp;|&#160;|&#xa0;|[\\s\\-./\\u00a0])*";
    const re = new RegExp(chars.map(escapeRe).join(gap), "g");
    out = out.replace(re, (m) => {
      const parts = m.split(/(<[^>]*>|&[#a-z0-9]+;)/i);
      let digits = 0;
      for (const p of parts) if (!/^(<|&)/.test(p)) for (const ch of codePoints(p)) if (isAnyDigit(ch)) digits++;
      let seen = 0;
      return parts
        .map((p) => {
          if (/^(<|&)/.test(p)) return p;
          let o = "";
          for (const ch of codePoints(p)) {
            if (isAnyDigit(ch)) {
              seen++;
              o += seen > digits - 4 ? ch : "*";
            } else o += ch;
          }
          return o;
        })
        .join("");
    });
  }
  return out;
}

export async function maskBodyIdentifiers(item: mb.ItemLike, policy: Policy): Promise<FixResult> {
  const [type, text] = await Promise.all([mb.getBodyType(item, PANE_CALL_MS), mb.getBody(item, "text", PANE_CALL_MS)]);
  if (!text.ok) return fail(text);
  const findings = scannerFor(policy).scan(text.value).filter(maskable);
  if (!findings.length) return { ok: true, changed: 0 };
  if (type.ok && type.value === "html") {
    const html = await mb.getBody(item, "html", PANE_CALL_MS);
    if (!html.ok) return fail(html);
    const raws = findings.map((f) => text.value.slice(f.start, f.end));
    const set = await mb.setBody(item, maskHtml(html.value, raws), "html", PANE_CALL_MS);
    return set.ok ? { ok: true, changed: findings.length } : fail(set);
  }
  const set = await mb.setBody(item, maskText(text.value, findings), "text", PANE_CALL_MS);
  return set.ok ? { ok: true, changed: findings.length } : fail(set);
}

export async function removeFlaggedAttachment(item: mb.ItemLike, attachmentId: string): Promise<FixResult> {
  const r = await mb.removeAttachment(item, attachmentId, PANE_CALL_MS);
  return r.ok ? { ok: true, changed: 1 } : fail(r);
}
