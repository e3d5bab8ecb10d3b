import { nonProseContext } from "./context";

/** The reason for the first occurrence of `value` in `text`. */
const why = (text: string, value: string) => {
  const s = text.indexOf(value);
  if (s < 0) throw new Error("value not in text");
  return nonProseContext(text, s, s + value.length);
};

describe("nonProseContext", () => {
  it.each<[string, string, string]>([
    ["see https://github.com/a/b/issues/12#issuecomment-536228726 for details", "536228726", "in a url"],
    ["[#12-issuecomment-536228726](https://github.com/a/b/issues/12)", "536228726", "in a url"],
    ['<img src="https://avatars.githubusercontent.com/u/536228726?v=4">', "536228726", "in a url"],
    ["www.example.com/536228726", "536228726", "in a url"],
    ["write to 536228726@example.com", "536228726", "in an e-mail address"],
    ["saved as C:\\exports\\536228726.csv", "536228726", "in a file path"],
    ["see /var/log/536228726", "536228726", "in a file path"],
    ["sha a3f9c3fe1a0b:536228726 merged", "536228726", "next to a hash or uuid"],
    ["id 3cee850e-536228726", "536228726", "next to a hash or uuid"],
    ["release 1.2.536228726 out", "536228726", "in a version or decimal"],
    ["total 536228726.50 EUR", "536228726", "in a version or decimal"],
    ["value 111115984-03", "111115984", "part of a longer number"],
    ["file 2024/536228726", "536228726", "in a file path"],
    ["crc = -536228726", "536228726", "a signed figure"],
    ["(-536228726)", "536228726", "a signed figure"],
    ["size 536228726 bytes", "536228726", "a quantity"],
    ["took 536228726ms", "536228726", "a quantity"],
    ["x.bstr('a') // 536228726", "536228726", "in a code comment"],
    ["a      5815135 bytes\nb    536228726 B...\nc     13569984 bytes", "536228726", "a quantity"],
    ["local   5815135\nmine  536228726\nother  13569984", "536228726", "in a column of figures"],
  ])("%j: %s → %s", (text, value, reason) => {
    expect(why(text, value)).toBe(reason);
  });

  it.each<[string, string]>([
    ["Hi Anna, as requested here is the number: 536-22-8726. Let me know.", "536-22-8726"],
    ["2025-03-14;Berg, Anna;536-22-8726;1 250,00 EUR;42", "536-22-8726"], // a CSV cell, dates around
    ["17,Anna Berg,536228726,14/03/2025,https://example.com", "536228726"], // slashes and a URL in other cells
    ["| 14.03.2025 | 536-22-8726 | 1 250,00 | 3 |", "536-22-8726"],
    ["2025-03-14 10:42 536-22-8726 1 250,00 EUR 00042", "536-22-8726"],
    ["SSN:536-22-8726;2025-03-14", "536-22-8726"],
    ["ID-536228726", "536228726"], // a dash after a letter is no sign
    ["536228726 GB82WEST12345698765432", "536228726"], // "GB" before digits is no unit
    ["SSN\n536-22-8726\n536-22-8734\n536-22-8742", "536-22-8734"], // a column of the same shape: a list of SSNs
    ["Employee  536228726\nnext line 5815135 here", "536228726"], // one aligned figure is no column
  ])("prose or a data cell: %j", (text, value) => {
    expect(why(text, value)).toBeNull();
  });

  it("follows a token at most 256 characters either side (the overlap of time-sliced scans)", () => {
    expect(why("https://" + "a".repeat(300) + "/536228726", "536228726")).toBe("in a file path");
    expect(why("https://" + "a".repeat(300) + "-536228726", "536228726")).toBeNull();
  });
});
