/**
 * Bounded scanning (scanBounded): slices lose nothing at their boundaries (the same findings as one scan of the whole
 * text, e-mail list included), and a deadline cuts the scan between slices with what was found so far kept.
 */
import fc from "fast-check";
import { MIN_SLICE, scanBounded, scannerFor, scanText, SLICE, SLICE_WORK, sliceFor } from "./check-message";
import { largestCustomProgram } from "../engine/custom-pattern";
import { testPolicy } from "../engine/test-policy";

const policy = testPolicy();
const FRAGMENTS = [
  "Visa card 4111 1111 1111 1111",
  "IBAN GB82 WEST 1234 5698 7654 32",
  "SSN 536-22-8726",
  "hetu 131052-308T",
  "customer@example.org",
  "other.person@example.net",
  "me@example.com",
  "lorem ipsum dolor sit amet ",
  "1234 5678 ",
  "\n\n",
  "४१११ ११११ ११११ ११११",
  "😀 ",
];
const key = (f: { detector: string; start: number; end: number; confidence: string; count?: number }) => `${f.detector}@${f.start}-${f.end}:${f.confidence}:${f.count ?? ""}`;

describe("scanBounded", () => {
  test("slices find exactly what one scan of the whole text finds (property, slices of 500 characters)", () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...FRAGMENTS), { minLength: 50, maxLength: 400 }), (parts) => {
        const text = parts.join(" ");
        const whole = scannerFor(policy).scan(text).map(key);
        const sliced = scanBounded(policy, text, { deadline: Infinity, now: () => 0 }, 500);
        expect(sliced.complete).toBe(true);
        expect(sliced.findings.map(key)).toEqual(whole);
      }),
      { numRuns: 60 },
    );
  });

  test("an e-mail list spread over many slices is counted once over the whole text", () => {
    const addresses = Array.from({ length: 12 }, (_, i) => `customer${i}@example.org`);
    const text = addresses.map((a) => a + " " + "x ".repeat(400)).join("");
    const sliced = scanBounded(policy, text, { deadline: Infinity, now: () => 0 }, 500);
    const list = sliced.findings.filter((f) => f.detector === "email-list");
    expect(list).toHaveLength(1);
    expect(list[0]!.count).toBe(12);
  });

  test("a large custom-pattern program makes the slices smaller, so the clock is read at least every SLICE_WORK steps", () => {
    const custom = (pattern: string) => testPolicy({ customPatterns: [{ id: "ref-code", pattern, confidence: "medium", keywords: [], examples: { match: [], noMatch: [] } }] });
    expect(sliceFor(policy)).toBe(SLICE);
    const small = custom("REF-\\d{6}");
    expect(sliceFor(small)).toBe(SLICE);
    const worst = custom("(?:[ab]\\d?[ -]?){1,300}x");
    const program = largestCustomProgram(worst.customPatterns);
    expect(program).toBeGreaterThan(1000);
    expect(sliceFor(worst)).toBe(Math.max(MIN_SLICE, Math.floor(SLICE_WORK / program)));
    expect(sliceFor(worst) * program).toBeLessThanOrEqual(Math.max(SLICE_WORK, MIN_SLICE * program));
    expect(sliceFor(worst)).toBeLessThan(SLICE / 8);
    // The smaller slices still find exactly what one scan finds.
    const text = ("a1 b2 a1 x REF-123456 " + "filler ".repeat(50)).repeat(120);
    const r = scanBounded(worst, text, { deadline: Infinity, now: () => 0 });
    expect(r.complete).toBe(true);
    expect(r.findings.map(key)).toEqual(scannerFor(worst).scan(text).map(key));
    // And the deadline is read once per slice: with a clock that ticks per read, many more reads than with SLICE.
    let reads = 0;
    scanBounded(worst, text, { deadline: Infinity, now: () => reads++ });
    expect(reads).toBeGreaterThan(Math.floor(text.length / SLICE));
  });

  test("the deadline cuts between slices: incomplete, findings so far kept", () => {
    const text = ("Visa card 4111 1111 1111 1111. " + "filler text ".repeat(200)).repeat(200);
    expect(text.length).toBeGreaterThan(4 * SLICE);
    let t = 0;
    const now = () => t++; // every clock read is one tick: the deadline passes after a few slices
    const r = scanBounded(policy, text, { deadline: 3, now });
    expect(r.complete).toBe(false);
    expect(r.findings.length).toBeGreaterThan(0);
    expect(r.findings.length).toBeLessThan(scannerFor(policy).scan(text).length);
  });

  test("a text part cut off by time is a timeout part", () => {
    const r = scanText(policy, { kind: "body" }, "body", "x ".repeat(SLICE), { deadline: 0, now: () => 1 });
    expect(r.unscanned).toEqual([{ part: "body", reason: "timeout", detail: "the time budget ran out while scanning" }]);
  });
});
