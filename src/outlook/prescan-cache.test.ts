import type { AttachmentInfo, SourceResult } from "../engine/types";
import { CACHE_MAX_CHARS, cacheable, cachedResult, parseCache, serializeCache } from "./prescan-cache";
import { decide } from "../engine/policy/decide";
import { testPolicy } from "../engine/test-policy";

const info = (id: string, size = 10): AttachmentInfo => ({ id, name: id + ".xlsx", size, type: "file" });
const result = (id: string, n: number): SourceResult => ({
  location: { kind: "attachment", name: id + ".xlsx", attachmentId: id },
  findings: Array.from({ length: n }, (_, i) => ({ detector: "payment-card", start: i * 20, end: i * 20 + 19, confidence: "high" as const, reasons: ["luhn ok"], masked: "**** **** **** 1111" })),
  unscanned: [],
  chars: n * 20,
});

it("round-trips entries and checks name, size and the policy fingerprint before reuse", () => {
  const text = serializeCache({ a: { name: "a.xlsx", size: 10, policy: "p1", result: result("a", 2) } }, [info("a")], "p1");
  const cache = parseCache(text);
  expect(cachedResult(cache, info("a"), "p1")).toEqual(result("a", 2));
  expect(cachedResult(cache, info("a", 11), "p1")).toBeUndefined();
  expect(cachedResult(cache, info("b"), "p1")).toBeUndefined();
  expect(cachedResult(cache, info("a"), "p2")).toBeUndefined();
  expect(serializeCache(cache, [info("a")], "p2")).toBe("{}");
});

it("a capped entry keeps the count of what it no longer lists, so a minCount rule decides the same", () => {
  const policy = testPolicy({
    rules: [{ id: "many-cards", when: { detectors: ["payment-card"], minCount: 250, minConfidence: "high", recipients: "any", where: ["attachment"] }, action: "block", message: "remove-or-mask" }],
  });
  const message = { subject: "", recipients: [], attachments: [info("a")] };
  const fresh = result("a", 300);
  const stored = parseCache(serializeCache({ a: { name: "a.xlsx", size: 10, policy: "p", result: cacheable(fresh)! } }, [info("a")], "p"));
  const cached = cachedResult(stored, info("a"), "p")!;
  expect(cached.findings).toHaveLength(200);
  expect(cached.omitted).toEqual([{ detector: "payment-card", confidence: "high", count: 100 }]);
  const a = decide([fresh], message, policy);
  const b = decide([cached], message, policy);
  expect(a.action).toBe("block");
  expect(b.action).toBe(a.action);
  expect(b.counts).toEqual(a.counts);
  // Below the threshold either way: 199 listed + 0 omitted does not fire.
  expect(decide([result("a", 199)], message, policy).action).toBe("allow");
});

it("drops entries of removed attachments and the largest when over the limit", () => {
  const cache = {
    a: { name: "a.xlsx", size: 10, policy: "p", result: result("a", 1) },
    big: { name: "big.xlsx", size: 10, policy: "p", result: result("big", 2000) },
    gone: { name: "gone.xlsx", size: 10, policy: "p", result: result("gone", 1) },
  };
  const text = serializeCache(cache, [info("a"), info("big")], "p");
  expect(text.length).toBeLessThanOrEqual(CACHE_MAX_CHARS);
  expect(Object.keys(parseCache(text))).toEqual(["a"]);
});

it("ignores malformed stored text", () => {
  expect(parseCache("{not json")).toEqual({});
  expect(parseCache('{"a":{"name":"a","size":1,"result":{}}}')).toEqual({});
  expect(parseCache('{"a":{"name":"a","size":1,"result":{"location":{"kind":"body"},"findings":[],"unscanned":[],"chars":0}}}')).toEqual({});
});

it("does not cache timed-out results", () => {
  expect(cacheable({ ...result("a", 1), unscanned: [{ part: "a.xlsx", reason: "timeout" }] })).toBeUndefined();
  expect(cacheable(result("a", 500))!.findings).toHaveLength(200);
});
