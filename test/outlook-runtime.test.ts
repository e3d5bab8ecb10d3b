/**
 * The BUILT dist/launchevent.js in the JavaScript-only runtime stand-in (node:vm with only Office, console and timers):
 * the main scenarios give the same completed options as under jest, with the policy compiled into the bundle.
 */
import { fakeOffice, type Fault, type FakeMessage } from "./helpers/fake-office";
import { loadLaunchevent, runToCompletion } from "./helpers/js-runtime";
import { b64, buildXlsx, customerAddresses, denseIdentifierText } from "./helpers/outlook-fixtures";
import * as media from "../src/extract/test-fixtures-media";

const ext = (emailAddress: string) => ({ emailAddress, displayName: emailAddress, recipientType: "externalUser" });
const int = (emailAddress: string) => ({ emailAddress, displayName: emailAddress, recipientType: "user" });

async function sendInRuntime(msg: FakeMessage, name = "onMessageSendHandler", opts: { displayLanguage?: string; faults?: Record<string, Fault> } = {}) {
  const office = fakeOffice({ from: "me@example.com", ...msg }, opts);
  const { calls, ms } = await runToCompletion(loadLaunchevent(office.globals), name);
  expect(calls).toHaveLength(1);
  return { options: calls[0] as Record<string, unknown>, ms, office };
}

