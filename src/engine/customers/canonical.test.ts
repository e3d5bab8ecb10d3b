import { domainToASCII } from "url";
import { canonicalEmail, canonicalNumber, MIN_NUMBER_LENGTH, numberShape } from "./canonical";

describe("canonicalEmail", () => {
  it.each([
    ["jane.doe@example.com", "jane.doe@example.com"],
    ["  Jane.Doe@Example.COM \t", "jane.doe@example.com"],
    ["JANE@EXAMPLE.COM.", "jane@example.com"],
    ["ｊａｎｅ＠ｅｘａｍｐｌｅ．ｃｏｍ", "jane@example.com"],
    ["jane@example。com", "jane@example.com"],
    ["jöran@bücher.example", "jöran@xn--bcher-kva.example"],
    ["JÖRAN@BÜCHER.EXAMPLE", "jöran@xn--bcher-kva.example"],
    ["jöran@xn--bcher-kva.example", "jöran@xn--bcher-kva.example"],
    ["o\u0308la@ka\u0308se.example", "öla@xn--kse-qla.example"],
    ["anna@ग्राहक.example", "anna@xn--11bd9eqbya2g.example"],
    ["jane+news@example.com", "jane+news@example.com"],
  ])("%s → %s", (raw, canonical) => {
    expect(canonicalEmail(raw)).toBe(canonical);
  });

  it("keeps dots and +tags (see the file header): these are three different addresses", () => {
    const forms = ["j.doe@gmail.com", "jdoe@gmail.com", "jdoe+shop@gmail.com"].map(canonicalEmail);
    expect(new Set(forms).size).toBe(3);
  });

  it.each(["", "jane", "@example.com", "jane@", "jane@localhost", "jane doe@example.com", "jane@exa mple.com", "jane@example..com"])("%j is not an address", (raw) => {
    expect(canonicalEmail(raw)).toBeNull();
  });

  it("writes non-ASCII domains as the WHATWG URL parser (node's domainToASCII) does", () => {
    for (const d of ["bücher.example", "räksmörgås.example", "østfold.example", "zákazník.example", "ग्राहक.example", "پاکستان.example", "ÄÖÜ.example"]) {
      const c = canonicalEmail("a@" + d)!;
      expect([d, c.slice(2)]).toEqual([d, domainToASCII(d)]);
    }
  });
});

describe("canonicalNumber and numberShape", () => {
  it.each([
    ["C-104233", "C104233", "L1D6"],
    ["c 104 233", "C104233", "L1D6"],
    ["104.233.567", "104233567", "D9"],
    ["１０４２３３", "104233", "D6"],
    ["NO-2024/00017", "NO202400017", "L2D9"],
    ["AB12CD345", "AB12CD345", "L2D2L2D3"],
  ])("%s → %s (%s)", (raw, canonical, shape) => {
    expect(canonicalNumber(raw)).toBe(canonical);
    expect(numberShape(canonical)).toBe(shape);
  });

  it(`needs a digit and at least ${MIN_NUMBER_LENGTH} letters or digits`, () => {
    expect(canonicalNumber("1234")).toBeNull();
    expect(canonicalNumber("12-34")).toBeNull();
    expect(canonicalNumber("ABCDEF")).toBeNull();
    expect(canonicalNumber("12345")).toBe("12345");
    expect(canonicalNumber("x".repeat(40) + "1")).toBeNull();
  });
});
