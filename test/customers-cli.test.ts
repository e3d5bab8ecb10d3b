/**
 * `dlp customers build` and `dlp scan --customers` as an admin and compliance staff run them (node bin/dlp.js, spawned),
 * on a generated export written to a temp folder.
 */
import { spawnSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";

const ROOT = path.resolve(__dirname, "..");
let dir: string;

function dlp(...args: string[]) {
  const r = spawnSync(process.execPath, [path.join(ROOT, "bin/dlp.js"), ...args], { cwd: dir, encoding: "utf8", timeout: 60000 });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

const CUSTOMERS = Array.from({ length: 40 }, (_, i) => ({ name: `Customer ${i}`, email: `buyer.${i}.${(i * 31) % 97}@shop${i % 5}.example`, number: `K-${100200 + i * 11}` }));
const PARTNERS = Array.from({ length: 12 }, (_, i) => `contact${i}@partner${i}.example`);

function eml(to: string, body: string): string {
  return `From: Alice <alice@example.com>\r\nTo: ${to}\r\nSubject: Campaign\r\nMIME-Version: 1.0\r\nContent-Type: text/plain; charset=utf-8\r\n\r\n${body}\r\n`;
}

beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "dlp-customers-"));
  // Excel's "CSV UTF-8": BOM, semicolons, CRLF, a quoted cell, a "Name <address>" cell, an empty row.
  const rows = CUSTOMERS.map((c, i) => `"${c.name}, Ltd";${i === 3 ? `${c.name} <${c.email}>` : c.email};${c.number}`);
  fs.writeFileSync(path.join(dir, "export.csv"), "\ufeffName;E-mail;Customer number\r\n" + rows.join("\r\n") + "\r\n;;\r\n");
  fs.writeFileSync(path.join(dir, "seed.eml"), eml("Bob <bob@example.com>", `Hi Bob, for the campaign:\n${CUSTOMERS.slice(0, 3).map((c) => c.email).join("\n")}`));
  fs.writeFileSync(path.join(dir, "partners.eml"), eml("Bob <bob@example.com>", `Partner contacts for the fair:\n${PARTNERS.join("\n")}`));
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe("dlp customers build", () => {
  let first: ReturnType<typeof dlp>;
  beforeAll(() => {
    first = dlp("customers", "build", "export.csv", "--out", "set/customers.tfcs");
  });

  it("builds the set, creates the key beside it (mode 600) and prints counts, never a value", () => {
    expect({ code: first.code, err: first.err }).toEqual({ code: 0, err: "" });
    expect(first.out).toContain("set/customers.tfcs: 40 addresses, 40 customer numbers from 41 rows");
    expect(first.out).toContain('column "E-mail" (email): 40 taken, 0 repeated, 1 empty');
    expect(first.out).toContain("number shapes: L1D6");
    expect(first.out).toMatch(/key [0-9a-f]{16}: NEW, written to set\/customers\.key/);
    expect(fs.statSync(path.join(dir, "set/customers.key")).mode & 0o777).toBe(0o600);
    for (const c of CUSTOMERS) {
      expect(first.out).not.toContain(c.email);
      expect(first.out).not.toContain(c.number.slice(2));
    }
  });

  it("a second build keeps the key (same key id) and gives the same set", () => {
    const before = fs.readFileSync(path.join(dir, "set/customers.tfcs"));
    const again = dlp("customers", "build", "export.csv", "--out", "set/customers.tfcs", "--format", "json");
    expect(again.code).toBe(0);
    const r = JSON.parse(again.out);
    expect(r.keyCreated).toBe(false);
    expect(first.out).toContain(`key ${r.header.keyId}:`);
    expect(r.header.counts).toEqual({ email: 40, number: 40 });
    // Only the build date may differ.
    expect(fs.readFileSync(path.join(dir, "set/customers.tfcs")).length).toBe(before.length);
  });

  it("names missing columns and refuses a build without --out", () => {
    const bad = dlp("customers", "build", "export.csv", "--out", "x.tfcs", "--columns", "email,kundenr");
    expect(bad.code).toBe(3);
    expect(bad.err).toContain('no column "kundenr" in the export; its columns are: "Name", "E-mail", "Customer number"');
    expect(dlp("customers", "build", "export.csv").err).toContain("customers build needs --out FILE");
  });
});

describe("dlp scan --customers", () => {
  it("the seed case warns with the Think First text; twelve partners do not", () => {
    const seed = dlp("scan", "--customers", "set/customers.tfcs", "seed.eml");
    expect(seed.code).toBe(1);
    expect(seed.out).toContain("Don't send customer e-mail lists, even to a colleague");
    expect(seed.out).toContain("customer-email");
    for (const c of CUSTOMERS.slice(0, 3)) expect(seed.out).not.toContain(c.email);
    expect(dlp("scan", "--customers", "set/customers.tfcs", "partners.eml").code).toBe(0);
  });

  it("without a set the address count decides as before: the seed case passes, twelve partners warn", () => {
    expect(dlp("scan", "seed.eml").code).toBe(0);
    expect(dlp("scan", "partners.eml").code).toBe(1);
  });

  it("a policy naming the set uses it; a set with the wrong key or a missing set is exit 3, never a scan without it", () => {
    const policy = fs.readFileSync(path.join(ROOT, "assets/policy/default-policy.yaml"), "utf8") + "\ncustomers: { set: set/customers.tfcs }\n";
    fs.writeFileSync(path.join(dir, "policy.yaml"), policy);
    expect(dlp("scan", "--policy", "policy.yaml", "seed.eml").code).toBe(1);
    fs.writeFileSync(path.join(dir, "other.csv"), "email\r\nsomeone@example.org\r\n");
    expect(dlp("customers", "build", "other.csv", "--out", "other.tfcs").code).toBe(0);
    const wrong = dlp("scan", "--customers", "set/customers.tfcs", "--customers-key", "other.key", "seed.eml");
    expect(wrong.code).toBe(3);
    expect(wrong.err).toMatch(/the customer set was built with key [0-9a-f]{16}, but the key given is [0-9a-f]{16}/);
    const missing = dlp("scan", "--customers", "nope.tfcs", "seed.eml");
    expect(missing.code).toBe(3);
    expect(missing.err).toContain("cannot read the customer set nope.tfcs: ENOENT");
  });
});
