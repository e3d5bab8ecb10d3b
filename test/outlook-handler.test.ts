/**
 * The send handler and the pre-scan handlers against the hand-written fake mailbox: each scenario of the Outlook issue
 * gives the expected event.completed options. Runs the real pipeline (extract → scan → decide → render).
 */
import { defaultPolicy, withPolicy } from "./helpers/outlook-policy";
import { fakeEvent, fakeOffice, type FakeMessage, type FakeOptions } from "./helpers/fake-office";
import { b64, buildXlsx, customerAddresses } from "./helpers/outlook-fixtures";
import { jpg as photoJpeg, png as screenshotPng } from "../src/extract/test-fixtures-media";
import { handleSend, prescan } from "../src/outlook/on-message-send";
import { CACHE_KEY } from "../src/outlook/prescan-cache";
import { TASKPANE_COMMAND_ID, type CompletedOptions, type PaneContext } from "../src/outlook/completed-options";
import { CHECK_HEADER, REASON_HEADER, VERDICT_HEADER, isSafeHeaderValue, parseAuditHeaders } from "../src/pipeline/audit-headers";
import { policyVersion } from "../src/engine/policy/version";
import { REASON_KEY, STAMP_MS, serializeStoredReason } from "../src/outlook/audit-stamp";

const me = "me@example.com";
const ext = (emailAddress: string) => ({ emailAddress, displayName: emailAddress, recipientType: "externalUser" });
const int = (emailAddress: string) => ({ emailAddress, displayName: emailAddress, recipientType: "user" });

async function send(msg: FakeMessage, opts: FakeOptions = {}, policy = defaultPolicy) {
  const office = fakeOffice({ from: me, ...msg }, opts);
  const { event, completed } = fakeEvent();
  const result = await handleSend(event, { office: office.globals, policy });
  await new Promise((r) => setTimeout(r, 20));
  expect(completed).toHaveLength(1);
  expect(completed[0]!.options).toEqual(result);
  return { options: completed[0]!.options as CompletedOptions, office };
}

const context = (o: CompletedOptions) => JSON.parse(o.contextData!) as PaneContext;

function expectStopped(o: CompletedOptions, action: "warn" | "block") {
  expect(o.allowEvent).toBe(false);
  expect(o.errorMessage!.length).toBeGreaterThan(0);
  expect(o.errorMessage!.length).toBeLessThanOrEqual(500);
  expect(o.errorMessageMarkdown!.length).toBeLessThanOrEqual(500);
  expect(o.cancelLabel!.length).toBeLessThanOrEqual(20);
  expect(o.commandId).toBe(TASKPANE_COMMAND_ID);
  expect(context(o).action).toBe(action);
  if (action === "warn") expect(o.sendModeOverride).toBe("promptUser");
  else expect(o.sendModeOverride).toBeUndefined();
}

