/**
 * The compose simulator in headless Chromium with the real office.js and the real launchevent.js and taskpane.js:
 * a card number to an external address shows the block dialog; 12 external recipients in To show the warning, the task
 * pane's "move to Bcc" fixes them, and the second send is allowed. The task pane also renders in Urdu (right-to-left)
 * and Hindi with real glyphs. The page shows the X-ThinkFirst-* headers each send stamps; the pane's "Send with a reason"
 * lets a warned message go with its reason in the header, and "Report a mistake" opens a mail to compliance. Screenshots
 * go to test-artifacts/.
 */
import type { Frame, Page } from "playwright-core";
import { startBrowser, type BrowserEnv } from "./helpers/browser";
import { buildXlsx } from "./helpers/outlook-fixtures";

let env: BrowserEnv;
beforeAll(async () => {
  env = await startBrowser();
});
afterAll(async () => {
  await env?.close();
});

async function openSimulator(lang = "en-US"): Promise<Page> {
  const page = await env.open("/simulator.html?lang=" + lang);
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.waitForSelector("body[data-ready=true]");
  return page;
}

async function compose(page: Page, fields: { to?: string; cc?: string; subject?: string; body?: string }) {
  for (const [id, value] of Object.entries(fields)) await page.fill("#" + id, value!);
}

async function paneFrame(page: Page): Promise<Frame> {
  const handle = await page.waitForSelector("#pane-frame");
  await page.waitForFunction(() => {
    const f = document.getElementById("pane-frame") as HTMLIFrameElement;
    const v = f.contentDocument && f.contentDocument.getElementById("verdict");
    return !!v && !!v.getAttribute("data-action");
  });
  return (await handle.contentFrame())!;
}

it("a card number to an external address shows the block dialog", async () => {
  const page = await openSimulator();
  await compose(page, { to: "Partner <partner@example.org>", subject: "Order", body: "Please charge my Visa card 4111 1111 1111 1111, thanks." });
  await page.click("#send");
  await page.waitForSelector("dialog#dialog[open]");
  expect(await page.textContent("#dialog-title")).toBe("Think First");
  const message = (await page.textContent("#dialog-message"))!;
  expect(message).toMatch(/1111/);
  expect(message).not.toContain("4111 1111 1111 1111");
  expect(await page.$("#dialog-take-action")).not.toBeNull();
  expect(await page.$("#dialog-dont-send")).not.toBeNull();
  expect(await page.$("#dialog-send-anyway")).toBeNull();
  await env.screenshot(page, "outlook-dialog-block.png");
  await page.click("#dialog-dont-send");
  expect(await page.getAttribute("#send-status", "data-outcome")).toBe("not-sent");
  await page.close();
});

it("a card in a dropped xlsx is found too", async () => {
  const page = await openSimulator();
  await compose(page, { to: "partner@example.org", subject: "Orders", body: "See attached." });
  const xlsx = Array.from(buildXlsx([["Visa card"], ["4111 1111 1111 1111"]]));
  await page.evaluate(async (bytes) => {
    await (window as any).thinkFirstSimulator.addFiles([{ name: "orders.xlsx", bytes: new Uint8Array(bytes) }]);
  }, xlsx);
  await page.waitForSelector("#infobar:not([hidden])");
  await page.click("#send");
  await page.waitForSelector("dialog#dialog[open]");
  expect(await page.getAttribute("#dialog", "data-kind")).toBe("block");
  await page.close();
});

