/**
 * The Think First dialog text (Smart Alerts errorMessage / errorMessageMarkdown) and info-bar notifications, built from a
 * Decision in the user's language. Budget-aware: Outlook refuses more than 500 characters, so the renderer tries richer
 * layouts first and drops optional parts (examples, where-lines, long file names, the policy sentence, the link) until
 * the text fits; a final cut with "…" is a safety net that the worst-case tests show is never reached.
 * Pure and ES2016 (it runs in launchevent.js): no Intl without feature detection, no DOM.
 */
import type { Decision, Example, Location } from "../engine/types";
import type { Policy } from "../engine/policy/types";
import { ellipsize, format, FSI, LRI, markdownInert, PDI, sanitize } from "./format";
import { isRtl, resolveLocale, toLocale, type Locale } from "./locale";
import { messages } from "./messages";
import type { Messages } from "./messages/en";
import type { DetectorName, Plural } from "./messages/types";
import { registered } from "../engine/registry";
import { unscanned } from "../engine/signals/unscanned";
import { pluralForm } from "./plural";

export const DIALOG_LIMIT = 500;
export const CANCEL_LABEL_LIMIT = 20;
export const NOTIFICATION_LIMIT = 150;

export interface DialogText {
  /** Plain text, ≤ 500 characters. */
  errorMessage: string;
  /** Markdown, ≤ 500 characters (Mailbox 1.15). */
  errorMessageMarkdown: string;
  /** ≤ 20 characters. */
  cancelLabel: string;
}

/** What the dialog is about: allow never renders; unscanned = only "could not be checked" made it fire. */
export type DialogKind = "allow" | "warn" | "block" | "unscanned";

export function dialogKind(decision: Decision): DialogKind {
  if (decision.action === "allow") return "allow";
  const onlyUnscanned =
    decision.rules.length > 0
      ? decision.rules.every((r) => r.detectors.length > 0 && r.detectors.every((d) => d === "unscanned"))
      : decision.unscanned.length > 0;
  return onlyUnscanned ? "unscanned" : decision.action;
}

/** How much of the dialog to show; the renderer walks LAYOUTS from richest to leanest. */
interface Layout {
  examples: number;
  nameMax: number;
  whereMax: number;
  foundMax: number;
  notCheckedMax: number;
  adviceMax: number;
  titleMax: number;
  longWhy: boolean;
  link: boolean;
  sendAnyway: boolean;
  /** Hosts shown on the "Also linked" line (0: the line is left out). */
  linkedMax: number;
}

const FULL: Layout = {
  examples: 2,
  nameMax: 120,
  whereMax: 4,
  foundMax: 12,
  notCheckedMax: 3,
  adviceMax: 4,
  titleMax: 120,
  longWhy: true,
  link: true,
  sendAnyway: true,
  linkedMax: 3,
};

function step(prev: Layout, change: Partial<Layout>): Layout {
  const next: Layout = {
    examples: prev.examples,
    nameMax: prev.nameMax,
    whereMax: prev.whereMax,
    foundMax: prev.foundMax,
    notCheckedMax: prev.notCheckedMax,
    adviceMax: prev.adviceMax,
    titleMax: prev.titleMax,
    longWhy: prev.longWhy,
    link: prev.link,
    sendAnyway: prev.sendAnyway,
    linkedMax: prev.linkedMax,
  };
  const keys = Object.keys(change) as (keyof Layout)[];
  for (let i = 0; i < keys.length; i++) {
    const k = keys[i] as keyof Layout;
    (next as unknown as { [k: string]: unknown })[k] = change[k];
  }
  return next;
}

/**
 * Optional parts go first: the "Also linked" hosts (the task pane lists them too), examples, then where-lines and long
 * names, then the policy sentence, then the rest.
 */