describe("onMessageSendHandler scenarios", () => {
  it("SSN in the body to an external address → block, masked in contextData", async () => {
    const { options } = await send({ to: [ext("partner@example.org")], subject: "Details", body: "Hi, the customer's SSN is 536-22-8726 as requested." });
    expectStopped(options, "block");
    const ctx = context(options);
    expect(ctx.examples.some((e) => e.detector === "us-ssn" && e.masked.endsWith("8726"))).toBe(true);
    expect(options.contextData).not.toMatch(/536.?22/);
    expect(options.errorMessage).not.toMatch(/536.?22/);
  });

  it("card number in an xlsx attachment to an external address → block", async () => {
    const xlsx = buildXlsx([["Name", "Visa card"], ["A. Customer", "4111 1111 1111 1111"]]);
    const { options, office } = await send({
      to: [ext("partner@example.org")],
      subject: "Orders",
      body: "See attached.",
      attachments: [{ id: "att1", name: "orders.xlsx", size: xlsx.length, base64: b64(xlsx) }],
    });
    expectStopped(options, "block");
    const ctx = context(options);
    expect(ctx.examples.some((e) => e.detector === "payment-card" && e.location.kind === "attachment")).toBe(true);
    expect(options.contextData).not.toContain("4111 1111 1111 1111");
    expect(office.calls).toContain("getAttachmentContentAsync");
  });

  it("a 40-address customer list sent internally → warn (Send Anyway allowed)", async () => {
    const { options } = await send({ to: [int("colleague@example.com")], subject: "Mailing", body: "Customers:\n" + customerAddresses(40).join("\n") });
    expectStopped(options, "warn");
    expect(context(options).rules.length).toBeGreaterThan(0);
  });

  it("25 external recipients visible in To → warn with the move-to-Bcc fix", async () => {
    const to = customerAddresses(25).map(ext);
    const { options } = await send({ to, subject: "Newsletter", body: "Dear customers, our shop opens on Monday." });
    expectStopped(options, "warn");
    expect(context(options).fixes.some((f) => f.kind === "move-to-bcc")).toBe(true);
  });

  it("nothing sensitive → allowEvent true and nothing else", async () => {
    const { options } = await send({ to: [ext("partner@example.org")], subject: "Lunch", body: "See you at noon." });
    expect(options).toEqual({ allowEvent: true });
  });

  it("a hidden Bcc-only list of 25 external recipients → allowed", async () => {
    const { options } = await send({ to: [int(me)], bcc: customerAddresses(25).map(ext), subject: "Newsletter", body: "Our shop opens on Monday." });
    expect(options).toEqual({ allowEvent: true });
  });
});

describe("requirement sets and locale", () => {
  const msg = { to: [ext("partner@example.org")], subject: "x", body: "SSN 536-22-8726" };

  it("Mailbox 1.12: only allowEvent and errorMessage", async () => {
    const { options } = await send(msg, { mailboxVersion: "1.12" });
    expect(Object.keys(options).sort()).toEqual(["allowEvent", "errorMessage"]);
  });

  it("Mailbox 1.14: Take Action options but no Markdown", async () => {
    const { options } = await send(msg, { mailboxVersion: "1.14" });
    expect(options.errorMessageMarkdown).toBeUndefined();
    expect(options.commandId).toBe(TASKPANE_COMMAND_ID);
  });

  it("reads Office.context.displayLanguage for the locale", async () => {
    const { options, office } = await send(msg, { displayLanguage: "ur-PK" });
    expect(context(options).locale).toBe("ur");
    expect(office.calls).toContain("displayLanguage");
  });
});

describe("Office failures", () => {
  it("body unreadable → the policy's onUnscanned action, naming the body", async () => {
    const { options } = await send({ to: [int("colleague@example.com")], subject: "x", body: "hello" }, { faults: { "body.getAsync": "fail" } }, withPolicy({ onUnscanned: "block" }));
    expect(options.allowEvent).toBe(false);
    expect(options.sendModeOverride).toBeUndefined();
    expect(context(options).unscanned.map((u) => u.part)).toContain("body");
    expect(options.errorMessage).toMatch(/body/i);
  });

  it("recipients unreadable + a card in the body → block: the unread recipients count as external (fail closed)", async () => {
    for (const field of ["to", "cc", "bcc"]) {
      const { options } = await send(
        { to: [int("colleague@example.com")], subject: "x", body: "Card 4111 1111 1111 1111, as agreed." },
        { faults: { [field + ".getAsync"]: "fail" } },
      );
      expectStopped(options, "block");
      expect(context(options).unscanned.map((u) => u.part)).toContain("recipients (" + field + ")");
    }
    // The same message with readable internal recipients only is allowed.
    const { options } = await send({ to: [int("colleague@example.com")], subject: "x", body: "Card 4111 1111 1111 1111, as agreed." });
    expect(options.allowEvent).toBe(true);
  });

  it("attachment content times out → warn (policy), the attachment named as not checked", async () => {
    const { options } = await send(
      { to: [int("colleague@example.com")], subject: "x", body: "hello", attachments: [{ id: "a", name: "q3.xlsx", size: 10, base64: "AAAA" }] },
      { faults: { getAttachmentContentAsync: "never" } },
      withPolicy({ onUnscanned: "warn", timeBudgetMs: 400 }),
    );
    expectStopped(options, "warn");
    expect(context(options).unscanned).toEqual(expect.arrayContaining([expect.objectContaining({ part: "q3.xlsx", reason: "timeout" })]));
  });

});

