/**
 * The compose simulator's fake Outlook: an Office.context-shaped object (mailbox.item, displayLanguage, requirements)
 * backed by a plain state object that the simulator page keeps in sync with its form. Async calls answer on the next
 * tick with Office's AsyncResult shape, like the real host. No DOM here. It implements `internetHeaders` (Mailbox 1.8:
 * the headers the send handler stamps land in `state.headers`) and `displayNewMessageFormAsync` (the task pane's
 * reports to compliance land in `state.forms`).
 */
export interface SimAttachment {
  id: string;
  name: string;
  size: number;
  base64: string;
  /** A cloud attachment (OneDrive/SharePoint): attachmentType "cloud", its content is this URL (format "url"). */
  cloudUrl?: string;
}

export interface SimRecipient {
  emailAddress: string;
  displayName: string;
}

export interface SimState {
  from: string;
  to: SimRecipient[];
  cc: SimRecipient[];
  bcc: SimRecipient[];
  subject: string;
  body: string;
  attachments: SimAttachment[];
  displayLanguage: string;
  /** Mailbox requirement set the simulated client supports. */
  mailboxVersion: number;
  session: Record<string, string>;
  notifications: Record<string, { type: string; message: string }>;
  initializationContext: string;
  /** Internet headers set on the item (X-ThinkFirst-*): what the message would carry. */
  headers: Record<string, string>;
  /** New message forms the add-in opened (displayNewMessageFormAsync). */
  forms: { toRecipients: string[]; subject: string; htmlBody: string }[];
}

export interface SimHooks {
  /** A field was changed by the add-in (recipients, body, attachments, notifications). */
  changed(what: "to" | "cc" | "bcc" | "body" | "attachments" | "notifications" | "headers" | "forms"): void;
}

/* eslint-disable @typescript-eslint/no-explicit-any */
type Cb = ((r: any) => void) | undefined;
const cbOf = (a: unknown, b?: unknown): Cb => (typeof a === "function" ? (a as Cb) : typeof b === "function" ? (b as Cb) : undefined);
const ok = (value?: unknown) => ({ status: "succeeded", value });
const failed = (name: string) => ({ status: "failed", error: { name, message: name, code: 9999 } });

/** "Ann <ann@x.org>; bob@y.org" → recipients. */
export function parseRecipients(text: string): SimRecipient[] {
  const out: SimRecipient[] = [];
  for (const part of text.split(/[;,\n]/)) {
    const s = part.trim();
    if (!s) continue;
    const m = /^(.*)<([^>]+)>$/.exec(s);
    const email = (m ? (m[2] as string) : s).trim();
    const name = m ? (m[1] as string).trim().replace(/^"|"$/g, "") : "";
    if (email.indexOf("@") > 0) out.push({ emailAddress: email, displayName: name || email });
  }
  return out;
}

export function formatRecipients(list: SimRecipient[]): string {
  return list.map((r) => (r.displayName && r.displayName !== r.emailAddress ? r.displayName + " <" + r.emailAddress + ">" : r.emailAddress)).join("; ");
}

function domainOf(a: string): string {
  return a.slice(a.lastIndexOf("@") + 1).toLowerCase();
}