const LAYOUTS: Layout[] = (() => {
  const list: Layout[] = [FULL];
  const add = (change: Partial<Layout>) => list.push(step(list[list.length - 1] as Layout, change));
  add({ linkedMax: 1 });
  add({ examples: 1 });
  add({ examples: 0, linkedMax: 0 });
  add({ nameMax: 60 });
  add({ whereMax: 2, notCheckedMax: 2 });
  add({ nameMax: 40 });
  add({ longWhy: false });
  add({ whereMax: 0 });
  add({ foundMax: 4, adviceMax: 3 });
  add({ titleMax: 60 });
  add({ nameMax: 24, notCheckedMax: 1 });
  add({ link: false });
  add({ adviceMax: 2 });
  add({ foundMax: 3 });
  add({ sendAnyway: false, adviceMax: 1 });
  add({ titleMax: 32 });
  add({ foundMax: 2 });
  add({ notCheckedMax: 0, foundMax: 1 });
  return list;
})();

interface Ctx {
  m: Messages;
  locale: Locale;
  md: boolean;
  rtl: boolean;
}

/** An LTR fragment (masked value, file name, address) made safe for the target: isolated in RTL text, inert in Markdown. */
function fragment(ctx: Ctx, text: string): string {
  const clean = ctx.md ? markdownInert(sanitize(text)) : sanitize(text);
  return ctx.rtl ? LRI + clean + PDI : clean;
}

function countText(ctx: Ctx, forms: Plural, count: number, vars?: { [k: string]: string }): string {
  const all: { [k: string]: string | number } = { count };
  if (vars) for (const k in vars) if (Object.prototype.hasOwnProperty.call(vars, k)) all[k] = vars[k] as string;
  return format(pluralForm(ctx.locale, forms, count), all);
}

/** Joins items, cutting to `max` and adding "and N more". */
function list(ctx: Ctx, items: string[], max: number): string {
  if (items.length <= max) return items.join(ctx.m.dialog.listSeparator);
  const shown = items.slice(0, Math.max(0, max));
  return shown.join(ctx.m.dialog.listSeparator) + ctx.m.dialog.moreSeparator + countText(ctx, ctx.m.dialog.more, items.length - shown.length);
}

type DetectorEntry = DetectorName;

/**
 * The name of a detector or signal in `locale`: the catalog's override, else the registry's name in that language, else
 * in English; an id the registry does not know is a custom pattern (the catalog's `custom` template).
 */
function detectorEntry(m: Messages, locale: Locale, id: string): { entry: DetectorEntry; custom: boolean } {
  const table = m.detectors;
  if (id !== "custom" && Object.prototype.hasOwnProperty.call(table, id)) return { entry: table[id] as DetectorEntry, custom: false };
  const r = registered(id);
  if (r) return { entry: r.names[locale] || r.names.en, custom: false };
  return { entry: m.detectors.custom, custom: true };
}

/** "3 card numbers" in the locale's words; custom pattern ids are named as they are in the policy. */
export function detectorCountText(locale: Locale, id: string, count: number): string {
  locale = toLocale(locale);
  const ctx: Ctx = { m: messages(locale), locale, md: false, rtl: isRtl(locale) };
  const { entry, custom } = detectorEntry(ctx.m, ctx.locale, id);
  return countText(ctx, entry.count, count, custom ? { id: fragment(ctx, id) } : undefined);
}

/** The display name of a detector or signal id ("Card number"). */
export function detectorName(locale: Locale, id: string): string {
  locale = toLocale(locale);
  const m = messages(locale);
  const { entry, custom } = detectorEntry(m, locale, id);
  return custom ? format(entry.name, { id: isRtl(locale) ? LRI + sanitize(id) + PDI : sanitize(id) }) : entry.name;
}

/** The cited policy's title in `locale` (exact key, then any key resolving to it, then English, then any). */
export function citationTitle(policy: Policy, locale: Locale): { title: string; localized: boolean } {
  const titles = (policy && policy.citation && policy.citation.title) || {};
  const keys = Object.keys(titles);
  for (let i = 0; i < keys.length; i++) {
    const k = keys[i] as string;
    if ((k === locale || resolveLocale(k) === locale) && titles[k]) return { title: sanitize(titles[k] as string), localized: true };
  }
  if (titles.en) return { title: sanitize(titles.en), localized: locale === "en" };
  for (let i = 0; i < keys.length; i++) {
    const v = titles[keys[i] as string];
    if (v) return { title: sanitize(v), localized: false };
  }
  return { title: "", localized: false };
}

