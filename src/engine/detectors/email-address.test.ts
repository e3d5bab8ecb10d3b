import { emailAddress } from "./email-address";
import { createScanner } from "../scan";
import { testPolicy } from "../test-policy";

const scanner = createScanner(testPolicy());
const find = (text: string) => scanner.scan(text).filter((f) => f.detector === "email-address").map((f) => [f.start, f.end, f.masked]);

describe("email-address", () => {
  test.each([
    ["jane.doe@example.com", [[0, 20, "j***@example.com"]]],
    ["Write to <jane@example.org>.", [[10, 26, "j***@example.org"]]],
    ["mail: o'brien@mail.example.ie, end.", [[6, 29, "o***@mail.example.ie"]]],
    ["...jane@example.com.", [[3, 19, "j***@example.com"]]],
    ["a@b.co\nc@d.co", [[0, 6, "a***@b.co"], [7, 13, "c***@d.co"]]],
    ["ｊａｎｅ＠ｅｘａｍｐｌｅ．ｃｏｍ", [[0, 16, "j***@example.com"]]],
    ["a@xn--d1acufc.xn--p1ai", [[0, 22, "a***@xn--d1acufc.xn--p1ai"]]], // punycode top-level domain
    ["JANE.DOE@EXAMPLE.COM", [[0, 20, "J***@EXAMPLE.COM"]]],
    ["<a href=\"mailto:jane@example.com\">", [[16, 32, "j***@example.com"]]], // the address, not "mailto:"
    ["Email:jane@example.com;2025-03-14", [[6, 22, "j***@example.com"]]], // glued as in exports
    // no match
    ["jane@intranet", []],
    ["@example.com", []],
    ["jane..doe@example.com", []],
    ["jane@-example.com", []],
    ["jane@example.c0m", []],
    ["price 10 @ 5.00", []],
  ])("%j", (text, expected) => {
    expect(find(text as string)).toEqual(expected);
  });

  test("low confidence alone, high with a keyword close by (pattern-only rule)", () => {
    expect(scanner.scan("jane@example.com")[0]!.confidence).toBe("low");
    expect(scanner.scan("e-mail: jane@example.com")[0]!.confidence).toBe("high");
  });

  test("validate", () => {
    expect(emailAddress.validate("a@b.co").ok).toBe(true);
    expect(emailAddress.validate("a@b@c.co").ok).toBe(false);
    expect(emailAddress.validate("a".repeat(65) + "@b.co").ok).toBe(false);
  });
});