describe("cloud attachments and sharing links", () => {
  const cloud = { id: "c", name: "plan.docx", size: 0, attachmentType: "cloud", format: "url", text: "https://contoso-my.sharepoint.com/personal/jane_contoso_com/Documents/plan.docx?web=1" };
  const linksAlone = withPolicy({
    rules: defaultPolicy.rules.concat([{ id: "warn-links-external", when: { detectors: ["links"], minCount: 1, minConfidence: "low", recipients: "external", where: ["body", "attachment", "subject"] }, action: "warn", message: "check-links" }]),
  });

  it("a OneDrive attachment alone is not 'could not be checked': allowed under the default policy", async () => {
    const { options, office } = await send({ to: [ext("partner@example.org")], subject: "Plan", body: "See the plan.", attachments: [cloud] });
    expect(options).toEqual({ allowEvent: true });
    expect(office.calls).toContain("getAttachmentContentAsync");
  });

  it("beside a card in the body: blocked, and the dialog lists the cloud file's host, never its URL", async () => {
    const { options } = await send({ to: [ext("partner@example.org")], subject: "Plan", body: "Card 4111 1111 1111 1111", attachments: [cloud] });
    expectStopped(options, "block");
    expect(options.errorMessage).toContain("Also linked: contoso-my.sharepoint.com");
    expect(options.errorMessageMarkdown).toContain("contoso-my.sharepoint.com");
    for (const t of [options.errorMessage!, options.errorMessageMarkdown!, options.contextData!]) expect(t).not.toMatch(/jane|plan\.docx\?|personal/);
    expect(context(options).unscanned).toEqual([]);
  });

  it("a link only in the HTML body's link target (Office's text body drops it on some clients) is found", async () => {
    const html = '<p>Card 4111 1111 1111 1111. The list is <a href="https://www.dropbox.com/scl/fi/abc/customers.csv?dl=0">here</a>.</p>';
    const { options, office } = await send({ to: [ext("partner@example.org")], subject: "x", bodyHtml: html });
    expectStopped(options, "block");
    expect(options.errorMessage).toContain("Also linked: www.dropbox.com");
    expect(office.calls.filter((c) => c === "body.getAsync")).toHaveLength(2);
  });

  it("a policy that warns on links alone: warn, with the host and the advice", async () => {
    const { options } = await send({ to: [ext("partner@example.org")], subject: "Plan", body: "Here: https://1drv.ms/x/s!AkqZ3mNp?e=Ab3dE", attachments: [cloud] }, {}, linksAlone);
    expectStopped(options, "warn");
    expect(options.errorMessage).toContain("1drv.ms");
    expect(options.errorMessage).toContain("Make sure the linked files may be shared");
    expect(options.errorMessage).not.toContain("AkqZ3mNp");
    // Internally: allowed.
    expect((await send({ to: [int("colleague@example.com")], subject: "Plan", body: "https://1drv.ms/x/s!Akq", attachments: [cloud] }, {}, linksAlone)).options).toEqual({ allowEvent: true });
  });

  it("when the cloud attachment's URL cannot be read, it is still a linked file (named by the attachment), not unscanned", async () => {
    const { options } = await send({ to: [ext("partner@example.org")], subject: "x", body: "hello", attachments: [cloud] }, { faults: { getAttachmentContentAsync: "fail" } }, linksAlone);
    expectStopped(options, "warn");
    expect(context(options).unscanned).toEqual([]);
    expect(options.errorMessage).toContain("plan.docx");
  });

  it("the HTML body failing matters only to a policy that acts on links", async () => {
    const plain = { to: [ext("partner@example.org")], subject: "x", body: "hello" };
    const office = fakeOffice({ from: me, ...plain });
    const htmlFails = (o: typeof office) => {
      const get = o.item.body.getAsync;
      o.item.body.getAsync = (type: unknown, a: unknown, b?: unknown) => (type === "html" ? (typeof a === "function" ? a : (b as (r: unknown) => void))({ status: "failed", error: { name: "GenericResponseError" } }) : get(type, a, b));
    };
    htmlFails(office);
    const r1 = fakeEvent();
    expect(await handleSend(r1.event, { office: office.globals, policy: defaultPolicy })).toEqual({ allowEvent: true });
    const office2 = fakeOffice({ from: me, ...plain });
    htmlFails(office2);
    const r2 = fakeEvent();
    const o2 = await handleSend(r2.event, { office: office2.globals, policy: linksAlone });
    expect(o2.allowEvent).toBe(false);
    expect(context(o2).unscanned.map((u) => u.part)).toEqual(["body (links)"]);
  });
});

