/**
 * An .eml file → the pipeline's MessageInput: sender, To/Cc/Bcc (recipientType "unknown": a file has no Outlook
 * directory, so the policy's domain rule decides who is external), subject, body text (the HTML part as text when there
 * is no plain part), attachments with their bytes. Parsed with postal-mime; the add-in's extractor reads mail with its
 * own walker (src/extract/mime.ts) and HTML with src/extract/html.ts, not with these.
 */
import PostalMime, { type Address } from "postal-mime";
import type { Recipient } from "../engine/types";
import type { MessageInput } from "../pipeline/check-message";

function mailboxes(list: Address[] | undefined, field: Recipient["field"]): Recipient[] {
  const out: Recipient[] = [];
  for (const a of list || []) {
    if (a.group) for (const m of a.group) out.push({ email: m.address, name: m.name || undefined, field, recipientType: "unknown" });
    else if (a.address) out.push({ email: a.address, name: a.name || undefined, field, recipientType: "unknown" });
  }
  return out;
}

/** Plain text from HTML: tags dropped, block ends as line breaks, entities of the common kind decoded. */
export function htmlToText(html: string): string {
  return html
    .replace(/<(script|style)[\s\S]*?<\/\1>/gi, "")
    .replace(/<br\s*\/?>|<\/(p|div|li|tr|h[1-6])>/gi, "\n")
    .replace(/<[^>]+>/g, "")
    .replace(/&nbsp;/g, "\u00a0")
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&#(\d+);/g, (_m, n: string) => String.fromCharCode(Number(n)))
    .replace(/&amp;/g, "&");
}

export async function readEml(bytes: Uint8Array): Promise<MessageInput> {
  const email = await PostalMime.parse(bytes, { attachmentEncoding: "arraybuffer" });
  const from = email.from && !email.from.group ? email.from.address : undefined;
  const recipients = mailboxes(email.to, "to").concat(mailboxes(email.cc, "cc"), mailboxes(email.bcc, "bcc"));
  const attachments = email.attachments.map((a, i) => {
    const content = a.content;
    const bytes = typeof content === "string" ? new TextEncoder().encode(content) : new Uint8Array(content as ArrayBuffer);
    const name = a.filename || `attachment-${i + 1}${a.mimeType === "message/rfc822" ? ".eml" : ""}`;
    return {
      info: { id: `att-${i + 1}`, name, size: bytes.length, type: a.mimeType === "message/rfc822" ? ("item" as const) : ("file" as const), isInline: a.disposition === "inline" },
      bytes,
    };
  });
  return {
    message: { from, subject: email.subject || "", recipients, attachments: attachments.map((a) => a.info) },
    body: email.text !== undefined ? email.text : htmlToText(email.html || ""),
    attachments,
  };
}