export function createSimOffice(state: SimState, internalDomains: string[], hooks: SimHooks) {
  const later = (cb: Cb, r: unknown) => setTimeout(() => cb && cb(r), 0);
  const internal = (email: string) => {
    const d = domainOf(email);
    return d === domainOf(state.from) || internalDomains.some((x) => d === x || d.slice(-x.length - 1) === "." + x);
  };
  const recipients = (field: "to" | "cc" | "bcc") => ({
    getAsync: (a: unknown, b?: unknown) =>
      later(
        cbOf(a, b),
        ok(state[field].map((r) => ({ emailAddress: r.emailAddress, displayName: r.displayName, recipientType: internal(r.emailAddress) ? "user" : "externalUser" }))),
      ),
    setAsync: (list: { emailAddress: string; displayName?: string }[], a: unknown, b?: unknown) => {
      state[field] = list.map((r) => ({ emailAddress: r.emailAddress, displayName: r.displayName || r.emailAddress }));
      hooks.changed(field);
      later(cbOf(a, b), ok());
    },
  });
  const item = {
    itemType: "message",
    to: recipients("to"),
    cc: recipients("cc"),
    bcc: recipients("bcc"),
    from: { getAsync: (a: unknown, b?: unknown) => later(cbOf(a, b), ok({ emailAddress: state.from, displayName: state.from })) },
    subject: { getAsync: (a: unknown, b?: unknown) => later(cbOf(a, b), ok(state.subject)) },
    body: {
      getAsync: (_type: unknown, a: unknown, b?: unknown) => later(cbOf(a, b), ok(state.body)),
      getTypeAsync: (a: unknown, b?: unknown) => later(cbOf(a, b), ok("text")),
      setAsync: (data: string, a: unknown, b?: unknown) => {
        state.body = String(data);
        hooks.changed("body");
        later(cbOf(a, b), ok());
      },
    },
    getAttachmentsAsync: (a: unknown, b?: unknown) =>
      later(cbOf(a, b), ok(state.attachments.map((x) => ({ id: x.id, name: x.name, size: x.size, attachmentType: x.cloudUrl ? "cloud" : "file", isInline: false })))),
    getAttachmentContentAsync: (id: string, a: unknown, b?: unknown) => {
      const att = state.attachments.filter((x) => x.id === id)[0];
      const content = att ? (att.cloudUrl ? { format: "url", content: att.cloudUrl } : { format: "base64", content: att.base64 }) : null;
      later(cbOf(a, b), content ? ok(content) : failed("InvalidAttachmentId"));
    },
    removeAttachmentAsync: (id: string, a: unknown, b?: unknown) => {
      const before = state.attachments.length;
      state.attachments = state.attachments.filter((x) => x.id !== id);
      if (before !== state.attachments.length) hooks.changed("attachments");
      later(cbOf(a, b), before !== state.attachments.length ? ok() : failed("InvalidAttachmentId"));
    },
    sessionData: {
      getAsync: (key: string, cb: Cb) => later(cb, key in state.session ? ok(state.session[key]) : failed("InvalidSessionDataKey")),
      setAsync: (key: string, value: string, a: unknown, b?: unknown) => {
        state.session[key] = value;
        later(cbOf(a, b), ok());
      },
    },
    notificationMessages: {
      replaceAsync: (key: string, details: { type: string; message: string }, a: unknown, b?: unknown) => {
        state.notifications[key] = { type: details.type, message: details.message };
        hooks.changed("notifications");
        later(cbOf(a, b), ok());
      },
      removeAsync: (key: string, a: unknown, b?: unknown) => {
        delete state.notifications[key];
        hooks.changed("notifications");
        later(cbOf(a, b), ok());
      },
    },
    getInitializationContextAsync: (a: unknown, b?: unknown) => later(cbOf(a, b), ok(state.initializationContext)),
    internetHeaders: {
      setAsync: (headers: Record<string, string>, a: unknown, b?: unknown) => {
        for (const k of Object.keys(headers || {})) state.headers[k] = String(headers[k]);
        hooks.changed("headers");
        later(cbOf(a, b), ok());
      },
      getAsync: (names: string[], a: unknown, b?: unknown) => {
        const out: Record<string, string> = {};
        for (const n of names || []) if (n in state.headers) out[n] = state.headers[n] as string;
        later(cbOf(a, b), ok(out));
      },
      removeAsync: (names: string[], a: unknown, b?: unknown) => {
        for (const n of names || []) delete state.headers[n];
        hooks.changed("headers");
        later(cbOf(a, b), ok());
      },
    },
  };
  const versions = (v: string) => {
    const m = /^1\.(\d+)$/.exec(v || "1.1");
    return m ? Number(m[1]) : 99;
  };
  const context = {
    mailbox: {
      item,
      userProfile: { emailAddress: state.from, displayName: state.from },
      displayNewMessageFormAsync: (form: { toRecipients?: string[]; subject?: string; htmlBody?: string }, a: unknown, b?: unknown) => {
        state.forms.push({ toRecipients: (form && form.toRecipients) || [], subject: (form && form.subject) || "", htmlBody: (form && form.htmlBody) || "" });
        hooks.changed("forms");
        later(cbOf(a, b), ok());
      },
    },
    diagnostics: { platform: "OfficeOnline", hostName: "Outlook", hostVersion: "16.0" },
    requirements: { isSetSupported: (name: string, v?: string) => name === "Mailbox" && versions(v || "1.1") <= state.mailboxVersion },
    get displayLanguage() {
      return state.displayLanguage;
    },
    roamingSettings: simRoamingSettings(),
  };
  return { context, item };
}

/**
 * roamingSettings as Outlook gives them (get/set/remove in memory, saveAsync persists), kept in the page's
 * localStorage so that the first-time recipient history survives a reload of the simulator, as it roams in Outlook.
 */
export function simRoamingSettings() {
  const KEY = "thinkfirst.simulator.roamingSettings";
  let data: Record<string, unknown> = {};
  try {
    data = JSON.parse((typeof localStorage !== "undefined" && localStorage.getItem(KEY)) || "{}") as Record<string, unknown>;
  } catch (e) {
    data = {};
  }
  return {
    get: (name: string) => data[name],
    set: (name: string, value: unknown) => void (data[name] = value),
    remove: (name: string) => void delete data[name],
    saveAsync: (cb?: (r: { status: string }) => void) => {
      try {
        if (typeof localStorage !== "undefined") localStorage.setItem(KEY, JSON.stringify(data));
      } catch (e) {
        // storage full or blocked: the settings stay in memory for this page
      }
      setTimeout(() => cb && cb({ status: "succeeded" }), 5);
    },
  };
}
