import { validate as stdnumGstin } from "stdnum/lib/cjs/in/gstin";
import { luhnModN } from "./luhn-mod-n";

describe("luhnModN", () => {
  it("accepts the published GSTIN and rejects a changed check character", () => {
    expect(luhnModN("27AAPFU0939F1ZV")).toBe(true); // python-stdnum in_/gstin doctest
    expect(luhnModN("27AAPFU0939F1ZO")).toBe(false);
    expect(luhnModN("27AAPFU0939F1Z0")).toBe(false);
  });

  it("is decimal Luhn with a ten-character alphabet", () => {
    expect(luhnModN("4111111111111111", "0123456789")).toBe(true);
    expect(luhnModN("4111111111111112", "0123456789")).toBe(false);
  });

  it("refuses characters outside the alphabet and the empty string", () => {
    expect(luhnModN("27aapfu0939f1zv")).toBe(false);
    expect(luhnModN("")).toBe(false);
  });

  it("agrees with stdnum's GSTIN check on every check character of one body", () => {
    const body = "27AAPFU0939F1Z";
    for (const c of "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ") expect(luhnModN(body + c)).toBe(stdnumGstin(body + c).isValid);
  });
});