it("Take Action → move to Bcc fixes the recipients, and the second send is allowed", async () => {
  const page = await openSimulator();
  const to = Array.from({ length: 12 }, (_, i) => `customer${i + 1}@example.org`).join("; ");
  await compose(page, { to, subject: "Our shop opens on Monday", body: "Dear customers, see you there." });
  await page.click("#send");
  await page.waitForSelector("dialog#dialog[open]");
  expect(await page.$("#dialog-send-anyway")).not.toBeNull();
  await env.screenshot(page, "outlook-dialog-warn.png");
  await page.click("#dialog-take-action");
  const pane = await paneFrame(page);
  expect(await pane.getAttribute("#verdict", "data-action")).toBe("warn");
  await env.screenshot(page, "outlook-taskpane-before.png");
  const move = pane.getByRole("button", { name: "Move external recipients to Bcc" });
  await move.focus();
  await page.keyboard.press("Enter"); // keyboard works
  await pane.waitForSelector("#verdict[data-action=allow]");
  expect(await pane.getAttribute("#verdict", "aria-live")).toBe("polite");
  expect(await page.inputValue("#to")).toBe("");
  expect((await page.inputValue("#bcc")).split(";").length).toBe(12);
  await env.screenshot(page, "outlook-taskpane-fixed.png");
  await page.click("#send");
  await page.waitForSelector("#send-status[data-outcome=sent]");
  expect(await page.evaluate(() => (window as any).thinkFirstSimulator.lastOptions)).toEqual({ allowEvent: true });
  await page.close();
});

it("Take Action → mask the numbers in the body, and the second send is allowed", async () => {
  const page = await openSimulator();
  await compose(page, { to: "partner@example.org", subject: "Refund", body: "Refund to Visa card 4111 1111 1111 1111 today." });
  await page.click("#send");
  await page.waitForSelector("dialog#dialog[open]");
  await page.click("#dialog-take-action");
  const pane = await paneFrame(page);
  expect(await pane.getAttribute("#verdict", "data-action")).toBe("block");
  expect(await pane.textContent("#content")).toContain("**** **** **** 1111");
  await pane.getByRole("button", { name: "Mask numbers in the body" }).click();
  await pane.waitForSelector("#verdict[data-action=allow]");
  expect(await page.inputValue("#body")).toBe("Refund to Visa card **** **** **** 1111 today.");
  await page.click("#send");
  await page.waitForSelector("#send-status[data-outcome=sent]");
  await page.close();
});

/** Distinct advance widths among the characters of the pane's title and intro: tofu boxes all have the same width. */
async function glyphWidths(pane: Frame): Promise<{ distinct: number; text: string }> {
  return pane.evaluate(() => {
    const h = document.querySelector("h1")!;
    const intro = document.querySelector(".intro, #content p") as HTMLElement;
    const text = (h.textContent || "") + (intro ? intro.textContent : "");
    const ctx = document.createElement("canvas").getContext("2d")!;
    ctx.font = getComputedStyle(h).font;
    const widths = new Set<number>();
    for (const ch of Array.from(text)) if (ch.trim()) widths.add(Math.round(ctx.measureText(ch).width * 10));
    return { distinct: widths.size, text };
  });
}

it.each([
  ["ur-PK", "rtl", /[\u0600-\u06ff]/],
  ["hi-IN", "ltr", /[\u0900-\u097f]/],
])("the task pane in %s renders its script (%s)", async (lang, dir, script) => {
  const page = await openSimulator(lang);
  await compose(page, { to: "partner@example.org", subject: "x", body: "Visa card 4111 1111 1111 1111" });
  await page.click("#send");
  await page.waitForSelector("dialog#dialog[open]");
  expect(await page.getAttribute("html", "dir")).toBe(dir);
  await env.screenshot(page, `outlook-dialog-${lang.slice(0, 2)}.png`);
  await page.click("#dialog-take-action");
  const pane = await paneFrame(page);
  expect(await pane.getAttribute("html", "dir")).toBe(dir);
  expect(await pane.getAttribute("html", "lang")).toBe(lang.slice(0, 2));
  const { distinct, text } = await glyphWidths(pane);
  expect(text).toMatch(script);
  expect(distinct).toBeGreaterThan(4);
  await env.screenshot(page, `outlook-taskpane-${lang.slice(0, 2)}.png`);
  await page.close();
});

