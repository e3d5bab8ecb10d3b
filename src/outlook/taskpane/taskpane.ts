/**
 * The Take Action task pane: what Think First found (masked), grouped by where it is, the recipients' facts
 * (./recipients-view.ts), the cited policy with its link, one-click fixes (move external To/Cc recipients to Bcc, mask
 * identifiers in the body, remove a flagged attachment, correct a look-alike domain: ./replace-domain.ts), "Send with a
 * reason" on a warning (./reason.ts) and, with `compliance.address`, the reports to compliance (./compliance.ts).
 * After a fix it checks again and announces the new verdict (aria-live). Follows Outlook's display language; Urdu is
 * laid out right-to-left.
 *
 * Outside Outlook (the compose simulator) office.js has no mailbox; the simulator page that embeds this pane exposes its
 * fake Office as `window.thinkFirstSimulator.office` and the pane uses it.
 */
import type { Decision, Fix, Location, SourceResult } from "../../engine/types";
import type { Policy } from "../../engine/policy/types";
import { citationTitle, citationUrl, detectorName } from "../../i18n/dialog";
import { format } from "../../i18n/format";
import { resolveLocale, type Locale } from "../../i18n";
import { messages } from "../../i18n/messages";
import type { Messages } from "../../i18n/messages/en";
import * as mb from "../mailbox";
import { policyRefusal, refreshPolicy, usePolicyStore } from "../policy-source";
import { refreshCustomers, useCustomerStore } from "../customer-source";
import { check, maskable, maskBodyIdentifiers, moveExternalToBcc, removeFlaggedAttachment, type FixResult } from "./fixes";
import { el } from "../dom";
import { reasonView } from "./reason";
import { complianceView } from "./compliance";
import { replaceRecipientDomain } from "./replace-domain";
import { recipientsView } from "./recipients-view";

/* eslint-disable @typescript-eslint/no-explicit-any */
declare const Office: any;

interface Pane {
  office: mb.OfficeLike;
  item: mb.ItemLike;
  policy: Policy;
  locale: Locale;
  m: Messages;
  root: HTMLElement;
  busy: boolean;
}

/** The compose simulator's fake Office when this pane is embedded in it (same origin), else undefined. */
function simulatorOffice(): mb.OfficeLike | undefined {
  const w = window as any;
  try {
    if (w.parent && w.parent !== w && w.parent.thinkFirstSimulator && w.parent.thinkFirstSimulator.office) return w.parent.thinkFirstSimulator.office;
  } catch (e) {
    // cross-origin parent (Outlook on the web): not the simulator
  }
  return undefined;
}

function hostOffice(): mb.OfficeLike {
  const own = typeof Office !== "undefined" ? Office : undefined;
  if (mb.currentItem(own)) return own;
  return simulatorOffice() || own;
}


function locationKey(l: Location): string {
  return l.kind === "attachment" ? "attachment:" + l.name : l.kind;
}

function sectionTitle(m: Messages, l: Location): string {
  if (l.kind === "body") return m.taskpane.sectionBody;
  if (l.kind === "subject") return m.taskpane.sectionSubject;
  return format(m.taskpane.sectionAttachment, { name: l.name });
}

/** Findings grouped by location, masked; aggregates (e-mail lists) shown with their count. */
function findingsView(p: Pane, sources: SourceResult[]): HTMLElement[] {
  const out: HTMLElement[] = [];
  const groups: Record<string, { loc: Location; items: { name: string; value: string; conf: string }[] }> = {};
  const order: string[] = [];
  for (const s of sources) {
    for (const f of s.findings) {
      const key = locationKey(s.location);
      if (!groups[key]) {
        groups[key] = { loc: s.location, items: [] };
        order.push(key);
      }
      const name = detectorName(p.locale, f.detector);
      const conf = p.m.taskpane.confidence[f.confidence];
      groups[key]!.items.push({ name, value: f.count !== undefined ? String(f.count) : f.masked, conf });
    }
  }
  for (const key of order) {
    const g = groups[key]!;
    const list = el("ul");
    const shown = g.items.slice(0, 50);
    // Masked values are left-to-right fragments: <bdi> keeps them whole inside Urdu text.
    for (const t of shown) list.append(el("li", {}, t.name + ": ", el("bdi", { dir: "ltr" }, t.value), " (" + t.conf + ")"));
    if (g.items.length > shown.length) list.append(el("li", {}, "… +" + (g.items.length - shown.length)));
    out.push(el("section", { class: "group" }, el("h2", {}, sectionTitle(p.m, g.loc)), list));
  }
  return out;
}

