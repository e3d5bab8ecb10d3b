/** The mail item contract of src/extract (readMail): what a .eml or .msg file says, with the problems found reading it. */
import type { UnscannedPart } from "./types";

export interface MailAddress {
  /** The SMTP address ("" when the file gives only a display name, e.g. an Exchange-internal recipient). */
  address: string;
  name?: string;
}

export interface MailAttachment {
  /** File name as the mail gives it (attached messages: "<subject>.eml" or the part's name). */
  name: string;
  /** The attachment's bytes; for an attached message, an RFC 822 message (messages embedded in a .msg are rendered). */
  bytes: Uint8Array;
  /** Lower-case MIME type ("application/octet-stream" when the mail gives none). */
  mimeType: string;
  /** Shown inside the body (Content-Disposition inline / Content-ID, or a hidden .msg attachment). */
  inline: boolean;
  /** An attached mail (message/rfc822, or an embedded .msg message). */
  isMessage: boolean;
}

export interface MailItem {
  /** Detected from the content. */
  format: "eml" | "msg";
  from?: MailAddress;
  to: MailAddress[];
  cc: MailAddress[];
  bcc: MailAddress[];
  subject: string;
  /** The body as text: the plain part; else the HTML part through htmlToText; else (.msg) the RTF body. */
  body: string;
  /**
   * Every body part read, in order, as text ("text/plain", "text/html", "text/rtf", "text/calendar", OLE objects of a
   * .msg as "<name>!<part>"). `body` is one of them. Use mailBodyText() to scan them all without counting a value twice.
   */
  texts: { part: string; text: string }[];
  attachments: MailAttachment[];
  /** What could not be read, named inside the mail ("" is the mail itself; "smime.p7m"; "inner.eml!x.bin"). */
  unscanned: UnscannedPart[];
}