/** The policy link if it is a plain https URL (the dialog only links https); characters that would end the link are escaped. */
export function citationUrl(policy: Policy): string | undefined {
  const url = policy && policy.citation && policy.citation.url;
  if (typeof url !== "string" || !/^https:\/\/[^\s<>"]+$/i.test(url)) return undefined;
  return url.replace(/\(/g, "%28").replace(/\)/g, "%29");
}

function orderedDetectors(decision: Decision): string[] {
  const ids: string[] = [];
  const push = (id: string) => {
    if (id !== "*" && ids.indexOf(id) < 0) ids.push(id);
  };
  for (let i = 0; i < decision.rules.length; i++) {
    const r = decision.rules[i];
    if (r) for (let j = 0; j < r.detectors.length; j++) push(r.detectors[j] as string);
  }
  const rest = Object.keys(decision.counts || {}).sort((a, b) => (decision.counts[b] || 0) - (decision.counts[a] || 0));
  for (let i = 0; i < rest.length; i++) push(rest[i] as string);
  return ids;
}

function countOf(decision: Decision, id: string): number {
  if (id === "visible-external-recipients") return decision.visibleExternalRecipients || decision.counts[id] || 0;
  if (id === "unscanned") return decision.unscanned.length || decision.counts[id] || 0;
  return decision.counts[id] || 0;
}

/**
 * One masked example as shown. An e-mail list's "masked" form is the engine's English summary ("40 addresses (7
 * domains)"): only its number is kept and said in the user's language.
 */
function exampleText(ctx: Ctx, id: string, masked: string): string {
  if (id === "email-list") {
    const n = /^\s*(\d+)/.exec(masked);
    return n ? countText(ctx, ctx.m.dialog.addresses, parseInt(n[1] as string, 10)) : "";
  }
  return fragment(ctx, ctx.md ? masked.replace(/\*/g, "\u2022") : masked);
}

function foundItems(ctx: Ctx, decision: Decision, layout: Layout): string[] {
  const ids = orderedDetectors(decision);
  const items: string[] = [];
  for (let i = 0; i < ids.length; i++) {
    const id = ids[i] as string;
    if (id === "unscanned") continue; // shown on its own line
    const n = countOf(decision, id);
    if (n <= 0) continue;
    const { entry, custom } = detectorEntry(ctx.m, ctx.locale, id);
    let item = countText(ctx, entry.count, n, custom ? { id: fragment(ctx, ellipsize(sanitize(id), Math.min(40, layout.nameMax))) } : undefined);
    if (layout.examples > 0) {
      const seen: string[] = [];
      const examples = decision.examples || [];
      for (let j = 0; j < examples.length && seen.length < layout.examples; j++) {
        const ex = examples[j] as Example;
        if (ex.detector === id && ex.masked && seen.indexOf(ex.masked) < 0) seen.push(ex.masked);
      }
      // Look-alike recipients have no place in the text: their masked addresses are the examples.
      const lookalikes = id === "lookalike-domain" && decision.recipients ? decision.recipients.lookalikes : [];
      for (let j = 0; j < lookalikes.length && seen.length < layout.examples; j++) {
        const masked = ellipsize((lookalikes[j] as { masked: string }).masked, 60);
        if (seen.indexOf(masked) < 0) seen.push(masked);
      }
      if (seen.length > 0) {
        const shown = seen.map((s) => exampleText(ctx, id, s)).filter((s) => s !== "");
        if (shown.length > 0) item = format(ctx.m.dialog.withExamples, { item, examples: shown.join(ctx.m.dialog.listSeparator) });
      }
    }
    items.push(item);
  }
  if (items.length === 0 && decision.unscanned.length === 0 && ids.length > 0) {
    // Rules fired without counts (e.g. a custom signal): name them at least.
    for (let i = 0; i < ids.length; i++) {
      if (ids[i] === "unscanned") continue;
      const { entry, custom } = detectorEntry(ctx.m, ctx.locale, ids[i] as string);
      items.push(custom ? format(entry.name, { id: fragment(ctx, ellipsize(sanitize(ids[i] as string), 40)) }) : entry.name);
    }
  }
  return items;
}

function locationKey(l: Location): string {
  return l.kind === "attachment" ? "a:" + l.name : l.kind;
}

function whereItems(ctx: Ctx, decision: Decision, layout: Layout): string[] {
  const locs: Location[] = [];
  const keys: string[] = [];
  const add = (l: Location) => {
    const k = locationKey(l);
    if (keys.indexOf(k) < 0) {
      keys.push(k);
      locs.push(l);
    }
  };
  const examples = decision.examples || [];
  for (let i = 0; i < examples.length; i++) add((examples[i] as Example).location);
  const fixes = decision.fixes || [];
  for (let i = 0; i < fixes.length; i++) {
    const f = fixes[i];
    if (f && f.kind === "remove-attachment") add({ kind: "attachment", name: f.name });
  }
  const rank = (l: Location) => (l.kind === "body" ? 0 : l.kind === "subject" ? 1 : 2);
  locs.sort((a, b) => rank(a) - rank(b));
  return locs.map((l) =>
    l.kind === "attachment"
      ? format(ctx.m.dialog.where.attachment, { name: fragment(ctx, ellipsize(sanitize(l.name), layout.nameMax)) })
      : ctx.m.dialog.where[l.kind],
  );
}

function notCheckedItems(ctx: Ctx, decision: Decision, layout: Layout): string[] {
  const reasons = ctx.m.unscannedReasons as { [r: string]: string };
  return decision.unscanned.map((u) =>
    format(ctx.m.dialog.unscannedItem, {
      name: fragment(ctx, ellipsize(sanitize(u.part), layout.nameMax)),
      reason: Object.prototype.hasOwnProperty.call(reasons, u.reason) ? (reasons[u.reason] as string) : reasons.unavailable as string,
    }),
  );
}

/**
 * Hosts of linked files no fired rule counted ("Also linked: onedrive.live.com"): the dialog is shown for another
 * reason, and the files behind the links were not checked. Counted linked files are on the "Found" line instead.
 */
function linkedItems(ctx: Ctx, decision: Decision, layout: Layout): string[] {
  const linked = decision.linkedFiles || [];
  if (!linked.length || (decision.counts && decision.counts["linked-file"])) return [];
  return linked.map((l) => fragment(ctx, ellipsize(sanitize(l.host), Math.min(60, layout.nameMax))));
}

function adviceItems(ctx: Ctx, decision: Decision, kind: DialogKind): string[] {
  const table = ctx.m.advice as { [id: string]: string };
  const ids: string[] = [];
  for (let i = 0; i < decision.rules.length; i++) {
    const r = decision.rules[i];
    const id = r && r.message;
    if (id && ids.indexOf(id) < 0) ids.push(id);
  }
  if (kind === "unscanned" && ids.indexOf("check-unscanned") < 0 && ids.indexOf("check-no-text") < 0) ids.push("check-unscanned");
  const out: string[] = [];
  for (let i = 0; i < ids.length; i++) {
    const id = ids[i] as string;
    const text = Object.prototype.hasOwnProperty.call(table, id) ? (table[id] as string) : recipientAdvice(ctx, decision, id) || table.default;
    if (text && out.indexOf(text) < 0) out.push(text);
  }
  if (out.length === 0) out.push(table.default as string);
  return out;
}

/**
 * The advice of a recipient rule (the catalog's `recipientChecks.advice`), with the masked address it is about filled
 * in and LTR-isolated: "Check the address: did you mean j***@contoso.com?". undefined when the id is not one of them or
 * the decision has no recipient to name (the caller then uses the default advice).
 */
function recipientAdvice(ctx: Ctx, decision: Decision, id: string): string | undefined {
  const table = ctx.m.recipientChecks.advice as { [id: string]: string };
  if (!Object.prototype.hasOwnProperty.call(table, id)) return undefined;
  const facts = decision.recipients;
  const first = <T>(list: T[] | undefined): T | undefined => (list && list.length ? list[0] : undefined);
  const address = (masked: string) => fragment(ctx, ctx.md ? masked.replace(/\*/g, "\u2022") : masked);
  const template = table[id] as string;
  if (id === "check-lookalike-domain") {
    const l = first(facts && facts.lookalikes);
    return l ? format(template, { suggestion: address(ellipsize(l.suggestion, 60)) }) : undefined;
  }
  if (id === "dont-send-to-personal" || id === "check-first-time-recipient") {
    const r = first(facts && (id === "dont-send-to-personal" ? facts.personal : facts.firstTime));
    return r ? format(template, { recipient: address(ellipsize(r.masked, 60)) }) : undefined;
  }
  return template;
}

function label(ctx: Ctx, name: string, text: string): string {
  return format(ctx.m.dialog.line, { label: ctx.md ? "**" + name + "**" : name, text });
}

function compose(ctx: Ctx, decision: Decision, policy: Policy, kind: Exclude<DialogKind, "allow">, layout: Layout): string {
  const d = ctx.m.dialog;
  const blocks: string[] = [];
  blocks.push(ctx.md ? "**" + d.heading + "**" : d.heading);
  blocks.push(d.intro[kind]);

  const found = foundItems(ctx, decision, layout);
  if (found.length > 0 && layout.foundMax > 0) blocks.push(label(ctx, d.foundLabel, list(ctx, found, layout.foundMax)));

  if (layout.whereMax > 0) {
    const where = whereItems(ctx, decision, layout);
    if (where.length > 0) blocks.push(label(ctx, d.whereLabel, list(ctx, where, layout.whereMax)));
  }

  if (decision.unscanned.length > 0) {
    if (layout.notCheckedMax > 0) {
      blocks.push(label(ctx, d.notCheckedLabel, list(ctx, notCheckedItems(ctx, decision, layout), layout.notCheckedMax)));
    } else {
      blocks.push(label(ctx, d.notCheckedLabel, countText(ctx, unscanned.names[ctx.locale].count, decision.unscanned.length)));
    }
  }

  if (layout.linkedMax > 0) {
    const linked = linkedItems(ctx, decision, layout);
    if (linked.length > 0) blocks.push(label(ctx, d.linkedLabel, list(ctx, linked, layout.linkedMax)));
  }

  const cited = citationTitle(policy, ctx.locale);
  if (cited.title) {
    let title = ellipsize(cited.title, layout.titleMax);
    if (ctx.md) title = markdownInert(title);
    if (ctx.rtl) title = FSI + title + PDI;
    const url = citationUrl(policy);
    if (ctx.md && layout.link && url) title = "[" + title + "](" + url + ")";
    blocks.push(label(ctx, d.whyLabel, format(layout.longWhy ? d.why : d.whyShort, { title })));
  }

  const advice = adviceItems(ctx, decision, kind).slice(0, Math.max(1, layout.adviceMax));
  // A rule that needs a reason ("Send with a reason", docs/audit.md): no Send Anyway; the way out is always named.
  if (needsReason(decision, policy)) advice.push(format(ctx.m.justification.dialogNeedsReason, { button: ctx.m.labels.cancelLabel }));
  else if (decision.action === "warn" && layout.sendAnyway) advice.push(d.sendAnyway);
  if (ctx.md) {
    blocks.push("**" + d.whatLabel + "**\n\n" + advice.map((a) => "- " + a + "\r").join(""));
  } else {
    blocks.push(label(ctx, d.whatLabel, advice.join(" ")));
  }
  return blocks.join(ctx.md ? "\n\n" : "\n");
}

/**
 * A fired warn rule has `requireReason: true` (the same test as src/pipeline/justification.ts `rulesNeedingReason`,
 * repeated here because i18n imports only types from the pipeline). The send handler shows the dialog only when no
 * reason covering the rules was given.
 */
export function needsReason(decision: Decision, policy: Policy): boolean {
  if (decision.action !== "warn") return false;
  for (let i = 0; i < policy.rules.length; i++) {
    const rule = policy.rules[i] as Policy["rules"][number];
    if (!rule.requireReason) continue;
    for (let k = 0; k < decision.rules.length; k++) {
      const fired = decision.rules[k] as Decision["rules"][number];
      if (fired.id === rule.id && fired.action === "warn") return true;
    }
  }
  return false;
}

/** Fits to `limit` by walking the layouts; the final cut is a safety net (reported as `truncated`). */
export function fitDialog(
  decision: Decision,
  policy: Policy,
  locale: Locale,
  markdown: boolean,
  limit: number = DIALOG_LIMIT,
): { text: string; level: number; truncated: boolean } {
  const kind = dialogKind(decision);
  if (kind === "allow") return { text: "", level: 0, truncated: false };
  locale = toLocale(locale);
  const ctx: Ctx = { m: messages(locale), locale, md: markdown, rtl: isRtl(locale) };
  let text = "";
  for (let i = 0; i < LAYOUTS.length; i++) {
    text = compose(ctx, decision, policy, kind, LAYOUTS[i] as Layout);
    if (text.length <= limit) return { text, level: i, truncated: false };
  }
  return { text: ellipsize(text, limit), level: LAYOUTS.length, truncated: true };
}

/** The Think First dialog for a decision (allow gives empty texts: nothing is shown). */
export function renderDialog(decision: Decision, policy: Policy, locale: Locale): DialogText {
  locale = toLocale(locale);
  const m = messages(locale);
  return {
    errorMessage: fitDialog(decision, policy, locale, false).text,
    errorMessageMarkdown: fitDialog(decision, policy, locale, true).text,
    cancelLabel: ellipsize(m.labels.cancelLabel, CANCEL_LABEL_LIMIT),
  };
}

/**
 * Info-bar notification text (≤ 150 characters), for pre-scan events; "" for allow. It cites no policy (no room), but
 * takes the same (decision, policy, locale) as renderDialog so every caller passes one shape.
 */
export function renderNotification(decision: Decision, _policy: Policy, locale: Locale): string {
  const kind = dialogKind(decision);
  if (kind === "allow") return "";
  locale = toLocale(locale);
  const ctx: Ctx = { m: messages(locale), locale, md: false, rtl: isRtl(locale) };
  const n = ctx.m.notifications;
  const fit = (candidates: string[]) => {
    for (let i = 0; i < candidates.length; i++) if ((candidates[i] as string).length <= NOTIFICATION_LIMIT) return candidates[i] as string;
    return ellipsize(candidates[candidates.length - 1] as string, NOTIFICATION_LIMIT);
  };
  if (kind === "unscanned" && decision.unscanned.length === 0) {
    const found = countText(ctx, unscanned.names[ctx.locale].count, Math.max(1, countOf(decision, "unscanned")));
    return fit([format(decision.action === "block" ? n.block : n.warn, { found })]);
  }
  if (kind === "unscanned") {
    const u = decision.unscanned[0];
    const reasons = ctx.m.unscannedReasons as { [r: string]: string };
    const reason = u && Object.prototype.hasOwnProperty.call(reasons, u.reason) ? (reasons[u.reason] as string) : reasons.unavailable as string;
    const part = u ? sanitize(u.part) : "";
    return fit([60, 32, 16].map((max) => format(n.unscanned, { name: fragment(ctx, ellipsize(part, max)), reason })));
  }
  const ids = orderedDetectors(decision).filter((id) => id !== "unscanned" && countOf(decision, id) > 0);
  if (ids.length === 1 && ids[0] === "visible-external-recipients") {
    return fit([countText(ctx, n.recipients, decision.visibleExternalRecipients)]);
  }
  const template = kind === "block" ? n.block : n.warn;
  const layout = step(FULL, { examples: 0 });
  const items = foundItems(ctx, decision, layout);
  if (items.length === 0) items.push(detectorName(locale, ids[0] || "unscanned"));
  return fit([3, 2, 1].map((max) => format(template, { found: list(ctx, items, max) })));
}
