/**
 * The `dlp` CLI as compliance staff run it: `node bin/dlp.js …` spawned on fixture files written to a temp folder.
 * Expected dialog text is computed in-process with the same pipeline (readMailFile → checkMessage → renderDialog), so the
 * test proves the CLI prints exactly what the add-in would show.
 */
import { spawnSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { zipSync, strToU8 } from "fflate";
import { PDFDocument, StandardFonts } from "pdf-lib";
import { readMailFile } from "../src/cli/eml";
import { docFile, msgFile, pptFile, xlsFile } from "../src/extract/test-fixtures-cfb";
import * as media from "../src/extract/test-fixtures-media";
import { loadPolicy } from "../src/engine/policy/load";
import { checkMessage } from "../src/pipeline/check-message";
import { renderDialog } from "../src/i18n";

const ROOT = path.resolve(__dirname, "..");
const CARD = "4111 1111 1111 1111";
let dir: string;

function dlp(...args: string[]) {
  const r = spawnSync(process.execPath, [path.join(ROOT, "bin/dlp.js"), ...args], { cwd: dir, encoding: "utf8", timeout: 60000 });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

function eml(to: string, body: string, extra = ""): string {
  return `From: Alice <alice@example.com>\r\nTo: ${to}\r\n${extra}Subject: Hello\r\nMIME-Version: 1.0\r\nContent-Type: text/plain; charset=utf-8\r\n\r\n${body}\r\n`;
}

function write(name: string, content: string | Uint8Array): string {
  const file = path.join(dir, name);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, content);
  return file;
}

beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "dlp-cli-"));
});
afterAll(() => {
  fs.rmSync(dir, { recursive: true, force: true });
});

describe("dlp scan on .eml", () => {
  it("a card number to an external address: exit 2 and the exact dialog text, masked", async () => {
    const file = write("card.eml", eml("Bob <bob@partner.test>", `Hi Bob, the Visa card number is ${CARD}.`));
    const { code, out } = dlp("scan", file);
    expect(code).toBe(2);
    const policy = loadPolicy(fs.readFileSync(path.join(ROOT, "assets/policy/default-policy.yaml"), "utf8"), "default-policy.yaml");
    const { decision } = checkMessage(readMailFile(new Uint8Array(fs.readFileSync(file)), path.basename(file)), policy);
    expect(decision.action).toBe("block");
    const dialog = renderDialog(decision, policy, "en").errorMessage;
    expect(out).toContain(dialog.split("\n").map((l) => (l ? "    | " + l : l)).join("\n"));
    expect(out).toContain("block-identifiers-external");
    expect(out).toContain("body:1:");
    expect(out).not.toContain(CARD);
  });

  it("a multipart .eml: the attachment is extracted and scanned, and the fix removes it", () => {
    const csv = Buffer.from(`name,card\nx,${CARD}\n`).toString("base64");
    const mime = [
      "From: alice@example.com",
      "To: bob@partner.test",
      "Subject: Report",
      "MIME-Version: 1.0",
      'Content-Type: multipart/mixed; boundary="b1"',
      "",
      "--b1",
      "Content-Type: text/plain; charset=utf-8",
      "",
      "See the attached report.",
      "--b1",
      'Content-Type: text/csv; name="cards.csv"',
      'Content-Disposition: attachment; filename="cards.csv"',
      "Content-Transfer-Encoding: base64",
      "",
      csv,
      "--b1--",
      "",
    ].join("\r\n");
    const r = dlp("scan", "--format", "json", write("multipart.eml", mime));
    expect(r.code).toBe(2);
    const [res] = JSON.parse(r.out);
    expect(res.findings.map((f: { part: string; line: number; column: number; detector: string }) => [f.part, f.line, f.column, f.detector])).toEqual([["cards.csv", 2, 3, "payment-card"]]);
    expect(res.decision.fixes).toEqual([{ kind: "remove-attachment", name: "cards.csv", attachmentId: "att-1" }]);
    expect(res.dialog.errorMessage).toContain("cards.csv");
  });

  it("--locale fi prints the Finnish dialog", async () => {
    const file = write("card-fi.eml", eml("bob@partner.test", `Kortin numero ${CARD}`));
    const { code, out } = dlp("scan", "--locale", "fi-FI", file);
    expect(code).toBe(2);
    const policy = loadPolicy(fs.readFileSync(path.join(ROOT, "assets/policy/default-policy.yaml"), "utf8"), "default-policy.yaml");
    const { decision } = checkMessage(readMailFile(new Uint8Array(fs.readFileSync(file)), path.basename(file)), policy);
    expect(out).toContain("dialog (fi)");
    for (const line of renderDialog(decision, policy, "fi").errorMessage.split("\n")) if (line) expect(out).toContain("    | " + line);
  });

  it("the same card only to colleagues: exit 0", () => {
    const { code, out } = dlp("scan", write("internal.eml", eml("carol@example.com, dan@sales.example.com", `card ${CARD}`)));
    expect([code, out.split("\n")[0]]).toEqual([0, `${path.join(dir, "internal.eml")}: ALLOW (message)`]);
  });

  it("a customer e-mail list to a colleague: exit 1 with dont-share-customer-list", () => {
    const addresses = Array.from({ length: 30 }, (_, i) => `customer${i}@mail${i % 7}.test`).join("\n");
    const { code, out } = dlp("scan", write("list.eml", eml("carol@example.com", `Here is the list for the campaign:\n${addresses}`)));
    expect(code).toBe(1);
    expect(out).toContain("warn-customer-list (warn, dont-share-customer-list)");
  });

  it("--show-values prints the value; --format json is parseable", () => {
    const file = write("values.eml", eml("bob@partner.test", `card ${CARD}`));
    expect(dlp("scan", "--show-values", file).out).toContain(CARD);
    const json = JSON.parse(dlp("scan", "--format", "json", file).out);
    expect(json[0].decision.action).toBe("block");
    expect(json[0].findings[0]).toMatchObject({ detector: "payment-card", masked: "**** **** **** 1111", part: "body" });
    expect(json[0].findings[0].value).toBeUndefined();
    expect(json[0].dialog.locale).toBe("en");
  });
});

