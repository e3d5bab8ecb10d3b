import { ellipsize, format, markdownInert, placeholders, sanitize } from "./format";

describe("format", () => {
  test("fills placeholders and leaves unknown ones visible", () => {
    expect(format("{count} of {name}", { count: 3, name: "a.xlsx" })).toBe("3 of a.xlsx");
    expect(format("{count} {missing}", { count: 1 })).toBe("1 {missing}");
    expect(format("{constructor}", {})).toBe("{constructor}");
  });
  test("a value that looks like a placeholder is not filled again", () => {
    expect(format("{a} {b}", { a: "{b}", b: "x" })).toBe("{b} x");
  });
  test("placeholders lists names sorted and unique", () => {
    expect(placeholders("{name} ({reason}) {name}")).toEqual(["name", "reason"]);
    expect(placeholders("plain")).toEqual([]);
  });
});

describe("ellipsize", () => {
  test("keeps short text and shortens long text to the limit, keeping the extension", () => {
    expect(ellipsize("a.xlsx", 10)).toBe("a.xlsx");
    const long = "x".repeat(115) + ".xlsx";
    const short = ellipsize(long, 24);
    expect(short.length).toBe(24);
    expect(short.endsWith("….xlsx")).toBe(true);
  });
  test("never splits a surrogate pair", () => {
    const s = "😀".repeat(30);
    const out = ellipsize(s, 11);
    expect(out.length).toBeLessThanOrEqual(11);
    expect(/[\ud800-\udbff](?![\udc00-\udfff])/.test(out)).toBe(false);
  });
});

test("sanitize strips controls, line breaks and bidi overrides from outside text", () => {
  expect(sanitize("evil\u202Egnp.exe\r\nx")).toBe("evil gnp.exe x");
  expect(sanitize("\u2066a\u2069")).toBe("a");
});

test("markdownInert leaves no Markdown syntax characters", () => {
  const out = markdownInert("*bold* _it_ `code` [link](x) a\\b");
  expect(out).not.toMatch(/[*_`[\]\\]/);
});
