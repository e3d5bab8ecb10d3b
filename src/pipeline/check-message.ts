/**
 * The one pipeline every surface runs: extract → scan → decide. The send handler, the task pane, the `dlp` CLI and the
 * policy playground all call this, so what compliance staff test is what employees get. Pure: no Office, DOM or Node.
 *
 * Bounded work: with a deadline, no synchronous step outlives it by more than one slice of work. Extraction checks the
 * clock through its Context; scanning goes through `scanBounded`, which uses the scanner's own `scanBounded` when it
 * has one and otherwise scans large texts in slices (SLICE characters, fewer for a large custom pattern: sliceFor;
 * overlapping by the widest keyword window plus the longest match, so no identifier or keyword is lost at a boundary)
 * with a clock check between slices. A text cut
 * off by time is a `timeout` part (the policy's onUnscanned applies) and what was found before the cut still counts.
 *
 * Every text is also searched for sharing links to the policy's `links.hosts` (`linked-file` findings named by host;
 * one linear pass over its "/" characters, src/engine/signals/linked-file.ts); a cloud attachment is one by itself;
 * pictures and recordings an attachment holds are carried as `noText` for the decision.
 */
import { createScanner, decide, type Scanner } from "../engine";
import type { AttachmentInfo, Decision, Finding, Location, MessageInfo, NoTextPart, OmittedFindings, SourceResult, Unscanned } from "../engine/types";
import { CONFIDENCE_ORDER } from "../engine/types";
import type { DetectorSettings, Policy } from "../engine/policy/types";
import { MAX_MATCH } from "../engine/linear-regex";
import { largestCustomProgram } from "../engine/custom-pattern";
import type { CustomerSet } from "../engine/customers/customer-set";
import { findCustomerList, findEmailList } from "../engine/signals/email-list";
import { cloudAttachmentFinding, DEFAULT_LINK_HOSTS, findLinks, linkFindings, linkHostsOf, type FoundLink } from "../engine/signals/linked-file";
import { extractText } from "../extract";

export interface AttachmentInput {
  info: AttachmentInfo;
  /** Raw bytes of the attachment; absent when Office could not give them (see `unavailable`). */
  bytes?: Uint8Array;
  /** Why the bytes are missing (timeout, cloud attachment, Office error). */
  unavailable?: Unscanned;
  /** A result computed earlier (pre-scan on OnMessageAttachmentsChanged): used as is. */
  precomputed?: SourceResult;
  /**
   * A cloud attachment (Office AttachmentType "cloud"): a `linked-file` finding naming the host of `url` (the content
   * Office gives in format "url"), or the attachment's name when Office gave no URL. Never fetched, never unscanned.
   */
  cloud?: { url?: string };
}

export interface MessageInput {
  message: MessageInfo;
  body: string;
  attachments: AttachmentInput[];
  /** Parts of the message itself that could not be read (a mail file's damaged or encrypted parts); reported with the body. */
  unscanned?: Unscanned[];
  /**
   * Subject and body results computed earlier in the same run (the send handler scans them first, so attachments cannot
   * starve them of time): used as they are.
   */
  scanned?: { subject?: SourceResult; body?: SourceResult };
  /**
   * Link targets of the HTML body (`href`s; src/extract htmlHrefs), when the body was also read as HTML: Office's text
   * body keeps a link's URL on some clients and only its words on others (office-js#4111), so sharing links are looked
   * for here too.
   */
  bodyLinks?: string[];
}

export interface CheckOptions {
  now?: () => number;
  /** Absolute time (in `now()` units) after which remaining work is reported as `timeout`. */
  deadline?: number;
  /**
   * The tenant's customer set, opened with its key (src/engine/customers), when the policy names one
   * (`policy.customers`). Missing while the policy names one: the texts are scanned without it, and a message with an
   * e-mail address gets the unscanned part CUSTOMER_SET_PART (reason "unavailable"), so the policy's onUnscanned
   * applies instead of a silent allow of a customer list.
   */
  customers?: CustomerSet | null;
}