describe("pictures and recordings are not 'could not be checked'", () => {
  it("a screenshot (a real PNG, not inline) to an external recipient → allowed under the default policy", async () => {
    const png = screenshotPng();
    const { options, office } = await send({ to: [ext("partner@example.org")], subject: "The error", body: "See the screenshot.", attachments: [{ id: "s", name: "Screenshot 2025-03-01 101500.png", size: png.length, base64: b64(png) }] });
    expect(options).toEqual({ allowEvent: true });
    expect(office.calls).toContain("getAttachmentContentAsync");
  });

  it("photos (a JPEG and a zip of photos) beside a card: blocked for the card only, the photos not listed as not checked", async () => {
    const { zipSync } = require("fflate") as typeof import("fflate");
    const jpg = photoJpeg();
    const zip = zipSync({ "IMG_0001.JPG": jpg, "IMG_0002.JPG": photoJpeg(3, true) });
    const { options } = await send({
      to: [ext("partner@example.org")],
      subject: "Site visit",
      body: "Card 4111 1111 1111 1111",
      attachments: [
        { id: "p", name: "site.jpg", size: jpg.length, base64: b64(jpg) },
        { id: "z", name: "photos.zip", size: zip.length, base64: b64(zip) },
      ],
    });
    expectStopped(options, "block");
    expect(context(options).unscanned).toEqual([]);
    expect(options.errorMessage).not.toMatch(/site\.jpg|photos\.zip|Not checked/);
  });

  it("attachments.images: warn → the screenshot warns, as a part without text", async () => {
    const png = screenshotPng();
    const { options } = await send(
      { to: [int("colleague@example.com")], subject: "x", body: "See the screenshot.", attachments: [{ id: "s", name: "screenshot.png", size: png.length, base64: b64(png) }] },
      {},
      withPolicy({ attachments: { images: "warn" } }),
    );
    expectStopped(options, "warn");
    expect(context(options).unscanned).toEqual([expect.objectContaining({ part: "screenshot.png", reason: "no-text" })]);
    expect(options.errorMessage).toContain("Pictures and recordings are not read");
  });

  it("a pre-scanned picture keeps what it is in the cache: the send reuses it and decides the same", async () => {
    const png = screenshotPng();
    const policy = withPolicy({ attachments: { images: "warn" } });
    const office = fakeOffice({ from: me, to: [int("colleague@example.com")], subject: "x", body: "hi", attachments: [{ id: "s", name: "shot.png", size: png.length, base64: b64(png) }] });
    await prescan(fakeEvent().event, true, { office: office.globals, policy });
    expect(JSON.parse(office.session[CACHE_KEY]!).s.result.noText).toEqual([{ part: "shot.png", kind: "image" }]);
    office.calls.length = 0;
    const options = await handleSend(fakeEvent().event, { office: office.globals, policy });
    expect(office.calls).not.toContain("getAttachmentContentAsync");
    expectStopped(options, "warn");
  });
});

