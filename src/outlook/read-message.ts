/**
 * Reads the compose item into the pipeline's MessageInput: recipients (to/cc/bcc with recipientType), from, subject,
 * body as text (and as HTML, for its link targets: Office's text body keeps a link's URL on some clients and drops it
 * on others, office-js#4111), the attachment list and, smallest first, each attachment's content (base64 → bytes;
 * attached mails as .eml; a cloud attachment's content is its URL, format "url": it becomes a `linked-file` finding
 * naming the URL's host, never an unscanned part). Each attachment is scanned as soon as its content arrives, so the
 * scan deadline applies; results cached by the pre-scan (sessionData) are reused. Inline pictures are skipped (see
 * isInlineImage); other pictures are recognised by content (src/extract/media.ts) and count only if the policy says.
 *
 * What Office could not give becomes a `gap` (an Unscanned with reason "timeout" or "unavailable" naming the part), never
 * an exception. Message-level gaps travel in `input.message.gaps`, and a recipient field that could not be read sets
 * `input.message.recipientsUnread`, so the decision (src/engine/policy/decide.ts) fails closed on them.
 */
import type { AttachmentInfo, Recipient, SourceResult, Unscanned } from "../engine/types";
import type { Policy } from "../engine/policy/types";
import type { CustomerSet } from "../engine/customers/customer-set";
import { scanAttachment, scanText, type AttachmentInput, type MessageInput } from "../pipeline/check-message";
import { MAX_ATTACHMENT_BYTES } from "../extract/limits";
import { decodeBase64 } from "../extract/base64";
import { htmlHrefs } from "../extract/html";
import { policyVersion } from "../engine/policy/version";
import * as mb from "./mailbox";
import { CACHE_KEY, cachedResult, parseCache, resultVersion, type PrescanCache } from "./prescan-cache";
import { encodeUtf8 } from "../extract/text-encode";
import { after } from "./timers";

/** Lets the host's timers (the watchdog) run between parts: a macrotask turn, not just a microtask. */
export function yieldToHost(): Promise<void> {
  return new Promise<void>((resolve) => void after(0, resolve));
}

/** Base64 text longer than this decodes to more than the extractor reads anyway: refused before decoding. */
const MAX_BASE64_CHARS = Math.ceil((MAX_ATTACHMENT_BYTES * 4) / 3) + 4 * 1024 * 1024;

export interface ReadOptions {
  now: () => number;
  /** Office metadata calls (recipients, subject, body, list, sessionData) must answer by this time. */
  readDeadline: number;
  /** Attachment content must arrive by this time. */
  contentDeadline: number;
  /** Extraction and scanning stop by this time (remaining parts are reported as timeout). */
  scanDeadline: number;
  /** Fetch and scan attachments without a cached result (false: use cached results only, skip the rest). */
  scanNew: boolean;
  /** Called after each attachment result, so a watchdog can use partial progress. */
  onProgress?: (progress: ReadProgress) => void;
  /** The tenant's customer set (./customer-source.ts), when loaded; cached results made with another set are not reused. */
  customers?: CustomerSet | null;
}

export interface ReadProgress {
  input?: MessageInput;
  gaps: Unscanned[];
  /** Attachment ids still being fetched or scanned. */
  pending: AttachmentInfo[];
}

export interface ReadResult {
  input: MessageInput;
  /** Parts Office could not give (recipients, body, attachment content…). */
  gaps: Unscanned[];
  cache: PrescanCache;
  /** Attachment results computed in this run (to be cached). */
  fresh: Record<string, SourceResult>;
}

function gap(part: string, f: mb.OfficeFailure): Unscanned {
  return { part, reason: f.reason === "timeout" ? "timeout" : "unavailable", detail: f.call + " " + f.reason };
}

function remaining(deadline: number, now: () => number): number {
  return Math.max(1, deadline - now());
}

/** File name the extractor recognises for item attachments (Office gives the subject as their name). */
function nameFor(info: AttachmentInfo, ext: string): string {
  return info.name.toLowerCase().slice(-ext.length) === ext ? info.name : info.name + ext;
}

/** Bytes of one attachment content, or why there are none. */
export function contentBytes(info: AttachmentInfo, content: mb.AttachmentContent): { bytes: Uint8Array; name: string } | Unscanned {
  switch (content.format) {
    case "base64": {
      try {
        const bytes = decodeBase64(content.content);
        // Item attachments come as Base64 .msg on some clients (else Eml): the extractor reads them by content.
        if (info.type !== "item") return { bytes, name: info.name };
        return { bytes, name: nameFor(info, bytes[0] === 0xd0 && bytes[1] === 0xcf ? ".msg" : ".eml") };
      } catch (e) {
        return { part: info.name, reason: "corrupt", detail: "bad base64" };
      }
    }
    case "eml":
      return { bytes: encodeUtf8(content.content), name: nameFor(info, ".eml") };
    case "iCalendar":
      return { bytes: encodeUtf8(content.content), name: nameFor(info, ".ics") };
    case "url":
      return { part: info.name, reason: "unsupported", detail: "cloud attachment (link only)" };
    default:
      return { part: info.name, reason: "unsupported", detail: "unknown content format" };
  }
}

/** Does a rule of the policy name the `links` group or `linked-file` (so a missed link could change the verdict)? */
export function policyActsOnLinks(policy: Policy): boolean {
  return policy.rules.some((r) => r.action !== "allow" && r.when.detectors.some((d) => d === "links" || d === "linked-file"));
}

/**
 * Inline pictures (signature logos, pasted screenshots) hold no text the extractor can read; reporting each as
 * "unsupported" would put every message with a logo under the policy's onUnscanned action, so they are skipped.
 */
