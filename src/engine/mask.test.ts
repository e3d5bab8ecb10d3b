import { mask, maskEmail, maskLast4 } from "./mask";

describe("mask", () => {
  test.each([
    ["123-45-6789", "***-**-6789"],
    ["4111 1111 1111 1111", "**** **** **** 1111"],
    ["4111111111111111", "************1111"],
    ["123456", "***456"],
  ])("maskLast4(%s) = %s", (input, out) => {
    expect(maskLast4(input)).toBe(out);
  });

  test("IBAN style keeps country, check digits and the last two", () => {
    expect(mask("GB82 WEST 1234 5698 7654 32", 4, 2)).toBe("GB82 **** **** **** **** 32");
  });

  test("never reveals more than half", () => {
    expect(mask("AB12", 4, 4)).toBe("AB**");
    expect(mask("", 4, 4)).toBe("");
  });

  test("e-mail keeps the first letter and the domain", () => {
    expect(maskEmail("john.doe@example.com")).toBe("j***@example.com");
    expect(maskEmail("@x")).toBe("***");
  });
});
