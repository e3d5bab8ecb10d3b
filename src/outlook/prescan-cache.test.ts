import type { AttachmentInfo, SourceResult } from "../engine/types";
import { CACHE_MAX_CHARS, cacheable, cachedResult, parseCache, serializeCache } from "./prescan-cache";

const info = (id: string, size = 10): AttachmentInfo => ({ id, name: id + ".xlsx", size, type: "file" });
const result = (id: string, n: number): SourceResult => ({
  location: { kind: "attachment", name: id + ".xlsx", attachmentId: id },
  findings: Array.from({ length: n }, (_, i) => ({ detector: "payment-card", start: i * 20, end: i * 20 + 19, confidence: "high" as const, reasons: ["luhn ok"], masked: "**** **** **** 1111" })),
  unscanned: [],
  chars: n * 20,
});

it("round-trips entries and checks name and size before reuse", () => {
  const text = serializeCache({ a: { name: "a.xlsx", size: 10, result: result("a", 2) } }, [info("a")]);
  const cache = parseCache(text);
  expect(cachedResult(cache, info("a"))).toEqual(result("a", 2));
  expect(cachedResult(cache, info("a", 11))).toBeUndefined();
  expect(cachedResult(cache, info("b"))).toBeUndefined();
});

it("drops entries of removed attachments and the largest when over the limit", () => {
  const cache = { a: { name: "a.xlsx", size: 10, result: result("a", 1) }, big: { name: "big.xlsx", size: 10, result: result("big", 2000) }, gone: { name: "gone.xlsx", size: 10, result: result("gone", 1) } };
  const text = serializeCache(cache, [info("a"), info("big")]);
  expect(text.length).toBeLessThanOrEqual(CACHE_MAX_CHARS);
  expect(Object.keys(parseCache(text))).toEqual(["a"]);
});

it("ignores malformed stored text", () => {
  expect(parseCache("{not json")).toEqual({});
  expect(parseCache('{"a":{"name":"a","size":1,"result":{}}}')).toEqual({});
});

it("does not cache timed-out results", () => {
  expect(cacheable({ ...result("a", 1), unscanned: [{ part: "a.xlsx", reason: "timeout" }] })).toBeUndefined();
  expect(cacheable(result("a", 500))!.findings).toHaveLength(200);
});
