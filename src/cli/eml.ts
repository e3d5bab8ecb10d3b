/**
 * A mail file (.eml or .msg, told apart by content) → the pipeline's MessageInput, through src/extract's readMail: the
 * same parser and the same HTML-to-text the add-in uses for attached mails, so a mail gets one reading everywhere.
 * Sender, To/Cc/Bcc with display names (recipientType "unknown": a file has no Outlook directory, so the policy's
 * domain rule decides who is external), subject, the body (the plain part; else the HTML part as text; other body parts
 * add the lines the body lacks), attachments with their bytes, and what could not be read as unscanned parts.
 */
import type { Recipient, Unscanned } from "../engine/types";
import { mailBodyText, readMail, type MailAddress, type MailItem } from "../extract";
import type { MessageInput } from "../pipeline/check-message";

function recipients(list: MailAddress[], field: Recipient["field"]): Recipient[] {
  return list.map((a) => (a.name ? { email: a.address, name: a.name, field, recipientType: "unknown" as const } : { email: a.address, field, recipientType: "unknown" as const }));
}

/** A MailItem as the pipeline's input. `fileName` names the mail in unscanned parts. */
export function mailInput(item: MailItem, fileName: string): MessageInput {
  const attachments = item.attachments.map((a, i) => ({
    info: { id: `att-${i + 1}`, name: a.name, size: a.bytes.length, type: a.isMessage ? ("item" as const) : ("file" as const), isInline: a.inline },
    bytes: a.bytes,
  }));
  const unscanned: Unscanned[] = item.unscanned.map((u) => {
    const part = u.part ? fileName + "!" + u.part : fileName;
    return u.detail ? { part, reason: u.reason, detail: u.detail } : { part, reason: u.reason };
  });
  const input: MessageInput = {
    message: {
      from: item.from && item.from.address ? item.from.address : undefined,
      subject: item.subject,
      recipients: recipients(item.to, "to").concat(recipients(item.cc, "cc"), recipients(item.bcc, "bcc")),
      attachments: attachments.map((a) => a.info),
    },
    body: mailBodyText(item),
    attachments,
  };
  if (unscanned.length) input.unscanned = unscanned;
  return input;
}

/** Reads a .eml or .msg file into the pipeline's input. Never throws. */
export function readMailFile(bytes: Uint8Array, fileName: string): MessageInput {
  return mailInput(readMail(bytes), fileName);
}
