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
 * `email-list` (the scanner's aggregate finding, one per list), and the recipient signals of ./recipient-facts.ts:
 * `lookalike-domain` (one per recipient at a look-alike domain, with its `replace-domain` fix), `mixed-organizations`
 * (two or more external organizations; weight = their number) and `first-time-recipient` (external addresses the
 * mailbox's history does not know; weight = their number). A rule names ids or groups (../registry.ts): the group
 * `identifiers` (old spelling `*`) is every detector of the group "identifier" plus every custom pattern.
 *
 * A rule fires when the items it names, at or above its minConfidence, in its `where` parts, and (recipients:
 * external) going to at least one external recipient / (internal-only) going to internal recipients only / (personal)
 * going to a consumer mailbox / (mixed-organizations) going to two or more external organizations / (first-time) going
 * to an address never written to, add up to minCount; a mixed-organizations or first-time rule counts its signal too. The strictest fired rule gives the action; `onUnscanned` is an implicit rule ("on-unscanned",
 * message check-unscanned) whenever something could not be read: an attachment or inner part (`unscanned` of a
 * source), or a part of the message itself (`message.gaps`: recipients, subject, body, the attachment list). This is
 * the only place the rule lives: the send handler, the pre-scan, the task pane and the CLI all reach it through
 * src/pipeline/check-message.ts. Findings a stored result omitted (`SourceResult.omitted`) count like listed ones.
 *
 * Pictures and recordings (`SourceResult.noText`) are listed in `Decision.noText` and count for nothing, unless the
 * policy says `attachments.images: warn`: then each (except inline ones) is an `unscanned` item with reason "no-text",
 * under an implicit warn rule of its own ("on-no-text", message check-no-text) unless a rule naming `unscanned`
 * already warns or blocks on it. Linked files (`linked-file` findings: cloud attachments and sharing links) are items
 * like any finding, so a rule naming `links` or `linked-file` acts on them; whatever rules say, their hosts are listed
 * in `Decision.linkedFiles` for the dialog's "Also linked" line.
 */
import { ACTION_ORDER, CONFIDENCE_ORDER } from "../types";
import type { Action, Confidence, Decision, Example, Finding, FiredRule, Fix, LinkedFile, Location, MessageInfo, NoTextPart, Recipient, SourceResult, Unscanned } from "../types";
import { matchCustomerListName } from "../signals/customer-list-name";
import { namesDetector } from "../registry";
import { SIGNAL_IDS } from "./ids";
import { analyzeMessageRecipients, factsOf } from "./recipient-facts";
import type { LookalikeRecipient, RecipientRef } from "../recipients/analyze-recipients";
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
  /** A picture or recording the policy counts (`attachments.images: warn`): detector "unscanned", rule on-no-text. */
  noText?: true;
  /** lookalike-domain: the recipient (its fix is the replacement of its domain). */
  lookalike?: LookalikeRecipient;
}

/** The signal a recipient scope adds to the rules it fires (the dialog names it beside the rule's findings). */
const SCOPE_SIGNAL: { [scope: string]: string } = { "mixed-organizations": "mixed-organizations", "first-time": "first-time-recipient" };

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
  // An email-list counted with a customer set is held to that threshold (a policy.json of an older build has none: 3).
  const customerThreshold = typeof policy.thresholds.customerList === "number" ? policy.thresholds.customerList : 3;
  const listThreshold = (f: Finding) => (f.counted === "customers" ? customerThreshold : policy.thresholds.emailList);
  const custom = policy.customPatterns.map((c) => c.id);
  const from = (message.from || "").trim().toLowerCase();
  const senderDomain = domainOf(from);
  // Per-detector answers are memoised: a dense attachment gives a hundred thousand findings of a handful of detectors.
  const senderMemo: Record<string, boolean> = {};
  const senderAllowed = (detector: string) => {
    const known = senderMemo[detector];
    if (known !== undefined) return known;
    return (senderMemo[detector] = policy.allowlists.senders.some((s) => s.address === from && names(s.detectors, detector, custom)));
  };

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
  const externalMemo: Record<string, Recipient[]> = {};
  const externalFor = (detector: string) => {
    const known = externalMemo[detector];
    if (known) return known;
    return (externalMemo[detector] = external.filter((r) => !policy.allowlists.recipientDomains.some((a) => inDomain(domainOf(r.email), a.domain) && names(a.detectors, detector, custom))));
  };
  const visibleExternal = externalFor("visible-external-recipients").filter((r) => r.field !== "bcc" && r !== UNREAD_RECIPIENT).length;

  // Recipient facts (./recipient-facts.ts): look-alike domains, consumer mailboxes, organizations, first-time addresses.
  // An allowlisted recipient domain takes a recipient out of them for the detectors the entry names.
  const analysis = analyzeMessageRecipients(message, policy);
  const allowedDomain = (domain: string, detector: string) =>
    policy.allowlists.recipientDomains.some((a) => inDomain(domain, a.domain) && names(a.detectors, detector, custom));
  const refsFor = (refs: RecipientRef[], detector: string) => refs.filter((r) => !allowedDomain(r.domain, detector)).length;
  const personalFor = (detector: string) => refsFor(analysis.personal, detector);
  const firstTimeFor = (detector: string) => refsFor(analysis.firstTime, detector);
  const orgs = analysis.externalOrganizations;
  const organizationsFor = (detector: string) => orgs.count - orgs.domains.filter((d) => allowedDomain(d, detector)).length;

  // Items: findings after detector settings and the sender allowlist, then the signals.
  const enforced = (detector: string, confidence: Confidence) => {
    const settings = policy.detectors[detector];
    return !settings || (settings.enabled && atLeast(confidence, settings.minConfidence));
  };
  const items: Item[] = [];
  let key = 0;
  const unscanned: Unscanned[] = [];
  const noText: NoTextPart[] = [];
  const countImages = !!policy.attachments && policy.attachments.images === "warn";
  for (const source of sources) {
    for (const f of source.findings) {
      if (!enforced(f.detector, f.confidence)) continue;
      if (f.detector === "email-list" && f.count !== undefined && f.count < listThreshold(f)) continue;
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
    for (const p of source.noText || []) {
      noText.push(p);
      if (!countImages || p.inline) continue;
      unscanned.push({ part: p.part, reason: "no-text", detail: p.kind });
      if (!senderAllowed("unscanned")) items.push({ detector: "unscanned", confidence: "high", location: source.location, weight: 1, key: key++, noText: true });
    }
  }
  for (const u of message.gaps || []) {
    unscanned.push(u);
    if (!senderAllowed("unscanned")) items.push({ detector: "unscanned", confidence: "high", location: null, weight: 1, key: key++ });
  }
  if (visibleExternal >= policy.thresholds.visibleExternalRecipients && !senderAllowed("visible-external-recipients")) {
    items.push({ detector: "visible-external-recipients", confidence: "high", location: null, weight: visibleExternal, key: key++ });
  }
  const signalItems: { [id: string]: Item } = {};
  for (const l of analysis.lookalikes) {
    if (senderAllowed("lookalike-domain") || allowedDomain(l.domain, "lookalike-domain")) continue;
    items.push({ detector: "lookalike-domain", confidence: l.distance <= 1 ? "high" : "medium", location: null, weight: 1, key: key++, lookalike: l });
  }
  const mixed = organizationsFor("mixed-organizations");
  if (mixed >= 2 && !senderAllowed("mixed-organizations")) {
    items.push((signalItems["mixed-organizations"] = { detector: "mixed-organizations", confidence: "high", location: null, weight: mixed, key: key++ }));
  }
  const firstTime = firstTimeFor("first-time-recipient");
  if (firstTime > 0 && !senderAllowed("first-time-recipient")) {
    items.push((signalItems["first-time-recipient"] = { detector: "first-time-recipient", confidence: "high", location: null, weight: firstTime, key: key++ }));
  }
  for (const att of message.attachments) {
    const named = matchCustomerListName(att.name);
    if (named && !senderAllowed("customer-list-name")) {
      const location: Location = { kind: "attachment", name: att.name, attachmentId: att.id };
      items.push({ detector: "customer-list-name", confidence: named.confidence, location, weight: 1, finding: named, key: key++ });
    }
  }

  const namedMemo: Record<string, boolean>[] = policy.rules.map(() => ({}));
  const ruleNames = (rule: Rule, order: number, id: string) => {
    const memo = namedMemo[order]!;
    const known = memo[id];
    if (known !== undefined) return known;
    return (memo[id] = rule.when.detectors.some((entry) => namesDetector(entry, id, custom)));
  };

  // Rules.
  const fired: { rule: FiredRule; order: number; items: Item[] }[] = [];
  policy.rules.forEach((rule, order) => {
    const w = rule.when;
    const matched = items.filter((it) => {
      if (!ruleNames(rule, order, it.detector) || !atLeast(it.confidence, w.minConfidence)) return false;
      if (it.location && w.where.indexOf(it.location.kind) < 0) return false;
      if (w.recipients === "external") return externalFor(it.detector).length > 0;
      if (w.recipients === "internal-only") return externalFor(it.detector).length === 0;
      if (w.recipients === "personal") return personalFor(it.detector) > 0;
      if (w.recipients === "mixed-organizations") return organizationsFor(it.detector) >= 2;
      if (w.recipients === "first-time") return firstTimeFor(it.detector) > 0;
      return true;
    });
    // A rule for mixed organizations or first-time recipients counts that signal too, so the dialog names it.
    const scoped = SCOPE_SIGNAL[w.recipients] ? signalItems[SCOPE_SIGNAL[w.recipients] as string] : undefined;
    if (scoped && matched.length && matched.indexOf(scoped) < 0 && matched.reduce((n, it) => n + it.weight, 0) >= w.minCount) matched.push(scoped);
    const total = matched.reduce((n, it) => n + it.weight, 0);
    if (!matched.length || total < w.minCount) return;
    const detectors = matched.map((it) => it.detector).filter((d, i, all) => all.indexOf(d) === i);
    fired.push({ rule: { id: rule.id, action: rule.action, message: rule.message, detectors }, order, items: matched });
  });
  const unscannedItems = items.filter((it) => it.detector === "unscanned" && !it.noText);
  if (unscannedItems.length) {
    const covered = fired.some((f) => f.items.some((it) => it.detector === "unscanned" && !it.noText) && stricter(f.rule.action, policy.onUnscanned) <= 0);
    if (!covered) {
      fired.push({ rule: { id: "on-unscanned", action: policy.onUnscanned, message: "check-unscanned", detectors: ["unscanned"] }, order: policy.rules.length, items: unscannedItems });
    }
  }
  // Pictures and recordings the policy counts (attachments.images: warn): a warning of their own, unless a rule that
  // names `unscanned` already warns or blocks on them.
  const noTextItems = items.filter((it) => it.noText);
  if (noTextItems.length && !fired.some((f) => f.items.some((it) => it.noText) && stricter(f.rule.action, "warn") <= 0)) {
    fired.push({ rule: { id: "on-no-text", action: "warn", message: "check-no-text", detectors: ["unscanned"] }, order: policy.rules.length + 1, items: noTextItems });
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

  const decision: Decision = {
    action,
    rules: fired.map((f) => f.rule),
    counts,
    examples: examplesOf(counted),
    fixes: action === "allow" ? [] : fixesOf(counted, visibleExternal),
    unscanned,
    visibleExternalRecipients: visibleExternal,
  };
  // Present only when there is something to list (a decision without them reads as before).
  if (noText.length) decision.noText = noText;
  const linkedFiles = linkedFilesOf(items);
  if (linkedFiles.length) decision.linkedFiles = linkedFiles;
  const facts = factsOf(analysis);
  if (facts) decision.recipients = facts;
  return decision;
}

/** Hosts of the linked files among the items (after detector settings and the sender allowlist), first seen first. */
function linkedFilesOf(items: Item[]): LinkedFile[] {
  const out: LinkedFile[] = [];
  const at: Record<string, number> = {};
  for (const it of items) {
    if (it.detector !== "linked-file" || !it.finding) continue;
    const host = it.finding.masked;
    const i = at[host];
    if (i === undefined) {
      at[host] = out.length;
      out.push({ host, count: it.weight });
    } else (out[i] as LinkedFile).count += it.weight;
  }
  return out;
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
  for (const it of counted) {
    const l = it.lookalike;
    if (l) fixes.push({ kind: "replace-domain", index: l.index, field: l.field, masked: l.masked, suggestion: l.suggestion, suggestedDomain: l.suggestedDomain });
  }
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