function fixButton(p: Pane, label: string, run: () => Promise<FixResult>): HTMLButtonElement {
  const b = el("button", { type: "button", class: "fix" }, label);
  b.addEventListener("click", () => void applyFix(p, run));
  return b;
}

async function attachmentIdFor(p: Pane, fix: Extract<Fix, { kind: "remove-attachment" }>): Promise<string | undefined> {
  if (fix.attachmentId) return fix.attachmentId;
  const list = await mb.getAttachments(p.item, 15000);
  return list.ok ? (list.value.filter((a) => a.name === fix.name)[0] || { id: undefined }).id : undefined;
}

function fixesView(p: Pane, decision: Decision, sources: SourceResult[]): HTMLElement | undefined {
  const buttons: HTMLElement[] = [];
  const kinds: Record<string, boolean> = {};
  for (const fix of decision.fixes) {
    if (fix.kind === "move-to-bcc" && !kinds[fix.kind]) buttons.push(fixButton(p, p.m.taskpane.moveToBcc, () => moveExternalToBcc(p.item, p.office, p.policy)));
    if (fix.kind === "mask-identifiers" && !kinds[fix.kind]) buttons.push(fixButton(p, p.m.taskpane.maskBody, () => maskBodyIdentifiers(p.item, p.policy)));
    if (fix.kind === "remove-attachment")
      buttons.push(
        fixButton(p, format(p.m.taskpane.removeAttachment, { name: fix.name }), async () => {
          const id = await attachmentIdFor(p, fix);
          return id ? removeFlaggedAttachment(p.item, id) : { ok: false, error: "attachment not found" };
        }),
      );
    if (fix.kind === "replace-domain") buttons.push(fixButton(p, format(p.m.recipientChecks.replaceDomain, { masked: fix.masked, suggestion: fix.suggestion }), () => replaceRecipientDomain(p.item, fix)));
    kinds[fix.kind] = true;
  }
  // Identifiers in the body can always be masked, even when the policy's fix list does not name it.
  const bodyHasIds = sources.some((s) => s.location.kind === "body" && s.findings.some(maskable));
  if (bodyHasIds && !kinds["mask-identifiers"]) buttons.push(fixButton(p, p.m.taskpane.maskBody, () => maskBodyIdentifiers(p.item, p.policy)));
  const again = el("button", { type: "button", class: "secondary" }, p.m.taskpane.rescan);
  again.addEventListener("click", () => void refresh(p));
  buttons.push(again);
  return el("section", { class: "fixes" }, el("h2", {}, p.m.taskpane.fixesHeading), el("div", { class: "buttons" }, ...buttons));
}

function policyView(p: Pane): HTMLElement {
  const { title } = citationTitle(p.policy, p.locale);
  const url = citationUrl(p.policy);
  const text = format(p.m.taskpane.policyLink, { title });
  const body = url ? el("a", { href: url, target: "_blank", rel: "noopener noreferrer" }, text) : el("span", {}, text);
  const section = el("section", { class: "policy" }, el("h2", {}, p.m.taskpane.policyHeading), el("p", {}, body));
  const refused = refusalView(p);
  if (refused) section.append(refused);
  return section;
}