/** The part named when the policy's customer set could not be used (not loaded yet, damaged, another key). */
export const CUSTOMER_SET_PART = "customer list";

export interface CheckResult {
  decision: Decision;
  sources: SourceResult[];
}

/** What a bounded scan found, and whether it covered the whole text. */
export interface BoundedScan {
  findings: Finding[];
  complete: boolean;
}

/** The contract of the scanner's own bounded scan (src/engine/scan.ts, when it has one). */
type OwnBounded = (text: string, o: { deadline: number; now: () => number }) => BoundedScan;

interface Scanners {
  scanner: Scanner;
  /** For slices: e-mail addresses always reported and no per-slice e-mail list (the list is counted over all slices). */
  slices: Scanner;
  overlap: number;
  /** Characters a slice owns under this policy (sliceFor). */
  slice: number;
}

const scanners = new WeakMap<Policy, Scanners>();
const withSet = new WeakMap<Policy, { set: CustomerSet; scanners: Scanners }>();

/** Characters a slice owns; a slice is scanned with `overlap` more on either side. */
export const SLICE = 64 * 1024;
/** The smallest slice: below it the overlap would cost more than the slice. */
export const MIN_SLICE = 4 * 1024;
/**
 * Instruction-characters one slice may cost the custom patterns: the linear-time engine steps through at most its
 * program's size per character (`npm run bench -- engine` measured 9.6 µs per character for the largest accepted
 * program of 1,801 instructions, 5.3 ns per instruction), so 8M instruction-characters are about 45 ms: the deadline
 * is checked at least that often, whatever the policy's patterns.
 */
export const SLICE_WORK = 8 * 1000 * 1000;

/** The slice for a policy: SLICE, smaller when a custom pattern's program is large (see SLICE_WORK). */
export function sliceFor(policy: Policy): number {
  const program = largestCustomProgram(policy && policy.customPatterns);
  if (program <= 0) return SLICE;
  return Math.max(MIN_SLICE, Math.min(SLICE, Math.floor(SLICE_WORK / program)));
}

function scannersFor(policy: Policy, customers?: CustomerSet | null): Scanners {
  if (customers) {
    const known = withSet.get(policy);
    if (known && known.set === customers) return known.scanners;
  }
  let s = customers ? undefined : scanners.get(policy);
  if (!s) {
    let widest = 300;
    const settings = (policy && policy.detectors) || {};
    for (const id of Object.keys(settings)) {
      const w = (settings[id] as DetectorSettings | undefined)?.window;
      if (typeof w === "number" && w > widest) widest = w;
    }
    const email = settings["email-address"];
    const slicePolicy: Policy = {
      ...policy,
      detectors: { ...settings, "email-address": { enabled: true, minConfidence: "low", keywords: email ? email.keywords : { add: [], remove: [] }, window: email ? email.window : 300 } },
      thresholds: { ...policy.thresholds, emailList: Number.MAX_SAFE_INTEGER },
    };
    const options = customers ? { customers } : {};
    s = { scanner: createScanner(policy, options), slices: createScanner(slicePolicy, options), overlap: widest + MAX_MATCH + 64, slice: sliceFor(policy) };
    if (customers) withSet.set(policy, { set: customers, scanners: s });
    else scanners.set(policy, s);
  }
  return s;
}

/** The compiled scanner of a policy (and customer set), built once per policy object and set. */
export function scannerFor(policy: Policy, customers?: CustomerSet | null): Scanner {
  return scannersFor(policy, customers).scanner;
}

const rank = (c: string) => CONFIDENCE_ORDER.indexOf(c as (typeof CONFIDENCE_ORDER)[number]);

function isLowSurrogate(text: string, i: number): boolean {
  const c = text.charCodeAt(i);
  return c >= 0xdc00 && c <= 0xdfff;
}

