/**
 * Tests of the BUILT bundle (npm test builds first): dist/launchevent.js must load in classic Outlook's
 * JavaScript-only runtime. These fail if the build regresses (newer syntax, DOM use, chunk loading, missing handlers).
 */
import * as acorn from "acorn";
import * as fs from "fs";
import * as path from "path";
import { spawnSync } from "child_process";
import * as os from "os";
import { ABSENT_GLOBALS, bundlePath, loadLaunchevent } from "./helpers/js-runtime";
import { DIST } from "./helpers/static-server";

const ROOT = path.resolve(__dirname, "..");
const code = fs.readFileSync(bundlePath(), "utf8");
const manifest = fs.readFileSync(path.join(DIST, "manifest.xml"), "utf8");

describe("dist/launchevent.js", () => {
  it("parses as an ECMAScript 2016 classic script", () => {
    expect(() => acorn.parse(code, { ecmaVersion: 2016, sourceType: "script" })).not.toThrow();
  });

  it("rejects newer syntax when it appears (the check itself can fail)", () => {
    expect(() => acorn.parse("async function f(){ await 1 }", { ecmaVersion: 2016, sourceType: "script" })).toThrow();
    expect(() => acorn.parse("var r = /(?<=a)b/;", { ecmaVersion: 2016, sourceType: "script" })).toThrow();
    expect(() => acorn.parse("var o = {...a};", { ecmaVersion: 2016, sourceType: "script" })).toThrow();
  });

  it("has no module loading, DOM or storage access", () => {
    for (const banned of ["import(", "require(", "document", "window.", "localStorage"]) {
      expect({ banned, found: code.includes(banned) }).toEqual({ banned, found: false });
    }
    // The global eval, not a method or property of that name (`eval(…){` methods, `.eval(` calls).
    expect(code.match(/(^|[^.\w$}])eval\(/g)).toBeNull();
  });

  it("calls no library function newer than ES2016 that the JavaScript-only runtime may lack", () => {
    for (const banned of ["Object.hasOwn(", "globalThis", "Object.entries(", "Object.values(", "Object.fromEntries(", ".padStart(", ".padEnd(", ".flatMap("]) {
      expect({ banned, found: code.includes(banned) }).toEqual({ banned, found: false });
    }
  });

  it("associates every FunctionName of the manifest, and nothing runs but registration", () => {
    const names = Array.from(manifest.matchAll(/FunctionName="([^"]+)"/g), (m) => m[1]);
    expect(names).toEqual(expect.arrayContaining(["onMessageSendHandler", "onMessageAttachmentsChangedHandler", "onMessageRecipientsChangedHandler"]));
    const { handlers } = loadLaunchevent();
    expect([...handlers.keys()].sort()).toEqual([...names].sort());
  });

  it("runs with only Office, console and timers as globals", () => {
    const { evaluate } = loadLaunchevent();
    for (const g of ABSENT_GLOBALS) expect({ g, type: evaluate<string>(`typeof ${g}`) }).toEqual({ g, type: "undefined" });
  });
});

describe("manifest.xml", () => {
  it("references only resource ids it defines", () => {
    const defined = new Set(Array.from(manifest.matchAll(/<bt:(?:Image|Url|String) id="([^"]+)"/g), (m) => m[1]));
    const used = Array.from(manifest.matchAll(/resid="([^"]+)"/g), (m) => m[1]);
    expect(used.length).toBeGreaterThan(5);
    for (const id of used) expect({ id, defined: defined.has(id) }).toEqual({ id, defined: true });
  });

  it("has its LaunchEvent SourceLocation equal to the Runtime's resid", () => {
    const runtime = /<Runtime resid="([^"]+)"/.exec(manifest)?.[1];
    const source = /<ExtensionPoint xsi:type="LaunchEvent">[\s\S]*?<SourceLocation resid="([^"]+)"/.exec(manifest)?.[1];
    expect(runtime).toBe("WebViewRuntime.Url");
    expect(source).toBe(runtime);
  });

  it("validates offline, and a broken SendMode fails validation", () => {
    const ok = spawnSync(process.execPath, [path.join(ROOT, "scripts/validate-manifest.mjs"), path.join(DIST, "manifest.xml")], { encoding: "utf8" });
    expect(ok.status).toBe(0);
    const broken = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "tf-")), "manifest.xml");
    fs.writeFileSync(broken, manifest.replace('SendMode="SoftBlock"', 'SendMode="Softblock"'));
    const bad = spawnSync(process.execPath, [path.join(ROOT, "scripts/validate-manifest.mjs"), broken], { encoding: "utf8" });
    expect(bad.status).toBe(1);
    expect(bad.stderr).toMatch(/SendMode/);
  });
});

describe("onMessageSendHandler in the JavaScript-only runtime", () => {
  it("completes exactly once on a trivial message, allowing it", async () => {
    const { fakeOffice } = await import("./helpers/fake-office");
    const office = fakeOffice({ to: [{ emailAddress: "colleague@example.com", displayName: "C", recipientType: "user" }], subject: "Lunch", body: "See you at noon." });
    const { handlers } = loadLaunchevent(office.globals);
    const completed: unknown[] = [];
    handlers.get("onMessageSendHandler")!({ completed: (o: unknown) => completed.push(o) });
    await new Promise((r) => setTimeout(r, 300));
    expect(completed).toHaveLength(1);
    expect(completed[0]).toMatchObject({ allowEvent: true });
  });
});
