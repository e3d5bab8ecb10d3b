/**
 * The one pipeline every surface runs: extract → scan → decide. The send handler, the task pane, the `dlp` CLI and the
 * policy playground all call this, so what compliance staff test is what employees get. Pure: no Office, DOM or Node.
 */
import { createScanner, decide, type Scanner } from "../engine";
import type { AttachmentInfo, Decision, MessageInfo, SourceResult, Unscanned } from "../engine/types";
import type { Policy } from "../engine/policy/types";
import type { CustomerSet } from "../engine/customers/customer-set";
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

const scanners = new WeakMap<Policy, Scanner>();
const withSet = new WeakMap<Policy, { set: CustomerSet; scanner: Scanner }>();

/** The compiled scanner of a policy (and customer set), built once per policy object and set. */
export function scannerFor(policy: Policy, customers?: CustomerSet | null): Scanner {
  if (customers) {
    const known = withSet.get(policy);
    if (known && known.set === customers) return known.scanner;
    const scanner = createScanner(policy, { customers });
    withSet.set(policy, { set: customers, scanner });
    return scanner;
  }
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
    const findings = scannerFor(policy, options.customers).scan(extracted.text);
    return { location, findings, unscanned: extracted.unscanned, chars: extracted.text.length };
  } catch (e) {
    return { location, findings: [], unscanned: [{ part: att.info.name, reason: "corrupt", detail: "internal error" }], chars: 0 };
  }
}

/** Scans subject, body and attachments (smallest first) and decides. */
export function checkMessage(input: MessageInput, policy: Policy, options: CheckOptions = {}): CheckResult {
  const scanner = scannerFor(policy, options.customers);
  const sources: SourceResult[] = [
    { location: { kind: "subject" }, findings: scanner.scan(input.message.subject), unscanned: [], chars: input.message.subject.length },
    { location: { kind: "body" }, findings: scanner.scan(input.body), unscanned: input.unscanned ? input.unscanned.slice() : [], chars: input.body.length },
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
