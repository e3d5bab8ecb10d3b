/**
 * Promise wrappers around the Office calls the handlers and the task pane make. One function per call, each with its own
 * timeout; whatever Office does (fails, throws, never calls back, calls back twice or late) becomes a typed result, and no
 * exception escapes. Promise is ES2015, so this runs in classic Outlook's JavaScript-only runtime too.
 *
 * Office objects are typed loosely (`ItemLike`) on purpose: the same code talks to the real office.js, to the jest fakes
 * and to the compose simulator's fake mailbox.
 */
import type { AttachmentInfo, Recipient, RecipientType } from "../engine/types";
import { after, cancel } from "./timers";

export type FailureReason = "failed" | "threw" | "timeout" | "missing";

export interface OfficeFailure {
  ok: false;
  /** Which call failed, e.g. "to.getAsync", "getAttachmentContentAsync". Never contains content. */
  call: string;
  reason: FailureReason;
  /** Office's error name (e.g. "InvalidAttachmentId"), when it gave one. */
  detail?: string;
}
export type OfficeResult<T> = { ok: true; value: T } | OfficeFailure;

/* eslint-disable @typescript-eslint/no-explicit-any */
type Callback = (result: any) => void;
/** A compose item as far as we use it: the real Office.MessageCompose or a fake. */
export type ItemLike = any;
/** The global Office object (or a fake). */
export type OfficeLike = any;

export function failure(call: string, reason: FailureReason, detail?: string): OfficeFailure {
  return detail ? { ok: false, call, reason, detail } : { ok: false, call, reason };
}

function errorName(e: unknown): string | undefined {
  if (e && typeof e === "object") {
    const o = e as { name?: unknown; code?: unknown };
    if (typeof o.name === "string" && o.name) return o.name.slice(0, 60);
    if (typeof o.code === "number" || typeof o.code === "string") return String(o.code).slice(0, 60);
  }
  return undefined;
}

/**
 * Outlook on the web, new Outlook and mobile run at most three Office async calls of an add-in at once ("Limits for
 * activation and JavaScript API for Outlook add-ins": asynchronous calls); more fail there. Every call goes through this
 * queue, on every client. A call's timeout runs from the moment it is queued, so waiting counts against the caller's
 * deadline; a call that times out frees its slot (Office may still be working on it, but a hung call must not hold the
 * queue for the rest of the budget).
 */
export const MAX_CONCURRENT_CALLS = 3;
let running = 0;
const waiting: Array<() => void> = [];

function startNext(): void {
  while (running < MAX_CONCURRENT_CALLS && waiting.length) {
    const next = waiting.shift() as () => void;
    next();
  }
}

/** Calls queued or running now (for tests). */
export function callsInFlight(): { running: number; waiting: number } {
  return { running, waiting: waiting.length };
}

/**
 * Runs one Office async call. `invoke` receives the callback to pass to Office. Resolves exactly once: with the value on
 * "succeeded", or a failure on "failed", a synchronous throw, a malformed result or the timeout. Later callbacks are
 * ignored. At most MAX_CONCURRENT_CALLS run at once; the others wait their turn (see above).
 */
export function officeCall<T>(call: string, timeoutMs: number, invoke: (cb: Callback) => void): Promise<OfficeResult<T>> {
  return new Promise<OfficeResult<T>>((resolve) => {
    let settled = false;
    let holdsSlot = false;
    const start = () => {
      if (settled) return;
      holdsSlot = true;
      running++;
      try {
        invoke((result: any) => {
          try {
            if (result && result.status === "succeeded") settle({ ok: true, value: result.value as T });
            else settle(failure(call, "failed", errorName(result && result.error)));
          } catch (e) {
            settle(failure(call, "failed", errorName(e)));
          }
        });
      } catch (e) {
        settle(failure(call, "threw", errorName(e)));
      }
    };
    const settle = (r: OfficeResult<T>) => {
      if (settled) return;
      settled = true;
      cancel(timer);
      if (holdsSlot) {
        holdsSlot = false;
        running--;
      } else {
        const at = waiting.indexOf(start);
        if (at >= 0) waiting.splice(at, 1);
      }
      resolve(r);
      startNext();
    };
    const timer = after(Math.max(0, timeoutMs), () => settle(failure(call, "timeout")));
    waiting.push(start);
    startNext();
  });
}

