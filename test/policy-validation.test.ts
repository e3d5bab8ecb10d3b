/**
 * One validator for every policy: the add-in's gate for a downloaded policy.json (src/outlook/policy-source.ts →
 * src/engine/policy/accept.ts) against `dlp check-policy` (src/cli/check-policy.ts, the same file written to disk).
 *   - the cases of the issue: each refused with a reason, the last good policy kept (the old hand-written structural
 *     check accepted all of them);
 *   - property: random mutations of a valid policy.json never crash the gate or Send, and never weaken it silently:
 *     either refused with a reason (last good policy kept) or accepted only if check-policy accepts it too, as the
 *     same compiled policy.
 */
import { defaultPolicy } from "./helpers/outlook-policy";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import fc from "fast-check";
import { fakeEvent, fakeOffice } from "./helpers/fake-office";
import { currentPolicy, policyRefusal, refreshPolicy, resetPolicySourceForTests, usePolicyStore } from "../src/outlook/policy-source";
import { handleSend } from "../src/outlook/on-message-send";
import { checkPolicyFile } from "../src/cli/check-policy";
import { MAX_POLICY_CHARS } from "../src/engine/policy/accept";
import type { Policy } from "../src/engine/policy/types";

const URL_ = "https://addins.contoso.test/think-first/policy.json";
const g = globalThis as Record<string, unknown>;
const realFetch = g.fetch;
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "tf-policy-"));

/** A valid policy.json: the compiled default policy plus a custom pattern, as the tenant build writes it. */
const GOOD: Policy = JSON.parse(JSON.stringify(defaultPolicy));
GOOD.customPatterns = [{ id: "order-ref", pattern: "ORD-\\d{6}", flags: "u", keywords: ["order"], confidence: "medium", examples: { match: ["ORD-123456"], noMatch: ["ORD-12"] } }];

function serve(body: string) {
  g.fetch = () => Promise.resolve({ ok: true, status: 200, text: () => Promise.resolve(body) });
}

/** Downloads `body` as the tenant's policy.json after GOOD was accepted; returns what the add-in holds then. */
async function download(body: string) {
  resetPolicySourceForTests(URL_);
  usePolicyStore(null);
  serve(JSON.stringify(GOOD));
  await refreshPolicy({ maxAgeMs: 0 });
  const lastGood = currentPolicy();
  expect(lastGood.customPatterns.map((c) => c.id)).toEqual(["order-ref"]);
  serve(body);
  await refreshPolicy({ maxAgeMs: 0 });
  return { lastGood, now: currentPolicy(), refusal: policyRefusal() };
}

let warn: jest.SpyInstance;
beforeEach(() => {
  warn = jest.spyOn(console, "warn").mockImplementation(() => undefined);
});
afterEach(() => {
  g.fetch = realFetch;
  warn.mockRestore();
});
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

const mutate = (f: (p: Record<string, any>) => void) => {
  const p = JSON.parse(JSON.stringify(GOOD));
  f(p);
  return JSON.stringify(p);
};

describe("the issue's cases: refused with a reason, the last good policy kept", () => {
  it.each([
    ["timeBudgetMs: 250000", mutate((p) => (p.timeBudgetMs = 250000)), /timeBudgetMs: must be at most 30000, got 250000/],
    ["a misspelled detector id in a rule", mutate((p) => (p.rules[0].when.detectors = ["payment-cards"])), /unknown detector "payment-cards" \(did you mean "payment-card"\?\)/],
    ["a misspelled detector id in the settings", mutate((p) => (p.detectors["paymentcard"] = p.detectors["payment-card"])), /"paymentcard" is not a built-in detector id/],
    ["a negative threshold", mutate((p) => (p.thresholds.emailList = -5)), /thresholds.emailList: must be at least 2, got -5/],
    ["a negative window", mutate((p) => (p.detectors["iban"].window = -1)), /detectors.iban.window: must be at least 0/],
    ["a pattern no linear-time engine can bound (backreference)", mutate((p) => (p.customPatterns[0].pattern = "(\\d)\\1{5}")), /customPatterns\[0\] "order-ref".pattern: uses the backreference/],
    ["a lookbehind", mutate((p) => (p.customPatterns[0].pattern = "(?<=ORD-)\\d{6}")), /uses the lookbehind/],
    ["onUnscanned: allow", mutate((p) => (p.onUnscanned = "allow")), /onUnscanned: "allow" is not one of warn, block/],
    ["an example that no longer matches", mutate((p) => (p.customPatterns[0].examples.match = ["ORD-12"])), /examples.match\[0\]: "ORD-12" does not match the pattern/],
    ["a 36 MB file", JSON.stringify({ ...GOOD, padding: "x".repeat(36 * 1024 * 1024) }), /: 3\d{7} characters \(at most 786432\)/],
    ["not JSON", "<html>login</html>", /not JSON/],
  ])("%s", async (_name, body, reason) => {
    const { lastGood, now, refusal } = await download(body);
    expect(now).toBe(lastGood);
    expect(refusal && refusal.detail).toMatch(reason);
  });

  it("a policy.json of an older build that lacks a newer detector's settings stays valid: the detector gets its defaults", async () => {
    const { now, refusal } = await download(mutate((p) => delete p.detectors["in-pan"]));
    expect(refusal).toBeUndefined();
    expect(now.detectors["in-pan"]).toEqual({ enabled: true, minConfidence: "low", keywords: { add: [], remove: [] }, window: 300 });
  });

  it("a pattern that backtracks catastrophically on a native engine is harmless on the linear-time engine: accepted by both", async () => {
    const body = mutate((p) => {
      p.customPatterns[0].pattern = "(a+)+$";
      p.customPatterns[0].examples = { match: ["aaaa"], noMatch: [] };
    });
    const file = path.join(tmp, "catastrophic.json");
    fs.writeFileSync(file, body);
    expect(checkPolicyFile(file).ok).toBe(true);
    const { now, refusal } = await download(body);
    expect(refusal).toBeUndefined();
    expect(now.customPatterns[0]!.pattern).toBe("(a+)+$");
  });

  it("the size cap is far above a real policy", () => {
    expect(JSON.stringify(GOOD).length * 100).toBeLessThan(MAX_POLICY_CHARS);
  });
});