/** Why the tenant's downloaded policy is not in force (the last good one is), in the pane's language. */
export function refusalView(p: Pick<Pane, "m">): HTMLElement | undefined {
  const r = policyRefusal();
  if (!r) return undefined;
  const reasons = p.m.taskpane.policyRefusedReason;
  const [before, after] = p.m.taskpane.policyRefused.split("{reason}") as [string, string | undefined];
  const reason = el("span", {});
  if (r.kind === "invalid") {
    // The detail names keys of the policy file (English, left to right): isolated from the text around it.
    const [b, a] = reasons.invalid.split("{detail}") as [string, string | undefined];
    reason.append(b, el("bdi", { dir: "ltr" }, r.detail), a || "");
  } else reason.append(reasons[r.kind]);
  return el("p", { class: "policy-refused", role: "note", "data-refusal": r.kind }, before, reason, after || "");
}

function setVerdict(p: Pane, decision: Decision | undefined, text?: string) {
  const v = document.getElementById("verdict")!;
  v.className = "verdict " + (decision ? "verdict-" + decision.action : "");
  v.textContent = text || (decision ? (decision.action === "allow" ? p.m.taskpane.readyToSend : p.m.taskpane.stillNeedsAttention) : "");
  v.setAttribute("data-action", decision ? decision.action : "");
}

function setStatus(text: string) {
  const s = document.getElementById("status");
  if (s) s.textContent = text;
}

/**
 * Pictures and recordings (no text to check) and the hosts of linked files, listed whatever the verdict (`links`:
 * false when the findings view already lists the linked files where they are).
 */
function notReadViews(p: Pane, decision: Decision, links: boolean): HTMLElement[] {
  const out: HTMLElement[] = [];
  if (decision.noText && decision.noText.length) {
    const list = el("ul");
    for (const n of decision.noText) list.append(el("li", { "data-kind": n.kind }, el("bdi", {}, n.part), " (" + p.m.taskpane.noTextKind[n.kind] + ")"));
    out.push(el("section", { class: "group", id: "no-text" }, el("h2", {}, p.m.taskpane.sectionNoText), list));
  }
  if (links && decision.linkedFiles && decision.linkedFiles.length) {
    const list = el("ul");
    for (const l of decision.linkedFiles) list.append(el("li", { "data-host": l.host }, el("bdi", { dir: "ltr" }, l.host), l.count > 1 ? " (" + l.count + ")" : ""));
    out.push(el("section", { class: "group", id: "linked-files" }, el("h2", {}, p.m.taskpane.sectionLinked), list));
  }
  return out;
}

function render(p: Pane, decision: Decision, sources: SourceResult[]) {
  const content = document.getElementById("content")!;
  content.textContent = "";
  setVerdict(p, decision);
  if (decision.action === "allow" && !decision.unscanned.length) {
    content.append(el("p", {}, p.m.taskpane.noFindings));
    for (const v of notReadViews(p, decision, true)) content.append(v);
    const refused = refusalView(p);
    if (refused) content.append(refused);
    const report = complianceView(p, decision);
    if (report) content.append(report);
    return;
  }
  content.append(el("p", { class: "intro" }, p.m.taskpane.intro));
  for (const s of findingsView(p, sources)) content.append(s);
  const recipients = recipientsView(p.m, decision);
  if (recipients) content.append(recipients);
  if (decision.visibleExternalRecipients > 0 && decision.fixes.some((f) => f.kind === "move-to-bcc")) {
    content.append(el("section", { class: "group" }, el("h2", {}, p.m.taskpane.sectionRecipients), el("p", {}, detectorName(p.locale, "visible-external-recipients") + ": " + decision.visibleExternalRecipients)));
  }
  if (decision.unscanned.length) {
    const list = el("ul");
    for (const u of decision.unscanned) list.append(el("li", {}, el("bdi", {}, u.part), " (" + (p.m.unscannedReasons[u.reason] || u.reason) + ")"));
    content.append(el("section", { class: "group" }, el("h2", {}, p.m.taskpane.sectionNotChecked), list));
  }
  for (const v of notReadViews(p, decision, false)) content.append(v);
  content.append(policyView(p));
  const fixes = fixesView(p, decision, sources);
  if (fixes) content.append(fixes);
  const reason = reasonView(p, decision);
  if (reason) content.append(reason);
  const compliance = complianceView(p, decision);
  if (compliance) content.append(compliance);
}

