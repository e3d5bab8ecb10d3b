/**
 * A hand-written fake of the Office objects the handlers use (compose item, mailbox, requirement sets), for jest and
 * the node:vm runtime stand-in. Every async call answers through setTimeout like the real one. The Outlook issue extends
 * it with fault injection.
 */
export interface FakeRecipient {
  emailAddress: string;
  displayName?: string;
  recipientType?: string;
}

export interface FakeMessage {
  from?: string;
  to?: FakeRecipient[];
  cc?: FakeRecipient[];
  bcc?: FakeRecipient[];
  subject?: string;
  body?: string;
  attachments?: { id: string; name: string; size: number; attachmentType?: string; isInline?: boolean; base64?: string }[];
}

export function fakeOffice(msg: FakeMessage, options: { displayLanguage?: string; mailboxVersion?: string } = {}) {
  const ok = <T>(value: T) => ({ status: "succeeded", value });
  const later = (cb: ((r: unknown) => void) | undefined, r: unknown) => setTimeout(() => cb && cb(r), 1);
  const recipients = (list: FakeRecipient[] = []) => ({
    getAsync: (a: unknown, b?: unknown) => later((typeof a === "function" ? a : b) as (r: unknown) => void, ok(list.map((r) => ({ recipientType: "user", displayName: "", ...r })))),
    setAsync: (v: FakeRecipient[], a: unknown, b?: unknown) => { list.splice(0, list.length, ...v); later((typeof a === "function" ? a : b) as (r: unknown) => void, ok(undefined)); },
  });
  const state = { ...msg };
  const item = {
    itemType: "message",
    to: recipients(state.to),
    cc: recipients(state.cc),
    bcc: recipients(state.bcc),
    from: { getAsync: (a: unknown, b?: unknown) => later((typeof a === "function" ? a : b) as (r: unknown) => void, ok({ emailAddress: state.from || "me@example.com", displayName: "Me" })) },
    subject: { getAsync: (a: unknown, b?: unknown) => later((typeof a === "function" ? a : b) as (r: unknown) => void, ok(state.subject || "")) },
    body: { getAsync: (_t: unknown, a: unknown, b?: unknown) => later((typeof a === "function" ? a : b) as (r: unknown) => void, ok(state.body || "")) },
    getAttachmentsAsync: (a: unknown, b?: unknown) => later((typeof a === "function" ? a : b) as (r: unknown) => void, ok((state.attachments || []).map(({ base64: _b, ...rest }) => ({ attachmentType: "file", isInline: false, ...rest })))),
    getAttachmentContentAsync: (id: string, a: unknown, b?: unknown) => {
      const att = (state.attachments || []).find((x) => x.id === id);
      later((typeof a === "function" ? a : b) as (r: unknown) => void, att ? ok({ format: "base64", content: att.base64 || "" }) : { status: "failed", error: { name: "InvalidAttachmentId", message: "no such attachment" } });
    },
  };
  const versions = ["1.1", "1.2", "1.3", "1.4", "1.5", "1.6", "1.7", "1.8", "1.9", "1.10", "1.11", "1.12", "1.13", "1.14", "1.15"];
  const max = versions.indexOf(options.mailboxVersion || "1.15");
  const globals = {
    context: {
      displayLanguage: options.displayLanguage || "en-US",
      mailbox: { item, userProfile: { emailAddress: state.from || "me@example.com" } },
      requirements: { isSetSupported: (name: string, v?: string) => name === "Mailbox" && versions.indexOf(v || "1.1") <= max },
    },
    AsyncResultStatus: { Succeeded: "succeeded", Failed: "failed" },
    CoercionType: { Text: "text", Html: "html" },
    MailboxEnums: { AttachmentContentFormat: { Base64: "base64", Url: "url", Eml: "eml", ICalendar: "iCalendar" }, AttachmentType: { File: "file", Item: "item", Cloud: "cloud" }, RecipientType: { DistributionList: "distributionList", User: "user", ExternalUser: "externalUser", Other: "other" }, ItemNotificationMessageType: { InformationalMessage: "informationalMessage", ErrorMessage: "errorMessage" } },
  };
  return { globals, item, state };
}