describe("launchevent.js in node:vm", () => {
  it("nothing sensitive → allowed", async () => {
    const { options } = await sendInRuntime({ to: [ext("partner@example.org")], subject: "Lunch", body: "See you at noon." });
    expect(options).toEqual({ allowEvent: true });
  });

  it("card in an xlsx to an external address → blocked with the Take Action options", async () => {
    const xlsx = buildXlsx([["Visa card"], ["4111 1111 1111 1111"]]);
    const { options } = await sendInRuntime({ to: [ext("partner@example.org")], subject: "Orders", body: "See attached.", attachments: [{ id: "x", name: "orders.xlsx", size: xlsx.length, base64: b64(xlsx) }] });
    expect(options).toMatchObject({ allowEvent: false, commandId: "ThinkFirst.OpenPaneButton" });
    expect(options.sendModeOverride).toBeUndefined();
    expect(JSON.parse(options.contextData as string).action).toBe("block");
  });

  it("SSN in the body in Finnish Outlook → blocked, locale fi", async () => {
    const { options } = await sendInRuntime({ to: [ext("partner@example.org")], subject: "x", body: "SSN 536-22-8726" }, undefined, { displayLanguage: "fi-FI" });
    expect(options.allowEvent).toBe(false);
    expect(JSON.parse(options.contextData as string).locale).toBe("fi");
  });

  it("customer list sent internally → warn with Send Anyway", async () => {
    const { options } = await sendInRuntime({ to: [int("colleague@example.com")], subject: "List", body: customerAddresses(40).join("; ") });
    expect(options).toMatchObject({ allowEvent: false, sendModeOverride: "promptUser" });
  });

  it("a body that never arrives → the policy's failure action within the budget", async () => {
    const { options, ms } = await sendInRuntime({ to: [int("colleague@example.com")], subject: "x", body: "hi" }, undefined, { faults: { "body.getAsync": "never" } });
    expect(options.allowEvent).toBe(false);
    expect(ms).toBeLessThan(4000);
  });

  it("faults in the runtime: a throwing, a failing and a double-answering call → completed once, failure action", async () => {
    const { options, ms } = await sendInRuntime(
      { to: [int("colleague@example.com")], subject: "x", body: "hi" },
      undefined,
      { faults: { "to.getAsync": "throw", "subject.getAsync": "fail", "body.getAsync": "twice", isSetSupported: "throw" } },
    );
    expect(options).toMatchObject({ allowEvent: false });
    expect(options.sendModeOverride).toBeUndefined(); // isSetSupported threw: treated as a 1.12 client
    expect(ms).toBeLessThan(4000);
  });

  it("a screenshot (PNG) and a photo (JPEG), real bytes, to an external address → allowed under the bundled policy", async () => {
    const png = media.png();
    const jpg = media.jpg(3, true);
    const { options } = await sendInRuntime({
      to: [ext("partner@example.org")],
      subject: "The error",
      body: "See the screenshot and the photo.",
      attachments: [
        { id: "s", name: "Screenshot 2025-03-01 101500.png", size: png.length, base64: b64(png) },
        { id: "p", name: "IMG_0001.JPG", size: jpg.length, base64: b64(jpg) },
      ],
    });
    expect(options).toEqual({ allowEvent: true });
  });

  it("a OneDrive attachment beside a card → blocked, the dialog names only the host", async () => {
    const { options } = await sendInRuntime({
      to: [ext("partner@example.org")],
      subject: "Plan",
      body: "Card 4111 1111 1111 1111",
      attachments: [{ id: "c", name: "plan.docx", size: 0, attachmentType: "cloud", format: "url", text: "https://contoso-my.sharepoint.com/personal/jane_contoso_com/Documents/plan.docx" }],
    });
    expect(options.allowEvent).toBe(false);
    expect(options.errorMessage).toContain("Also linked: contoso-my.sharepoint.com");
    expect(String(options.errorMessage) + String(options.contextData)).not.toMatch(/jane_contoso|personal\//);
  });

  it("the pre-scan handlers complete and notify", async () => {
    const xlsx = buildXlsx([["Visa card"], ["4111 1111 1111 1111"]]);
    const { options, office } = await sendInRuntime(
      { to: [ext("partner@example.org")], subject: "Orders", body: "See attached.", attachments: [{ id: "x", name: "orders.xlsx", size: xlsx.length, base64: b64(xlsx) }] },
      "onMessageAttachmentsChangedHandler",
    );
    expect(options).toBeUndefined();
    expect(office.notifications["thinkfirst"]?.message.length).toBeGreaterThan(0);
  });

  it("a real 10 MB text attachment dense with identifiers → completed once, inside the budget, stopped", async () => {
    const text = Buffer.from(denseIdentifierText(10 * 1024 * 1024));
    const office = fakeOffice({ from: "me@example.com", to: [ext("partner@example.org")], subject: "Export", body: "See attached.", attachments: [{ id: "d", name: "export.txt", size: text.length, base64: text.toString("base64") }] });
    const { calls, ms } = await runToCompletion(loadLaunchevent(office.globals), "onMessageSendHandler", 8000, 300);
    expect(calls).toHaveLength(1);
    expect(ms).toBeLessThan(4000);
    const options = calls[0] as Record<string, unknown>;
    expect(options.allowEvent).toBe(false);
    // The cards found before the cut count: block, not only onUnscanned's warn.
    expect(JSON.parse(options.contextData as string).action).toBe("block");
  }, 20000);

  it("a body made slow (the runtime's clock jumps 100 ms at every read) → completed once, inside the budget, onUnscanned", async () => {
    const office = fakeOffice({ from: "me@example.com", to: [int("colleague@example.com")], subject: "Notes", body: "Nothing to see here, just words. ".repeat(100000) });
    const bundle = loadLaunchevent(office.globals);
    bundle.evaluate("(function () { var real = Date.now, reads = 0; Date.now = function () { return real() + 100 * reads++; }; })()");
    const { calls, ms } = await runToCompletion(bundle, "onMessageSendHandler", 8000, 300);
    expect(calls).toHaveLength(1);
    expect(ms).toBeLessThan(4000);
    const options = calls[0] as Record<string, unknown>;
    expect(options.allowEvent).toBe(false);
    const ctx = JSON.parse(options.contextData as string);
    expect(ctx.action).toBe("warn");
    expect(ctx.unscanned).toEqual(expect.arrayContaining([expect.objectContaining({ part: "body", reason: "timeout" })]));
  }, 20000);
});