describe("pre-scan (OnMessageAttachmentsChanged / OnMessageRecipientsChanged)", () => {
  const xlsx = buildXlsx([["Visa card"], ["4111 1111 1111 1111"]]);
  const msg: FakeMessage = { from: me, to: [ext("partner@example.org")], subject: "Orders", body: "See attached.", attachments: [{ id: "att1", name: "orders.xlsx", size: xlsx.length, base64: b64(xlsx) }] };

  it("caches the attachment result without raw values, notifies, and the send reuses it", async () => {
    const office = fakeOffice(msg);
    const pre = fakeEvent();
    const decision = await prescan(pre.event, true, { office: office.globals, policy: defaultPolicy });
    expect(pre.completed).toHaveLength(1);
    expect(decision!.action).toBe("block");
    const stored = office.session[CACHE_KEY]!;
    expect(stored).toContain("att1");
    expect(stored).not.toMatch(/4111.?1111.?1111/);
    const note = office.notifications["thinkfirst"]!;
    expect(note.type).toBe("informationalMessage");
    expect(note.message.length).toBeLessThanOrEqual(150);

    office.calls.length = 0;
    const { event, completed } = fakeEvent();
    const options = await handleSend(event, { office: office.globals, policy: defaultPolicy });
    expect(completed).toHaveLength(1);
    expect(options.allowEvent).toBe(false);
    expect(office.calls).not.toContain("getAttachmentContentAsync");
  });

  it("recipient changes re-decide from the cache and clear the notice once the message is fine", async () => {
    const office = fakeOffice({ ...msg, to: [int("colleague@example.com")], attachments: [] , body: "hello"});
    office.notifications["thinkfirst"] = { type: "informationalMessage", message: "old" };
    const pre = fakeEvent();
    const decision = await prescan(pre.event, false, { office: office.globals, policy: defaultPolicy });
    expect(pre.completed).toHaveLength(1);
    expect(decision!.action).toBe("allow");
    expect(office.notifications["thinkfirst"]).toBeUndefined();
  });

  it("always completes, even when every call fails", async () => {
    const faults = Object.fromEntries(["to.getAsync", "body.getAsync", "getAttachmentsAsync", "sessionData.getAsync"].map((c) => [c, "throw" as const]));
    const office = fakeOffice(msg, { faults });
    const pre = fakeEvent();
    await prescan(pre.event, true, { office: office.globals, policy: defaultPolicy });
    expect(pre.completed).toHaveLength(1);
    expect(pre.completed[0]!.options).toBeUndefined();
  });
});

describe("inline pictures", () => {
  it("a signature logo (inline png) is not fetched and does not stop the message", async () => {
    const png = Buffer.from("89504e470d0a1a0a0000000d49484452", "hex").toString("base64");
    const { options, office } = await send({ to: [ext("partner@example.org")], subject: "Hi", body: "Regards", attachments: [{ id: "logo", name: "image001.png", size: 16, base64: png, isInline: true }] });
    expect(options).toEqual({ allowEvent: true });
    expect(office.calls).not.toContain("getAttachmentContentAsync");
  });
});

describe("pre-scan when Office is slow", () => {
  it("an attachment whose content times out raises no notice and is not cached", async () => {
    const office = fakeOffice({ from: me, to: [int("colleague@example.com")], subject: "x", body: "hello", attachments: [{ id: "a", name: "big.xlsx", size: 10, base64: "AAAA" }] }, { faults: { getAttachmentContentAsync: "never" } });
    const pre = fakeEvent();
    const decision = await prescan(pre.event, true, { office: office.globals, policy: withPolicy({ timeBudgetMs: 300 }) });
    expect(pre.completed).toHaveLength(1);
    expect(decision!.action).toBe("allow");
    expect(office.notifications["thinkfirst"]).toBeUndefined();
    expect(office.session[CACHE_KEY] || "{}").not.toContain('"a"');
  });
});

