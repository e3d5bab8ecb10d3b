/** The task pane's fixes against the fake mailbox, and a re-check after each (real pipeline, default policy). */
import { defaultPolicy } from "./helpers/outlook-policy";
import { fakeOffice } from "./helpers/fake-office";
import { b64, buildXlsx, customerAddresses } from "./helpers/outlook-fixtures";
import { check, maskBodyIdentifiers, maskDigits, maskHtml, maskText, moveExternalToBcc, removeFlaggedAttachment } from "../src/outlook/taskpane/fixes";

const ext = (emailAddress: string) => ({ emailAddress, displayName: emailAddress, recipientType: "externalUser" });
const int = (emailAddress: string) => ({ emailAddress, displayName: emailAddress, recipientType: "user" });

describe("masking", () => {
  it("keeps separators and the last 4 digits", () => {
    expect(maskDigits("4111 1111 1111 1111")).toBe("**** **** **** 1111");
    expect(maskDigits("536-22-8726")).toBe("***-**-8726");
    expect(maskDigits("GB82 WEST 1234 5698 7654 32")).toBe("GB** WEST **** **** **54 32");
  });

  it("masks spans of a text body, leaving the rest", () => {
    const text = "Card 4111 1111 1111 1111 and SSN 536-22-8726.";
    const findings = [
      { detector: "payment-card", start: 5, end: 24, confidence: "high" as const, reasons: [], masked: "" },
      { detector: "us-ssn", start: 33, end: 44, confidence: "high" as const, reasons: [], masked: "" },
    ];
    expect(maskText(text, findings)).toBe("Card **** **** **** 1111 and SSN ***-**-8726.");
  });

  it("masks an identifier in HTML even across tags and &nbsp;", () => {
    const html = "<p>Card <b>4111</b>&nbsp;1111 1111 1111 ok</p>";
    expect(maskHtml(html, ["4111 1111 1111 1111"])).toBe("<p>Card <b>****</b>&nbsp;**** **** 1111 ok</p>");
  });
});

describe("fixes on the fake mailbox", () => {
  it("move to Bcc: external To/Cc go to Bcc, internal stay, then the message is allowed", async () => {
    const office = fakeOffice({ from: "me@example.com", to: [...customerAddresses(12).map(ext), int("colleague@example.com")], cc: [ext("x@example.org")], bcc: [ext("customer1@example.net")], subject: "Hi", body: "Shop opens Monday." });
    const before = await check(office.item, office.globals, defaultPolicy);
    expect(before.decision.action).toBe("warn");
    const r = await moveExternalToBcc(office.item, office.globals, defaultPolicy);
    expect(r).toEqual({ ok: true, changed: 13 });
    expect(office.state.to.map((x) => x.emailAddress)).toEqual(["colleague@example.com"]);
    expect(office.state.cc).toEqual([]);
    expect(office.state.bcc).toHaveLength(13); // customer1@example.net was already there: not duplicated
    expect((await check(office.item, office.globals, defaultPolicy)).decision.action).toBe("allow");
  });

  it("mask the body: text body masked, identifiers gone on re-check", async () => {
    const office = fakeOffice({ from: "me@example.com", to: [ext("p@example.org")], subject: "x", body: "Visa card 4111 1111 1111 1111, SSN 536-22-8726." });
    expect((await check(office.item, office.globals, defaultPolicy)).decision.action).toBe("block");
    const r = await maskBodyIdentifiers(office.item, defaultPolicy);
    expect(r).toEqual({ ok: true, changed: 2 });
    expect(office.state.body).toBe("Visa card **** **** **** 1111, SSN ***-**-8726.");
    expect((await check(office.item, office.globals, defaultPolicy)).decision.action).toBe("allow");
  });

  it("mask the body: an HTML body stays HTML", async () => {
    const office = fakeOffice({ from: "me@example.com", to: [ext("p@example.org")], subject: "x", bodyHtml: "<div>Visa card <b>4111 1111 1111 1111</b></div>" });
    await maskBodyIdentifiers(office.item, defaultPolicy);
    expect(office.state.bodyHtml).toBe("<div>Visa card <b>**** **** **** 1111</b></div>");
  });

  it("remove a flagged attachment, and failures come back as errors", async () => {
    const xlsx = buildXlsx([["Visa card"], ["4111 1111 1111 1111"]]);
    const office = fakeOffice({ from: "me@example.com", to: [ext("p@example.org")], subject: "x", body: "see attached", attachments: [{ id: "a", name: "cards.xlsx", size: xlsx.length, base64: b64(xlsx) }] });
    const before = await check(office.item, office.globals, defaultPolicy);
    expect(before.decision.action).toBe("block");
    expect(before.decision.fixes).toEqual(expect.arrayContaining([expect.objectContaining({ kind: "remove-attachment", name: "cards.xlsx" })]));
    expect(await removeFlaggedAttachment(office.item, "a")).toEqual({ ok: true, changed: 1 });
    expect((await check(office.item, office.globals, defaultPolicy)).decision.action).toBe("allow");
    const r = await removeFlaggedAttachment(office.item, "a");
    expect(r.ok).toBe(false);
  });

  it("a failing Office call is reported, nothing thrown", async () => {
    const office = fakeOffice({ to: [ext("p@example.org")] }, { faults: { "bcc.setAsync": "fail" } });
    const r = await moveExternalToBcc(office.item, office.globals, defaultPolicy);
    expect(r).toMatchObject({ ok: false });
    expect(office.state.to).toHaveLength(1); // Bcc is set first, so nobody was dropped
  });
});

describe("the pane's check is Send's decision", () => {
  it("a body Office cannot give: the pane says what Send says (onUnscanned), never 'ready'", async () => {
    const { handleSend } = await import("../src/outlook/on-message-send");
    const { fakeEvent } = await import("./helpers/fake-office");
    const msg = { from: "me@example.com", to: [int("colleague@example.com")], subject: "x", body: "hello" };
    const faults = { faults: { "body.getAsync": "fail" as const } };
    const pane = await check(fakeOffice(msg, faults).item, fakeOffice(msg, faults).globals, defaultPolicy);
    const { event } = fakeEvent();
    const sent = await handleSend(event, { office: fakeOffice(msg, faults).globals, policy: defaultPolicy });
    expect(pane.decision.action).toBe("warn");
    expect(sent.allowEvent).toBe(false);
    expect(pane.decision.rules.map((r) => r.id)).toEqual(["on-unscanned"]);
  });

  it("recipients the pane cannot read count as external there too", async () => {
    const office = fakeOffice({ from: "me@example.com", to: [int("colleague@example.com")], subject: "x", body: "Card 4111 1111 1111 1111." }, { faults: { "cc.getAsync": "fail" } });
    const r = await check(office.item, office.globals, defaultPolicy);
    expect(r.decision.action).toBe("block");
  });
});