describe("dlp scan on .msg and HTML-only content: the add-in's one mail path", () => {
  it("an Outlook .msg: recipients, body and an attached file are read; exit 2 with the add-in's dialog", () => {
    const file = write(
      "forward.msg",
      msgFile({
        subject: "Report",
        from: { name: "Alice", smtp: "alice@example.com" },
        recipients: [{ type: 1, name: "Bob", smtp: "bob@partner.test" }],
        body: "See the attachment.",
        attachments: [{ name: "cards.csv", data: Buffer.from(`name,card\nx,${CARD}\n`), mime: "text/csv" }],
      }),
    );
    const r = dlp("scan", "--format", "json", file);
    expect(r.code).toBe(2);
    const json = JSON.parse(r.out);
    expect(json[0].kind).toBe("message");
    expect(json[0].findings[0]).toMatchObject({ detector: "payment-card", part: "cards.csv" });
    const policy = loadPolicy(fs.readFileSync(path.join(ROOT, "assets/policy/default-policy.yaml"), "utf8"), "default-policy.yaml");
    const { decision } = checkMessage(readMailFile(new Uint8Array(fs.readFileSync(file)), "forward.msg"), policy);
    expect(json[0].dialog.errorMessage).toBe(renderDialog(decision, policy, "en").errorMessage);
  });

  it("a card only in the HTML alternative, in adjacent table cells, is found", () => {
    const mime = [
      "From: alice@example.com",
      "To: bob@partner.test",
      "Subject: Table",
      'Content-Type: multipart/alternative; boundary="a"',
      "",
      "--a",
      "Content-Type: text/plain",
      "",
      "See the table.",
      "--a",
      "Content-Type: text/html",
      "",
      "<p>See the table.</p><table><tr><td>Visa card</td><td>4111 1111 1111 1111</td></tr></table>",
      "--a--",
      "",
    ].join("\r\n");
    const r = dlp("scan", "--format", "json", write("html-only.eml", mime));
    expect(r.code).toBe(2);
    expect(JSON.parse(r.out)[0].findings[0]).toMatchObject({ detector: "payment-card", part: "body" });
  });
});

