/**
 * decide(sources, message, policy) → Decision. Pure and deterministic: the same scanned sources, message and policy
 * always give the same decision, in the send handler, the task pane, the CLI and the playground.
 *
 * Who is external (documented in docs/policy.md):
 *   - Outlook says so: recipientType "externalUser"; or
 *   - the address's domain is neither an internal domain of the policy (subdomains included) nor the sender's domain; or
 *   - the recipient has no address, or the recipients could not be read (`message.recipientsUnread`: one unknown
 *     external recipient is assumed). Nothing shows such a recipient is internal, so the decision fails closed.
 *   recipientType "user" is NOT taken as proof of internal: several clients report "user" for any resolved address.
 *   A distribution list is one recipient (Office does not expand it). Recipients in an allowlisted domain count as
 *   internal for the detectors the allowlist names.
 *
 * Items that rules look at: every finding (after the detector's `enabled`/`minConfidence` and the sender allowlist)
 * plus the signals: `visible-external-recipients` (external addresses in To+Cc at or over the threshold; weight = that
 * number), `unscanned` (one per unreadable part), `customer-list-name` (one per attachment named like a customer list),
 * `email-list` (the scanner's aggregate finding, one per list). A rule names ids or groups (../registry.ts): the group
 * `identifiers` (old spelling `*`) is every detector of the group "identifier" plus every custom pattern.
 *
 * A rule fires when the items it names, at or above its minConfidence, in its `where` parts, and (recipients:
 * external) going to at least one external recipient / (internal-only) going to internal recipients only, add up to
 * minCount. The strictest fired rule gives the action; `onUnscanned` is an implicit rule ("on-unscanned",
 * message check-unscanned) whenever something could not be read: an attachment or inner part (`unscanned` of a
 * source), or a part of the message itself (`message.gaps`: recipients, subject, body, the attachment list). This is
 * the only place the rule lives: the send handler, the pre-scan, the task pane and the CLI all reach it through
 * src/pipeline/check-message.ts. Findings a stored result omitted (`SourceResult.omitted`) count like listed ones.
 */
import { ACTION_ORDER, CONFIDENCE_ORDER } from "../types";
import type { Action, Confidence, Decision, Example, Finding, FiredRule, Fix, Location, MessageInfo, Recipient, SourceResult, Unscanned } from "../types";
import { matchCustomerListName } from "../signals/customer-list-name";
import { namesDetector } from "../registry";
import { SIGNAL_IDS } from "./ids";
import type { Policy, Rule } from "./types";

/** How many masked examples a decision carries (the dialog shows two or three). */
export const MAX_EXAMPLES = 5;

interface Item {
  detector: string;
  confidence: Confidence;
  /** null for message-level signals (recipients). */
  location: Location | null;
  weight: number;
  finding?: Finding;
  key: number;
}

export function domainOf(address: string): string {
  const at = address.lastIndexOf("@");
  return at < 0 ? "" : address.slice(at + 1).trim().toLowerCase().replace(/\.$/, "");
}

export function inDomain(domain: string, parent: string): boolean {
  return domain === parent || (domain.length > parent.length && domain.slice(-parent.length - 1) === "." + parent);
}

/** External by Outlook's word or by domain (see the file header). */
export function isExternal(r: Recipient, policy: Policy, senderDomain: string): boolean {
  if (r.recipientType === "externalUser") return true;
  const domain = domainOf(r.email);
  if (!domain) return true;
  if (senderDomain && domain === senderDomain) return false;
  return !policy.organization.internalDomains.some((d) => inDomain(domain, d));
}

/** Does an allowlist entry's scope (absent or "*": everything; ids; group names) cover this detector? */
function names(list: readonly string[] | undefined, id: string, customIds: readonly string[]): boolean {
  return !list || list.indexOf("*") >= 0 || list.some((entry) => namesDetector(entry, id, customIds));
}

function atLeast(c: Confidence, min: Confidence): boolean {
  return CONFIDENCE_ORDER.indexOf(c) >= CONFIDENCE_ORDER.indexOf(min);
}

function stricter(a: Action, b: Action): number {
  return ACTION_ORDER.indexOf(b) - ACTION_ORDER.indexOf(a);
}