/**
 * Scans `text` until `deadline`: the scanner's own bounded scan when it has one, else slices (see the file header).
 * Without a deadline the text is scanned whole. `slice` is for tests (small slices, many boundaries).
 */
export function scanBounded(policy: Policy, text: string, options: CheckOptions = {}, sliceAtMost: number = SLICE): BoundedScan {
  const s = scannersFor(policy, options.customers);
  const slice = Math.min(sliceAtMost, s.slice);
  if (typeof text !== "string" || !text) return { findings: [], complete: true };
  const now = options.now || Date.now;
  if (options.deadline === undefined) return { findings: s.scanner.scan(text), complete: true };
  const deadline = options.deadline;
  const own = (s.scanner as Scanner & { scanBounded?: OwnBounded }).scanBounded;
  if (typeof own === "function") return own.call(s.scanner, text, { deadline, now });
  if (now() >= deadline) return { findings: [], complete: false };
  if (text.length <= slice + s.overlap) return { findings: s.scanner.scan(text), complete: true };

  const policyEmail = policy.detectors ? policy.detectors["email-address"] : undefined;
  const emailKept = (f: Finding) => !policyEmail || (policyEmail.enabled && rank(f.confidence) >= rank(policyEmail.minConfidence));
  const listSettings = policy.detectors ? policy.detectors["email-list"] : undefined;
  const out: Finding[] = [];
  const addresses: { start: number; end: number; address: string }[] = [];
  const known: { start: number; end: number; canonical: string }[] = [];
  let complete = true;
  let started = now();
  let longest = 0;
  for (let a = 0; a < text.length; a += slice) {
    if (a > 0) {
      // Stop before a slice that would end past the deadline (judged by the slowest slice so far, twice over: the
      // e-mail list and the sort below cost about one more).
      const t = now();
      longest = Math.max(longest, t - started);
      started = t;
      if (t + 2 * longest >= deadline) {
        complete = false;
        break;
      }
    }
    const b = Math.min(text.length, a + slice);
    let from = Math.max(0, a - s.overlap);
    let to = Math.min(text.length, b + s.overlap);
    if (from > 0 && isLowSurrogate(text, from)) from--;
    if (to < text.length && isLowSurrogate(text, to)) to++;
    for (const f of s.slices.scan(text.slice(from, to))) {
      if (f.count !== undefined) continue; // aggregates are counted over the whole text below
      const start = f.start + from;
      if (start < a || start >= b) continue; // another slice owns it
      const shifted: Finding = { ...f, start, end: f.end + from };
      if (f.detector === "customer-email") known.push({ start, end: shifted.end, canonical: text.slice(start, shifted.end).trim().toLowerCase() });
      if (f.detector === "email-address") {
        addresses.push({ start, end: shifted.end, address: text.slice(start, shifted.end).toLowerCase() });
        if (!emailKept(f)) continue;
      }
      out.push(shifted);
    }
  }
  if ((!listSettings || listSettings.enabled) && options.customers) {
    const threshold = policy.thresholds && typeof policy.thresholds.customerList === "number" ? policy.thresholds.customerList : 3;
    const list = findCustomerList(known, threshold);
    if (list && (!listSettings || rank(list.confidence) >= rank(listSettings.minConfidence))) out.push(list);
  } else if (!listSettings || listSettings.enabled) {
    const threshold = policy.thresholds && typeof policy.thresholds.emailList === "number" ? policy.thresholds.emailList : 10;
    const list = findEmailList(addresses, (policy.organization && policy.organization.internalDomains) || [], threshold);
    if (list && (!listSettings || rank(list.confidence) >= rank(listSettings.minConfidence))) out.push(list);
  }
  out.sort((x, y) => x.start - y.start);
  return { findings: out, complete };
}