export function isInlineImage(info: AttachmentInfo): boolean {
  return info.isInline === true && /\.(png|jpe?g|gif|bmp|webp|tiff?|emf|wmf|ico|heic)$/i.test(info.name);
}

export async function readMessage(item: mb.ItemLike, office: mb.OfficeLike, policy: Policy, o: ReadOptions): Promise<ReadResult> {
  const t = () => remaining(o.readDeadline, o.now);
  const [to, cc, bcc, from, subject, body, list, stored, html] = await Promise.all([
    mb.getRecipients(item, "to", t()),
    mb.getRecipients(item, "cc", t()),
    mb.getRecipients(item, "bcc", t()),
    mb.getFrom(item, t()),
    mb.getSubject(item, t()),
    mb.getBody(item, "text", t()),
    mb.getAttachments(item, t()),
    mb.sessionGet(item, CACHE_KEY, t()),
    mb.getBody(item, "html", t()),
  ]);
  const gaps: Unscanned[] = [];
  const recipients: Recipient[] = [];
  for (const [field, r] of [["to", to], ["cc", cc], ["bcc", bcc]] as const) {
    if (r.ok) for (const x of r.value) recipients.push(x);
    else gaps.push(gap("recipients (" + field + ")", r));
  }
  if (!subject.ok) gaps.push(gap("subject", subject));
  if (!body.ok) gaps.push(gap("body", body));
  // The HTML body only adds link targets: when it cannot be read, that is a gap only for a policy that acts on links.
  if (!html.ok && body.ok && policyActsOnLinks(policy)) gaps.push(gap("body (links)", html));
  if (!list.ok) gaps.push(gap("attachments", list));
  const cache = parseCache(stored.ok ? stored.value : undefined);
  const version = resultVersion(policyVersion(policy), o.customers ? o.customers.digest : undefined);
  const attachments = list.ok ? list.value.slice().sort((a, b) => a.size - b.size) : [];
  const message: MessageInput["message"] = { from: from.ok ? from.value : mb.userAddress(office), subject: subject.ok ? subject.value : "", recipients, attachments };
  if (!to.ok || !cc.ok || !bcc.ok) message.recipientsUnread = true;
  if (gaps.length) message.gaps = gaps;
  const input: MessageInput = {
    message,
    body: body.ok ? body.value : "",
    attachments: [],
  };
  if (html.ok && html.value) {
    const hrefs = htmlHrefs(html.value);
    if (hrefs.length) input.bodyLinks = hrefs;
  }
  const fresh: Record<string, SourceResult> = {};
  const pending: AttachmentInfo[] = [];
  const fetches: { info: AttachmentInfo; content?: Promise<mb.OfficeResult<mb.AttachmentContent>> }[] = [];
  for (const info of attachments) {
    if (isInlineImage(info)) continue;
    const cached = cachedResult(cache, info, version);
    if (cached) input.attachments.push({ info, precomputed: cached });
    else if (info.type === "cloud" && !o.scanNew) input.attachments.push({ info, cloud: {} });
    else if (o.scanNew) {
      fetches.push({ info, content: mb.getAttachmentContent(item, info.id, remaining(o.contentDeadline, o.now)) });
      pending.push(info);
    }
  }
  const report = () => o.onProgress && o.onProgress({ input, gaps, pending: pending.slice() });
  // Subject and body first (bounded by the scan deadline), so a slow attachment cannot starve them of time.
  const scanOptions = { now: o.now, deadline: o.scanDeadline, customers: o.customers };
  input.scanned = {
    subject: scanText(policy, { kind: "subject" }, "subject", message.subject, scanOptions),
    body: scanText(policy, { kind: "body" }, "body", input.body, scanOptions),
  };
  report();
  for (const f of fetches) {
    const r = await f.content!;
    const info = f.info;
    let att: AttachmentInput;
    if (info.type === "cloud" || (r.ok && r.value.format === "url")) {
      // A file in the cloud: its URL's host is a linked-file finding. Without the URL (the call failed or timed out) the
      // attachment's name stands for the host and the result is not cached, so the next event may get the URL.
      const url = r.ok && r.value.format === "url" ? r.value.content : undefined;
      const result = scanAttachment(policy, { info, cloud: url ? { url } : {} });
      if (url) fresh[info.id] = result;
      att = { info, precomputed: result };
    } else if (!r.ok) att = { info, unavailable: gap(info.name, r) };
    else if (o.now() >= o.scanDeadline) att = { info, unavailable: { part: info.name, reason: "timeout", detail: "the time budget ran out before it was read" } };
    else if (r.value.format === "base64" && r.value.content.length > MAX_BASE64_CHARS) att = { info, unavailable: { part: info.name, reason: "too-large", detail: r.value.content.length + " base64 characters" } };
    else {
      const b = contentBytes(info, r.value);
      if ("reason" in b) att = { info, unavailable: b };
      else {
        const result = scanAttachment(policy, { info: { id: info.id, name: b.name, size: info.size, type: info.type }, bytes: b.bytes }, { now: o.now, deadline: o.scanDeadline, customers: o.customers });
        const located: SourceResult = { location: { kind: "attachment", name: info.name, attachmentId: info.id }, findings: result.findings, unscanned: result.unscanned, chars: result.chars };
        if (result.omitted) located.omitted = result.omitted;
        if (result.noText) located.noText = result.noText;
        fresh[info.id] = located;
        att = { info, precomputed: located };
      }
    }
    input.attachments.push(att);
    pending.splice(pending.indexOf(info), 1);
    report();
    // Let the watchdog run between attachments if the budget is gone.
    await yieldToHost();
  }
  return { input, gaps, cache, fresh };
}
