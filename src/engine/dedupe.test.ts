import { dedupe } from "./dedupe";
import type { Confidence, Finding } from "./types";

const f = (detector: string, start: number, end: number, confidence: Confidence = "medium"): Finding => ({
  detector,
  start,
  end,
  confidence,
  reasons: [],
  masked: "",
});

describe("dedupe", () => {
  test("a card inside an IBAN is the IBAN", () => {
    expect(dedupe([f("payment-card", 5, 24), f("iban", 0, 27)]).map((x) => x.detector)).toEqual(["iban"]);
  });
  test("equal spans: higher confidence wins, then the first", () => {
    expect(dedupe([f("a", 0, 9, "low"), f("b", 0, 9, "high")]).map((x) => x.detector)).toEqual(["b"]);
    expect(dedupe([f("a", 0, 9), f("b", 0, 9)]).map((x) => x.detector)).toEqual(["a"]);
  });
  test("disjoint findings are all kept, in order", () => {
    expect(dedupe([f("b", 10, 12), f("a", 0, 9)]).map((x) => x.start)).toEqual([0, 10]);
  });
});
