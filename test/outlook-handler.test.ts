/**
 * The send handler and the pre-scan handlers against the hand-written fake mailbox: each scenario of the Outlook issue
 * gives the expected event.completed options. Runs the real pipeline (extract → scan → decide → render).
 */
import { defaultPolicy, withPolicy } from "./helpers/outlook-policy";
import { fakeEvent, fakeOffice, type FakeMessage, type FakeOptions } from "./helpers/fake-office";
import { b64, buildXlsx, customerAddresses } from "./helpers/outlook-fixtures";
import { handleSend, prescan } from "../src/outlook/on-message-send";
import { CACHE_KEY } from "../src/outlook/prescan-cache";
import { TASKPANE_COMMAND_ID, type CompletedOptions, type PaneContext } from "../src/outlook/completed-options";

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

  it("a cloud attachment cannot be read: reported as unscanned, not fetched as bytes", async () => {
    const { options } = await send({
      to: [int("colleague@example.com")],
      subject: "x",
      body: "hello",
      attachments: [{ id: "c", name: "plan.docx", size: 100, attachmentType: "cloud", format: "url", text: "https://contoso.sharepoint.com/plan.docx" }],
    });
    if (!options.allowEvent) expect(context(options).unscanned.map((u) => u.part)).toContain("plan.docx");
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