describe("dlp scan on other files", () => {
  it("text files: findings with file, line and column; --each-line decides each line", () => {
    const file = write("notes/list.txt", `first line\nsecond ${CARD} card\nthird\niban GB82 WEST 1234 5698 7654 32\n`);
    const r = dlp("scan", "--each-line", "--format", "json", file);
    expect(r.code).toBe(2);
    const [res] = JSON.parse(r.out);
    expect(res.findings.map((f: { detector: string; line: number; column: number }) => [f.detector, f.line, f.column])).toEqual([
      ["payment-card", 2, 8],
      ["iban", 4, 6],
    ]);
    expect(res.lines.map((l: { line: number }) => l.line)).toEqual([2, 4]);
  });

  it("docx and pdf built here: findings with file, line and column in the extracted text", async () => {
    const body = `<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p><w:r><w:t>Intro</w:t></w:r></w:p><w:p><w:r><w:t>IBAN GB82 WEST 1234 5698 7654 32</w:t></w:r></w:p></w:body></w:document>`;
    const types = '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>';
    const docx = write("office/letter.docx", zipSync({ "[Content_Types].xml": strToU8(types), "word/document.xml": strToU8(body) }));
    const pdf = await PDFDocument.create();
    pdf.addPage().drawText(`Card number ${CARD}`, { x: 50, y: 700, size: 12, font: await pdf.embedFont(StandardFonts.Helvetica) });
    const pdfFile = write("office/statement.pdf", await pdf.save());
    const r = dlp("scan", docx, pdfFile);
    expect(r.code).toBe(2);
    expect(r.out).toContain(`${docx}:2:6  iban  high  GB82 **** **** **** **** 32`);
    expect(r.out).toContain(`${pdfFile}:1:13  payment-card  high  **** **** **** 1111`);
    expect(r.out).toContain("2 files: 2 block, 0 warn, 0 allow");
  });

  it("reports every part it could not scan, with the reason, and applies onUnscanned (warn)", () => {
    const zip = zipSync({ "readme.txt": strToU8("nothing here"), "inner.pdf": strToU8("%PDF-1.4 broken") });
    const file = write("bundle.zip", zip);
    const r = dlp("scan", file);
    expect(r.out).toMatch(/not scanned: bundle\.zip.inner\.pdf: corrupt \(.+\)/);
    expect(r.out).toContain("on-unscanned (warn, check-unscanned)");
    expect(r.code).toBe(1);
  });

  it("folders are scanned recursively with a summary; jsonl gives one line per file", () => {
    const sub = path.join(dir, "folder");
    fs.mkdirSync(sub, { recursive: true });
    fs.writeFileSync(path.join(sub, "a.txt"), "nothing");
    fs.writeFileSync(path.join(sub, "b.csv"), `name,card\nx,${CARD}\n`);
    const text = dlp("scan", "--to", "colleague@example.com", sub);
    expect(text.code).toBe(0);
    expect(text.out).toContain("2 files: 0 block, 0 warn, 2 allow");
    const jsonl = dlp("scan", "--format", "jsonl", sub);
    expect(jsonl.code).toBe(2);
    expect(jsonl.out.trim().split("\n").map((l) => JSON.parse(l).action)).toEqual(["allow", "block"]);
  });
});

