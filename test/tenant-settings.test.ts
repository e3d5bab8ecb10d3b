/** Unit tests of the tenant build's settings and the unified manifest generator (no webpack; fast). */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import {
  checkBaseUrl, checkPolicyUrl, checkSendMode, checkAddinId, idFileFor, stableAddinId, tenantSettings, TenantSettingsError,
} from "../scripts/tenant-settings";
import { HANDLERS, jsonManifestId, PANE_BUTTON_ID, unifiedManifest, uuidV5 } from "../scripts/manifest-json";

const ROOT = path.resolve(__dirname, "..");
const BASE = "https://addins.contoso.test/think-first";

describe("tenant settings checks", () => {
  it("accepts https base URLs, trims a trailing slash, refuses the rest with a reason", () => {
    expect(checkBaseUrl(`${BASE}/`)).toBe(BASE);
    expect(checkBaseUrl("https://addins.contoso.test")).toBe("https://addins.contoso.test");
    expect(() => checkBaseUrl("http://addins.contoso.test")).toThrow(/only over HTTPS/);
    expect(() => checkBaseUrl("addins.contoso.test/x")).toThrow(/not a URL/);
    expect(() => checkBaseUrl(`${BASE}?v=1`)).toThrow(/no query/);
    expect(() => checkBaseUrl("https://user:pw@addins.contoso.test")).toThrow(TenantSettingsError);
  });

  it("send modes are exact, with a hint for a wrong case", () => {
    for (const m of ["SoftBlock", "Block", "PromptUser"]) expect(checkSendMode(m)).toBe(m);
    expect(() => checkSendMode("softblock")).toThrow(/did you mean "SoftBlock"/);
    expect(() => checkSendMode("Hard")).toThrow(/not one of SoftBlock, Block, PromptUser/);
  });

  it("ids are GUIDs (stored lower-case)", () => {
    expect(checkAddinId("6D0C3B9A-4F2E-4D6B-9A7E-7C1F5E2A8B31")).toBe("6d0c3b9a-4f2e-4d6b-9a7e-7c1f5e2a8b31");
    expect(() => checkAddinId("6d0c3b9a4f2e4d6b9a7e7c1f5e2a8b31")).toThrow(/not a GUID/);
  });

  it("the policy URL resolves against the base URL and must stay on its origin", () => {
    expect(checkPolicyUrl("policy.json", BASE)).toBe(`${BASE}/policy.json`);
    expect(checkPolicyUrl("/tf/policy.json", BASE)).toBe("https://addins.contoso.test/tf/policy.json");
    expect(() => checkPolicyUrl("https://cdn.contoso.test/policy.json", BASE)).toThrow(/same origin/);
    expect(() => checkPolicyUrl("http://addins.contoso.test/policy.json", BASE)).toThrow(/same origin/);
  });

  it("rewrites the manifest template for the tenant (URLs, send mode, version, id)", () => {
    const s = tenantSettings({ THINK_FIRST_BASE_URL: BASE, THINK_FIRST_SEND_MODE: "Block", THINK_FIRST_ADDIN_ID: "0f0e0d0c-0b0a-4908-8706-050403020100", THINK_FIRST_VERSION: "2.3.4" });
    const xml = s.rewriteManifest(fs.readFileSync(path.join(ROOT, "manifest.xml"), "utf8"));
    expect(xml).not.toMatch(/localhost/);
    expect(xml).toContain(`DefaultValue="${BASE}/launchevent.html"`);
    expect(xml).toContain('SendMode="Block"');
    expect(xml).toContain("<Version>2.3.4.0</Version>");
    expect(xml).toContain("<Id>0f0e0d0c-0b0a-4908-8706-050403020100</Id>");
    expect(() => tenantSettings({ THINK_FIRST_BASE_URL: BASE, THINK_FIRST_VERSION: "2.3" })).toThrow(/not a version/);
  });
});

describe("stable add-in id per tenant", () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "tf-id-"));
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it("is kept per host: generated once, then reused", () => {
    const file = idFileFor(BASE, dir);
    expect(path.basename(file)).toBe("addins.contoso.test.id");
    const a = stableAddinId(undefined, file);
    expect(a.source).toBe("generated");
    const b = stableAddinId(undefined, file);
    expect(b).toEqual({ id: a.id, source: "file", file });
  });

  it("an explicit id wins, is kept, and says what it replaced", () => {
    const file = path.join(dir, "explicit.id");
    const first = stableAddinId(undefined, file);
    const given = "0f0e0d0c-0b0a-4908-8706-050403020100";
    expect(stableAddinId(given, file)).toMatchObject({ id: given, source: "option", replaced: first.id });
    expect(stableAddinId(undefined, file)).toMatchObject({ id: given, source: "file" });
  });

  it("refuses a damaged id file instead of silently making a new add-in", () => {
    const file = path.join(dir, "damaged.id");
    fs.writeFileSync(file, "not-a-guid\n");
    expect(() => stableAddinId(undefined, file)).toThrow(/does not hold a GUID/);
  });
});

describe("unified manifest", () => {
  it("uuidV5 matches the RFC 4122 example (www.example.com in the DNS namespace)", () => {
    expect(uuidV5("www.example.com", "6ba7b810-9dad-11d1-80b4-00c04fd430c8")).toBe("2ed6657d-e927-568b-95e1-2665a8aea6a2");
  });

  it("its id is derived from the XML id: stable, different from it, different per tenant", () => {
    const x = "6d0c3b9a-4f2e-4d6b-9a7e-7c1f5e2a8b31";
    expect(jsonManifestId(x)).toBe(jsonManifestId(x.toUpperCase()));
    expect(jsonManifestId(x)).not.toBe(x);
    expect(jsonManifestId(x)).not.toBe(jsonManifestId("0f0e0d0c-0b0a-4908-8706-050403020100"));
  });

  it("names the same handlers as manifest.xml and launchevent.ts, and the same task pane control id", () => {
    const xml = fs.readFileSync(path.join(ROOT, "manifest.xml"), "utf8");
    const entry = fs.readFileSync(path.join(ROOT, "src/outlook/launchevent.ts"), "utf8");
    const xmlNames = Array.from(xml.matchAll(/FunctionName="([^"]+)"/g), (m) => m[1]).sort();
    const associated = Array.from(entry.matchAll(/associate\("([^"]+)"/g), (m) => m[1]).sort();
    const m = unifiedManifest({ baseUrl: BASE, xmlId: "6d0c3b9a-4f2e-4d6b-9a7e-7c1f5e2a8b31", sendMode: "PromptUser", version: "1.0.0" }) as any;
    const actions = m.extensions[0].runtimes[0].actions.map((a: { id: string }) => a.id).sort();
    expect(actions).toEqual(xmlNames);
    expect(actions).toEqual(associated);
    expect(Object.values(HANDLERS).sort()).toEqual(xmlNames);
    expect(xml).toContain(`<Control xsi:type="Button" id="${PANE_BUTTON_ID}">`);
    expect(m.extensions[0].ribbons[0].tabs[0].groups[0].controls[0].id).toBe(PANE_BUTTON_ID);
    expect(m.extensions[0].autoRunEvents[0].events[0]).toEqual({ type: "messageSending", actionId: "onMessageSendHandler", options: { sendMode: "promptUser" } });
  });
});