it("every format can be attached: .msg, .doc, .xls and .ppt are read by the real handler; a screenshot alone is sent", async () => {
  const cfb = await import("../src/extract/test-fixtures-cfb");
  const media = await import("../src/extract/test-fixtures-media");
  const attach = async (page: Page, files: [string, Uint8Array][]) =>
    page.evaluate(async (list) => {
      await (window as any).thinkFirstSimulator.addFiles(list.map(([name, bytes]) => ({ name, bytes: new Uint8Array(bytes as number[]) })));
    }, files.map(([n, b]) => [n, Array.from(b)] as [string, number[]]));
  const card = "4111 1111 1111 1111";
  for (const [name, bytes] of [
    ["forwarded.msg", cfb.msgFile({ subject: "Fwd", body: "Card " + card, recipients: [{ type: 1, smtp: "x@partner.example" }] })],
    ["letter.doc", cfb.docFile([{ text: "Visa " + card, compressed: true }])],
    ["orders.xls", cfb.xlsFile([[["Card"], [card]]])],
    ["deck.ppt", cfb.pptFile([{ text: "Card " + card }])],
  ] as [string, Uint8Array][]) {
    const page = await openSimulator();
    await compose(page, { to: "partner@example.org", subject: name, body: "See attached." });
    await attach(page, [[name, bytes]]);
    await page.click("#send");
    await page.waitForSelector("dialog#dialog[open]");
    expect([name, await page.getAttribute("#dialog", "data-kind")]).toEqual([name, "block"]);
    const text = (await page.textContent("#dialog-message"))!;
    expect(text).toContain(name);
    expect(text).not.toContain(card);
    await page.close();
  }
  const page = await openSimulator();
  await compose(page, { to: "partner@example.org", subject: "The error", body: "See the screenshot." });
  await attach(page, [["Screenshot 2025-03-01.png", media.png()]]);
  await page.click("#send");
  await page.waitForSelector("#send-status[data-outcome=sent]");
  expect(await page.evaluate(() => (window as any).thinkFirstSimulator.lastOptions)).toEqual({ allowEvent: true });
  // With a card too: blocked for the card; the task pane lists the screenshot as a picture with no text to check.
  await compose(page, { body: "Card 4111 1111 1111 1111" });
  await page.click("#send");
  await page.waitForSelector("dialog#dialog[open]");
  expect(await page.textContent("#dialog-message")).not.toContain("Screenshot");
  await page.click("#dialog-take-action");
  const pane = await paneFrame(page);
  expect(await pane.textContent("#no-text")).toContain("Pictures and media (no text to check)");
  expect(await pane.textContent("#no-text")).toContain("Screenshot 2025-03-01.png (picture)");
  await page.close();
}, 60000);

it("a cloud attachment (a OneDrive link in the fake mailbox): sent alone; beside a card the dialog names its host only", async () => {
  const page = await openSimulator();
  await compose(page, { to: "partner@example.org", subject: "Plan", body: "The plan is attached." });
  await page.fill("#cloud-url", "https://contoso-my.sharepoint.com/personal/jane_contoso_com/Documents/plan.docx?web=1");
  await page.click("#cloud-add");
  await page.waitForFunction(() => (document.getElementById("attachment-list")?.textContent || "").indexOf("plan.docx") >= 0);
  expect(await page.textContent("#attachment-list")).toContain("cloud file, link");
  await page.click("#send");
  await page.waitForSelector("#send-status[data-outcome=sent]");
  expect(await page.evaluate(() => (window as any).thinkFirstSimulator.lastOptions)).toEqual({ allowEvent: true });
  await compose(page, { body: "Card 4111 1111 1111 1111" });
  await page.click("#send");
  await page.waitForSelector("dialog#dialog[open]");
  const message = (await page.textContent("#dialog-message"))!;
  expect(message).toContain("Also linked: contoso-my.sharepoint.com");
  expect(message).not.toContain("jane_contoso");
  await env.screenshot(page, "outlook-dialog-linked.png");
  await page.click("#dialog-take-action");
  const pane = await paneFrame(page);
  expect(await pane.textContent("#content")).toContain("contoso-my.sharepoint.com");
  await page.close();
}, 60000);