describe("dlp scan on every format, pictures and links", () => {
  const FIX = path.join(ROOT, "src/extract/fixtures");

  it(".doc, .xls and .ppt (LibreOffice-saved and built here) are read; a card in each is found", () => {
    const files = [
      write("legacy/letter.doc", docFile([{ text: "Payment by Visa " + CARD, compressed: true }])),
      write("legacy/orders.xls", xlsFile([[["Card"], [CARD]]])),
      write("legacy/deck.ppt", pptFile([{ text: "Card " + CARD }])),
    ];
    const r = dlp("scan", "--format", "json", "--to", "bob@partner.test", ...files);
    const results = JSON.parse(r.out) as { file: string; action: string; findings: { detector: string }[]; unscanned: unknown[] }[];
    expect(results.map((x) => [path.basename(x.file), x.action, x.findings.some((f) => f.detector === "payment-card"), x.unscanned.length])).toEqual([
      ["letter.doc", "block", true, 0],
      ["orders.xls", "block", true, 0],
      ["deck.ppt", "block", true, 0],
    ]);
    const saved = dlp("scan", "--format", "json", path.join(FIX, "letter.doc"), path.join(FIX, "customers.xls"), path.join(FIX, "deck.ppt"));
    for (const x of JSON.parse(saved.out) as { unscanned: unknown[]; error?: string }[]) expect([x.unscanned, x.error]).toEqual([[], undefined]);
  });

  it("a .msg with a photo, a voice note and a OneDrive link: the photo is 'no text', the host is listed, nothing is unscanned", () => {
    const msg = msgFile({
      subject: "Site visit",
      recipients: [{ type: 1, smtp: "bob@partner.test" }],
      body: "Photos attached; the report is at https://contoso-my.sharepoint.com/:w:/g/personal/alice/Eb3?e=Zx",
      attachments: [
        { name: "site.jpg", data: media.jpg(3, true), mime: "image/jpeg" },
        { name: "note.m4a", data: media.m4a(), mime: "audio/mp4" },
      ],
    });
    const r = dlp("scan", write("visit.msg", msg));
    expect(r.code).toBe(0);
    expect(r.out).toContain("no text: site.jpg (image)");
    expect(r.out).toContain("no text: note.m4a (media)");
    expect(r.out).toContain("linked files: contoso-my.sharepoint.com");
    expect(r.out).toMatch(/body:1:\d+ {2}linked-file {2}high {2}contoso-my\.sharepoint\.com/);
    expect(r.out).not.toContain("alice");
    expect(r.out).not.toContain("not scanned");
  });

  it("cloud links in an HTML-only .eml (the link only in href) beside a card: blocked, 'Also linked' in the dialog", () => {
    const html = `<p>Card ${CARD}</p><p>The list: <a href="https://www.dropbox.com/scl/fi/abc/customers.csv?rlkey=x&amp;dl=0">customers</a></p>`;
    const file = write("links.eml", `From: alice@example.com\r\nTo: bob@partner.test\r\nSubject: x\r\nMIME-Version: 1.0\r\nContent-Type: text/html; charset=utf-8\r\n\r\n${html}\r\n`);
    const r = dlp("scan", file);
    expect(r.code).toBe(2);
    expect(r.out).toContain("| Also linked: www.dropbox.com");
    expect(r.out).not.toContain("rlkey");
  });

  it("a screenshot and a zip of photos: allowed (exit 0) under the default policy, exit 1 with attachments.images: warn", () => {
    const shot = write("media/Screenshot 2025-03-01.png", media.png());
    const photos = write("media/photos.zip", zipSync({ "a.jpg": media.jpg(), "b.heic": media.heic() }));
    const r = dlp("scan", "--to", "bob@partner.test", shot, photos);
    expect(r.code).toBe(0);
    expect(r.out).toContain("no text: photos.zip!b.heic (image)");
    const policy = write("images-warn.yaml", fs.readFileSync(path.join(ROOT, "assets/policy/default-policy.yaml"), "utf8").replace("images: ignore", "images: warn"));
    const w = dlp("scan", "--policy", policy, shot);
    expect(w.code).toBe(1);
    expect(w.out).toContain("on-no-text (warn, check-no-text)");
  });
});

