/**
 * The compose simulator (/simulator.html, served by npm start): a compose form (To/Cc/Bcc, subject, body, drag-and-drop
 * attachments, and cloud attachments given by their link, as OneDrive/SharePoint attachments are), a display-language
 * picker and a Send button. The page loads the real office.js and the real
 * launchevent.js (script tags in the template); outside Outlook Office.onReady resolves with no host, so this page gives
 * Office.context a fake mailbox backed by the form, calls the handler that launchevent.js associated (both through
 * src/outlook/simulator-host.ts), and renders what Outlook would show: the "Think First" dialog with the send mode's
 * buttons (Send Anyway / Don't Send / Take Action). Take Action opens the real task pane (taskpane.html) in a side frame
 * that shares the fake mailbox (window.thinkFirstSimulator). Below the Send button it shows the X-ThinkFirst-* headers
 * the last send stamped (what the delivered message would carry) and any mail the task pane prepared for compliance.
 */
import { LOCALES, resolveLocale, type Locale } from "../i18n";
import { messages } from "../i18n/messages";
import type { Messages } from "../i18n/messages/en";
import { currentPolicy } from "../outlook/policy-source";
import { associatedHandler, installHostContext, onOfficeReady } from "../outlook/simulator-host";
import { markdownToHtml } from "./markdown";
import { onFileDrop } from "../outlook/dom";
import { createSimOffice, formatRecipients, parseRecipients, type SimState } from "./sim-mailbox";
import { formatHeaderField } from "../pipeline/audit-headers";

/* eslint-disable @typescript-eslint/no-explicit-any */

/** A display language per supported locale, as Outlook reports it. */
const DISPLAY_LANGUAGES: Record<Locale, string> = { en: "en-US", sk: "sk-SK", nb: "nb-NO", fi: "fi-FI", hi: "hi-IN", ur: "ur-PK" };

interface SendOutcome {
  options: any;
  outcome: "sent" | "not-sent" | "pending";
  /** When a dialog is shown: resolves with the user's choice. */
  choice?: Promise<SendOutcome>;
}

const policy = currentPolicy();
const internal = policy.organization.internalDomains;
const state: SimState = {
  from: "you@" + (internal[0] || "example.com"),
  to: [],
  cc: [],
  bcc: [],
  subject: "",
  body: "",
  attachments: [],
  displayLanguage: "en-US",
  mailboxVersion: 15,
  session: {},
  notifications: {},
  initializationContext: "",
  headers: {},
  forms: [],
};
let nextId = 1;
let m: Messages = messages("en");

const $ = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;

/** Runs an associated handler with a fake event; resolves with what it passed to completed. */
function runHandler(name: string): Promise<any> {
  const f = associatedHandler(name);
  if (!f) return Promise.reject(new Error(name + " is not associated"));
  return new Promise((resolve) => {
    let done = false;
    f({
      type: name,
      completed: (options?: unknown) => {
        if (done) return;
        done = true;
        resolve(options);
      },
    });
  });
}

function installOffice(): void {
  const sim = createSimOffice(state, internal, { changed: (what) => syncForm(what) });
  installHostContext(sim.context, () => state.displayLanguage);
  (window as any).thinkFirstSimulator = { office: { context: sim.context }, state, send, runHandler };
}

// ---- form ⇄ state ----------------------------------------------------------------------------------------------

function readForm(): void {
  state.to = parseRecipients($<HTMLInputElement>("to").value);
  state.cc = parseRecipients($<HTMLInputElement>("cc").value);
  state.bcc = parseRecipients($<HTMLInputElement>("bcc").value);
  state.subject = $<HTMLInputElement>("subject").value;
  state.body = $<HTMLTextAreaElement>("body").value;
}

function syncForm(what: string): void {
  if (what === "to" || what === "cc" || what === "bcc") $<HTMLInputElement>(what).value = formatRecipients(state[what]);
  if (what === "body") $<HTMLTextAreaElement>("body").value = state.body;
  if (what === "attachments") renderAttachments();
  if (what === "notifications") renderInfoBar();
  if (what === "headers") renderHeaders();
  if (what === "forms") renderForms();
}

/** The headers the last send stamped, as they would appear in the delivered message (folded). */
function renderHeaders(): void {
  const box = $("sim-headers");
  const keys = Object.keys(state.headers).sort();
  $("sim-headers-text").textContent = keys.map((k) => formatHeaderField(k, state.headers[k]!)).join("\r\n");
  box.hidden = keys.length === 0;
}

/** The mails the task pane opened for compliance (in Outlook, a new message window). */
function renderForms(): void {
  const box = $("sim-forms");
  const list = $("sim-forms-list");
  list.textContent = "";
  for (const f of state.forms) {
    const li = document.createElement("li");
    li.textContent = f.toRecipients.join("; ") + ": " + f.subject;
    li.dir = "auto";
    list.append(li);
  }
  box.hidden = state.forms.length === 0;
}