async function refresh(p: Pane): Promise<Decision | undefined> {
  setStatus(p.m.taskpane.loading);
  try {
    const result = await check(p.item, p.office, p.policy);
    render(p, result.decision, result.sources);
    setStatus("");
    return result.decision;
  } catch (e) {
    setStatus(format(p.m.taskpane.error, { error: e instanceof Error ? e.name : "error" }));
    return undefined;
  }
}

async function applyFix(p: Pane, run: () => Promise<FixResult>) {
  if (p.busy) return;
  p.busy = true;
  const buttons = Array.prototype.slice.call(document.querySelectorAll("button")) as HTMLButtonElement[];
  buttons.forEach((b) => (b.disabled = true));
  setStatus(p.m.taskpane.working);
  try {
    const r = await run();
    await refresh(p);
    setStatus(r.ok ? p.m.taskpane.fixDone : format(p.m.taskpane.fixFailed, { error: r.error }));
    const v = document.getElementById("verdict");
    if (v) v.focus();
  } finally {
    p.busy = false;
  }
}

export async function startPane(): Promise<void> {
  const root = document.getElementById("app")!;
  const office = hostOffice();
  const locale = resolveLocale(mb.displayLanguage(office));
  const m = messages(locale);
  document.documentElement.lang = locale;
  document.documentElement.dir = m.meta.dir;
  document.title = m.taskpane.title;
  root.textContent = "";
  root.append(
    el("h1", {}, m.taskpane.title),
    el("p", { id: "verdict", class: "verdict", role: "status", "aria-live": "polite", tabindex: "-1" }),
    el("div", { id: "content" }),
    el("p", { id: "status", class: "status", role: "status", "aria-live": "polite" }),
  );
  const item = mb.currentItem(office);
  if (!item) {
    setStatus(format(m.taskpane.error, { error: "no message" }));
    return;
  }
  // The pane is a browser page: it may cache the tenant's policy download in localStorage and refresh it now.
  try {
    usePolicyStore(window.localStorage);
    useCustomerStore(window.localStorage);
  } catch (e) {
    usePolicyStore(null);
    useCustomerStore(null);
  }
  const policy = await refreshPolicy({ timeoutMs: 3000 });
  // The customer set the policy names (if any), downloaded or from the cache; check() uses it.
  await refreshCustomers(policy, { timeoutMs: 3000 });
  const p: Pane = { office, item, policy, locale, m, root, busy: false };
  (window as any).thinkFirstPane = p;
  // Opened by Take Action: show the verdict of the send at once, while the message is checked again.
  const ctx = await mb.getInitializationContext(item, 2000);
  if (ctx.ok && ctx.value) {
    try {
      const sent = JSON.parse(ctx.value) as { action?: string };
      if (sent.action === "warn" || sent.action === "block") setVerdict(p, undefined, m.taskpane.stillNeedsAttention);
    } catch (e) {
      // not ours
    }
  }
  await refresh(p);
  watchChanges(p);
}

/**
 * Re-check when the message changes while the pane is open, or when Take Action is pressed again (the pane is not
 * reloaded then: InitializationContextChanged, Mailbox 1.15). Hosts without these events simply never call back.
 */
function watchChanges(p: Pane): void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const later = () => {
    if (timer !== undefined) clearTimeout(timer);
    timer = setTimeout(() => {
      if (!p.busy) void refresh(p);
    }, 400);
  };
  const types = typeof Office !== "undefined" && Office.EventType ? Office.EventType : {};
  for (const t of [types.RecipientsChanged, types.AttachmentsChanged, types.InitializationContextChanged]) {
    if (!t) continue;
    try {
      p.item.addHandlerAsync(t, later, () => undefined);
    } catch (e) {
      // not supported by this host
    }
  }
}

// In the simulator's frame office.js waits for a host handshake that never comes, so the pane starts at once there.
if (simulatorOffice()) void startPane();
else if (typeof Office !== "undefined" && Office.onReady) Office.onReady(() => void startPane());