describe("dlp explain", () => {
  it("says why each finding fired and what an allowlist removed", () => {
    const policy = write(
      "allow.yaml",
      fs.readFileSync(path.join(ROOT, "assets/policy/default-policy.yaml"), "utf8").replace(
        "  values: []",
        '  values: [{ detector: iban, value: "GB82 WEST 1234 5698 7654 32", reason: "our own account, on every invoice" }]',
      ),
    );
    const file = write("invoice.txt", `Pay to IBAN GB82 WEST 1234 5698 7654 32.\nVisa card ${CARD}\n`);
    const r = dlp("explain", "--policy", policy, file);
    expect(r.code).toBe(2);
    expect(r.out).toContain(`${file}:1:13  iban  GB82 **** **** **** **** 32  allowlisted: our own account, on every invoice`);
    expect(r.out).toMatch(new RegExp(`${file.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}:2:11  payment-card  high  \\*{4} \\*{4} \\*{4} 1111\n      why: luhn ok; .*keyword 'visa' within \\d+ chars`));
    expect(r.out).toContain("      pattern: /");
  });

  it("--progress draws a bar on stderr", () => {
    const r = dlp("scan", "--progress", write("p.txt", "nothing"));
    expect(r.err).toMatch(/\[#+\] 1\/1 /);
  });
});

describe("dlp check-policy", () => {
  it("the default policy passes", () => {
    const r = dlp("check-policy", path.join(ROOT, "assets/policy/default-policy.yaml"));
    expect(r.code).toBe(0);
    expect(r.out).toContain("default-policy.yaml: OK");
  });

  it("a typo exits 3 naming the rule and the key", () => {
    const r = dlp("check-policy", path.join(ROOT, "test/policies/invalid/typo-acton.yaml"));
    expect(r.code).toBe(3);
    expect(r.err).toContain('typo-acton.yaml: rules[2] "block-cards-external": unknown key "acton" (did you mean "action"?)');
  });

  it("a pattern that cannot run in linear time (a backreference) exits 3, naming the pattern", () => {
    const r = dlp("check-policy", path.join(ROOT, "test/policies/invalid/backreference.yaml"));
    expect(r.code).toBe(3);
    expect(r.err).toContain('customPatterns[0] "order-code".pattern: uses the backreference \\1, which cannot be matched in linear time');
  });

  it("runs the examples through the scanner and prints what fired on each", () => {
    const r = dlp("check-policy", path.join(ROOT, "test/policies/valid/every-key.yaml"));
    expect(r.code).toBe(0);
    expect(r.out).toContain('ok   employee-id match[0] "EMP-123456": found employee-id medium');
    expect(r.out).toContain('ok   loyalty-card noMatch[0] "LOY-00000017": found nothing');
  });

  it("an example shadowed by a built-in detector fails with the reason", () => {
    const file = write(
      "shadow.yaml",
      `version: 1\norganization: { name: X, internalDomains: [example.com] }\ncitation: { title: { en: P } }\ncustomPatterns:\n  - { id: cardish, pattern: '\\d{4}(?: \\d{4}){3}', examples: { match: ['${CARD}'] } }\n`,
    );
    const r = dlp("check-policy", file);
    expect(r.code).toBe(3);
    expect(r.err).toContain(`customPatterns "cardish".examples.match[0]: "${CARD}" gives no cardish finding (payment-card found the same text and wins)`);
  });
});

describe("usage errors exit 3", () => {
  it.each([
    [["frobnicate"], 'dlp: unknown command "frobnicate"'],
    [["scan"], "dlp: scan needs at least one file or folder"],
    [["scan", "missing.eml"], "dlp: cannot read missing.eml: no such file or folder"],
    [["scan", "--format", "xml", "x"], 'dlp: --format must be text, json or jsonl, got "xml"'],
    [["scan", "--policy", "nope.yaml", "x"], "dlp: cannot read the policy nope.yaml: no such file or folder"],
  ])("%j", (args, message) => {
    const r = dlp(...args);
    expect(r.code).toBe(3);
    expect(r.err.split("\n")[0]).toBe(message);
  });

  it("a policy error in --policy exits 3 with the error", () => {
    const r = dlp("scan", "--policy", path.join(ROOT, "test/policies/invalid/bad-version.yaml"), path.join(ROOT, "package.json"));
    expect(r.code).toBe(3);
    expect(r.err).toContain("bad-version.yaml: version: must be 1, got the number 2");
  });
});
