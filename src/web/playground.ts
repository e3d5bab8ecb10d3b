/**
 * The policy playground (served by `npm start` at /playground.html): compliance staff paste or load a policy and
 * sample text or files, and see — live — the findings (masked), the decision and the Think First dialog in every
 * locale. It runs the add-in's own code: loadPolicy (the YAML is parsed here, in the browser, with `yaml`), then
 * checkMessage (extract → scan → decide) and renderDialog. UI strings come from the i18n catalog (`playground`,
 * `simulator`, `taskpane` sections). A customer set built by `dlp customers build` can be loaded with its .key file (or
 * with the key this build was compiled with); it is opened here and passed to checkMessage like the add-in does.
 * Nothing leaves the page: no network, no storage.
 */
import { stringify } from "yaml";
import { loadPolicyWithWarnings, PolicyError } from "../engine/policy/load";
import type { Policy } from "../engine/policy/types";
import type { AttachmentInfo, Decision, Location, Recipient, SourceResult, Unscanned } from "../engine/types";
import { checkMessage, type AttachmentInput } from "../pipeline/check-message";
import { openCustomerSet, type CustomerSet } from "../engine/customers/customer-set";
import { isMailFileNamed, mailBodyText, readMail, type MailAddress } from "../extract";
import { dirOf, format, LOCALES, messages, renderDialog, detectorName, type Locale } from "../i18n";
import { markdownToHtml } from "./markdown";
import { el, onFileDrop } from "../outlook/dom";
import { recipientsView } from "../outlook/taskpane/recipients-view";

declare const __THINK_FIRST_POLICY__: Policy;
declare const __THINK_FIRST_CUSTOMER_KEY__: string;

const DEFAULT_SETTINGS = JSON.stringify({ enabled: true, minConfidence: "low", keywords: { add: [], remove: [] }, window: 300 });

/** The build's policy as YAML source, without detector entries that only repeat the defaults. */
export function policyToYaml(policy: Policy): string {
  const detectors: Record<string, unknown> = {};
  for (const id of Object.keys(policy.detectors)) if (JSON.stringify(policy.detectors[id]) !== DEFAULT_SETTINGS) detectors[id] = policy.detectors[id];
  const source = { ...policy, detectors };
  return "# yaml-language-server: $schema=assets/policy/policy.schema.json\n# The policy of this build (see docs/policy.md for every key).\n" + stringify(source, { lineWidth: 120 });
}

interface State {
  uiLocale: Locale;
  policyText: string;
  compiled: { text: string; policy?: Policy; error?: string; warnings: string[] } | null;
  attachments: AttachmentInput[];
  /** Parts of a dropped mail file that could not be read. */
  mailUnscanned: Unscanned[];
  customers: CustomerSet | null;
  /** The loaded set's file name and what was wrong, for the status line. */
  customerStatus: { file: string; error?: string } | null;
}

const state: State = { uiLocale: "en", policyText: "", compiled: null, attachments: [], mailUnscanned: [], customers: null, customerStatus: null };

function byId<T extends HTMLElement>(id: string): T {
  return document.getElementById(id) as T;
}

function compile(): State["compiled"] {
  const text = byId<HTMLTextAreaElement>("policy").value;
  if (state.compiled && state.compiled.text === text) return state.compiled;
  try {
    const { policy, warnings } = loadPolicyWithWarnings(text, "policy.yaml");
    state.compiled = { text, policy, warnings };
  } catch (e) {
    state.compiled = { text, error: e instanceof PolicyError ? e.lines.join("\n") : String((e as Error).message || e), warnings: [] };
  }
  return state.compiled;
}

function recipients(): Recipient[] {
  const out: Recipient[] = [];
  for (const field of ["to", "cc", "bcc"] as const) {
    for (const raw of byId<HTMLInputElement>("rcpt-" + field).value.split(/[,;\s]+/)) {
      const email = raw.trim();
      if (email) out.push({ email, field, recipientType: "unknown" });
    }
  }
  return out;
}

