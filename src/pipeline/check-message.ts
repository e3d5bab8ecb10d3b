/**
 * The one pipeline every surface runs: extract → scan → decide. The send handler, the task pane, the `dlp` CLI and the
 * policy playground all call this, so what compliance staff test is what employees get. Pure: no Office, DOM or Node.
 */
import { createScanner, decide, type Scanner } from "../engine";
import type { AttachmentInfo, Decision, Finding, MessageInfo, NoTextPart, SourceResult, Unscanned } from "../engine/types";
import type { Policy } from "../engine/policy/types";
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
   * Link targets of the HTML body (`href`s; src/extract htmlHrefs), when the body was also read as HTML: Office's text
   * body keeps a link's URL on some clients and only its words on others, so sharing links are looked for here too.
   */
  bodyLinks?: string[];
}

export interface CheckOptions {
  now?: () => number;
  /** Absolute time (in `now()` units) after which remaining work is reported as `timeout`. */
  deadline?: number;
}

export interface CheckResult {
  decision: Decision;
  sources: SourceResult[];
}

const scanners = new WeakMap<Policy, Scanner>();

/** The compiled scanner of a policy, built once per policy object. */
export function scannerFor(policy: Policy): Scanner {
  let s = scanners.get(policy);
  if (!s) {
    s = createScanner(policy);
    scanners.set(policy, s);
  }
  return s;
}

/** The policy's file-sharing hosts (`links.hosts`; the built-in list for a policy compiled before it existed). */
export function linkHostsFor(policy: Policy): readonly string[] {
  return policy && policy.links && Array.isArray(policy.links.hosts) ? policy.links.hosts : DEFAULT_LINK_HOSTS;
}

function linksIn(policy: Policy, text: string): FoundLink[] {
  return findLinks(text, linkHostsOf(linkHostsFor(policy)));
}

/** Findings in one text: the scanner's (identifiers, e-mail lists) and the `linked-file` links, in text order. */
export function scanText(policy: Policy, text: string, links: FoundLink[] = linksIn(policy, text)): Finding[] {
  const found = scannerFor(policy).scan(text);
  if (!links.length) return found;
  return found.concat(linkFindings(links)).sort((a, b) => a.start - b.start);
}

/** The body's findings, plus the sharing links only the HTML body's link targets show (no offsets: not in the text). */
function scanBody(policy: Policy, input: MessageInput): Finding[] {
  const links = linksIn(policy, input.body);
  const findings = scanText(policy, input.body, links);
  if (!input.bodyLinks || !input.bodyLinks.length) return findings;
  const seen: { [key: string]: true } = {};
  for (const l of links) seen[l.key] = true;
  const extra: FoundLink[] = [];
  for (const href of input.bodyLinks) {
    for (const l of linksIn(policy, href)) {
      if (seen[l.key]) continue;
      seen[l.key] = true;
      extra.push({ start: 0, end: 0, host: l.host, key: l.key });
    }
  }
  return extra.length ? findings.concat(linkFindings(extra, "link target in the HTML body")) : findings;
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
    const findings = scanText(policy, extracted.text);
    const result: SourceResult = { location, findings, unscanned: extracted.unscanned, chars: extracted.text.length };
    // An inline attachment (a pasted picture or logo) is inline with everything in it.
    const noText: NoTextPart[] = att.info.isInline ? extracted.noText.map((p) => ({ part: p.part, kind: p.kind, inline: true as const })) : extracted.noText;
    if (noText.length) result.noText = noText;
    return result;
  } catch (e) {
    return { location, findings: [], unscanned: [{ part: att.info.name, reason: "corrupt", detail: "internal error" }], chars: 0 };
  }
}

/** Scans subject, body and attachments (smallest first) and decides. */
export function checkMessage(input: MessageInput, policy: Policy, options: CheckOptions = {}): CheckResult {
  const sources: SourceResult[] = [
    { location: { kind: "subject" }, findings: scanText(policy, input.message.subject), unscanned: [], chars: input.message.subject.length },
    { location: { kind: "body" }, findings: scanBody(policy, input), unscanned: input.unscanned ? input.unscanned.slice() : [], chars: input.body.length },
  ];
  const ordered = input.attachments.slice().sort((a, b) => a.info.size - b.info.size);
  for (const att of ordered) sources.push(scanAttachment(policy, att, options));
  return { decision: decide(sources, input.message, policy), sources };
}
