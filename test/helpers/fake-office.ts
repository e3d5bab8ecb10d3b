/**
 * A hand-written fake of the Office objects the handlers and the task pane use (compose item, mailbox, requirement sets),
 * for jest and the node:vm runtime stand-in. Every async call answers through setTimeout like the real one.
 *
 * Fault injection: `faults` maps a call name ("to.getAsync", "getAttachmentContentAsync", "isSetSupported", …) to what the
 * call does: succeed, fail (status "failed"), throw (synchronously), never (no callback), twice (two callbacks) or late
 * (callback after `lateMs`, longer than any budget). `calls` records every call made, in order.
 */
export interface FakeRecipient {
  emailAddress: string;
  displayName?: string;
  recipientType?: string;
}

export interface FakeAttachment {
  id: string;
  name: string;
  size: number;
  attachmentType?: string;
  isInline?: boolean;
  base64?: string;
  /** Content format getAttachmentContentAsync reports (default "base64"; "eml" and "url" carry `text`). */
  format?: string;
  text?: string;
  /** This attachment's getAttachmentContentAsync throws (drag-and-drop items on the web) or fails with this error name. */
  contentFault?: "throw" | { errorName: string };
}

export interface FakeMessage {
  from?: string;
  to?: FakeRecipient[];
  cc?: FakeRecipient[];
  bcc?: FakeRecipient[];
  subject?: string;
  body?: string;
  /** When set, the body is HTML: getAsync("html") returns it and getAsync("text") its text. */
  bodyHtml?: string;
  attachments?: FakeAttachment[];
}

export const FAULTS = ["succeed", "fail", "throw", "never", "twice", "late"] as const;
export type Fault = (typeof FAULTS)[number];

/** Every Office call the send handler makes (the fault-injection test covers each). */
export const SEND_CALLS = [
  "to.getAsync",
  "cc.getAsync",
  "bcc.getAsync",
  "from.getAsync",
  "subject.getAsync",
  "body.getAsync",
  "getAttachmentsAsync",
  "getAttachmentContentAsync",
  "sessionData.getAsync",
  "internetHeaders.setAsync",
  "isSetSupported",
  "displayLanguage",
  "completed",
] as const;

export interface FakeOptions {
  displayLanguage?: string;
  mailboxVersion?: string;
  faults?: Partial<Record<string, Fault>>;
  /** Delay of a normal answer (ms). */
  delayMs?: number;
  /** Delay of a "late" answer (ms). */
  lateMs?: number;
  initializationContext?: string;
  /** The item has no internetHeaders (also when mailboxVersion is below 1.8). */
  noInternetHeaders?: boolean;
  /** Office.context.diagnostics.platform (default "OfficeOnline"). */
  platform?: string;
}

export function htmlToText(html: string): string {
  return html
    .replace(/<br\s*\/?>/gi, "\n")
    .replace(/<\/(p|div|li|tr)>/gi, "\n")
    .replace(/<[^>]*>/g, "")
    .replace(/&nbsp;/g, " ")
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, "&");
}

