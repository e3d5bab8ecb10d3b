/**
 * The tenant build end to end (npm run build:tenant), into temp folders: two real production builds (webpack, ~10-30 s
 * each here, run side by side) and the bad inputs, which must fail before anything is built or written.
 */
import { spawn, spawnSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { unzipSync, strFromU8 } from "fflate";
import { loadPolicyFile } from "../src/cli/policy-file";
import { PolicyError } from "../src/engine/policy/load";
import { findLocalhost } from "../scripts/build-tenant";
import { checkScript } from "../scripts/exchange/powershell-check";
import { policyVersion } from "../src/engine/policy/version";

const ROOT = path.resolve(__dirname, "..");
const BASE = "https://addins.contoso.test/think-first";
const POLICY = path.join(ROOT, "assets/policy/default-policy.yaml");
const TSX = path.join(ROOT, "node_modules/tsx/dist/cli.mjs");
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "tf-tenant-"));
const idFile = path.join(tmp, "ids", "addins.contoso.test.id");

interface Run {
  status: number | null;
  stdout: string;
  stderr: string;
}
/** Runs `npm run build:tenant -- …` (tsx, as npm does) without blocking, so independent runs overlap. */
function buildTenant(args: string[], env: Record<string, string> = {}): Promise<Run> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [TSX, path.join(ROOT, "scripts/build-tenant.ts"), ...args], {
      cwd: ROOT,
      env: { ...process.env, THINK_FIRST_ID_FILE: idFile, ...env },
    });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (d) => (stdout += d));
    child.stderr.on("data", (d) => (stderr += d));
    const timer = setTimeout(() => child.kill(), 170_000);
    child.on("close", (status) => {
      clearTimeout(timer);
      resolve({ status, stdout, stderr });
    });
  });
}

function listFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? listFiles(path.join(dir, e.name)) : [path.join(dir, e.name)]));
}

