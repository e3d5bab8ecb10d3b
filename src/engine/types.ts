/**
 * The contracts between the modules of Think First. Everything that crosses a module boundary
 * (engine ↔ extract ↔ pipeline ↔ i18n ↔ outlook/cli/web) is typed here, so a change of contract
 * is a change of this file and the type check shows every place it touches.
 *
 * Rule of the house: nothing here holds a raw identifier. A Finding carries offsets into the text
 * it was found in (the caller owns that text) and a masked display string.
 */

import type { DetectorId } from "./registry";
import type { FirstTimeCheck, FirstTimeInputs, LookalikeRecipient, RecipientRef } from "./recipients/analyze-recipients";

export type { DetectorId, SignalId, TextDetectorId } from "./registry";

export type Confidence = "low" | "medium" | "high";
export const CONFIDENCE_ORDER: readonly Confidence[] = ["low", "medium", "high"];

/**
 * The id on a finding, a count or a fired rule: a built-in DetectorId (the union derived from the registry, see
 * ./registry.ts) or the id of one of the policy's custom patterns (any kebab-case string). Ids are the same everywhere:
 * file, export, policy key, CLI output.
 */
export type AnyDetectorId = DetectorId | (string & Record<never, never>);

/** One thing found in one text. */
export interface Finding {
  detector: AnyDetectorId;
  /** Offsets into the ORIGINAL text that was scanned (UTF-16 code units, end exclusive). */
  start: number;
  end: number;
  confidence: Confidence;
  /** Why it fired, for `dlp explain` and the task pane: "luhn ok", "keyword 'visa' within 40 chars". */
  reasons: string[];
  /** Display-safe form, e.g. "***-**-6789", "**** **** **** 1111", "j***@example.com". */
  masked: string;
  /** Aggregate findings (email-list) stand for many items: how many distinct ones. */
  count?: number;
  /** email-list: distinct external domains among the addresses. */
  domains?: number;
  /** email-list: what it counted: distinct external addresses, or (the scanner had a customer set) known customers'. */
  counted?: "external" | "customers";
}

/** Where a text came from. `name` is the attachment's file name (and inner path for archives). */
export type Location =
  | { kind: "subject" }
  | { kind: "body" }
  | { kind: "attachment"; name: string; attachmentId?: string };

/**
 * Why a part could not be checked. "no-text" is written only by the decision, for pictures and recordings when the
 * policy counts them (`attachments.images: warn`); extraction reports those as `NoTextPart`s, never as failures.
 */
export type UnscannedReason = "encrypted" | "too-large" | "unsupported" | "corrupt" | "limit" | "timeout" | "unavailable" | "no-text";

/** A part that could not be read. `part` names it ("report.docx", "archive.zip/inner.xlsx"). */
export interface Unscanned {
  part: string;
  reason: UnscannedReason;
  /** Human detail for the CLI and the task pane; never contains content. */
  detail?: string;
}

/** A picture or recording recognised by content: it holds no text to check. Not a failure (src/extract/media.ts). */
export interface NoTextPart {
  part: string;
  kind: "image" | "media";
  /** Shown inside a mail's body (inline): like Outlook's own inline pictures, never counted by the policy. */
  inline?: true;
}

/** A host that files are linked from (a cloud attachment, or a sharing link in the text). Never the URL. */
export interface LinkedFile {
  /** Lower-case host name, e.g. "contoso-my.sharepoint.com", "1drv.ms" (a cloud attachment without a URL: its name). */
  host: string;
  /** How many links (and cloud attachments) go to it. */
  count: number;
}

/** Findings a stored result no longer lists one by one (a capped cache entry): how many, per detector and confidence. */
export interface OmittedFindings {
  detector: AnyDetectorId;
  confidence: Confidence;
  count: number;
}

/** Findings of one text (subject, body or one attachment). */
export interface SourceResult {
  location: Location;
  findings: Finding[];
  /**
   * Findings dropped from `findings` to keep a stored result small (the pre-scan cache), still counted by the decision:
   * a cap changes the examples shown, never the verdict.
   */
  omitted?: OmittedFindings[];
  unscanned: Unscanned[];
  /** Pictures and recordings in it (no text to check; the policy's `attachments.images` decides whether they count). */
  noText?: NoTextPart[];
  /** Length of the scanned text, for statistics. */
  chars: number;
}