/**
 * Findings listed one by one per source; the rest are counted in `omitted` (per detector and confidence), which the
 * decision counts like listed ones. A dense 10 MB attachment gives ~100,000 findings: listing them all would make the
 * decision, the dialog and the task pane's context cost more than the scan, while rules need counts and the dialog two
 * examples. Aggregates (e-mail lists) are always listed.
 */
export const MAX_LISTED_FINDINGS = 1000;

export function capFindings(findings: Finding[], max: number = MAX_LISTED_FINDINGS): { findings: Finding[]; omitted?: OmittedFindings[] } {
  if (findings.length <= max) return { findings };
  const kept: Finding[] = [];
  const omitted: OmittedFindings[] = [];
  const at: Record<string, number> = {};
  let listed = 0;
  for (const f of findings) {
    if (f.count !== undefined || listed < max) {
      kept.push(f);
      if (f.count === undefined) listed++;
      continue;
    }
    const k = f.detector + "\u0000" + f.confidence;
    const i = at[k];
    if (i === undefined) {
      at[k] = omitted.length;
      omitted.push({ detector: f.detector, confidence: f.confidence, count: 1 });
    } else omitted[i]!.count++;
  }
  return { findings: kept, omitted };
}

/** The policy's file-sharing hosts (`links.hosts`; the built-in list for a policy compiled before it existed). */
export function linkHostsFor(policy: Policy): readonly string[] {
  return policy && policy.links && Array.isArray(policy.links.hosts) ? policy.links.hosts : DEFAULT_LINK_HOSTS;
}

function linksIn(policy: Policy, text: string): FoundLink[] {
  return typeof text === "string" && text ? findLinks(text, linkHostsOf(linkHostsFor(policy))) : [];
}

/** `findings` with the text's `linked-file` links merged in, in text order. */
function withLinks(policy: Policy, text: string, findings: Finding[]): Finding[] {
  const links = linksIn(policy, text);
  return links.length ? findings.concat(linkFindings(links)).sort((a, b) => a.start - b.start) : findings;
}

/** Every finding of one whole text, unbounded: the scanner's and the linked files (the CLI's line-by-line mode). */
export function textFindings(policy: Policy, text: string, scanner: Scanner = scannerFor(policy)): Finding[] {
  return withLinks(policy, text, scanner.scan(text));
}

/** The sharing links only the HTML body's link targets show (no offsets: they are not in the text body). */
function htmlBodyLinks(policy: Policy, input: MessageInput): Finding[] {
  if (!input.bodyLinks || !input.bodyLinks.length) return [];
  const seen: { [key: string]: true } = {};
  for (const l of linksIn(policy, input.body)) seen[l.key] = true;
  const extra: FoundLink[] = [];
  for (const href of input.bodyLinks) {
    for (const l of linksIn(policy, href)) {
      if (seen[l.key]) continue;
      seen[l.key] = true;
      extra.push({ start: 0, end: 0, host: l.host, key: l.key });
    }
  }
  return linkFindings(extra, "link target in the HTML body");
}

function result(location: Location, findings: Finding[], unscanned: Unscanned[], chars: number): SourceResult {
  const capped = capFindings(findings);
  const r: SourceResult = { location, findings: capped.findings, unscanned, chars };
  if (capped.omitted) r.omitted = capped.omitted;
  return r;
}

/** Scans one text part (subject, body) within the deadline; a part cut off by time is `timeout`. */
export function scanText(policy: Policy, location: Location, part: string, text: string, options: CheckOptions = {}): SourceResult {
  try {
    const r = scanBounded(policy, text, options);
    const unscanned: Unscanned[] = r.complete ? [] : [{ part, reason: "timeout", detail: "the time budget ran out while scanning" }];
    return result(location, withLinks(policy, text, r.findings), unscanned, text.length);
  } catch (e) {
    return { location, findings: [], unscanned: [{ part, reason: "corrupt", detail: "internal error" }], chars: 0 };
  }
}