function whereText(m: ReturnType<typeof messages>, loc: Location): string {
  if (loc.kind === "attachment") return format(m.dialog.where.attachment, { name: loc.name });
  return m.dialog.where[loc.kind];
}

let timer: ReturnType<typeof setTimeout> | undefined;
function schedule(): void {
  if (timer) clearTimeout(timer);
  timer = setTimeout(update, 200);
}

function update(): void {
  const m = messages(state.uiLocale);
  const compiled = compile();
  const status = byId("policy-status");
  const result = byId("result");
  result.textContent = "";
  if (!compiled || !compiled.policy) {
    status.className = "error";
    status.textContent = format(m.playground.policyError, { error: "\n" + (compiled && compiled.error) });
    result.appendChild(el("div", { id: "decision", "data-action": "error", role: "status" }, "—"));
    return;
  }
  status.className = compiled.warnings.length ? "error" : "";
  status.textContent = compiled.warnings.join("\n");
  const policy = compiled.policy;
  const sender = "you@" + (policy.organization.internalDomains[0] || "example.com");
  const attachments: AttachmentInfo[] = state.attachments.map((a) => a.info);
  const { decision, sources } = checkMessage(
    { message: { from: sender, subject: byId<HTMLInputElement>("subject").value, recipients: recipients(), attachments }, body: byId<HTMLTextAreaElement>("sample").value, attachments: state.attachments, unscanned: state.mailUnscanned },
    policy,
    { customers: state.customers },
  );
  renderResult(result, decision, sources, policy, m);
}

function renderResult(root: HTMLElement, decision: Decision, sources: SourceResult[], policy: Policy, m: ReturnType<typeof messages>): void {
  const label = m.playground[decision.action];
  root.appendChild(el("h2", {}, m.playground.decision));
  root.appendChild(el("div", { id: "decision", "data-action": decision.action, role: "status", "aria-live": "polite" }, label));
  if (decision.rules.length) {
    root.appendChild(el("h3", {}, m.playground.rules));
    const ul = el("ul", { id: "rules" });
    for (const r of decision.rules) ul.appendChild(el("li", { "data-rule": r.id }, `${r.id} — ${m.playground[r.action]} (${r.detectors.join(", ")})`));
    root.appendChild(ul);
  }

  root.appendChild(el("h3", {}, m.playground.findings));
  const rows = sources.reduce<{ s: SourceResult; f: SourceResult["findings"][number] }[]>((all, s) => all.concat(s.findings.map((f) => ({ s, f }))), []);
  if (!rows.length) root.appendChild(el("p", { id: "no-findings", class: "muted" }, m.playground.noFindings));
  else {
    const table = el("table", { id: "findings" }, el("thead", {}, el("tr", {}, el("th", {}, m.playground.detector), el("th", {}, m.playground.location), el("th", {}, m.playground.value), el("th", {}, m.playground.confidence))));
    const tbody = el("tbody");
    for (const { s, f } of rows) {
      tbody.appendChild(
        el("tr", { "data-detector": f.detector }, el("td", {}, detectorName(state.uiLocale, f.detector)), el("td", {}, whereText(m, s.location)), el("td", { class: "masked" }, f.masked), el("td", {}, m.taskpane.confidence[f.confidence])),
      );
    }
    table.appendChild(tbody);
    root.appendChild(table);
  }
  if (decision.unscanned.length) {
    root.appendChild(el("h3", {}, m.taskpane.sectionNotChecked));
    const ul = el("ul", { id: "unscanned" });
    for (const u of decision.unscanned) ul.appendChild(el("li", {}, format(m.dialog.unscannedItem, { name: u.part, reason: m.unscannedReasons[u.reason] })));
    root.appendChild(ul);
  }
  if (decision.noText && decision.noText.length) {
    root.appendChild(el("h3", {}, m.taskpane.sectionNoText));
    const ul = el("ul", { id: "no-text" });
    for (const p of decision.noText) ul.appendChild(el("li", { "data-kind": p.kind }, format(m.dialog.unscannedItem, { name: p.part, reason: m.taskpane.noTextKind[p.kind] })));
    root.appendChild(ul);
  }
  if (decision.linkedFiles && decision.linkedFiles.length) {
    root.appendChild(el("h3", {}, m.taskpane.sectionLinked));
    const ul = el("ul", { id: "linked-files" });
    for (const l of decision.linkedFiles) ul.appendChild(el("li", { "data-host": l.host }, l.count > 1 ? `${l.host} (${l.count})` : l.host));
    root.appendChild(ul);
  }
  const recipientFacts = recipientsView(m, decision);
  if (recipientFacts) root.appendChild(recipientFacts);
  if (decision.fixes.length) {
    root.appendChild(el("h3", {}, m.taskpane.fixesHeading));
    const ul = el("ul", { id: "fixes" });
    for (const f of decision.fixes) {
      ul.appendChild(el("li", {}, f.kind === "move-to-bcc" ? m.taskpane.moveToBcc : f.kind === "mask-identifiers" ? m.taskpane.maskBody : f.kind === "replace-domain" ? format(m.recipientChecks.replaceDomain, { masked: f.masked, suggestion: f.suggestion }) : format(m.taskpane.removeAttachment, { name: f.name })));
    }
    root.appendChild(ul);
  }
  if (decision.action === "allow") return;
  root.appendChild(el("h3", {}, m.playground.dialogPreview));
  for (const locale of LOCALES) {
    const text = renderDialog(decision, policy, locale);
    const box = el("article", { class: "dialog", lang: locale, dir: dirOf(locale), "data-locale": locale });
    box.appendChild(el("h4", {}, `${messages(locale).meta.name} · [${text.cancelLabel}]`));
    const md = el("div", { class: "md" });
    md.innerHTML = markdownToHtml(text.errorMessageMarkdown);
    box.appendChild(md);
    box.appendChild(el("pre", { hidden: "", class: "plain" }, text.errorMessage));
    root.appendChild(box);
  }
}

