import { LOCALES } from "./locale";
import { justificationProblemText, reasonLabel } from "./justification";
import { REASON_CODES, type JustificationProblem } from "../pipeline/justification";

const PROBLEMS: JustificationProblem[] = [
  { kind: "unknown-code", code: "x" },
  { kind: "text-required" },
  { kind: "too-long", max: 100, length: 140 },
  { kind: "identifier", detectors: ["payment-card", "iban"] },
  { kind: "email-address" },
  { kind: "long-number", max: 5 },
  { kind: "masked-value" },
];

describe("justification words", () => {
  it.each(LOCALES.map((l) => [l]))("%s: a label per code and a filled sentence per problem", (l) => {
    const labels = REASON_CODES.map((c) => reasonLabel(l, c));
    expect(new Set(labels).size).toBe(REASON_CODES.length);
    for (const p of PROBLEMS) {
      const text = justificationProblemText(l, p);
      expect({ kind: p.kind, text }).toEqual({ kind: p.kind, text: expect.not.stringMatching(/[{}]|undefined/) });
      expect(text.length).toBeGreaterThan(10);
    }
    expect(justificationProblemText(l, { kind: "too-long", max: 100, length: 140 })).toContain("100");
  });

  it("names the detectors found, in the locale's words", () => {
    expect(justificationProblemText("en", { kind: "identifier", detectors: ["payment-card", "iban"] })).toBe(
      "The reason contains customer data (Card number, Bank account number (IBAN)). Remove it.",
    );
    expect(justificationProblemText("fi", { kind: "identifier", detectors: ["fi-hetu"] })).toBe("Perustelussa on asiakastietoja (Henkilötunnus). Poista ne.");
  });
});
