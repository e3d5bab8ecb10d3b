import { findEmailList, findEmails, isInternalDomain, type FoundAddress } from "./email-list";

describe("findEmails", () => {
  const spans = (text: string) => {
    const out: Array<[number, number]> = [];
    findEmails(text, out);
    return out.map(([s, e]) => text.slice(s, e));
  };
  test.each([
    ["mail jane.doe@example.com.", ["jane.doe@example.com"]],
    ["<a@b.co>,c+d@e-f.org;", ["a@b.co", "c+d@e-f.org"]],
    ["...x@y.fi-", ["x@y.fi"]],
    ["no at sign here", []],
    ["@@ @ a@ @b", []],
    ["line\njane@example.com\nnext", ["jane@example.com"]],
  ])("%j", (text, expected) => {
    expect(spans(text)).toEqual(expected);
  });
  test("a local part longer than 64 characters is glued, not cut", () => {
    expect(spans("x".repeat(70) + "@example.com")).toEqual([]);
  });
});

describe("isInternalDomain", () => {
  test.each([
    ["example.com", true],
    ["Mail.Example.COM", true],
    ["badexample.com", false],
    ["example.com.evil.org", false],
    ["partner.org", false],
  ])("%s → %s", (d, internal) => {
    expect(isInternalDomain(d, ["example.com"])).toBe(internal);
  });
});

describe("emailList", () => {
  const found = (addrs: string[]): FoundAddress[] => {
    let pos = 0;
    return addrs.map((a) => {
      const f = { start: pos, end: pos + a.length, address: a };
      pos += a.length + 2;
      return f;
    });
  };
  test("counts distinct external addresses and domains; internal and repeats do not count", () => {
    const list = found(["a@x.org", "b@x.org", "a@x.org", "c@y.org", "boss@example.com", "d@sub.example.com"]);
    expect(findEmailList(list, ["example.com"], 4)).toBeNull();
    const f = findEmailList(list, ["example.com"], 3)!;
    expect(f).toMatchObject({ detector: "email-list", count: 3, domains: 2, confidence: "high", masked: "3 addresses (2 domains)" });
    expect([f.start, f.end]).toEqual([0, list[3]!.end]);
    expect(f.reasons).toEqual(["3 distinct external addresses (threshold 3)", "2 external domains", "5 distinct addresses in all"]);
  });
  test("one domain is singular; a threshold below 1 acts as 1", () => {
    expect(findEmailList(found(["a@x.org"]), [], 0)!.masked).toBe("1 address (1 domain)");
    expect(findEmailList([], [], 0)).toBeNull();
  });
});