function readFile(file: File): Promise<Uint8Array> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(new Uint8Array(reader.result as ArrayBuffer));
    reader.onerror = () => reject(reader.error);
    reader.readAsArrayBuffer(file);
  });
}

async function addFiles(files: FileList | null): Promise<void> {
  if (!files) return;
  const m = messages(state.uiLocale);
  for (let i = 0; i < files.length; i++) {
    const file = files[i] as File;
    try {
      const bytes = await readFile(file);
      if (isMailFileNamed(file.name, bytes)) loadMail(file.name, bytes);
      else state.attachments.push({ info: { id: "att-" + Date.now() + "-" + i, name: file.name, size: bytes.length, type: "file" }, bytes });
    } catch (e) {
      byId("policy-status").textContent = format(m.playground.fileError, { name: file.name, error: String(e) });
    }
  }
  renderAttachments();
  schedule();
}

/** The key of a .key file (JSON, base64 key), else the key this build was compiled with, else null. */
function keyFrom(text: string | null): Uint8Array | null {
  let hex = typeof __THINK_FIRST_CUSTOMER_KEY__ === "string" ? __THINK_FIRST_CUSTOMER_KEY__ : "";
  if (text !== null) {
    const b64 = (JSON.parse(text) as { key?: string }).key || "";
    const raw = atob(b64);
    hex = "";
    for (let i = 0; i < raw.length; i++) hex += (raw.charCodeAt(i) < 16 ? "0" : "") + raw.charCodeAt(i).toString(16);
  }
  if (!/^(?:[0-9a-f]{2}){16,64}$/.test(hex)) return null;
  return new Uint8Array(hex.match(/../g)!.map((h) => parseInt(h, 16)));
}