describe("audit headers (X-ThinkFirst-*) on every completion path", () => {
  /** Sends and records the headers the item carried at the moment event.completed was called. */
  async function stamped(msg: FakeMessage, opts: FakeOptions = {}, policy = defaultPolicy, run: { customers?: unknown } = {}) {
    const office = fakeOffice({ from: me, ...msg }, opts);
    const completed: { options: CompletedOptions; headers: Record<string, string>; at: number }[] = [];
    const start = Date.now();
    const event = { completed: (o: unknown) => completed.push({ options: o as CompletedOptions, headers: { ...office.headers }, at: Date.now() - start }) };
    const result = await handleSend(event, { office: office.globals, policy, product: "1.4.0", ...(run as object) });
    await new Promise((r) => setTimeout(r, 20));
    expect(completed).toHaveLength(1);
    expect(completed[0]!.options).toEqual(result);
    expect(completed[0]!.at).toBeLessThanOrEqual(policy.timeBudgetMs);
    return { ...completed[0]!, office, record: parseAuditHeaders(lowerKeys(completed[0]!.headers)) };
  }

  it("allow: verdict allow, no rules, the product, the policy version and the client", async () => {
    const { options, headers, record } = await stamped({ to: [ext("partner@example.org")], subject: "Lunch", body: "See you at noon." });
    expect(options).toEqual({ allowEvent: true });
    expect(Object.keys(headers).sort()).toEqual([CHECK_HEADER, REASON_HEADER, VERDICT_HEADER].sort());
    expect(record).toMatchObject({ verdict: "allow", rules: [], product: "1.4.0", policy: policyVersion(defaultPolicy), client: "officeonline", problems: [] });
    expect(headers[REASON_HEADER]).toBe("code=none");
  });

  it("warn: the customer-list rule and its count, never an address", async () => {
    const { options, headers, record } = await stamped({ to: [int("colleague@example.com")], subject: "Mailing", body: "Customers:\n" + customerAddresses(40).join("\n") });
    expectStopped(options, "warn");
    expect(record!.verdict).toBe("warn");
    expect(record!.rules).toContain("warn-customer-list");
    expect(record!.counts["email-list"]).toBeGreaterThan(0);
    expect(JSON.stringify(headers)).not.toMatch(/@|customer\d|example\.(org|net)/);
  });

  it("block: the identifier rule, never the number", async () => {
    const { options, headers, record } = await stamped({ to: [ext("partner@example.org")], subject: "Details", body: "The customer's SSN is 536-22-8726." });
    expectStopped(options, "block");
    expect(record!.verdict).toBe("block");
    expect(record!.rules).toContain("block-identifiers-external");
    expect(record!.counts["us-ssn"]).toBe(1);
    expect(JSON.stringify(headers)).not.toMatch(/536|8726|partner/);
  });

  it("unscanned: the body could not be read → the reason counted, never the part's name", async () => {
    const { headers, record } = await stamped({ to: [int("colleague@example.com")], subject: "x", body: "hello" }, { faults: { "body.getAsync": "fail" } }, withPolicy({ onUnscanned: "block" }));
    expect(record!.verdict).toBe("block");
    expect(Object.keys(record!.unscanned).length).toBeGreaterThan(0);
    expect(headers[CHECK_HEADER]).not.toContain("body");
  });

  it("timeout: a hung attachment → the watchdog's decision is stamped, in the budget", async () => {
    const { options, record } = await stamped(
      { to: [int("colleague@example.com")], subject: "x", body: "hello", attachments: [{ id: "a", name: "q3.xlsx", size: 10, base64: "AAAA" }] },
      { faults: { getAttachmentContentAsync: "never" } },
      withPolicy({ onUnscanned: "warn", timeBudgetMs: 400 }),
    );
    expectStopped(options, "warn");
    expect(record).toMatchObject({ verdict: "warn", unscanned: { timeout: 1 } });
  });

  it("a thrown error in the pipeline → the failure decision is stamped (block-safe onUnscanned)", async () => {
    const throwing = new Proxy({}, { get: () => { throw new Error("injected"); } });
    const { options, record } = await stamped({ to: [int("colleague@example.com")], subject: "x", body: "hello" }, {}, withPolicy({ onUnscanned: "block" }), { customers: throwing });
    expect(options.allowEvent).toBe(false);
    expect(record!.verdict).toBe("block");
    expect(Object.values(record!.unscanned).reduce((a, b) => a + b, 0)).toBeGreaterThan(0);
  });

  it("no compose item → completed once, nothing stamped (there is nothing to stamp)", async () => {
    const office = fakeOffice({ from: me });
    (office.globals.context as { mailbox: { item: unknown } }).mailbox.item = null;
    const { event, completed } = fakeEvent();
    const o = await handleSend(event, { office: office.globals, policy: defaultPolicy });
    expect(completed).toHaveLength(1);
    expect(o.allowEvent).toBe(false);
    expect(office.calls).not.toContain("internetHeaders.setAsync");
  });

  const card = { to: [ext("partner@example.org")], subject: "x", body: "Card 4111 1111 1111 1111" };
  it.each([
    ["fails", { faults: { "internetHeaders.setAsync": "fail" as const } }],
    ["throws", { faults: { "internetHeaders.setAsync": "throw" as const } }],
    ["never answers", { faults: { "internetHeaders.setAsync": "never" as const } }],
    ["answers late", { faults: { "internetHeaders.setAsync": "late" as const }, lateMs: 60_000 }],
    ["is absent (Mailbox 1.7)", { mailboxVersion: "1.7" }],
    ["is absent (no internetHeaders)", { noInternetHeaders: true }],
  ])("setAsync %s → the same completion, at most one stamp slice later, exactly once", async (_name, opts) => {
    const normal = await stamped(card);
    const faulty = await stamped(card, opts as FakeOptions);
    expect(Object.keys(faulty.headers)).toEqual([]);
    if (!(opts as FakeOptions).mailboxVersion) expect(faulty.options).toEqual(normal.options);
    else expect(faulty.options.allowEvent).toBe(false);
    expect(faulty.at).toBeLessThanOrEqual(normal.at + STAMP_MS + 150);
    if ((opts as FakeOptions).noInternetHeaders || (opts as FakeOptions).mailboxVersion) expect(faulty.office.calls).not.toContain("internetHeaders.setAsync");
  });

  it("the headers are set before event.completed, in one setAsync call", async () => {
    const { headers, office } = await stamped(card);
    expect(headers[VERDICT_HEADER]).toBe("block");
    expect(office.calls.filter((c) => c === "internetHeaders.setAsync")).toHaveLength(1);
  });
});

