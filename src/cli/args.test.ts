import { parse, UsageError } from "./args";

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

describe("dlp report arguments", () => {
  it("takes text, csv, html or json and --out; other commands keep their formats and refuse --out", () => {
    expect(parse(["report", "--format", "html", "--out", "r.html", "mail/"])).toMatchObject({ command: "report", format: "html", out: "r.html", inputs: ["mail/"] });
    expect(parse(["report", "--format", "csv", "x.eml"]).format).toBe("csv");
    expect(() => parse(["report", "--format", "jsonl", "x.eml"])).toThrow('--format must be text, csv, html or json for report, got "jsonl"');
    expect(() => parse(["scan", "--format", "csv", "x.eml"])).toThrow('--format must be text, json or jsonl, got "csv"');
    expect(() => parse(["scan", "--out", "x.html", "x.eml"])).toThrow("--out is for report and customers build only");
    expect(parse(["customers", "build", "export.csv", "--out", "customers.tfcs"])).toMatchObject({ command: "customers", out: "customers.tfcs", inputs: ["build", "export.csv"] });
  });
});
