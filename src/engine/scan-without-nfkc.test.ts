/**
 * The engine in a runtime without String.prototype.normalize (old script engines): the module is loaded with normalize
 * removed, so the fallbacks (full-width block, digit tables, the diacritic table of fold) are what runs.
 */
import type { createScanner as CreateScanner } from "./scan";
import type { fold as Fold } from "./normalize";
import { testPolicy } from "./test-policy";

const saved = String.prototype.normalize;
let createScanner: typeof CreateScanner;
let fold: typeof Fold;

beforeAll(() => {
  delete (String.prototype as { normalize?: unknown }).normalize;
  jest.isolateModules(() => {
    ({ createScanner } = require("./scan"));
    ({ fold } = require("./normalize"));
  });
});
afterAll(() => {
  String.prototype.normalize = saved;
});

test("normalize is really absent while the module loads", () => {
  expect(typeof String.prototype.normalize).toBe("undefined");
});

test("full-width, Devanagari and Urdu digits and NBSP are still found, offsets exact", () => {
  const s = createScanner(testPolicy());
  const text = "kortti ４１１１ １１１１ １１１１ １１１１; कार्ड ४१११\u00a0११११\u00a0११११\u00a0११११";
  expect(s.scan(text).map((f) => [f.detector, f.start, f.end, f.confidence])).toEqual([
    ["payment-card", 7, 26, "high"],
    ["payment-card", 34, 53, "high"],
  ]);
});

test("keywords fold diacritics by table", () => {
  expect(fold("Číslo Účtu")).toBe("cislo uctu");
  expect(fold("FØDSELSNUMMER")).toBe("fodselsnummer");
  const s = createScanner(testPolicy());
  expect(s.scan("Číslo účtu: GB82 WEST 1234 5698 7654 32")[0]!.confidence).toBe("high");
  expect(s.scan("Henkilötunnuksen vieressä luottokortti 4111 1111 1111 1111")[0]!.reasons).toContain("keyword 'luottokortti' within 1 chars");
});