describe("Send with a reason (the task pane's reason in sessionData)", () => {
  const list = { to: [int("colleague@example.com")], subject: "Mailing", body: "Customers:\n" + customerAddresses(40).join("\n") };
  const needsReason = withPolicy({ rules: defaultPolicy.rules.map((r) => (r.id === "warn-customer-list" ? { ...r, requireReason: true as const } : r)) });

  async function withReason(stored: string | undefined, policy = needsReason, msg: FakeMessage = list) {
    const office = fakeOffice({ from: me, ...msg });
    if (stored !== undefined) office.session[REASON_KEY] = stored;
    const { event, completed } = fakeEvent();
    const options = await handleSend(event, { office: office.globals, policy, product: "1.4.0" });
    expect(completed).toHaveLength(1);
    return { options, record: parseAuditHeaders(lowerKeys(office.headers))!, headers: office.headers };
  }

  it("a requireReason rule without a reason: no Send Anyway, and the dialog points to the task pane", async () => {
    const { options, record } = await withReason(undefined);
    expect(options.allowEvent).toBe(false);
    expect(options.sendModeOverride).toBeUndefined();
    expect(options.commandId).toBe(TASKPANE_COMMAND_ID);
    expect(options.errorMessage).toContain("Send with a reason");
    expect(options.errorMessage).not.toContain("Send Anyway");
    expect(options.errorMessage!.length).toBeLessThanOrEqual(500);
    expect(record.verdict).toBe("warn");
    expect(record.reason).toBeUndefined();
  });

  it("with a reason given for the rule: the message goes, stamped warn with the reason", async () => {
    const stored = serializeStoredReason({ code: "business-need", text: "Approved by the team lead" }, ["warn-customer-list"]);
    const { options, record } = await withReason(stored);
    expect(options).toEqual({ allowEvent: true });
    expect(record.verdict).toBe("warn");
    expect(record.rules).toContain("warn-customer-list");
    expect(record.reason).toEqual({ code: "business-need", text: "Approved by the team lead" });
  });

  it("a reason given for other rules does not cover a new one: the dialog again", async () => {
    const { options } = await withReason(serializeStoredReason({ code: "customer-consent" }, ["warn-visible-external-recipients"]));
    expect(options.allowEvent).toBe(false);
    expect(options.sendModeOverride).toBeUndefined();
  });

  it("a stored reason that does not pass the checks (an identifier, a forged code) is ignored", async () => {
    for (const bad of [
      JSON.stringify({ v: 1, justification: { code: "other", text: "card 4111 1111 1111 1111" }, rules: ["warn-customer-list"] }),
      JSON.stringify({ v: 1, justification: { code: "because-i-said-so" }, rules: ["warn-customer-list"] }),
      "not json",
    ]) {
      const { options, headers } = await withReason(bad);
      expect(options.allowEvent).toBe(false);
      expect(headers[REASON_HEADER]).toBe("code=none");
      expect(JSON.stringify(headers)).not.toContain("4111");
    }
  });

  it("a reason on a warn rule without requireReason also lets it go (the employee chose it in the task pane); a block stays a block", async () => {
    const stored = serializeStoredReason({ code: "customer-consent" }, ["warn-customer-list", "block-identifiers-external"]);
    expect((await withReason(stored, defaultPolicy)).options).toEqual({ allowEvent: true });
    const blocked = await withReason(stored, defaultPolicy, { to: [ext("partner@example.org")], subject: "x", body: "SSN 536-22-8726" });
    expect(blocked.options.allowEvent).toBe(false);
    expect(blocked.record.verdict).toBe("block");
  });
});

