import { checkRegex } from "./regex-safety";

describe("checkRegex", () => {
  it.each([
    ["EMP-\\d{6}", ""],
    ["[A-Z]{2}\\d{2}(?: ?[A-Z0-9]{4}){3,7}", ""],
    ["[a-z0-9._%+-]+@[a-z0-9.-]+\\.[a-z]{2,}", "i"],
    ["\\bORD-\\d{4,8}\\b", "m"],
    // redos-detector runs out of time on this one; the probe shows it is linear.
    ["(?:\\d[ -]?){13,19}", ""],
  ])("accepts %s /%s", (pattern, flags) => {
    expect(checkRegex(pattern, flags)).toBeNull();
  });

  it.each(["(a+)+$", "(x+x+)+y", "(\\w+\\s?)+$", "(a|a)*b", "\\d+\\d+$"])("refuses catastrophic %s", (pattern) => {
    const problem = checkRegex(pattern, "");
    expect(problem?.message).toMatch(/^can backtrack catastrophically/);
    expect(problem?.detail).toMatch(/^(redos-detector|probe):/);
  });

  it("refuses invalid syntax, ES2018-only syntax and empty matches", () => {
    expect(checkRegex("ORD-(\\d{6}", "")?.message).toBe("invalid regular expression: /ORD-(\\d{6}/u: Unterminated group");
    // The u flag makes stray escapes errors, as the scanner compiles them.
    expect(checkRegex("\\-\\q", "")?.message).toMatch(/^invalid regular expression/);
    expect(checkRegex("(?<=ORD)\\d{6}", "")?.message).toMatch(/lookbehind/);
    expect(checkRegex("(?<!ORD)\\d{6}", "")?.message).toMatch(/lookbehind/);
    expect(checkRegex("(?<num>\\d{6})", "")?.message).toMatch(/named groups/);
    expect(checkRegex("\\p{Lu}\\d{6}", "")?.message).toMatch(/property escapes/);
    expect(checkRegex("\\d*", "")?.message).toBe("matches the empty text; it would fire everywhere");
  });

  it("the probe refuses a pattern that gets slow, using the injected clock", () => {
    // A clock that jumps 100 ms per reading makes every probe run "slow": the verdict comes from the probe.
    let t = 0;
    const slowClock = () => (t += 100);
    const problem = checkRegex("(?:\\d[ -]?){13,19}", "", slowClock);
    expect(problem?.detail).toMatch(/^probe: 8 × "a" took over 50 ms$/);
  });
});

describe("checkRegex cache", () => {
  it("gives the same verdict for the same pattern and flags, analysed once", () => {
    const first = checkRegex("(x+x+)+z", "");
    expect(first?.message).toMatch(/^can backtrack/);
    // The cached verdict is the very same object: the analysis did not run again.
    expect(checkRegex("(x+x+)+z", "")).toBe(first);
    expect(checkRegex("(x+x+)+z", "i")).not.toBe(first);
  });
});