/** Paths to every value of a JSON tree. */
function paths(v: unknown, at: (string | number)[] = [], out: (string | number)[][] = []): (string | number)[][] {
  out.push(at);
  if (Array.isArray(v)) v.forEach((x, i) => paths(x, at.concat(i), out));
  else if (v && typeof v === "object") for (const k of Object.keys(v)) paths((v as Record<string, unknown>)[k], at.concat(k), out);
  return out;
}
const ALL_PATHS = paths(GOOD).filter((p) => p.length > 0);

const value = fc.oneof(
  fc.constantFrom<unknown>(null, true, false, 0, -1, -100, 1.5, 1e308, 250000, 2 ** 53, "", "x", "payment-cards", "block", "allow", [], {}, ["*"], { add: [] }),
  fc.constantFrom("(a+)+$", "(\\d)\\1", "(?<=x)y", "a{1001}", "(", "\\d*", "[A-Z]+-\\d+", "x".repeat(100000)),
  fc.integer(),
  fc.string({ maxLength: 12 }),
);

type Mutation = { kind: "set"; path: (string | number)[]; value: unknown } | { kind: "delete"; path: (string | number)[] } | { kind: "rename"; path: (string | number)[]; to: string };
const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ kind: fc.constant("set" as const), path: fc.constantFrom(...ALL_PATHS), value }),
  fc.record({ kind: fc.constant("delete" as const), path: fc.constantFrom(...ALL_PATHS) }),
  fc.record({ kind: fc.constant("rename" as const), path: fc.constantFrom(...ALL_PATHS.filter((p) => typeof p[p.length - 1] === "string")), to: fc.constantFrom("paymentcard", "acton", "in-pan2", "timeBudget", "x") }),
);

function apply(p: unknown, m: Mutation): void {
  const parent = m.path.slice(0, -1).reduce<any>((o, k) => (o == null ? o : o[k]), p);
  const key = m.path[m.path.length - 1]!;
  if (parent == null || typeof parent !== "object") return;
  if (m.kind === "set") parent[key] = m.value;
  else if (m.kind === "delete") {
    if (Array.isArray(parent) && typeof key === "number") parent.splice(key, 1);
    else delete parent[key];
  } else if (!Array.isArray(parent)) {
    parent[m.to] = parent[key];
    delete parent[key];
  }
}

describe("random mutations of a valid policy.json (property)", () => {
  it("never crash the gate or Send, and are refused with a reason (last good kept) or accepted only as check-policy accepts them", async () => {
    let n = 0;
    const seen = { accepted: 0, refused: 0 };
    await fc.assert(
      fc.asyncProperty(fc.array(mutation, { minLength: 1, maxLength: 3 }), async (ms) => {
        const p = JSON.parse(JSON.stringify(GOOD));
        for (const m of ms) apply(p, m);
        const body = JSON.stringify(p);
        const file = path.join(tmp, "p" + n++ + ".json");
        fs.writeFileSync(file, body);
        const cli = checkPolicyFile(file);
        const { lastGood, now, refusal } = await download(body);
        seen[cli.ok ? "accepted" : "refused"]++;
        if (cli.ok) {
          expect(refusal).toBeUndefined();
          expect(now).not.toBe(lastGood);
          // Accepted as the same compiled policy check-policy makes of it.
          const { loadPolicy } = await import("../src/engine/policy/load");
          expect(now).toEqual(loadPolicy(body, "policy.json"));
        } else {
          expect(now).toBe(lastGood);
          expect(refusal && refusal.detail.length).toBeGreaterThan(0);
        }
        // Send with whatever is in force completes once; a card to an external recipient is still stopped when the
        // policy in force is the last good one.
        const office = fakeOffice({ from: "me@example.com", to: [{ emailAddress: "p@example.org", recipientType: "externalUser" }], subject: "x", body: "Visa 4111 1111 1111 1111" });
        const { event, completed } = fakeEvent();
        const o = await handleSend(event, { office: office.globals, policy: currentPolicy() });
        expect(completed).toHaveLength(1);
        if (now === lastGood) expect(o.allowEvent).toBe(false);
      }),
      { numRuns: 120 },
    );
    // Both outcomes occur, so both branches are exercised.
    expect(seen.accepted).toBeGreaterThan(5);
    expect(seen.refused).toBeGreaterThan(5);
  }, 120000);
});