/** Extracts and scans one attachment. Never throws: unreadable content becomes `unscanned`. */
export function scanAttachment(policy: Policy, att: AttachmentInput, options: CheckOptions = {}): SourceResult {
  const location = { kind: "attachment" as const, name: att.info.name, attachmentId: att.info.id };
  if (att.precomputed) return att.precomputed;
  if (att.cloud) return { location, findings: [cloudAttachmentFinding(att.cloud.url, att.info.name)], unscanned: [], chars: 0 };
  if (!att.bytes) {
    return { location, findings: [], unscanned: [att.unavailable || { part: att.info.name, reason: "unavailable" }], chars: 0 };
  }
  const now = options.now || Date.now;
  if (options.deadline !== undefined && now() >= options.deadline) {
    return { location, findings: [], unscanned: [{ part: att.info.name, reason: "timeout" }], chars: 0 };
  }
  try {
    const extracted = extractText(att.info.name, att.bytes, { deadline: options.deadline, now });
    const scanned = scanBounded(policy, extracted.text, { deadline: options.deadline, now, customers: options.customers });
    const unscanned = extracted.unscanned.slice();
    if (!scanned.complete) unscanned.push({ part: att.info.name, reason: "timeout", detail: "the time budget ran out while scanning" });
    const r = result(location, withLinks(policy, extracted.text, scanned.findings), unscanned, extracted.text.length);
    // An inline attachment (a pasted picture or logo) is inline with everything in it.
    const noText: NoTextPart[] = att.info.isInline ? extracted.noText.map((p) => ({ part: p.part, kind: p.kind, inline: true as const })) : extracted.noText;
    if (noText.length) r.noText = noText;
    return r;
  } catch (e) {
    return { location, findings: [], unscanned: [{ part: att.info.name, reason: "corrupt", detail: "internal error" }], chars: 0 };
  }
}

/** A mail file's own unreadable parts are reported with its body, and so are the HTML body's links. */
function withUnscanned(source: SourceResult, parts: Unscanned[] | undefined, links: Finding[] = []): SourceResult {
  const out = parts && parts.length ? { ...source, unscanned: source.unscanned.concat(parts) } : source;
  return links.length ? { ...out, findings: out.findings.concat(links) } : out;
}

/** Scans subject, body (unless scanned already) and attachments (smallest first) and decides. */
export function checkMessage(input: MessageInput, policy: Policy, options: CheckOptions = {}): CheckResult {
  const done = input.scanned || {};
  const sources: SourceResult[] = [
    done.subject || scanText(policy, { kind: "subject" }, "subject", input.message.subject, options),
    withUnscanned(done.body || scanText(policy, { kind: "body" }, "body", input.body, options), input.unscanned, htmlBodyLinks(policy, input)),
  ];
  const ordered = input.attachments.slice().sort((a, b) => a.info.size - b.info.size);
  for (const att of ordered) sources.push(scanAttachment(policy, att, options));
  if (policy.customers && !options.customers) markCustomerSetMissing(sources);
  return { decision: decide(sources, input.message, policy), sources };
}

/**
 * The policy names a customer set that is not loaded: the first text with an e-mail address gets the unscanned part
 * CUSTOMER_SET_PART. Without addresses there is nothing the set would have changed for lists (customer numbers cannot be
 * told from other numbers without it). A precomputed (cached) result is copied, never changed.
 */
export function markCustomerSetMissing(sources: SourceResult[]): void {
  for (let i = 0; i < sources.length; i++) {
    const s = sources[i] as SourceResult;
    if (!s.findings.some((f) => f.detector === "email-address" || f.detector === "email-list")) continue;
    if (s.unscanned.some((u) => u.part === CUSTOMER_SET_PART)) return;
    sources[i] = { ...s, unscanned: s.unscanned.concat([{ part: CUSTOMER_SET_PART, reason: "unavailable", detail: "the customer set is not loaded" }]) };
    return;
  }
}
