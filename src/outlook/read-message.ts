/**
 * Reads the compose item into the pipeline's MessageInput: recipients (to/cc/bcc with recipientType), from, subject,
 * body as text, the attachment list and, smallest first, each attachment's content (base64 → bytes; attached mails as
 * .eml; cloud attachments cannot be read and are reported unscanned). Each attachment is scanned as soon as its content
 * arrives, so the scan deadline applies; results cached by the pre-scan (sessionData) are reused. Inline pictures are
 * skipped (see isInlineImage).
 *
 * What Office could not give becomes a `gap` (an Unscanned with reason "timeout" or "unavailable" naming the part), never
 * an exception. Message-level gaps travel in `input.message.gaps`, and a recipient field that could not be read sets
 * `input.message.recipientsUnread`, so the decision (src/engine/policy/decide.ts) fails closed on them.
 */
import type { AttachmentInfo, Recipient, SourceResult, Unscanned } from "../engine/types";
import type { Policy } from "../engine/policy/types";
import { scanAttachment, type AttachmentInput, type MessageInput } from "../pipeline/check-message";
import { decodeBase64 } from "../extract/base64";
import { policyVersion } from "../engine/policy/version";
import * as mb from "./mailbox";
import { CACHE_KEY, cachedResult, parseCache, type PrescanCache } from "./prescan-cache";
import { encodeUtf8 } from "./utf8";

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

/**
 * Inline pictures (signature logos, pasted screenshots) hold no text the extractor can read; reporting each as
 * "unsupported" would put every message with a logo under the policy's onUnscanned action, so they are skipped.
 */
export function isInlineImage(info: AttachmentInfo): boolean {
  return info.isInline === true && /\.(png|jpe?g|gif|bmp|webp|tiff?|emf|wmf|ico|heic)$/i.test(info.name);
}

export async function readMessage(item: mb.ItemLike, office: mb.OfficeLike, policy: Policy, o: ReadOptions): Promise<ReadResult> {
  const t = () => remaining(o.readDeadline, o.now);
  const [to, cc, bcc, from, subject, body, list, stored] = await Promise.all([
    mb.getRecipients(item, "to", t()),
    mb.getRecipients(item, "cc", t()),
    mb.getRecipients(item, "bcc", t()),
    mb.getFrom(item, t()),
    mb.getSubject(item, t()),
    mb.getBody(item, "text", t()),
    mb.getAttachments(item, t()),
    mb.sessionGet(item, CACHE_KEY, t()),
  ]);
  const gaps: Unscanned[] = [];
  const recipients: Recipient[] = [];
  for (const [field, r] of [["to", to], ["cc", cc], ["bcc", bcc]] as const) {
    if (r.ok) for (const x of r.value) recipients.push(x);
    else gaps.push(gap("recipients (" + field + ")", r));
  }
  if (!subject.ok) gaps.push(gap("subject", subject));
  if (!body.ok) gaps.push(gap("body", body));
  if (!list.ok) gaps.push(gap("attachments", list));
  const cache = parseCache(stored.ok ? stored.value : undefined);
  const version = policyVersion(policy);
  const attachments = list.ok ? list.value.slice().sort((a, b) => a.size - b.size) : [];
  const message: MessageInput["message"] = { from: from.ok ? from.value : mb.userAddress(office), subject: subject.ok ? subject.value : "", recipients, attachments };
  if (!to.ok || !cc.ok || !bcc.ok) message.recipientsUnread = true;
  if (gaps.length) message.gaps = gaps;
  const input: MessageInput = {
    message,
    body: body.ok ? body.value : "",
    attachments: [],
  };
  const fresh: Record<string, SourceResult> = {};
  const pending: AttachmentInfo[] = [];
  const fetches: { info: AttachmentInfo; content?: Promise<mb.OfficeResult<mb.AttachmentContent>> }[] = [];
  for (const info of attachments) {
    if (isInlineImage(info)) continue;
    const cached = cachedResult(cache, info, version);
    if (cached) input.attachments.push({ info, precomputed: cached });
    else if (info.type === "cloud") input.attachments.push({ info, unavailable: { part: info.name, reason: "unsupported", detail: "cloud attachment (link only)" } });
    else if (o.scanNew) {
      fetches.push({ info, content: mb.getAttachmentContent(item, info.id, remaining(o.contentDeadline, o.now)) });
      pending.push(info);
    }
  }
  const report = () => o.onProgress && o.onProgress({ input, gaps, pending: pending.slice() });
  report();
  for (const f of fetches) {
    const r = await f.content!;
    const info = f.info;
    let att: AttachmentInput;
    if (!r.ok) att = { info, unavailable: gap(info.name, r) };
    else {
      const b = contentBytes(info, r.value);
      if ("reason" in b) att = { info, unavailable: b };
      else {
        const result = scanAttachment(policy, { info: { id: info.id, name: b.name, size: info.size, type: info.type }, bytes: b.bytes }, { now: o.now, deadline: o.scanDeadline });
        const located: SourceResult = { location: { kind: "attachment", name: info.name, attachmentId: info.id }, findings: result.findings, unscanned: result.unscanned, chars: result.chars };
        fresh[info.id] = located;
        att = { info, precomputed: located };
      }
    }
    input.attachments.push(att);
    pending.splice(pending.indexOf(info), 1);
    report();
  }
  return { input, gaps, cache, fresh };
}