async function loadCustomerSet(files: FileList | null): Promise<void> {
  if (!files || !files.length) return;
  let setFile: File | undefined;
  let keyFile: File | undefined;
  for (let i = 0; i < files.length; i++) {
    const f = files[i] as File;
    if (/\.key$/i.test(f.name)) keyFile = f;
    else setFile = f;
  }
  state.customers = null;
  state.customerStatus = { file: setFile ? setFile.name : keyFile ? keyFile.name : "" };
  try {
    if (!setFile) throw new Error("no .tfcs file chosen");
    const key = keyFrom(keyFile ? new TextDecoder().decode(await readFile(keyFile)) : null);
    if (!key) throw new Error("choose the set's .key file too");
    state.customers = openCustomerSet(await readFile(setFile), key);
  } catch (e) {
    state.customerStatus.error = String((e as Error).message || e);
  }
  renderCustomerStatus();
  schedule();
}

function renderCustomerStatus(): void {
  const m = messages(state.uiLocale);
  const box = byId("customer-status");
  const st = state.customerStatus;
  box.className = st && st.error ? "error" : "";
  if (!st) box.textContent = "";
  else if (st.error) box.textContent = format(m.playground.customerSetError, { error: st.error });
  else if (state.customers) {
    const h = state.customers.header;
    box.textContent = format(m.playground.customerSetLoaded, { file: st.file, emails: String(h.counts.email), numbers: String(h.counts.number), keyId: h.keyId });
  }
}

/**
 * A dropped .eml or .msg becomes the sample message, read by src/extract's readMail (the add-in's own mail path):
 * recipients, subject, body text and attachments replace the form's; parts it could not read are reported unscanned.
 */
function loadMail(name: string, bytes: Uint8Array): void {
  const item = readMail(bytes);
  const list = (l: MailAddress[]) => l.map((a) => a.address).filter((a) => a).join(", ");
  byId<HTMLInputElement>("rcpt-to").value = list(item.to);
  byId<HTMLInputElement>("rcpt-cc").value = list(item.cc);
  byId<HTMLInputElement>("rcpt-bcc").value = list(item.bcc);
  byId<HTMLInputElement>("subject").value = item.subject;
  byId<HTMLTextAreaElement>("sample").value = mailBodyText(item);
  const stamp = Date.now();
  state.attachments = item.attachments.map((a, k) => ({
    info: { id: "mail-" + stamp + "-" + k, name: a.name, size: a.bytes.length, type: a.isMessage ? ("item" as const) : ("file" as const), isInline: a.inline },
    bytes: a.bytes,
  }));
  state.mailUnscanned = item.unscanned.map((u) => ({ part: u.part ? name + "!" + u.part : name, reason: u.reason, detail: u.detail }));
}

function renderAttachments(): void {
  const m = messages(state.uiLocale);
  const ul = byId("attachments");
  ul.textContent = "";
  state.attachments.forEach((a, i) => {
    const remove = el("button", { type: "button" }, m.simulator.removeFile);
    remove.addEventListener("click", () => {
      state.attachments.splice(i, 1);
      renderAttachments();
      schedule();
    });
    ul.appendChild(el("li", {}, el("span", {}, `${a.info.name} (${a.info.size} B)`), remove));
  });
}