/** Stands for recipients that could not be read: external, with no address, never "visible" in To/Cc. */
const UNREAD_RECIPIENT: Recipient = { email: "", field: "bcc", recipientType: "unknown" };

export function decide(sources: SourceResult[], message: MessageInfo, policy: Policy): Decision {
  const custom = policy.customPatterns.map((c) => c.id);
  const from = (message.from || "").trim().toLowerCase();
  const senderDomain = domainOf(from);
  const senderAllowed = (detector: string) => policy.allowlists.senders.some((s) => s.address === from && names(s.detectors, detector, custom));

  // Recipients: unique addresses (one seen in To/Cc and in Bcc counts as visible), external ones, domain allowlist.
  const byKey: Record<string, number> = {};
  const recipients: Recipient[] = [];
  for (const r of message.recipients) {
    const key = (r.email || r.name || "").toLowerCase() + "|" + (r.email ? "" : r.field);
    const at = byKey[key];
    if (at === undefined) {
      byKey[key] = recipients.length;
      recipients.push(r);
    } else if (recipients[at]!.field === "bcc" && r.field !== "bcc") {
      recipients[at] = r;
    }
  }
  const external = recipients.filter((r) => isExternal(r, policy, senderDomain));
  if (message.recipientsUnread) external.push(UNREAD_RECIPIENT);
  const externalFor = (detector: string) =>
    external.filter((r) => !policy.allowlists.recipientDomains.some((a) => inDomain(domainOf(r.email), a.domain) && names(a.detectors, detector, custom)));
  const visibleExternal = externalFor("visible-external-recipients").filter((r) => r.field !== "bcc" && r !== UNREAD_RECIPIENT).length;

  // Items: findings after detector settings and the sender allowlist, then the signals.
  const enforced = (detector: string, confidence: Confidence) => {
    const settings = policy.detectors[detector];
    return !settings || (settings.enabled && atLeast(confidence, settings.minConfidence));
  };
  const items: Item[] = [];
  let key = 0;
  const unscanned: Unscanned[] = [];
  for (const source of sources) {
    for (const f of source.findings) {
      if (!enforced(f.detector, f.confidence)) continue;
      if (f.detector === "email-list" && f.count !== undefined && f.count < policy.thresholds.emailList) continue;
      if (senderAllowed(f.detector)) continue;
      items.push({ detector: f.detector, confidence: f.confidence, location: source.location, weight: 1, finding: f, key: key++ });
    }
    for (const o of source.omitted || []) {
      if (!enforced(o.detector, o.confidence) || senderAllowed(o.detector) || o.count < 1) continue;
      items.push({ detector: o.detector, confidence: o.confidence, location: source.location, weight: o.count, key: key++ });
    }
    for (const u of source.unscanned) {
      unscanned.push(u);
      if (!senderAllowed("unscanned")) items.push({ detector: "unscanned", confidence: "high", location: source.location, weight: 1, key: key++ });
    }
  }
  for (const u of message.gaps || []) {
    unscanned.push(u);
    if (!senderAllowed("unscanned")) items.push({ detector: "unscanned", confidence: "high", location: null, weight: 1, key: key++ });
  }
  if (visibleExternal >= policy.thresholds.visibleExternalRecipients && !senderAllowed("visible-external-recipients")) {
    items.push({ detector: "visible-external-recipients", confidence: "high", location: null, weight: visibleExternal, key: key++ });
  }
  for (const att of message.attachments) {
    const named = matchCustomerListName(att.name);
    if (named && !senderAllowed("customer-list-name")) {
      const location: Location = { kind: "attachment", name: att.name, attachmentId: att.id };
      items.push({ detector: "customer-list-name", confidence: named.confidence, location, weight: 1, finding: named, key: key++ });
    }
  }

  const ruleNames = (rule: Rule, id: string) => rule.when.detectors.some((entry) => namesDetector(entry, id, custom));

  // Rules.
  const fired: { rule: FiredRule; order: number; items: Item[] }[] = [];
  policy.rules.forEach((rule, order) => {
    const w = rule.when;
    const matched = items.filter((it) => {
      if (!ruleNames(rule, it.detector) || !atLeast(it.confidence, w.minConfidence)) return false;
      if (it.location && w.where.indexOf(it.location.kind) < 0) return false;
      if (w.recipients === "external") return externalFor(it.detector).length > 0;
      if (w.recipients === "internal-only") return externalFor(it.detector).length === 0;
      return true;
    });
    const total = matched.reduce((n, it) => n + it.weight, 0);
    if (!matched.length || total < w.minCount) return;
    const detectors = matched.map((it) => it.detector).filter((d, i, all) => all.indexOf(d) === i);
    fired.push({ rule: { id: rule.id, action: rule.action, message: rule.message, detectors }, order, items: matched });
  });
  const unscannedItems = items.filter((it) => it.detector === "unscanned");
  if (unscannedItems.length) {
    const covered = fired.some((f) => f.rule.detectors.indexOf("unscanned") >= 0 && stricter(f.rule.action, policy.onUnscanned) <= 0);
    if (!covered) {
      fired.push({ rule: { id: "on-unscanned", action: policy.onUnscanned, message: "check-unscanned", detectors: ["unscanned"] }, order: policy.rules.length, items: unscannedItems });
    }
  }
  fired.sort((a, b) => stricter(a.rule.action, b.rule.action) || a.order - b.order);
  const action: Action = fired.length ? fired[0]!.rule.action : "allow";

  // What counted toward a warn/block rule, strictest rule first, each item once.
  const counted: Item[] = [];
  const taken: Record<number, boolean> = {};
  for (const f of fired) {
    if (f.rule.action === "allow") continue;
    for (const it of f.items) {
      if (taken[it.key]) continue;
      taken[it.key] = true;
      counted.push(it);
    }
  }
  const counts: Record<string, number> = {};
  for (const it of counted) counts[it.detector] = (counts[it.detector] || 0) + it.weight;

  return {
    action,
    rules: fired.map((f) => f.rule),
    counts,
    examples: examplesOf(counted),
    fixes: action === "allow" ? [] : fixesOf(counted, visibleExternal),
    unscanned,
    visibleExternalRecipients: visibleExternal,
  };
}

