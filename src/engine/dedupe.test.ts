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

test("full ties: the detector earlier in the registry wins, whatever order the findings come in", () => {
  const order = (id: string) => ["fi-ytunnus", "pk-ntn"].indexOf(id);
  expect(dedupe([f("pk-ntn", 0, 9), f("fi-ytunnus", 0, 9)], () => true, order).map((x) => x.detector)).toEqual(["fi-ytunnus"]);
  expect(dedupe([f("fi-ytunnus", 0, 9), f("pk-ntn", 0, 9)], () => true, order).map((x) => x.detector)).toEqual(["fi-ytunnus"]);
});

describe("business ids over personal readings", () => {
  const business = (id: string) => id === "sk-dic" || id === "no-orgnr";
  test("same span, same confidence: the business id wins, whichever comes first", () => {
    expect(dedupe([f("sk-rc", 0, 10), f("sk-dic", 0, 10)], business).map((x) => x.detector)).toEqual(["sk-dic"]);
    expect(dedupe([f("sk-dic", 0, 10), f("sk-rc", 0, 10)], business).map((x) => x.detector)).toEqual(["sk-dic"]);
  });
  test("a personal reading with stronger evidence (its keyword) keeps the token", () => {
    expect(dedupe([f("sk-dic", 0, 10), f("sk-rc", 0, 10, "high")], business).map((x) => x.detector)).toEqual(["sk-rc"]);
    expect(dedupe([f("us-ssn", 0, 9, "high"), f("no-orgnr", 0, 9)], business).map((x) => x.detector)).toEqual(["us-ssn"]);
  });
  test("a pattern-only personal reading loses to a checked business id", () => {
    expect(dedupe([f("us-ssn", 0, 9, "low"), f("no-orgnr", 0, 9)], business).map((x) => x.detector)).toEqual(["no-orgnr"]);
  });
  test("length still comes first: an IBAN around an organisation number stays the IBAN", () => {
    expect(dedupe([f("iban", 0, 18), f("no-orgnr", 4, 13)], business).map((x) => x.detector)).toEqual(["iban"]);
  });
});