/** Reads a property chain without throwing (getters of a broken host may throw). */
function safeGet(f: () => any): any {
  try {
    return f();
  } catch (e) {
    return undefined;
  }
}

/** The current compose item, or undefined. */
export function currentItem(office: OfficeLike): ItemLike | undefined {
  return safeGet(() => office.context.mailbox.item) || undefined;
}

/** Outlook's UI language ("nb-NO"), or undefined. */
export function displayLanguage(office: OfficeLike): string | undefined {
  const v = safeGet(() => office.context.displayLanguage);
  return typeof v === "string" ? v : undefined;
}

/** The signed-in user's address, used when `from` cannot be read. */
export function userAddress(office: OfficeLike): string | undefined {
  const v = safeGet(() => office.context.mailbox.userProfile.emailAddress);
  return typeof v === "string" ? v : undefined;
}

/** Requirement-set check; a host that throws or lacks the API counts as "not supported". */
export function isSetSupported(office: OfficeLike, name: string, version: string): boolean {
  try {
    return office.context.requirements.isSetSupported(name, version) === true;
  } catch (e) {
    return false;
  }
}

export type RecipientField = "to" | "cc" | "bcc";

function recipientType(v: unknown): RecipientType {
  return v === "user" || v === "externalUser" || v === "distributionList" || v === "other" ? v : "unknown";
}

export function getRecipients(item: ItemLike, field: RecipientField, timeoutMs: number): Promise<OfficeResult<Recipient[]>> {
  return officeCall<unknown>(field + ".getAsync", timeoutMs, (cb) => item[field].getAsync(cb)).then((r) => {
    if (!r.ok) return r;
    if (!Array.isArray(r.value)) return failure(field + ".getAsync", "failed", "not a list");
    const out: Recipient[] = [];
    for (const x of r.value as any[]) {
      const email = x && typeof x.emailAddress === "string" ? x.emailAddress.trim() : "";
      if (!email) continue;
      const rec: Recipient = { email, field, recipientType: recipientType(x.recipientType) };
      if (typeof x.displayName === "string" && x.displayName) rec.name = x.displayName;
      out.push(rec);
    }
    return { ok: true as const, value: out };
  });
}

/** Replaces the recipients of one field (task pane fix). */
export function setRecipients(item: ItemLike, field: RecipientField, list: Recipient[], timeoutMs: number): Promise<OfficeResult<void>> {
  const value = list.map((r) => ({ emailAddress: r.email, displayName: r.name || r.email }));
  return officeCall<void>(field + ".setAsync", timeoutMs, (cb) => item[field].setAsync(value, cb));
}

export function getFrom(item: ItemLike, timeoutMs: number): Promise<OfficeResult<string>> {
  return officeCall<any>("from.getAsync", timeoutMs, (cb) => item.from.getAsync(cb)).then((r) =>
    !r.ok ? r : r.value && typeof r.value.emailAddress === "string" ? { ok: true as const, value: r.value.emailAddress as string } : failure("from.getAsync", "failed", "no address"),
  );
}

function asString(call: string) {
  return (r: OfficeResult<unknown>): OfficeResult<string> => (!r.ok ? r : typeof r.value === "string" ? { ok: true, value: r.value } : failure(call, "failed", "not text"));
}

export function getSubject(item: ItemLike, timeoutMs: number): Promise<OfficeResult<string>> {
  return officeCall<unknown>("subject.getAsync", timeoutMs, (cb) => item.subject.getAsync(cb)).then(asString("subject.getAsync"));
}

export function getBody(item: ItemLike, format: "text" | "html", timeoutMs: number): Promise<OfficeResult<string>> {
  return officeCall<unknown>("body.getAsync", timeoutMs, (cb) => item.body.getAsync(format, cb)).then(asString("body.getAsync"));
}

export function getBodyType(item: ItemLike, timeoutMs: number): Promise<OfficeResult<"text" | "html">> {
  return officeCall<unknown>("body.getTypeAsync", timeoutMs, (cb) => item.body.getTypeAsync(cb)).then((r) =>
    !r.ok ? r : { ok: true as const, value: String(r.value).toLowerCase() === "html" ? ("html" as const) : ("text" as const) },
  );
}