it("the simulator shows the X-ThinkFirst-* headers each send stamps: block, then allow after the fix", async () => {
  const page = await openSimulator();
  await compose(page, { to: "partner@example.org", subject: "Refund", body: "Refund to Visa card 4111 1111 1111 1111 today." });
  await page.click("#send");
  await page.waitForSelector("dialog#dialog[open]");
  await page.waitForSelector("#sim-headers:not([hidden])");
  const blocked = (await page.textContent("#sim-headers-text"))!;
  expect(blocked).toContain("X-ThinkFirst-Verdict: block");
  expect(blocked).toContain("X-ThinkFirst-Reason: code=none");
  expect(blocked).not.toMatch(/4111|partner|@/);
  // The page folds long values at 78 characters (as in a message file); the mailbox holds them unfolded.
  const state = await page.evaluate(() => (window as any).thinkFirstSimulator.state.headers);
  expect(state["X-ThinkFirst-Verdict"]).toBe("block");
  expect(state["X-ThinkFirst-Check"]).toMatch(/^v=1; product=[^;]+; policy=[a-z]{8}; rules=block-identifiers-external/);
  await env.screenshot(page, "simulator-headers.png");
  await page.click("#dialog-dont-send");
  await compose(page, { body: "Refund today." });
  await page.click("#send");
  await page.waitForSelector("#send-status[data-outcome=sent]");
  await page.waitForFunction(() => (document.getElementById("sim-headers-text")!.textContent || "").indexOf("Verdict: allow") >= 0);
  await page.close();
});

it("Take Action → Send with a reason: the reason is checked, stored, and the next Send goes with it in the header", async () => {
  const page = await openSimulator();
  const list = Array.from({ length: 14 }, (_, i) => `customer${i + 1}@example.org`).join("\n");
  await compose(page, { to: "colleague@example.com", subject: "Mailing", body: "Customers:\n" + list });
  await page.click("#send");
  await page.waitForSelector("dialog#dialog[open]");
  expect(await page.getAttribute("#dialog", "data-kind")).toBe("warn");
  await page.click("#dialog-take-action");
  const pane = await paneFrame(page);
  await pane.waitForSelector("#send-with-reason");
  await pane.selectOption("#reason-code", "other");
  await pane.fill("#reason-text", "card 4111 1111 1111 1111");
  await pane.click("#reason-save");
  await pane.waitForSelector("#reason-problems li");
  expect(await pane.textContent("#reason-problems")).toContain("customer data");
  await pane.fill("#reason-text", "Approved by the team lead");
  await pane.click("#reason-save");
  await pane.waitForSelector("#reason-status[data-saved=yes]");
  await env.screenshot(page, "outlook-taskpane-reason.png");
  await page.click("#send");
  await page.waitForSelector("#send-status[data-outcome=sent]");
  const headers = await page.evaluate(() => (window as any).thinkFirstSimulator.state.headers);
  expect(headers["X-ThinkFirst-Verdict"]).toBe("warn");
  expect(headers["X-ThinkFirst-Reason"]).toBe("code=other; text=Approved by the team lead");
  expect(JSON.stringify(headers)).not.toMatch(/customer\d|@/);
  expect(await page.textContent("#sim-headers-text")).toContain("X-ThinkFirst-Verdict: warn");
  await page.close();
});

it("Take Action → Report a mistake opens a mail to the policy's compliance address with masked examples only", async () => {
  const page = await openSimulator();
  await compose(page, { to: "partner@example.org", subject: "Details", body: "The customer's SSN is 536-22-8726." });
  await page.click("#send");
  await page.waitForSelector("dialog#dialog[open]");
  await page.click("#dialog-take-action");
  const pane = await paneFrame(page);
  await pane.waitForSelector("#tell-compliance");
  expect(await pane.textContent("#tell-compliance")).toContain("legal department at once");
  await pane.click("#report-mistake");
  await pane.waitForSelector("#compliance-status[data-opened=mistake]");
  await page.waitForSelector("#sim-forms:not([hidden])");
  const forms = await page.evaluate(() => (window as any).thinkFirstSimulator.state.forms);
  expect(forms).toHaveLength(1);
  expect(forms[0].toRecipients).toEqual(["compliance@example.com"]);
  expect(forms[0].subject).toBe("[Think First] Think First: Customer data may have been sent by mistake");
  expect(forms[0].htmlBody).toContain("***-**-8726");
  expect(forms[0].htmlBody).toContain("block-identifiers-external");
  expect(forms[0].htmlBody).not.toMatch(/536.?22|partner/);
  await page.close();
});