function validateJsonOffline(file: string): Run {
  const r = spawnSync(process.execPath, ["-r", path.join(ROOT, "scripts/no-network.cjs"), path.join(ROOT, "node_modules/office-addin-manifest/cli.js"), "validate", file], { encoding: "utf8" });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

function pngSize(bytes: Uint8Array): [number, number] {
  const b = Buffer.from(bytes);
  expect(b.subarray(1, 4).toString("ascii")).toBe("PNG");
  return [b.readUInt32BE(16), b.readUInt32BE(20)];
}

const out1 = path.join(tmp, "out1");
const out2 = path.join(tmp, "out2");
const never = path.join(tmp, "never");
const badPolicy = path.join(tmp, "bad-policy.yaml");
let first: Run;
let second: Run;
const refused: Record<string, Run> = {};

beforeAll(async () => {
  fs.writeFileSync(badPolicy, fs.readFileSync(POLICY, "utf8") + "\nsendMode: block\n");
  const bad: Record<string, [string[], Record<string, string>?]> = {
    http: [["--base-url", "http://addins.contoso.test/think-first", "--policy", POLICY, "--out", never]],
    missingPolicy: [["--base-url", BASE, "--policy", path.join(tmp, "nope.yaml"), "--out", never]],
    unknownKey: [["--base-url", BASE, "--policy", badPolicy, "--out", never]],
    sendMode: [["--base-url", BASE, "--policy", POLICY, "--out", never, "--send-mode", "Softblock"]],
    id: [["--base-url", BASE, "--policy", POLICY, "--out", never, "--id", "think-first"]],
    policyUrl: [[], { THINK_FIRST_BASE_URL: BASE, THINK_FIRST_POLICY: POLICY, THINK_FIRST_OUT: never, THINK_FIRST_POLICY_URL: "https://cdn.example.net/policy.json" }],
    localhost: [["--base-url", "https://localhost:3000", "--policy", POLICY, "--out", never]],
    exchangeMode: [["--base-url", BASE, "--policy", POLICY, "--out", never, "--compliance-mailbox", "compliance@contoso.test", "--exchange-mode", "audit"]],
    exchangeOrphan: [["--base-url", BASE, "--policy", POLICY, "--out", never, "--strip-headers"]],
    mailbox: [[], { THINK_FIRST_BASE_URL: BASE, THINK_FIRST_POLICY: POLICY, THINK_FIRST_OUT: never, THINK_FIRST_COMPLIANCE_MAILBOX: "x'; Remove-Mailbox boss; '@contoso.test" }],
  };
  // Everything overlaps to keep the test short: the refusals stop before the id file is touched, and the second build
  // starts once the first has saved the tenant's new id (before its webpack run), so it must find and reuse it.
  const refusals = Promise.all(Object.keys(bad).map((k) => buildTenant(bad[k]![0], bad[k]![1]).then((r) => (refused[k] = r))));
  let firstDone = false;
  const firstRun = buildTenant(["--base-url", BASE, "--policy", POLICY, "--out", out1]).then((r) => {
    firstDone = true;
    return r;
  });
  while (!fs.existsSync(idFile) && !firstDone) await new Promise((r) => setTimeout(r, 100));
  const secondRun = buildTenant([
    "--base-url", `${BASE}/`, "--policy", POLICY, "--out", out2, "--send-mode", "Block", "--policy-url", "policy.json",
    "--compliance-mailbox", "o'brien@contoso.test", "--exchange-mode", "Enforce", "--strip-headers",
  ]);
  [first, second] = await Promise.all([firstRun, secondRun]);
  await refusals;
}, 360_000);

afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

describe("npm run build:tenant (default policy, SoftBlock)", () => {
  it("succeeds and prints the summary", () => {
    expect({ status: first.status, stderr: first.stderr }).toEqual({ status: 0, stderr: "" });
    const id = fs.readFileSync(idFile, "utf8").trim();
    for (const s of [out1, BASE, id, "SoftBlock", POLICY, '"Example Corp"', `${loadPolicyFile(POLICY).rules.length} rules`, "manifest.xml", "think-first-app.zip"]) {
      expect(first.stdout).toContain(s);
    }
  });

  it("writes manifest.xml for the base URL, with the tenant's id, that validates offline with xmllint", () => {
    const xml = fs.readFileSync(path.join(out1, "manifest.xml"), "utf8");
    const id = fs.readFileSync(idFile, "utf8").trim();
    expect(xml).toContain(`<Id>${id}</Id>`);
    expect(xml).toContain(`<bt:Url id="JSRuntime.Url" DefaultValue="${BASE}/launchevent.js"/>`);
    expect(xml).toContain('SendMode="SoftBlock"');
    const v = spawnSync(process.execPath, [path.join(ROOT, "scripts/validate-manifest.mjs"), path.join(out1, "manifest.xml")], { encoding: "utf8" });
    expect({ status: v.status, err: v.stderr }).toEqual({ status: 0, err: "" });
  });

  it("writes manifest.json that validates offline, and the app package holding it with 192 and 32 px icons", () => {
    const file = path.join(out1, "manifest.json");
    const v = validateJsonOffline(file);
    expect({ status: v.status, out: v.stdout + v.stderr }).toEqual({ status: 0, out: "" });
    const m = JSON.parse(fs.readFileSync(file, "utf8"));
    const xmlId = fs.readFileSync(idFile, "utf8").trim();
    expect(m.id).not.toBe(xmlId);
    const ext = m.extensions[0];
    expect(ext.alternates[0].hide.customOfficeAddin.officeAddinId).toBe(xmlId);
    expect(ext.runtimes[0].code).toEqual({ page: `${BASE}/launchevent.html`, script: `${BASE}/launchevent.js` });
    expect(ext.autoRunEvents[0].events.map((e: { type: string }) => e.type)).toEqual(["messageSending", "messageAttachmentsChanged", "messageRecipientsChanged"]);
    expect(ext.autoRunEvents[0].events[0].options).toEqual({ sendMode: "softBlock" });
    const zip = unzipSync(fs.readFileSync(path.join(out1, "think-first-app.zip")));
    expect(Object.keys(zip).sort()).toEqual(["color.png", "manifest.json", "outline.png"]);
    expect(strFromU8(zip["manifest.json"]!)).toBe(fs.readFileSync(file, "utf8"));
    expect(pngSize(zip["color.png"]!)).toEqual([192, 192]);
    expect(pngSize(zip["outline.png"]!)).toEqual([32, 32]);
  });

  it("a broken manifest.json fails the same offline validation (the check can fail)", () => {
    const m = JSON.parse(fs.readFileSync(path.join(out1, "manifest.json"), "utf8"));
    m.extensions[0].autoRunEvents[0].events[0].options.sendMode = "Softblock";
    const broken = path.join(tmp, "broken-manifest.json");
    fs.writeFileSync(broken, JSON.stringify(m));
    expect(validateJsonOffline(broken).status).not.toBe(0);
  });

  it("leaves no localhost in any output file", () => {
    const files = listFiles(out1).map((f) => path.relative(out1, f));
    expect(files).toEqual(expect.arrayContaining(["launchevent.js", "launchevent.html", "taskpane.html", "taskpane.js", "manifest.xml", "manifest.json", "policy.json", "assets/icon-80.png"]));
    const hits = listFiles(out1).filter((f) => /localhost/i.test(fs.readFileSync(f).toString("latin1")));
    expect(hits).toEqual([]);
    // the guard the build uses finds it when it is there
    const planted = path.join(tmp, "planted");
    fs.mkdirSync(path.join(planted, "sub"), { recursive: true });
    fs.writeFileSync(path.join(planted, "sub", "x.js"), 'var u="https://LOCALHOST:3000/office-js/office.js";');
    expect(findLocalhost(planted).map((h) => h.file)).toEqual([path.join("sub", "x.js")]);
  });

  it("ships the compiled input policy: policy.json equals loadPolicy(input), and the bundle carries it", () => {
    const input = loadPolicyFile(POLICY);
    expect(JSON.parse(fs.readFileSync(path.join(out1, "policy.json"), "utf8"))).toEqual(input);
    const bundle = fs.readFileSync(path.join(out1, "launchevent.js"), "utf8");
    for (const s of [input.organization.name, input.citation.title.en!, ...input.rules.map((r) => r.id)]) {
      expect({ s, inBundle: bundle.includes(s) }).toEqual({ s, inBundle: true });
    }
  });
});

describe("a second build for the same tenant (Block, policy URL)", () => {
  it("reuses the add-in id, and applies the send mode and the policy URL", () => {
    expect({ status: second.status, stderr: second.stderr }).toEqual({ status: 0, stderr: "" });
    const id = fs.readFileSync(idFile, "utf8").trim();
    expect(second.stdout).toContain(`${id} (kept from`);
    const id1 = /<Id>([^<]+)<\/Id>/.exec(fs.readFileSync(path.join(out1, "manifest.xml"), "utf8"))![1];
    const id2 = /<Id>([^<]+)<\/Id>/.exec(fs.readFileSync(path.join(out2, "manifest.xml"), "utf8"))![1];
    expect(id2).toBe(id1);
    expect(JSON.parse(fs.readFileSync(path.join(out2, "manifest.json"), "utf8")).id).toBe(JSON.parse(fs.readFileSync(path.join(out1, "manifest.json"), "utf8")).id);
    expect(fs.readFileSync(path.join(out2, "manifest.xml"), "utf8")).toContain('SendMode="Block"');
    expect(JSON.parse(fs.readFileSync(path.join(out2, "manifest.json"), "utf8")).extensions[0].autoRunEvents[0].events[0].options).toEqual({ sendMode: "block" });
    const info = (dir: string) => JSON.parse(fs.readFileSync(path.join(dir, "build-info.json"), "utf8"));
    expect(info(out2)).toMatchObject({ baseUrl: BASE, sendMode: "Block", addinId: id, policyUrl: `${BASE}/policy.json` });
    expect(info(out1)).toMatchObject({ baseUrl: BASE, sendMode: "SoftBlock", addinId: id, policyUrl: null });
    expect(second.stdout).toContain(`policy URL  ${BASE}/policy.json`);
  });

  it("writes the Exchange backstop pack, checked against the documented cmdlets, and records the policy version", () => {
    const dir = path.join(out2, "exchange");
    expect(fs.readdirSync(dir).sort()).toEqual(["README.md", "auto-reply.eml", "checked.eml", "install-rules.ps1", "override-with-reason.eml", "override.eml", "remove-rules.ps1", "test-rules.ps1", "unchecked.eml"]);
    const install = checkScript(fs.readFileSync(path.join(dir, "install-rules.ps1"), "utf8"));
    expect(install.errors).toEqual([]);
    const created = install.invocations.filter((i) => i.cmdlet === "New-TransportRule");
    expect(created.map((i) => i.splatted.Mode)).toEqual(["Enforce", "Enforce", "Enforce", "Enforce", "Enforce"]);
    expect(created[0]!.splatted.GenerateIncidentReport).toBe("o'brien@contoso.test");
    const version = policyVersion(loadPolicyFile(POLICY));
    expect(JSON.parse(fs.readFileSync(path.join(out2, "build-info.json"), "utf8")).policyVersion).toBe(version);
    expect(second.stdout).toContain(`version ${version}`);
    expect(second.stdout).toMatch(/exchange +.*exchange.* \(mode Enforce, unchecked external mail: report, headers removed before delivery outside, reports to o'brien@contoso\.test\)/);
    expect(first.stdout).toMatch(/exchange +not written \(--compliance-mailbox/);
    expect(fs.existsSync(path.join(out1, "exchange"))).toBe(false);
  });
});

describe("bad inputs fail clearly, before anything is built", () => {
  const expectRefused = (r: Run, message: string | RegExp) => {
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(typeof message === "string" ? new RegExp(message.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")) : message);
    expect(fs.existsSync(never)).toBe(false);
  };

  it("an http:// base URL", () => {
    expectRefused(refused.http!, /only over HTTPS.*https:\/\/addins\.contoso\.test\/think-first/);
  });

  it("a missing policy file", () => {
    expectRefused(refused.missingPolicy!, `policy: file not found: ${path.join(tmp, "nope.yaml")}`);
  });

  it("a policy with an unknown key, with the compiler's own message", () => {
    let own = "";
    try {
      loadPolicyFile(badPolicy);
    } catch (e) {
      expect(e).toBeInstanceOf(PolicyError);
      own = (e as PolicyError).lines[0]!;
    }
    expect(own).toMatch(/unknown key "sendMode"/);
    expectRefused(refused.unknownKey!, own);
  });

  it('the send mode "Softblock"', () => {
    expectRefused(refused.sendMode!, /"Softblock" is not one of SoftBlock, Block, PromptUser.*did you mean "SoftBlock"/);
  });

  it("Exchange settings: a mode in the wrong case, a setting without the mailbox, a mailbox that is not an address", () => {
    expectRefused(refused.exchangeMode!, /--exchange-mode: "audit" is not one of Audit, AuditAndNotify, Enforce \(did you mean "Audit"\?\)/);
    expectRefused(refused.exchangeOrphan!, /--strip-headers configures the Exchange rules: give --compliance-mailbox too/);
    expectRefused(refused.mailbox!, /--compliance-mailbox: "x'; Remove-Mailbox boss; '@contoso.test" is not an e-mail address/);
  });

  it("an id that is not a GUID, a foreign policy URL, a localhost base URL (also as environment variables)", () => {
    expectRefused(refused.id!, /add-in id: "think-first" is not a GUID/);
    expectRefused(refused.policyUrl!, /policy URL: .* must be on the add-in's own origin https:\/\/addins\.contoso\.test/);
    expectRefused(refused.localhost!, /localhost:3000 is this machine/);
  });
});
