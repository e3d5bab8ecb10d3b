/**
 * The `dlp` CLI and the recipient checks: sender and recipients come from the .eml (or --from / --to), the text output
 * names the look-alike domain and what it resembles, and the exit code follows the decision.
 */
import { spawnSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { parse } from "../src/cli/args";

const ROOT = path.resolve(__dirname, "..");
let dir: string;
beforeAll(() => (dir = fs.mkdtempSync(path.join(os.tmpdir(), "dlp-recipients-"))));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

function dlp(...args: string[]) {
  const r = spawnSync(process.execPath, [path.join(ROOT, "bin/dlp.js"), ...args], { cwd: dir, encoding: "utf8", timeout: 60000 });
  return { code: r.status, out: r.stdout, err: r.stderr };
}
const eml = (from: string, to: string, body: string) =>
  `From: ${from}\r\nTo: ${to}\r\nSubject: Hello\r\nMIME-Version: 1.0\r\nContent-Type: text/plain; charset=utf-8\r\n\r\n${body}\r\n`;
const write = (name: string, content: string) => {
  const file = path.join(dir, name);
  fs.writeFileSync(file, content);
  return file;
};

describe("dlp scan and the recipients", () => {
  it("reads sender and recipients from the .eml: a look-alike of the sender's domain warns and says what it resembles", () => {
    const file = write("typo.eml", eml("Alice <alice@fabrikam.no>", "Jane <jane.doe@fabrikarn.no>", "See you at noon."));
    const r = dlp("scan", file);
    expect(r.code).toBe(1);
    expect(r.out).toContain("warn-lookalike-domain");
    expect(r.out).toContain("look-alike: j***@fabrikarn.no resembles fabrikam.no (sender, letter-lookalike); did you mean j***@fabrikam.no?");
    expect(r.out).toContain("replace-domain:j***@fabrikarn.no->j***@fabrikam.no");
    expect(r.out).not.toContain("jane.doe");
  });

  it("an IDN homoglyph of the sender's domain, written xn--", () => {
    const file = write("idn.eml", eml("billing@paypal.com", "x@xn--pypal-4ve.com", "Invoice attached."));
    const r = dlp("scan", file);
    expect(r.code).toBe(1);
    expect(r.out).toMatch(/look-alike: x\*\*\*@xn--pypal-4ve\.com resembles paypal\.com \(sender, mixed-script, scripts (Cyrl\+Latn|Latn\+Cyrl)\)/);
  });

  it("--from replaces the mail's sender: the same mail from another domain is no look-alike", () => {
    const file = write("typo2.eml", eml("alice@fabrikam.no", "jane@fabrikarn.no", "See you at noon."));
    expect(dlp("scan", "--from", "someone@example.com", file).code).toBe(0);
  });

  it("a customer list to a personal mailbox is blocked; --from and --to set the sender and recipient of a plain file", () => {
    const list = write("list.txt", Array.from({ length: 12 }, (_, i) => `customer${i}@kunde${i % 4}.test`).join("\n"));
    const r = dlp("scan", "--from", "me@example.com", "--to", "me.private@gmail.com", list);
    expect(r.code).toBe(2);
    expect(r.out).toContain("block-customer-data-personal");
    expect(dlp("scan", "--from", "me@example.com", "--to", "colleague@example.com", list).code).toBe(1);
  });

  it("--from must be an address", () => {
    expect(() => parse(["scan", "--from", "nobody", "x"])).toThrow(/--from needs an e-mail address/);
    expect(parse(["scan", "--from", "a@b.test", "x"]).from).toBe("a@b.test");
  });
});
