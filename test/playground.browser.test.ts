/**
 * The policy playground in headless Chromium: the page compiles the build's policy in the browser, and pasting a card
 * number for an external recipient gives the block decision, the masked finding and the dialog in every locale; a
 * typo in the policy shows the compiler's error naming the rule and key. Run after a build (THINK_FIRST_OUT=dist-x).
 */
import { startBrowser, type BrowserEnv } from "./helpers/browser";

let env: BrowserEnv;
beforeAll(async () => {
  env = await startBrowser();
}, 60000);
afterAll(async () => {
  await env?.close();
});

it("paste text with a card number → block, masked finding, dialog in six locales", async () => {
  const page = await env.open("/playground.html");
  const errors: string[] = [];
  page.on("pageerror", (e) => errors.push(String(e)));
  await page.waitForSelector('#decision[data-action="allow"]');
  await page.fill("#rcpt-to", "buyer@partner.example");
  await page.fill("#sample", "Hello, the Visa card number is 4111 1111 1111 1111, thanks.");
  await page.waitForSelector('#decision[data-action="block"]');
  expect(await page.textContent("#decision")).toBe("Block");
  expect(await page.textContent('#findings tr[data-detector="payment-card"] td.masked')).toBe("**** **** **** 1111");
  expect(await page.locator("#rules li").evaluateAll((lis) => lis.map((li) => li.getAttribute("data-rule")))).toEqual([
    "block-identifiers-external",
    "warn-identifiers-external-low",
  ]);
  expect(await page.locator(".dialog").evaluateAll((ds) => ds.map((d) => d.getAttribute("data-locale")))).toEqual(["en", "sk", "nb", "fi", "hi", "ur"]);
  expect(await page.getAttribute('.dialog[data-locale="ur"]', "dir")).toBe("rtl");
  expect(await page.textContent('.dialog[data-locale="en"] pre.plain')).toContain("Found: 1 card number (**** **** **** 1111)");
  expect(await page.textContent('.dialog[data-locale="fi"] .md')).toContain("1111");
  expect(await page.content()).not.toContain("4111 1111 1111 1111</");
  await env.screenshot(page, "playground-block.png");

  // Only colleagues: allowed.
  await page.fill("#rcpt-to", "colleague@example.com");
  await page.waitForSelector('#decision[data-action="allow"]');

  // A file with a customer e-mail list, even to a colleague: warn (the policy's Think First case).
  const list = "email\n" + Array.from({ length: 25 }, (_, i) => `customer${i}@mail${i % 6}.test`).join("\n") + "\n";
  await page.setInputFiles("#sample-files", { name: "export.csv", mimeType: "text/csv", buffer: Buffer.from(list) });
  await page.waitForSelector('#decision[data-action="warn"]');
  expect(await page.locator("#rules li").evaluateAll((lis) => lis.map((li) => li.getAttribute("data-rule")))).toEqual(["warn-customer-list"]);
  expect(await page.textContent("#attachments")).toContain("export.csv");
  expect(await page.textContent("#fixes")).toContain("export.csv");
  await page.click("#attachments button");
  await page.waitForSelector('#decision[data-action="allow"]');

  // A typo in the policy: the compiler's error, with the rule id and the key.
  const policy = await page.inputValue("#policy");
  await page.fill("#policy", policy.replace("action: block", "acton: block"));
  await page.waitForSelector('#decision[data-action="error"]');
  expect(await page.textContent("#policy-status")).toContain('policy.yaml: rules[0] "block-identifiers-external": unknown key "acton" (did you mean "action"?)');
  expect(errors).toEqual([]);
  await page.close();
});

it("a dropped .eml or .msg becomes the sample message, read by the add-in's mail path", async () => {
  const { msgFile } = await import("../src/extract/test-fixtures-cfb");
  const page = await env.open("/playground.html");
  const errors: string[] = [];
  page.on("pageerror", (e) => errors.push(String(e)));
  await page.waitForSelector('#decision[data-action="allow"]');
  const eml = [
    "From: Alice <alice@example.com>",
    "To: Bob <bob@partner.example>",
    "Cc: carol@example.com",
    "Subject: Card on file",
    'Content-Type: multipart/alternative; boundary="a"',
    "",
    "--a",
    "Content-Type: text/plain",
    "",
    "See the table.",
    "--a",
    "Content-Type: text/html",
    "",
    "<p>See the table.</p><table><tr><td>Visa</td><td>4111 1111 1111 1111</td></tr></table>",
    "--a--",
    "",
  ].join("\r\n");
  await page.setInputFiles("#sample-files", { name: "forward.eml", mimeType: "message/rfc822", buffer: Buffer.from(eml) });
  await page.waitForSelector('#decision[data-action="block"]');
  expect(await page.inputValue("#rcpt-to")).toBe("bob@partner.example");
  expect(await page.inputValue("#rcpt-cc")).toBe("carol@example.com");
  expect(await page.inputValue("#subject")).toBe("Card on file");
  expect(await page.inputValue("#sample")).toContain("4111 1111 1111 1111");

  const msg = msgFile({ subject: "From Outlook", recipients: [{ type: 1, smtp: "dan@partner.example" }], body: "Nothing here.", attachments: [{ name: "iban.txt", data: Buffer.from("IBAN GB82 WEST 1234 5698 7654 32") }] });
  await page.setInputFiles("#sample-files", { name: "saved.msg", mimeType: "application/vnd.ms-outlook", buffer: Buffer.from(msg) });
  await page.waitForFunction(() => (document.getElementById("subject") as HTMLInputElement).value === "From Outlook");
  expect(await page.inputValue("#rcpt-to")).toBe("dan@partner.example");
  expect(await page.textContent("#attachments")).toContain("iban.txt");
  await page.waitForSelector('#decision[data-action="block"]');
  expect(errors).toEqual([]);
  await page.close();
});