function renderInfoBar(): void {
  const bar = $("infobar");
  const keys = Object.keys(state.notifications);
  bar.textContent = keys.map((k) => state.notifications[k]!.message).join(" ");
  bar.hidden = keys.length === 0;
}

function renderAttachments(): void {
  const list = $("attachment-list");
  list.textContent = "";
  for (const a of state.attachments) {
    const li = document.createElement("li");
    const name = document.createElement("span");
    name.textContent = a.cloudUrl ? a.name + " (" + m.simulator.cloudFile + ")" : a.name + " (" + Math.max(1, Math.round(a.size / 1024)) + " KB)";
    name.dir = "auto";
    const remove = document.createElement("button");
    remove.type = "button";
    remove.textContent = m.simulator.removeFile;
    remove.setAttribute("aria-label", m.simulator.removeFile + " " + a.name);
    remove.addEventListener("click", () => {
      state.attachments = state.attachments.filter((x) => x.id !== a.id);
      renderAttachments();
      void runHandler("onMessageAttachmentsChangedHandler").catch(() => undefined);
    });
    li.append(name, " ", remove);
    list.append(li);
  }
}

function toBase64(bytes: Uint8Array): string {
  let s = "";
  for (let i = 0; i < bytes.length; i += 0x8000) s += String.fromCharCode.apply(null, Array.prototype.slice.call(bytes.subarray(i, i + 0x8000)));
  return btoa(s);
}

/** Adds files as attachments (also used by tests through window.thinkFirstSimulator). */
async function addFiles(files: { name: string; bytes: Uint8Array }[]): Promise<void> {
  for (const f of files) state.attachments.push({ id: "att-" + nextId++, name: f.name, size: f.bytes.length, base64: toBase64(f.bytes) });
  renderAttachments();
  await runHandler("onMessageAttachmentsChangedHandler").catch(() => undefined);
}

