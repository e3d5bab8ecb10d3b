import { parse, UsageError } from "./args";
import { htmlToText } from "./eml";

describe("dlp arguments", () => {
  it("parses commands, inputs and options with their defaults", () => {
    expect(parse(["scan", "a.eml", "dir"])).toEqual({
      command: "scan",
      inputs: ["a.eml", "dir"],
      policy: undefined,
      format: "text",
      locale: "en",
      showValues: false,
      eachLine: false,
      to: ["someone@external.invalid"],
      progress: undefined,
      help: false,
    });
    const o = parse(["explain", "--policy", "p.yaml", "--format", "jsonl", "--locale", "ur", "--show-values", "--each-line", "--to", "a@b.test", "--to", "c@d.test", "--no-progress", "x"]);
    expect(o).toMatchObject({ command: "explain", policy: "p.yaml", format: "jsonl", locale: "ur", showValues: true, eachLine: true, to: ["a@b.test", "c@d.test"], progress: false, inputs: ["x"] });
  });

  it("refuses unknown flags and bad values with a UsageError", () => {
    expect(() => parse(["scan", "--acton"])).toThrow(UsageError);
    expect(() => parse(["scan", "--format", "yaml"])).toThrow('--format must be text, json or jsonl, got "yaml"');
    expect(() => parse(["scan", "--to", "nobody"])).toThrow('--to needs an e-mail address, got "nobody"');
  });
});

describe("htmlToText", () => {
  it("keeps the text and line breaks of an HTML body", () => {
    expect(htmlToText("<p>Card&nbsp;4111</p><style>p{}</style><div>a &amp; b<br>c</div>")).toBe("Card\u00a04111\na & b\nc\n");
  });
});