export function setBody(item: ItemLike, content: string, format: "text" | "html", timeoutMs: number): Promise<OfficeResult<void>> {
  return officeCall<void>("body.setAsync", timeoutMs, (cb) => item.body.setAsync(content, { coercionType: format }, cb));
}

export function getAttachments(item: ItemLike, timeoutMs: number): Promise<OfficeResult<AttachmentInfo[]>> {
  return officeCall<unknown>("getAttachmentsAsync", timeoutMs, (cb) => item.getAttachmentsAsync(cb)).then((r) => {
    if (!r.ok) return r;
    if (!Array.isArray(r.value)) return failure("getAttachmentsAsync", "failed", "not a list");
    const out: AttachmentInfo[] = [];
    for (const a of r.value as any[]) {
      if (!a || typeof a.id !== "string") continue;
      const t = a.attachmentType === "item" || a.attachmentType === "cloud" ? a.attachmentType : "file";
      const info: AttachmentInfo = { id: a.id, name: typeof a.name === "string" && a.name ? a.name : "attachment", size: typeof a.size === "number" && a.size >= 0 ? a.size : 0, type: t };
      if (a.isInline === true) info.isInline = true;
      out.push(info);
    }
    return { ok: true as const, value: out };
  });
}

export interface AttachmentContent {
  format: "base64" | "eml" | "iCalendar" | "url" | "other";
  content: string;
}

export function getAttachmentContent(item: ItemLike, id: string, timeoutMs: number): Promise<OfficeResult<AttachmentContent>> {
  return officeCall<any>("getAttachmentContentAsync", timeoutMs, (cb) => item.getAttachmentContentAsync(id, cb)).then((r) => {
    if (!r.ok) return r;
    const v = r.value;
    if (!v || typeof v.content !== "string") return failure("getAttachmentContentAsync", "failed", "no content");
    const f = String(v.format);
    const format = f === "base64" || f === "eml" || f === "iCalendar" || f === "url" ? f : "other";
    return { ok: true as const, value: { format, content: v.content } };
  });
}

export function removeAttachment(item: ItemLike, id: string, timeoutMs: number): Promise<OfficeResult<void>> {
  return officeCall<void>("removeAttachmentAsync", timeoutMs, (cb) => item.removeAttachmentAsync(id, cb));
}

export function sessionGet(item: ItemLike, key: string, timeoutMs: number): Promise<OfficeResult<string>> {
  return officeCall<unknown>("sessionData.getAsync", timeoutMs, (cb) => item.sessionData.getAsync(key, cb)).then((r) =>
    !r.ok ? r : { ok: true as const, value: typeof r.value === "string" ? r.value : "" },
  );
}

export function sessionSet(item: ItemLike, key: string, value: string, timeoutMs: number): Promise<OfficeResult<void>> {
  return officeCall<void>("sessionData.setAsync", timeoutMs, (cb) => item.sessionData.setAsync(key, value, cb));
}

/** Shows (or replaces) an informational info-bar message. `icon` is a manifest image resource id. */
export function showNotification(item: ItemLike, key: string, message: string, timeoutMs: number): Promise<OfficeResult<void>> {
  const details = { type: "informationalMessage", message: message.slice(0, 150), icon: "Icon.16x16", persistent: false };
  return officeCall<void>("notificationMessages.replaceAsync", timeoutMs, (cb) => item.notificationMessages.replaceAsync(key, details, cb));
}

export function removeNotification(item: ItemLike, key: string, timeoutMs: number): Promise<OfficeResult<void>> {
  return officeCall<void>("notificationMessages.removeAsync", timeoutMs, (cb) => item.notificationMessages.removeAsync(key, cb));
}

/** The Smart Alerts `contextData` the task pane was opened with ("" when opened from the ribbon). */
export function getInitializationContext(item: ItemLike, timeoutMs: number): Promise<OfficeResult<string>> {
  return officeCall<unknown>("getInitializationContextAsync", timeoutMs, (cb) => item.getInitializationContextAsync(cb)).then((r) =>
    !r.ok ? r : { ok: true as const, value: typeof r.value === "string" ? r.value : r.value == null ? "" : JSON.stringify(r.value) },
  );
}