/** A few masked examples, one detector after another (round robin), no repeats. */
function examplesOf(counted: Item[]): Example[] {
  const byDetector: Record<string, Item[]> = {};
  const order: string[] = [];
  for (const it of counted) {
    if (!it.finding || !it.location) continue;
    if (!byDetector[it.detector]) {
      byDetector[it.detector] = [];
      order.push(it.detector);
    }
    byDetector[it.detector]!.push(it);
  }
  const out: Example[] = [];
  const shown: Record<string, boolean> = {};
  for (let round = 0; out.length < MAX_EXAMPLES; round++) {
    let any = false;
    for (const d of order) {
      const it = byDetector[d]![round];
      if (!it || out.length >= MAX_EXAMPLES) continue;
      any = true;
      const f = it.finding!;
      if (shown[d + "\u0000" + f.masked]) continue;
      shown[d + "\u0000" + f.masked] = true;
      out.push({ detector: d, masked: f.masked, location: it.location!, confidence: f.confidence });
    }
    if (!any) break;
  }
  return out;
}

function fixesOf(counted: Item[], visibleExternal: number): Fix[] {
  const fixes: Fix[] = [];
  if (counted.some((it) => it.detector === "visible-external-recipients")) fixes.push({ kind: "move-to-bcc", recipients: visibleExternal });
  const inText = counted.filter(
    (it) => it.finding && it.location && it.location.kind !== "attachment" && (SIGNAL_IDS as readonly string[]).indexOf(it.detector) < 0,
  ).length;
  if (inText) fixes.push({ kind: "mask-identifiers", findings: inText });
  const done: Record<string, boolean> = {};
  for (const it of counted) {
    const loc = it.location;
    if (!loc || loc.kind !== "attachment") continue;
    const key = loc.attachmentId || loc.name;
    if (done[key]) continue;
    done[key] = true;
    const fix: Fix = { kind: "remove-attachment", name: loc.name };
    if (loc.attachmentId) fix.attachmentId = loc.attachmentId;
    fixes.push(fix);
  }
  return fixes;
}