describe("no raw value or address reaches a header, at the handler (property)", () => {
  it("planted identifiers, addresses, file names and reason texts never appear in what setAsync received", async () => {
    const { default: fc } = await import("fast-check");
    const word = fc.stringMatching(/^[a-z]{10,14}$/);
    await fc.assert(
      fc.asyncProperty(word, word, fc.integer({ min: 0, max: 30 }), fc.constantFrom("4111 1111 1111 1111", "536-22-8726", "GB82 WEST 1234 5698 7654 32", "131052-308T"), fc.boolean(), fc.string({ maxLength: 40 }), async (local, domain, n, id, external, text) => {
        const addr = `${local}@${domain}.test`;
        const office = fakeOffice({
          from: me,
          to: [external ? ext(addr) : int(`${local}@example.com`)],
          cc: customerAddresses(n).map(ext),
          subject: `${local} ${id}`,
          body: `${id} ${addr}\n` + customerAddresses(n, `${domain}.test`).join("\n"),
          attachments: [{ id: "a", name: `${local}-${id}.txt`, size: 40, base64: Buffer.from(`${id} ${addr}`).toString("base64") }],
        }, { platform: `${local}@x` });
        office.session[REASON_KEY] = JSON.stringify({ v: 1, justification: { code: "other", text: `${text} ${id} ${addr}` }, rules: ["warn-customer-list"] });
        await handleSend(fakeEvent().event, { office: office.globals, policy: defaultPolicy, product: "1.4.0" });
        const all = Object.keys(office.headers).map((k) => office.headers[k]!);
        expect(all).toHaveLength(3);
        for (const v of all) {
          expect(isSafeHeaderValue(v)).toBe(true);
          expect(v).not.toContain(local);
          expect(v).not.toContain(domain);
          expect(v).not.toMatch(/\d{6}/);
          for (const part of id.split(/[ -]/).filter((p) => p.length >= 4)) expect(v).not.toContain(part);
        }
      }),
      { numRuns: 60 },
    );
  });
});

function lowerKeys(h: Record<string, string>): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const k of Object.keys(h)) out[k.toLowerCase()] = [h[k]!];
  return out;
}
