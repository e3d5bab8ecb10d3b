import { compileCustomPattern, isCustom } from "./custom-pattern";
import type { CustomPattern } from "./policy/types";
import { paymentCard } from "./detectors/payment-card";

const base: CustomPattern = { id: "acme-id", pattern: "ACME-\\d{6}", keywords: ["customer"], confidence: "low", examples: { match: ["ACME-123456"], noMatch: ["ACME-12"] } };

describe("compileCustomPattern", () => {
  test("compiles with the u flag plus the pattern's own flags (g/y dropped)", () => {
    const d = compileCustomPattern({ ...base, flags: "igy" });
    expect(d.pattern.flags).toBe("iu");
    expect(d.id).toBe("acme-id");
    expect(d.keywords).toEqual({ en: ["customer"] });
    expect(d.examples).toEqual(base.examples);
    expect(d.minDigits).toBe(0);
    expect(isCustom(d)).toBe(true);
    expect(isCustom(paymentCard)).toBe(false);
  });

  test("without a checksum every match is valid at the pattern's confidence", () => {
    const d = compileCustomPattern({ ...base, confidence: "medium" });
    expect(d.checksum).toBe(false);
    expect(d.validate("ACME-123456")).toEqual({ ok: true, reasons: ["pattern matched"], confidence: "medium" });
  });

  test("with a built-in checksum", () => {
    const d = compileCustomPattern({ ...base, pattern: "\\d{11}", checksum: "luhn" });
    expect(d.checksum).toBe(true);
    expect(d.validate("79927398713").ok).toBe(true);
    expect(d.validate("79927398710")).toEqual({ ok: false, reasons: ["luhn failed"], confidence: "low" });
  });

  test("an unknown checksum or a bad regex throws a clear error (the scanner skips such a pattern)", () => {
    expect(() => compileCustomPattern({ ...base, checksum: "crc32" })).toThrow("custom pattern 'acme-id': unknown checksum 'crc32'");
    expect(() => compileCustomPattern({ ...base, pattern: "(" })).toThrow();
  });

  test("masks all but the last four", () => {
    expect(compileCustomPattern(base).mask("ACME-123456")).toBe("****-**3456");
  });
});