/** The client platform Office reports ("PC", "OfficeOnline", "Mac", …), or undefined. */
export function clientPlatform(office: OfficeLike): string | undefined {
  const v = safeGet(() => office.context.diagnostics.platform);
  return typeof v === "string" && v ? v : undefined;
}

/** Whether the item has `internetHeaders.setAsync` (Mailbox 1.8, compose). */
export function hasInternetHeaders(item: ItemLike): boolean {
  return typeof safeGet(() => item.internetHeaders.setAsync) === "function";
}

/** Sets (or replaces) internet headers of the item being composed (Mailbox 1.8). */
export function setInternetHeaders(item: ItemLike, headers: { [name: string]: string }, timeoutMs: number): Promise<OfficeResult<void>> {
  return officeCall<void>("internetHeaders.setAsync", timeoutMs, (cb) => item.internetHeaders.setAsync(headers, cb));
}

/** Office.context.diagnostics: host name and version ("Outlook", "16.0.17531.20000"), each undefined when absent. */
export function clientDiagnostics(office: OfficeLike): { host?: string; hostVersion?: string } {
  const host = safeGet(() => office.context.diagnostics.hostName);
  const version = safeGet(() => office.context.diagnostics.hostVersion);
  const out: { host?: string; hostVersion?: string } = {};
  if (typeof host === "string" && host) out.host = host;
  if (typeof version === "string" && version) out.hostVersion = version;
  return out;
}

/** The highest Mailbox requirement set 1.1–1.15 the client supports, or undefined. */
export function highestMailboxSet(office: OfficeLike): string | undefined {
  for (let minor = 15; minor >= 1; minor--) if (isSetSupported(office, "Mailbox", "1." + minor)) return "1." + minor;
  return undefined;
}

export interface NewMessageForm {
  toRecipients: string[];
  subject: string;
  htmlBody: string;
}

/**
 * Opens a new message form for the user to complete and send: `displayNewMessageFormAsync` (Mailbox 1.9) when the client
 * has it, else `displayNewMessageForm` (Mailbox 1.6, no callback); "missing" when it has neither.
 */
export function displayNewMessage(office: OfficeLike, form: NewMessageForm, timeoutMs: number): Promise<OfficeResult<void>> {
  const mailbox = safeGet(() => office.context.mailbox);
  if (mailbox && typeof mailbox.displayNewMessageFormAsync === "function") {
    return officeCall<void>("displayNewMessageFormAsync", timeoutMs, (cb) => mailbox.displayNewMessageFormAsync(form, cb));
  }
  if (mailbox && typeof mailbox.displayNewMessageForm === "function") {
    try {
      mailbox.displayNewMessageForm(form);
      return Promise.resolve({ ok: true as const, value: undefined });
    } catch (e) {
      return Promise.resolve(failure("displayNewMessageForm", "threw", errorName(e)));
    }
  }
  return Promise.resolve(failure("displayNewMessageForm", "missing"));
}

/**
 * Office.context.roamingSettings (Mailbox 1.1, every client, the event runtime of classic Windows included): the
 * add-in's settings stored in the mailbox, 32 KB for all of them. undefined when the host has none.
 */
export function roamingSettings(office: OfficeLike): { get(name: string): unknown; set(name: string, value: unknown): void; saveAsync(cb: Callback): void } | undefined {
  try {
    const rs = office && office.context && office.context.roamingSettings;
    return rs && typeof rs.get === "function" && typeof rs.set === "function" && typeof rs.saveAsync === "function" ? rs : undefined;
  } catch (e) {
    return undefined;
  }
}

/** Sets one roaming setting and saves them (through the queue like every call); a refusal (quota: 9057) is a failure. */
export function roamingSave(office: OfficeLike, name: string, value: string, timeoutMs: number): Promise<OfficeResult<void>> {
  const rs = roamingSettings(office);
  if (!rs) return Promise.resolve(failure("roamingSettings.saveAsync", "missing"));
  return officeCall<void>("roamingSettings.saveAsync", timeoutMs, (cb) => {
    rs.set(name, value);
    rs.saveAsync(cb);
  });
}