export function fakeOffice(msg: FakeMessage, options: FakeOptions = {}) {
  const faults = options.faults || {};
  const delay = options.delayMs ?? 1;
  const lateMs = options.lateMs ?? 600000;
  const calls: string[] = [];
  const session: Record<string, string> = {};
  /** Internet headers set on the item (internetHeaders.setAsync). */
  const headers: Record<string, string> = {};
  /** New message forms opened (displayNewMessageForm / displayNewMessageFormAsync). */
  const forms: unknown[] = [];
  const notifications: Record<string, { type: string; message: string; icon?: string; persistent?: boolean }> = {};
  const ok = <T>(value: T) => ({ status: "succeeded", value });
  const failed = { status: "failed", error: { name: "GenericResponseError", message: "injected failure", code: 9020 } };

  /** Runs one async call under its fault. `answer` computes the success result when it is due. */
  const async = (name: string, cb: unknown, answer: () => unknown) => {
    calls.push(name);
    const fault = faults[name] || "succeed";
    const callback = typeof cb === "function" ? (cb as (r: unknown) => void) : undefined;
    const reply = (r: () => unknown, ms: number) => setTimeout(() => callback && callback(r()), ms);
    switch (fault) {
      case "throw":
        throw new Error("injected throw in " + name);
      case "never":
        return;
      case "fail":
        reply(() => failed, delay);
        return;
      case "twice":
        reply(answer, delay);
        reply(answer, delay + 1);
        return;
      case "late":
        reply(answer, lateMs);
        return;
      default:
        reply(answer, delay);
    }
  };
  const cbOf = (a: unknown, b?: unknown) => (typeof a === "function" ? a : b);

  const state: FakeMessage & { to: FakeRecipient[]; cc: FakeRecipient[]; bcc: FakeRecipient[]; attachments: FakeAttachment[] } = {
    ...msg,
    to: msg.to || [],
    cc: msg.cc || [],
    bcc: msg.bcc || [],
    attachments: msg.attachments || [],
  };
  const recipients = (field: "to" | "cc" | "bcc") => ({
    getAsync: (a: unknown, b?: unknown) => async(field + ".getAsync", cbOf(a, b), () => ok(state[field].map((r) => ({ recipientType: "user", displayName: "", ...r })))),
    setAsync: (v: FakeRecipient[], a: unknown, b?: unknown) =>
      async(field + ".setAsync", cbOf(a, b), () => {
        state[field] = v.map((r) => ({ ...r, recipientType: r.recipientType || guessType(r.emailAddress, state.from) }));
        return ok(undefined);
      }),
  });
  const bodyText = () => (state.bodyHtml !== undefined ? htmlToText(state.bodyHtml) : state.body || "");
  const item = {
    itemType: "message",
    to: recipients("to"),
    cc: recipients("cc"),
    bcc: recipients("bcc"),
    from: { getAsync: (a: unknown, b?: unknown) => async("from.getAsync", cbOf(a, b), () => ok({ emailAddress: state.from || "me@example.com", displayName: "Me" })) },
    subject: { getAsync: (a: unknown, b?: unknown) => async("subject.getAsync", cbOf(a, b), () => ok(state.subject || "")) },
    body: {
      getAsync: (type: unknown, a: unknown, b?: unknown) => async("body.getAsync", cbOf(a, b), () => ok(type === "html" ? (state.bodyHtml ?? state.body ?? "") : bodyText())),
      getTypeAsync: (a: unknown, b?: unknown) => async("body.getTypeAsync", cbOf(a, b), () => ok(state.bodyHtml !== undefined ? "html" : "text")),
      setAsync: (data: string, opts: unknown, cb?: unknown) =>
        async("body.setAsync", cbOf(opts, cb), () => {
          const type = opts && typeof opts === "object" ? (opts as { coercionType?: string }).coercionType : "text";
          if (type === "html") state.bodyHtml = data;
          else {
            state.bodyHtml = undefined;
            state.body = data;
          }
          return ok(undefined);
        }),
    },
    getAttachmentsAsync: (a: unknown, b?: unknown) =>
      async("getAttachmentsAsync", cbOf(a, b), () =>
        ok(state.attachments.map(({ base64: _b, text: _t, format: _f, contentFault: _c, ...rest }) => ({ attachmentType: "file", isInline: false, ...rest }))),
      ),
    getAttachmentContentAsync: (id: string, a: unknown, b?: unknown) => {
      const fault = state.attachments.find((x) => x.id === id)?.contentFault;
      if (fault === "throw") {
        calls.push("getAttachmentContentAsync");
        throw new Error("injected throw for attachment " + id);
      }
      return async("getAttachmentContentAsync", cbOf(a, b), () => {
        const att = state.attachments.find((x) => x.id === id);
        if (!att) return { status: "failed", error: { name: "InvalidAttachmentId", message: "no such attachment" } };
        if (att.contentFault && att.contentFault !== "throw") return { status: "failed", error: { name: att.contentFault.errorName, message: "injected" } };
        const format = att.format || "base64";
        return ok({ format, content: format === "base64" ? att.base64 || "" : att.text || "" });
      });
    },
    removeAttachmentAsync: (id: string, a: unknown, b?: unknown) =>
      async("removeAttachmentAsync", cbOf(a, b), () => {
        const before = state.attachments.length;
        state.attachments = state.attachments.filter((x) => x.id !== id);
        return before === state.attachments.length ? { status: "failed", error: { name: "InvalidAttachmentId", message: "no such attachment" } } : ok(undefined);
      }),
    sessionData: {
      getAsync: (key: string, cb: unknown) => async("sessionData.getAsync", cb, () => (key in session ? ok(session[key]) : { status: "failed", error: { name: "InvalidSessionDataKey", message: "no key" } })),
      setAsync: (key: string, value: string, a: unknown, b?: unknown) =>
        async("sessionData.setAsync", cbOf(a, b), () => {
          session[key] = value;
          return ok(undefined);
        }),
    },
    notificationMessages: {
      replaceAsync: (key: string, details: { type: string; message: string }, a: unknown, b?: unknown) =>
        async("notificationMessages.replaceAsync", cbOf(a, b), () => {
          if (details.message.length > 150) return { status: "failed", error: { name: "ArgumentOutOfRange", message: "too long" } };
          notifications[key] = details;
          return ok(undefined);
        }),
      removeAsync: (key: string, a: unknown, b?: unknown) =>
        async("notificationMessages.removeAsync", cbOf(a, b), () => {
          delete notifications[key];
          return ok(undefined);
        }),
    },
    getInitializationContextAsync: (a: unknown, b?: unknown) => async("getInitializationContextAsync", cbOf(a, b), () => ok(options.initializationContext ?? "")),
    /** Mailbox 1.8 (set below); absent on older clients. */
    internetHeaders: undefined as undefined | { setAsync: (h: Record<string, string>, a: unknown, b?: unknown) => void },
  };
  const versions = ["1.1", "1.2", "1.3", "1.4", "1.5", "1.6", "1.7", "1.8", "1.9", "1.10", "1.11", "1.12", "1.13", "1.14", "1.15"];
  const max = versions.indexOf(options.mailboxVersion || "1.15");
  if (!options.noInternetHeaders && max >= versions.indexOf("1.8")) {
    item.internetHeaders = {
      setAsync: (h: Record<string, string>, a: unknown, b?: unknown) =>
        async("internetHeaders.setAsync", cbOf(a, b), () => {
          for (const k of Object.keys(h)) headers[k] = h[k]!;
          return ok(undefined);
        }),
    };
  }
  const context = {
    mailbox: {
      item,
      userProfile: { emailAddress: state.from || "me@example.com" },
      /** Mailbox 1.6: opens a new message form (recorded in `forms`). */
      displayNewMessageForm: (form: unknown) => {
        calls.push("displayNewMessageForm");
        forms.push(form);
      },
      ...(max >= versions.indexOf("1.9")
        ? { displayNewMessageFormAsync: (form: unknown, a: unknown, b?: unknown) => async("displayNewMessageFormAsync", cbOf(a, b), () => (forms.push(form), ok(undefined))) }
        : {}),
    },
    diagnostics: { platform: options.platform ?? "OfficeOnline", hostName: "Outlook", hostVersion: "16.0" },
    requirements: {
      isSetSupported: (name: string, v?: string) => {
        calls.push("isSetSupported");
        const f = faults["isSetSupported"];
        if (f === "throw") throw new Error("injected throw in isSetSupported");
        if (f === "fail") return false;
        return name === "Mailbox" && versions.indexOf(v || "1.1") <= max;
      },
    },
  } as Record<string, unknown>;
  Object.defineProperty(context, "displayLanguage", {
    enumerable: true,
    get() {
      calls.push("displayLanguage");
      if (faults["displayLanguage"] === "throw") throw new Error("injected throw in displayLanguage");
      return faults["displayLanguage"] === "fail" ? undefined : options.displayLanguage || "en-US";
    },
  });
  const globals = {
    context,
    AsyncResultStatus: { Succeeded: "succeeded", Failed: "failed" },
    CoercionType: { Text: "text", Html: "html" },
    MailboxEnums: {
      AttachmentContentFormat: { Base64: "base64", Url: "url", Eml: "eml", ICalendar: "iCalendar" },
      AttachmentType: { File: "file", Item: "item", Cloud: "cloud" },
      RecipientType: { DistributionList: "distributionList", User: "user", ExternalUser: "externalUser", Other: "other" },
      ItemNotificationMessageType: { InformationalMessage: "informationalMessage", ErrorMessage: "errorMessage" },
    },
  };
  return { globals, item, state, calls, session, notifications, headers, forms };
}

function guessType(email: string, from = "me@example.com"): string {
  const d = (s: string) => s.slice(s.lastIndexOf("@") + 1).toLowerCase();
  return d(email) === d(from) ? "user" : "externalUser";
}

/** An event whose `completed` records its calls (and can be made to throw). */
export function fakeEvent(options: { throwOnComplete?: boolean } = {}) {
  const completed: { options: unknown; at: number }[] = [];
  return {
    completed,
    event: {
      completed(o?: unknown) {
        completed.push({ options: o, at: Date.now() });
        if (options.throwOnComplete) throw new Error("injected throw in completed");
      },
    },
  };
}
