/**
 * The one pipeline every surface runs: extract → scan → decide. The send handler, the task pane, the `dlp` CLI and the
 * policy playground all call this, so what compliance staff test is what employees get. Pure: no Office, DOM or Node.
 */
import { createScanner, decide, type Scanner } from "../engine";
import type { AttachmentInfo, Decision, MessageInfo, SourceResult, Unscanned } from "../engine/types";
import type { Policy } from "../engine/policy/types";
import { extractText } from "../extract";

export interface AttachmentInput {
  info: AttachmentInfo;
  /** Raw bytes of the attachment; absent when Office could not give them (see `unavailable`). */
  bytes?: Uint8Array;
  /** Why the bytes are missing (timeout, cloud attachment, Office error). */
  unavailable?: Unscanned;
  /** A result computed earlier (pre-scan on OnMessageAttachmentsChanged): used as is. */
  precomputed?: SourceResult;
}

export interface MessageInput {
  message: MessageInfo;
  body: string;
  attachments: AttachmentInput[];
  /** Parts of the message itself that could not be read (a mail file's damaged or encrypted parts); reported with the body. */
  unscanned?: Unscanned[];
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

/** Extracts and scans one attachment. Never throws: unreadable content becomes `unscanned`. */
export function scanAttachment(policy: Policy, att: AttachmentInput, options: CheckOptions = {}): SourceResult {
  const location = { kind: "attachment" as const, name: att.info.name, attachmentId: att.info.id };
  if (att.precomputed) return att.precomputed;
  if (!att.bytes) {
    return { location, findings: [], unscanned: [att.unavailable || { part: att.info.name, reason: "unavailable" }], chars: 0 };
  }
  const now = options.now || Date.now;
  if (options.deadline !== undefined && now() >= options.deadline) {
    return { location, findings: [], unscanned: [{ part: att.info.name, reason: "timeout" }], chars: 0 };
  }
  try {
    const extracted = extractText(att.info.name, att.bytes, { deadline: options.deadline, now });
    const findings = scannerFor(policy).scan(extracted.text);
    return { location, findings, unscanned: extracted.unscanned, chars: extracted.text.length };
  } catch (e) {
    return { location, findings: [], unscanned: [{ part: att.info.name, reason: "corrupt", detail: "internal error" }], chars: 0 };
  }
}

/** Scans subject, body and attachments (smallest first) and decides. */
export function checkMessage(input: MessageInput, policy: Policy, options: CheckOptions = {}): CheckResult {
  const scanner = scannerFor(policy);
  const sources: SourceResult[] = [
    { location: { kind: "subject" }, findings: scanner.scan(input.message.subject), unscanned: [], chars: input.message.subject.length },
    { location: { kind: "body" }, findings: scanner.scan(input.body), unscanned: input.unscanned ? input.unscanned.slice() : [], chars: input.body.length },
  ];
  const ordered = input.attachments.slice().sort((a, b) => a.info.size - b.info.size);
  for (const att of ordered) sources.push(scanAttachment(policy, att, options));
  return { decision: decide(sources, input.message, policy), sources };
}
