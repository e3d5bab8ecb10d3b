/**
 * The send handler's audit trail (docs/audit.md): the reason the employee gave in the task pane ("Send with a reason"),
 * and the `X-ThinkFirst-*` headers stamped on the item before `event.completed`.
 *
 * Where the reason is kept: `item.sessionData` (Mailbox 1.11), key REASON_KEY. Every client that runs OnMessageSend
 * (Mailbox 1.12) has it, classic Outlook's JavaScript-only runtime included (the pre-scan cache already lives there); it
 * belongs to this compose session only, so a reason never outlives the draft's window, is never saved with the draft
 * and never travels with the sent item, unlike item custom properties (Mailbox 1.1, saved on the item as MAPI
 * properties and needing a saveAsync round trip). The stored reason names the rules it was given for: the handler
 * accepts it only while every warn rule that fires now is among them, so new content that fires another rule warns again.
 *
 * Stamping: `item.internetHeaders.setAsync` (Mailbox 1.8), feature-detected by the presence of the function (a client
 * without it sends without the headers, which is what the Exchange backstop looks for). The call goes through the
 * mailbox queue of at most three Office calls with a timeout of at most STAMP_MS, so a failing, throwing, hanging or
 * missing API costs at most that slice and never blocks the completion.
 */
import type { Policy } from "../engine/policy/types";
import type { Decision } from "../engine/types";
import { composeAuditHeaders, type AuditHeaders } from "../pipeline/audit-headers";
import { rulesNeedingReason, validateJustification, type Justification } from "../pipeline/justification";
import * as mb from "./mailbox";

/** The sessionData key of the reason given in the task pane. */
export const REASON_KEY = "thinkfirst-reason";
/** The longest the handler lets the header stamp take (it also waits at most half of this for the stored reason). */
export const STAMP_MS = 200;

/** The part of the budget kept for the stamp: STAMP_MS, or 5 % of a small budget (at least 10 ms). */
export function stampSlice(budget: number): number {
  return Math.max(10, Math.min(STAMP_MS, Math.round(budget * 0.05)));
}

/** What the task pane stores: the reason and the ids of the rules it was given for. */
export interface StoredReason {
  v: 1;
  justification: Justification;
  rules: string[];
}

export function serializeStoredReason(justification: Justification, rules: string[]): string {
  const j: Justification = justification.text ? { code: justification.code, text: justification.text } : { code: justification.code };
  return JSON.stringify({ v: 1, justification: j, rules: rules.slice(0, 50) });
}

/** Reads a stored reason back and validates it again against the policy in force; null for anything else. */
export function parseStoredReason(raw: string, policy: Policy): StoredReason | null {
  if (!raw) return null;
  try {
    const o = JSON.parse(raw) as { v?: unknown; justification?: { code?: unknown; text?: unknown }; rules?: unknown };
    if (!o || o.v !== 1 || !o.justification || !Array.isArray(o.rules)) return null;
    const code = String(o.justification.code);
    const text = typeof o.justification.text === "string" ? o.justification.text : undefined;
    const checked = validateJustification(text === undefined ? { code } : { code, text }, policy);
    if (!checked.ok) return null;
    const rules: string[] = [];
    for (let i = 0; i < o.rules.length && i < 50; i++) if (typeof o.rules[i] === "string") rules.push(o.rules[i] as string);
    return { v: 1, justification: checked.justification, rules };
  } catch (e) {
    return null;
  }
}

/** The stored reason of this compose session, or null (none, unreadable, not valid, or too late). Never rejects. */
export function readStoredReason(item: mb.ItemLike, policy: Policy, timeoutMs: number): Promise<StoredReason | null> {
  return mb.sessionGet(item, REASON_KEY, timeoutMs).then(
    (r) => (r.ok ? parseStoredReason(r.value, policy) : null),
    () => null,
  );
}

/** Stores (or, with null, clears) the reason for the next Send (task pane). */
export function storeReason(item: mb.ItemLike, value: string | null, timeoutMs: number): Promise<mb.OfficeResult<void>> {
  return mb.sessionSet(item, REASON_KEY, value === null ? "" : value, timeoutMs);
}

export interface ReasonOutcome {
  /** The reason to stamp (only on a warn). */
  justification?: Justification;
  /** The reason covers every fired warn rule: the message goes without the dialog. */
  override: boolean;
  /** Fired warn rules that need a reason, when none covering them was given: no Send Anyway, the dialog says why. */
  missing: string[];
}

/** What a stored reason does to a decision. Only a warn is affected; a block stays a block. */
export function reasonOutcome(decision: Decision, policy: Policy, stored: StoredReason | null): ReasonOutcome {
  if (decision.action !== "warn") return { override: false, missing: [] };
  const fired: string[] = [];
  for (let i = 0; i < decision.rules.length; i++) {
    const r = decision.rules[i] as Decision["rules"][number];
    if (r.action === "warn") fired.push(r.id);
  }
  const covered = !!stored && fired.length > 0 && fired.every((id) => stored.rules.indexOf(id) >= 0);
  if (covered && stored) return { justification: stored.justification, override: true, missing: [] };
  return { justification: stored ? stored.justification : undefined, override: false, missing: rulesNeedingReason(decision, policy) };
}

/** Lower-cased client platform for the check header ("pc", "officeonline", "mac"), or undefined. */
export function clientToken(office: mb.OfficeLike): string | undefined {
  const p = mb.clientPlatform(office);
  return p ? p.toLowerCase() : undefined;
}

/** The headers for a decision; never throws (the composer replaces anything unsafe, this guards the rest). */
export function auditHeadersFor(decision: Decision, policy: Policy, product: string, justification: Justification | undefined, client: string | undefined): AuditHeaders | null {
  try {
    return composeAuditHeaders({ decision, policy, product, justification, client });
  } catch (e) {
    return null;
  }
}

/**
 * Stamps the headers within `timeoutMs`. Resolves (never rejects) with the Office result; "missing" when the client has
 * no `internetHeaders.setAsync`.
 */
export function stampAuditHeaders(item: mb.ItemLike, headers: AuditHeaders | null, timeoutMs: number): Promise<mb.OfficeResult<void>> {
  if (!headers) return Promise.resolve(mb.failure("internetHeaders.setAsync", "failed", "no headers"));
  if (!mb.hasInternetHeaders(item)) return Promise.resolve(mb.failure("internetHeaders.setAsync", "missing"));
  return mb.setInternetHeaders(item, headers, timeoutMs).then(
    (r) => r,
    () => mb.failure("internetHeaders.setAsync", "failed"),
  );
}