/** Office's recipientType values (Mailbox 1.1), plus "unknown" when the client gave none. */
export type RecipientType = "user" | "externalUser" | "distributionList" | "other" | "unknown";

export interface Recipient {
  email: string;
  name?: string;
  field: "to" | "cc" | "bcc";
  recipientType: RecipientType;
}

export interface AttachmentInfo {
  id: string;
  name: string;
  size: number;
  /** Office AttachmentType: "file" | "item" | "cloud". */
  type: "file" | "item" | "cloud";
  isInline?: boolean;
}

/** The message as the decision sees it (no body text: that is in the SourceResults). */
export interface MessageInfo {
  from?: string;
  subject: string;
  recipients: Recipient[];
  attachments: AttachmentInfo[];
  /**
   * Some recipients could not be read (an Office call failed or timed out, or the host gave none): the decision assumes
   * an unknown external recipient, so a rule for external recipients still applies (fail closed).
   */
  recipientsUnread?: boolean;
  /** Parts of the message that could not be read at all (recipients, subject, body, the attachment list). */
  gaps?: Unscanned[];
  /**
   * The sender's first-time recipient history (src/engine/recipients/recipient-history.ts), when this client has one
   * and the policy keeps it; absent: the first-time check reports nothing (docs/recipients.md).
   */
  firstTime?: FirstTimeInputs;
}

/**
 * What the decision found about the recipients (src/engine/policy/recipient-facts.ts): masked addresses and indexes
 * into MessageInfo.recipients only, never a raw address, so it may go into contextData, the CLI and logs.
 */
export interface RecipientFacts {
  /** Recipients at look-alike domains, each with the domain it resembles and the masked suggestion. */
  lookalikes: LookalikeRecipient[];
  /** Recipients at consumer mailbox domains (the class `recipients: personal`). */
  personal: RecipientRef[];
  /** External organizations the message goes to (each consumer mailbox is one). */
  organizations: number;
  /** Their registrable domains (consumer mailboxes left out), sorted, xn-- labels kept. */
  organizationDomains: string[];
  /** External addresses the sender has not written to before (empty unless firstTimeCheck is "checked"). */
  firstTime: RecipientRef[];
  firstTimeCheck: FirstTimeCheck;
}

export type Action = "allow" | "warn" | "block";
export const ACTION_ORDER: readonly Action[] = ["allow", "warn", "block"];

/** One-click fixes the task pane offers. */
export type Fix =
  | { kind: "move-to-bcc"; recipients: number }
  | { kind: "mask-identifiers"; findings: number }
  | { kind: "remove-attachment"; name: string; attachmentId?: string }
  /** Put `suggestedDomain` in place of the domain of recipient `index` of MessageInfo.recipients (a look-alike domain). */
  | { kind: "replace-domain"; index: number; field: Recipient["field"]; masked: string; suggestion: string; suggestedDomain: string };

export interface FiredRule {
  id: string;
  action: Action;
  /** i18n message id the dialog uses for this rule's "what to do" line. */
  message: string;
  /** Detector ids (or signal ids such as "visible-external-recipients", "unscanned") that made it fire. */
  detectors: AnyDetectorId[];
}

/** A masked example for the dialog and the task pane. */
export interface Example {
  detector: AnyDetectorId;
  masked: string;
  location: Location;
  confidence: Confidence;
}

export interface Decision {
  action: Action;
  /** Rules that fired, strictest first. */
  rules: FiredRule[];
  /** Findings per detector id that counted toward a fired rule (after allowlists and minConfidence). */
  counts: Record<string, number>;
  examples: Example[];
  fixes: Fix[];
  unscanned: Unscanned[];
  /** External recipients in To/Cc who can see each other. */
  visibleExternalRecipients: number;
  /** Every picture and recording recognised in the message (counted or not), for the task pane and the CLI; absent: none. */
  noText?: NoTextPart[];
  /**
   * Hosts of the linked files (`linked-file` findings after the sender allowlist), whether or not a rule counted them:
   * the dialog lists them as "Also linked" when another rule fires; a rule naming `links` or `linked-file` counts them.
   * Absent: none.
   */
  linkedFiles?: LinkedFile[];
  /** Recipient facts: absent when there is nothing to say (no lookalike, no consumer mailbox, one organization at most, nobody new). */
  recipients?: RecipientFacts;
}