/** The file name a cloud link shows as (its last path segment), or "cloud file". */
function cloudName(url: string): string {
  const path = url.replace(/[?#].*$/, "").replace(/\/+$/, "");
  let last = path.slice(path.lastIndexOf("/") + 1);
  try {
    last = decodeURIComponent(last);
  } catch (e) {
    // keep it encoded
  }
  return /\.[A-Za-z0-9]{1,5}$/.test(last) ? last : "cloud file";
}

/** Attaches a cloud file (a link, as OneDrive/SharePoint attachments are): also used by tests. */
async function addCloudFile(url: string, name = cloudName(url)): Promise<void> {
  state.attachments.push({ id: "att-" + nextId++, name, size: 0, base64: "", cloudUrl: url });
  renderAttachments();
  await runHandler("onMessageAttachmentsChangedHandler").catch(() => undefined);
}

async function addFileList(list: FileList | null): Promise<void> {
  if (!list) return;
  const files: { name: string; bytes: Uint8Array }[] = [];
  for (let i = 0; i < list.length; i++) {
    const f = list[i]!;
    files.push({ name: f.name, bytes: new Uint8Array(await f.arrayBuffer()) });
  }
  await addFiles(files);
}

// ---- the Outlook dialog --------------------------------------------------------------------------------------------

function setStatus(text: string, kind: string): void {
  const s = $("send-status");
  s.textContent = text;
  s.setAttribute("data-outcome", kind);
}

function closeDialog(): void {
  const d = $<HTMLDialogElement>("dialog");
  if (d.open) d.close();
}

function openPane(contextData: string): void {
  state.initializationContext = contextData || "";
  const frame = $<HTMLIFrameElement>("pane-frame");
  $("pane").hidden = false;
  frame.src = "taskpane.html?ts=" + Date.now();
}

function showDialog(options: any): Promise<SendOutcome> {
  return new Promise((resolve) => {
    const d = $<HTMLDialogElement>("dialog");
    const text = $("dialog-message");
    if (options.errorMessageMarkdown) text.innerHTML = markdownToHtml(options.errorMessageMarkdown);
    else text.textContent = options.errorMessage || "";
    text.dir = "auto";
    const buttons = $("dialog-buttons");
    buttons.textContent = "";
    const add = (label: string, id: string, primary: boolean, then: () => void) => {
      const b = document.createElement("button");
      b.type = "button";
      b.id = id;
      b.textContent = label;
      if (primary) b.className = "primary";
      b.addEventListener("click", () => {
        closeDialog();
        then();
      });
      buttons.append(b);
    };
    if (options.commandId) add(options.cancelLabel || m.simulator.takeAction, "dialog-take-action", true, () => {
      setStatus(m.simulator.messageNotSent, "not-sent");
      openPane(options.contextData);
      resolve({ options, outcome: "not-sent" });
    });
    if (options.sendModeOverride === "promptUser") add(m.simulator.sendAnyway, "dialog-send-anyway", false, () => {
      setStatus(m.simulator.messageSent, "sent");
      resolve({ options, outcome: "sent" });
    });
    add(m.simulator.dontSend, "dialog-dont-send", false, () => {
      setStatus(m.simulator.messageNotSent, "not-sent");
      resolve({ options, outcome: "not-sent" });
    });
    d.setAttribute("data-kind", options.sendModeOverride === "promptUser" ? "warn" : "block");
    d.showModal();
  });
}

async function send(): Promise<SendOutcome> {
  readForm();
  closeDialog();
  setStatus(m.simulator.checking, "checking");
  const sendButton = $<HTMLButtonElement>("send");
  sendButton.disabled = true;
  try {
    const options = await runHandler("onMessageSendHandler");
    (window as any).thinkFirstSimulator.lastOptions = options;
    if (options && options.allowEvent) {
      setStatus(m.simulator.messageSent, "sent");
      return { options, outcome: "sent" };
    }
    setStatus("", "dialog");
    return { options, outcome: "pending", choice: showDialog(options || {}) };
  } catch (e) {
    setStatus(m.simulator.error.replace("{error}", e instanceof Error ? e.message : "error"), "error");
    return { options: undefined, outcome: "not-sent" };
  } finally {
    sendButton.disabled = false;
  }
}

// ---- page --------------------------------------------------------------------------------------------------------

function applyLanguage(displayLanguage: string): void {
  state.displayLanguage = displayLanguage;
  const locale = resolveLocale(displayLanguage);
  m = messages(locale);
  document.documentElement.lang = locale;
  document.documentElement.dir = m.meta.dir;
  document.title = m.simulator.title;
  const s = m.simulator;
  const text: Record<string, string> = {
    "sim-title": s.title,
    "sim-explanation": s.explanation,
    "label-to": s.to,
    "label-cc": s.cc,
    "label-bcc": s.bcc,
    "label-subject": s.subject,
    "label-body": s.body,
    "label-attachments": s.attachments,
    "drop-text": s.dropFiles,
    "label-language": s.displayLanguage,
    "cloud-add": s.addCloudFile,
    send: s.send,
    "dialog-title": m.labels.addinName,
    "pane-title": m.labels.addinName,
    "sim-headers-title": s.auditHeaders,
    "sim-forms-title": s.newMessages,
  };
  for (const id of Object.keys(text)) {
    const e = document.getElementById(id);
    if (e) e.textContent = text[id]!;
  }
  renderAttachments();
  const frame = $<HTMLIFrameElement>("pane-frame");
  if (!$("pane").hidden) frame.src = "taskpane.html?ts=" + Date.now();
}

function wire(): void {
  const picker = $<HTMLSelectElement>("language");
  for (const l of LOCALES) {
    const o = document.createElement("option");
    o.value = DISPLAY_LANGUAGES[l];
    o.textContent = messages(l).meta.name;
    picker.append(o);
  }
  picker.addEventListener("change", () => applyLanguage(picker.value));
  $("send").addEventListener("click", () => void send());
  for (const f of ["to", "cc", "bcc"]) {
    $(f).addEventListener("change", () => {
      readForm();
      void runHandler("onMessageRecipientsChangedHandler").catch(() => undefined);
    });
  }
  const drop = $("drop");
  const input = $<HTMLInputElement>("file-input");
  onFileDrop(drop, (files) => void addFileList(files));
  input.addEventListener("change", () => {
    void addFileList(input.files);
    input.value = "";
  });
  $("cloud-add").addEventListener("click", () => {
    const url = $<HTMLInputElement>("cloud-url").value.trim();
    if (!/^https?:\/\/\S+$/i.test(url)) return;
    $<HTMLInputElement>("cloud-url").value = "";
    void addCloudFile(url);
  });
  $("pane-close").addEventListener("click", () => {
    $("pane").hidden = true;
    $<HTMLIFrameElement>("pane-frame").src = "about:blank";
  });
  const params = new URLSearchParams(location.search);
  const lang = params.get("lang");
  if (lang) picker.value = DISPLAY_LANGUAGES[resolveLocale(lang)];
  applyLanguage(picker.value || "en-US");
}

onOfficeReady(() => {
  installOffice();
  (window as any).thinkFirstSimulator.addFiles = addFiles;
  (window as any).thinkFirstSimulator.addCloudFile = addCloudFile;
  wire();
  document.body.setAttribute("data-ready", "true");
});
