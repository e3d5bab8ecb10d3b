/**
 * The policy playground in headless Chromium: the page compiles the build's policy in the browser, and pasting a card
 * number for an external recipient gives the block decision, the masked finding and the dialog in every locale; a
 * typo in the policy shows the compiler's error naming the rule and key. Run after a build (THINK_FIRST_OUT=dist-x).
 */
import { startBrowser, type BrowserEnv } from "./helpers/browser";
import { buildCustomerSet, keyIdOf } from "../src/engine/customers/customer-set";

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

it("a customer set loaded with its key: three customers' addresses to a colleague warn, twelve partners do not", async () => {
  const key = new Uint8Array(32).fill(11);
  const customers = ["anna.k@asiakas.example", "ola.n@kunde.example", "peter.n@zakaznik.example"];
  const file = buildCustomerSet([{ name: "email", kind: "email", values: customers }], key, "2026-01-01T00:00:00Z").file;
  const keyJson = JSON.stringify({ format: "think-first-customer-key", version: 1, id: keyIdOf(key), key: Buffer.from(key).toString("base64") });
  const page = await env.open("/playground.html");
  const errors: string[] = [];
  page.on("pageerror", (e) => errors.push(String(e)));
  await page.waitForSelector('#decision[data-action="allow"]');
  await page.fill("#rcpt-to", "colleague@example.com");
  const partners = Array.from({ length: 12 }, (_, i) => `contact${i}@partner${i}.example`).join("\n");
  await page.fill("#sample", partners);
  await page.waitForSelector('#decision[data-action="warn"]');
  await page.setInputFiles("#customer-set", [
    { name: "customers.tfcs", mimeType: "application/octet-stream", buffer: Buffer.from(file) },
    { name: "customers.key", mimeType: "application/json", buffer: Buffer.from(keyJson) },
  ]);
  await page.waitForSelector('#decision[data-action="allow"]');
  expect(await page.textContent("#customer-status")).toBe(`customers.tfcs: 3 addresses, 0 customer numbers (key ${keyIdOf(key)})`);
  await page.fill("#sample", "For the campaign:\n" + customers.join("\n"));
  await page.waitForSelector('#decision[data-action="warn"]');
  expect(await page.locator("#rules li").evaluateAll((lis) => lis.map((li) => li.getAttribute("data-rule")))).toEqual(["warn-customer-list"]);
  expect(await page.locator('#findings tr[data-detector="customer-email"] td.masked').allTextContents()).toEqual(["a***@asiakas.example", "o***@kunde.example", "p***@zakaznik.example"]);
  // A set without its key is refused with a reason (this build has no key of its own).
  await page.setInputFiles("#customer-set", [{ name: "customers.tfcs", mimeType: "application/octet-stream", buffer: Buffer.from(file) }]);
  await page.waitForSelector("#customer-status.error");
  expect(await page.textContent("#customer-status")).toContain("choose the set's .key file too");
  expect(errors).toEqual([]);
  await page.close();
});

it("every format can be dropped: .doc, .xls and .ppt as attachments, pictures as 'no text', links by host", async () => {
  const cfb = await import("../src/extract/test-fixtures-cfb");
  const media = await import("../src/extract/test-fixtures-media");
  const page = await env.open("/playground.html");
  const errors: string[] = [];
  page.on("pageerror", (e) => errors.push(String(e)));
  await page.waitForSelector('#decision[data-action="allow"]');
  await page.fill("#rcpt-to", "buyer@partner.example");

  // The picture fixtures are real files: Chromium's own decoders open them.
  const decoded = await page.evaluate(
    async (files) => {
      const out: string[] = [];
      for (const [bytes, type] of files as [number[], string][]) {
        const bitmap = await createImageBitmap(new Blob([new Uint8Array(bytes)], { type }));
        out.push(bitmap.width + "x" + bitmap.height);
      }
      return out;
    },
    [
      [Array.from(media.png(16, 12)), "image/png"],
      [Array.from(media.jpg(2)), "image/jpeg"],
      [Array.from(media.jpg(3, true)), "image/jpeg"],
      [Array.from(media.gif()), "image/gif"],
    ],
  );
  expect(decoded).toEqual(["16x12", "16x8", "24x8", "2x2"]);

  // A screenshot and a photo: allowed, listed as no text.
  await page.setInputFiles("#sample-files", [
    { name: "Screenshot 2025-03-01.png", mimeType: "image/png", buffer: Buffer.from(media.png()) },
    { name: "IMG_0001.JPG", mimeType: "image/jpeg", buffer: Buffer.from(media.jpg(3, true)) },
  ]);
  await page.waitForSelector("#no-text li");
  expect(await page.getAttribute("#decision", "data-action")).toBe("allow");
  expect(await page.locator("#no-text li").evaluateAll((lis) => lis.map((li) => li.getAttribute("data-kind")))).toEqual(["image", "image"]);
  expect(await page.$("#unscanned")).toBeNull();

  const removeAll = async () => {
    while (await page.$("#attachments li button")) await page.click("#attachments li button");
  };
  await removeAll();

  // Office 97–2003 files: a card in each is found.
  for (const [name, bytes] of [
    ["letter.doc", cfb.docFile([{ text: "Visa 4111 1111 1111 1111", compressed: true }])],
    ["orders.xls", cfb.xlsFile([[["Card"], ["4111 1111 1111 1111"]]])],
    ["deck.ppt", cfb.pptFile([{ text: "Card 4111 1111 1111 1111" }])],
  ] as [string, Uint8Array][]) {
    await page.setInputFiles("#sample-files", { name, mimeType: "application/octet-stream", buffer: Buffer.from(bytes) });
    await page.waitForFunction((n) => (document.getElementById("attachments")?.textContent || "").indexOf(n) >= 0, name);
    await page.waitForSelector('#decision[data-action="block"]');
    expect(await page.locator('#findings tr[data-detector="payment-card"] td:nth-child(2)').evaluateAll((tds) => tds.map((td) => td.textContent))).toContain(`attachment “${name}”`);
    await removeAll();
    await page.waitForSelector('#decision[data-action="allow"]');
  }

  // A sharing link in the sample text: named by its host; with a card it rides along in the dialog.
  await page.fill("#sample", "The list: https://contoso-my.sharepoint.com/:x:/g/personal/jane/EbX?e=Zq1");
  await page.waitForSelector('#linked-files li[data-host="contoso-my.sharepoint.com"]');
  expect(await page.getAttribute("#decision", "data-action")).toBe("allow");
  await page.fill("#sample", "Card 4111 1111 1111 1111. The list: https://contoso-my.sharepoint.com/:x:/g/personal/jane/EbX?e=Zq1");
  await page.waitForSelector('#decision[data-action="block"]');
  expect(await page.textContent('.dialog[data-locale="en"] pre.plain')).toContain("Also linked: contoso-my.sharepoint.com");
  expect(await page.textContent('.dialog[data-locale="en"] pre.plain')).not.toContain("jane");
  expect(errors).toEqual([]);
  await page.close();
});