function build(): void {
  const m = messages(state.uiLocale);
  document.documentElement.lang = state.uiLocale;
  document.documentElement.dir = dirOf(state.uiLocale);
  document.title = m.playground.title;
  const app = byId("app");
  const keep = {
    policy: state.policyText,
    sample: document.getElementById("sample") ? byId<HTMLTextAreaElement>("sample").value : "",
    subject: document.getElementById("subject") ? byId<HTMLInputElement>("subject").value : "",
    to: document.getElementById("rcpt-to") ? byId<HTMLInputElement>("rcpt-to").value : "customer@partner.example",
    cc: document.getElementById("rcpt-cc") ? byId<HTMLInputElement>("rcpt-cc").value : "",
    bcc: document.getElementById("rcpt-bcc") ? byId<HTMLInputElement>("rcpt-bcc").value : "",
  };
  app.textContent = "";

  const localeSelect = el("select", { id: "ui-locale" });
  for (const l of LOCALES) {
    const o = el("option", { value: l }, messages(l).meta.name);
    if (l === state.uiLocale) o.setAttribute("selected", "");
    localeSelect.appendChild(o);
  }
  localeSelect.addEventListener("change", () => {
    state.policyText = byId<HTMLTextAreaElement>("policy").value;
    state.uiLocale = localeSelect.value as Locale;
    build();
  });
  app.appendChild(el("header", {}, el("div", {}, el("h1", {}, m.playground.title), el("p", {}, m.playground.explanation)), el("div", {}, el("label", { for: "ui-locale" }, m.playground.locale), localeSelect)));

  // Policy column.
  const policyArea = el("textarea", { id: "policy", spellcheck: "false", "aria-label": m.playground.policy });
  policyArea.value = keep.policy;
  policyArea.addEventListener("input", schedule);
  const reset = el("button", { type: "button", id: "reset-policy" }, m.playground.resetPolicy);
  reset.addEventListener("click", () => {
    policyArea.value = policyToYaml(__THINK_FIRST_POLICY__);
    schedule();
  });
  const policyFile = el("input", { type: "file", id: "policy-file", accept: ".yaml,.yml,.json" });
  policyFile.addEventListener("change", async () => {
    const f = policyFile.files && policyFile.files[0];
    if (!f) return;
    policyArea.value = new TextDecoder().decode(await readFile(f));
    schedule();
  });
  const customerFile = el("input", { type: "file", id: "customer-set", accept: ".tfcs,.key", multiple: "" });
  customerFile.addEventListener("change", () => void loadCustomerSet(customerFile.files));
  const policySection = el(
    "section",
    { "aria-labelledby": "h-policy" },
    el("h2", { id: "h-policy" }, m.playground.policy),
    el("div", { class: "toolbar" }, reset, el("label", { for: "policy-file" }, m.playground.loadPolicy), policyFile),
    policyArea,
    el("div", { id: "policy-status", role: "alert" }),
    el("h3", {}, m.playground.customerSet),
    el("label", { for: "customer-set" }, m.playground.loadCustomerSet),
    customerFile,
    el("div", { id: "customer-status", role: "status" }),
  );

  // Sample column.
  const input = (id: string, value: string) => {
    const i = el("input", { type: "text", id, autocomplete: "off" });
    i.value = value;
    i.addEventListener("input", schedule);
    return i;
  };
  const sample = el("textarea", { id: "sample" });
  sample.value = keep.sample;
  sample.addEventListener("input", schedule);
  const fileInput = el("input", { type: "file", id: "sample-files", multiple: "" });
  fileInput.addEventListener("change", () => addFiles(fileInput.files));
  const drop = el("div", { class: "drop", id: "drop", tabindex: "0" }, m.playground.dropFiles);
  onFileDrop(drop, (files) => void addFiles(files));
  const sampleSection = el(
    "section",
    { "aria-labelledby": "h-sample" },
    el("h2", { id: "h-sample" }, m.playground.recipients),
    el("label", { for: "rcpt-to" }, m.simulator.to),
    input("rcpt-to", keep.to),
    el("label", { for: "rcpt-cc" }, m.simulator.cc),
    input("rcpt-cc", keep.cc),
    el("label", { for: "rcpt-bcc" }, m.simulator.bcc),
    input("rcpt-bcc", keep.bcc),
    el("label", { for: "subject" }, m.simulator.subject),
    input("subject", keep.subject),
    el("label", { for: "sample" }, m.playground.sampleText),
    sample,
    drop,
    el("label", { for: "sample-files" }, m.simulator.attachments),
    fileInput,
    el("ul", { id: "attachments" }),
  );

  const resultSection = el("section", { id: "result", "aria-live": "polite" });
  app.appendChild(el("div", { class: "cols" }, policySection, sampleSection, resultSection));
  renderAttachments();
  renderCustomerStatus();
  update();
}

function start(): void {
  state.policyText = policyToYaml(__THINK_FIRST_POLICY__);
  build();
}

if (typeof document !== "undefined") {
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
}
