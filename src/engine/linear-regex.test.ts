import fc from "fast-check";
import { compileLinear, LinearFinder, linearSearch, linearTest, linearWork, MAX_MATCH, WINDOW, type LinearRegex } from "./linear-regex";
import { createScanner } from "./scan";
import { testPolicy } from "./test-policy";
import type { CustomPattern } from "./policy/types";

const ok = (p: string, flags = ""): LinearRegex => {
  const r = compileLinear(p, flags);
  if ("problem" in r) throw new Error(r.problem);
  return r;
};
const problem = (p: string) => {
  const r = compileLinear(p, "");
  return "problem" in r ? r.problem : null;
};

describe("compileLinear", () => {
  test("accepts JavaScript syntax the engine can run, including what backtracks catastrophically elsewhere", () => {
    for (const p of ["EMP-\\d{6}", "[A-Z]+-\\d+", "(a+)+$", "(?:\\d[ -]?){13,19}", "\\u00e9\\d{4}", "\\bACME-\\d{6}\\b", "(?:x+x+)+y"]) expect(problem(p)).toBeNull();
  });

  test("refuses what cannot be bounded, naming the construct", () => {
    expect(problem("(\\d)\\1{5}")).toBe("uses the backreference \\1, which cannot be matched in linear time; rewrite it without");
    expect(problem("(?<n>a)\\k<n>")).toMatch(/backreference \\k/);
    expect(problem("(?<=ORD)\\d{6}")).toMatch(/^uses the lookbehind \(\?<=…\)/);
    expect(problem("(?<!ORD)\\d{6}")).toMatch(/^uses the lookbehind \(\?<!…\)/);
    expect(problem("ORD(?=\\d)")).toMatch(/^uses the lookahead \(\?=…\)/);
    expect(problem("ORD(?!\\d)")).toMatch(/^uses the lookahead \(\?!…\)/);
    expect(problem("ORD-(\\d{6}")).toMatch(/^invalid regular expression: missing closing \)/);
    expect(problem("a{1001}")).toMatch(/^invalid regular expression: invalid repeat count/);
    expect(problem("\\d*")).toBe("matches the empty text; it would fire everywhere");
    expect(problem("")).toBe("the pattern is empty");
    expect(problem("(?:(?:[ab]\\d?[ -]?){1,300}x){2}")).toMatch(/too large/);
    expect(problem("(?i)emp")).toBe("invalid regular expression: inline flags (?i…) are not supported; set the pattern's flags");
    expect(problem("\\p{L}+")).toMatch(/^invalid regular expression: Unicode property escapes/);
  });

  test("a backslash-digit or (?= inside a character class is a literal, not a backreference or lookahead", () => {
    expect(problem("[(?=1]x")).toBeNull();
  });

  test("flags: i and m", () => {
    expect(linearTest(ok("emp-\\d{2}", "i"), "EMP-12")).toBe(true);
    expect(linearTest(ok("emp-\\d{2}", ""), "EMP-12")).toBe(false);
    expect(linearTest(ok("^X\\d", "m"), "a\nX1")).toBe(true);
    expect(linearTest(ok("^X\\d", ""), "a\nX1")).toBe(false);
  });
});

/** Every match of `r` in `text`, searching the whole text at once (the reference the windowed finder must equal). */
function reference(r: LinearRegex, text: string): [number, number][] {
  const out: [number, number][] = [];
  let from = 0;
  let m: [number, number] | null;
  while (from <= text.length && (m = linearSearch(r, text, from)) !== null) {
    out.push(m);
    from = m[1] > m[0] ? m[1] : m[1] + 1;
  }
  return out;
}

function windowed(r: LinearRegex, text: string): [number, number][] {
  const out: [number, number][] = [];
  const f = new LinearFinder(r);
  let m;
  while ((m = f.exec(text)) !== null) {
    out.push([m.index, m.index + m[0].length]);
    if (m[0].length === 0) f.lastIndex = m.index + 1;
  }
  return out;
}

describe("LinearFinder", () => {
  test("finds exactly what one search over the whole text finds, across window boundaries (property)", () => {
    const patterns = [["\\d{3,6}"], ["\\bEMP-\\d+\\b"], ["[A-Z]+-\\d+"], ["^A"], ["x$"], ["^B\\d", "m"], ["[ab]{2,40}"], ["b\\b", "i"]].map(([p, flags]) => ok(p!, flags));
    fc.assert(
      fc.property(fc.array(fc.constantFrom("a", "b", "1", "2", " ", "-", "A", "B", "EMP-", "x", "\n"), { minLength: WINDOW, maxLength: 3 * WINDOW }), fc.nat(patterns.length - 1), (chars, k) => {
        const text = chars.join("");
        const r = patterns[k]!;
        const want = reference(r, text).filter(([s, e]) => e - s <= MAX_MATCH);
        expect(windowed(r, text)).toEqual(want);
      }),
      { numRuns: 60 },
    );
  });

  test("a match longer than MAX_MATCH is never reported longer, and the scanner finds nothing in it (glued)", () => {
    const text = "x ".repeat(5) + "A".repeat(3 * WINDOW) + "-1";
    const m = new LinearFinder(ok("[A-Z]+-\\d+")).exec(text);
    expect(m).not.toBeNull();
    expect(m![0].length).toBeLessThanOrEqual(MAX_MATCH);
    const c: CustomPattern = { id: "order-ref", pattern: "[A-Z]+-\\d+", flags: "u", keywords: [], confidence: "medium", examples: { match: ["AB-1"], noMatch: [] } };
    expect(createScanner(testPolicy({ customPatterns: [c] })).scan(text).filter((f) => f.detector === "order-ref")).toEqual([]);
  });
});

describe("custom patterns grow linearly with the text (work counted in characters the engine stepped through)", () => {
  const policyWith = (pattern: string) => {
    const c: CustomPattern = { id: "order-ref", pattern, flags: "u", keywords: [], confidence: "medium", examples: { match: ["AB-1"], noMatch: [] } };
    return testPolicy({ customPatterns: [c] });
  };
  const work = (pattern: string, text: string) => {
    const scanner = createScanner(policyWith(pattern));
    linearWork.chars = 0;
    scanner.scan(text);
    return linearWork.chars;
  };
  const KB = 1024;

  test.each([
    ["[A-Z]+-\\d+ on a run of A (no match)", "[A-Z]+-\\d+", (n: number) => "A".repeat(n)],
    ["[A-Z]+-\\d+ on a run of A ending in a match", "[A-Z]+-\\d+", (n: number) => "A".repeat(n) + "-1"],
    ["[A-Z ]+-\\d+ on words whose one long match is rejected (glued), retried after every word", "[A-Z ]+-\\d+", (n: number) => "A ".repeat(n / 2) + "A-1X"],
    ["\\d+ on a long digit run glued to a letter", "\\d+[A-Z]", (n: number) => "1".repeat(n) + "!"],
  ])("%s", (_name, pattern, make) => {
    const sizes = [25 * KB, 50 * KB, 100 * KB, 200 * KB];
    const w = sizes.map((n) => work(pattern, make(n)));
    for (let i = 1; i < sizes.length; i++) {
      // Doubling the text at most doubles the work (+ slack for the fixed overlap of windows); quadratic would be 4×.
      expect(w[i]! / w[i - 1]!).toBeLessThan(2.6);
      expect(w[i]! / sizes[i]!).toBeLessThan(3);
    }
  });

  test("the same inputs on the engine without the scanner agree with a native RegExp on what matches", () => {
    const text = "order AB-12 and CD-7, not ab-1";
    expect(windowed(ok("[A-Z]+-\\d+"), text)).toEqual(Array.from(text.matchAll(/[A-Z]+-\d+/gu)).map((m) => [m.index!, m.index! + m[0].length]));
  });
});

/** Every match of a native RegExp (g and u flags), empty matches stepping one code point on as `matchAll` does. */
function nativeMatches(pattern: string, flags: string, text: string): [number, number][] {
  return Array.from(text.matchAll(new RegExp(pattern, flags + "gu"))).map((m) => [m.index!, m.index! + m[0].length]);
}

/** Every match of the engine over the whole text, stepping as `matchAll` does. */
function engineMatches(r: LinearRegex, text: string): [number, number][] {
  const out: [number, number][] = [];
  let from = 0;
  let m: [number, number] | null;
  while (from <= text.length && (m = linearSearch(r, text, from)) !== null) {
    out.push(m);
    from = m[1] > m[0] ? m[1] : m[1] + (text.codePointAt(m[1])! > 0xffff ? 2 : 1);
  }
  return out;
}

/**
 * Random patterns in the supported syntax, small enough that a native RegExp (backtracking) answers quickly on short
 * texts: literals (some needing an escape, one astral), `.`, class escapes, classes, anchors, groups, alternation and
 * every quantifier form, greedy and lazy. A quantifier applies only to what cannot match the empty text: there
 * JavaScript rejects an iteration that matched nothing and backtracks, which RE2-style engines (re2js before, this one
 * now) do not do (see docs/policy.md).
 */
interface Gen {
  src: string;
  /** Can it match the empty text? */
  nullable: boolean;
}
const ALPHABET = ["a", "b", "A", "B", "1", "2", " ", "-", ".", "\n", "é", "É", "😀"];
const atom: fc.Arbitrary<Gen> = fc
  .oneof(
    fc.constantFrom("a", "b", "A", "1", "-", "\\.", "é", "😀", " ", "\\n", "\\u0062", "\\x41", "\\u{1F600}"),
    fc.constantFrom(".", "\\d", "\\w", "\\s", "\\D", "\\W", "\\S"),
    fc.constantFrom("[ab]", "[a-c1]", "[^ab]", "[\\dA-]", "[^\\s]", "[é-ê]", "[\\W1]", "[-.]"),
  )
  .map((src) => ({ src, nullable: false }));
const assertion: fc.Arbitrary<Gen> = fc.constantFrom("^", "$", "\\b", "\\B").map((src) => ({ src, nullable: true }));
const quantifier = fc.constantFrom("?", "*", "+", "{2}", "{0,2}", "{1,3}", "{2,}", "??", "*?", "+?", "{1,2}?");
const { pattern } = fc.letrec<{ pattern: Gen; term: Gen; group: Gen }>((tie) => ({
  pattern: fc.oneof(
    { depthSize: "small", withCrossShrink: true },
    tie("term"),
    fc.tuple(tie("term"), tie("term")).map(([a, b]) => ({ src: a.src + b.src, nullable: a.nullable && b.nullable })),
    fc.tuple(tie("pattern"), tie("pattern")).map(([a, b]) => ({ src: a.src + "|" + b.src, nullable: a.nullable || b.nullable })),
  ),
  term: fc.oneof(
    { depthSize: "small", withCrossShrink: true },
    atom,
    assertion,
    fc.tuple(fc.oneof(atom, tie("group")), quantifier).map(([a, q]) => (a.nullable ? a : { src: a.src + q, nullable: /^[?*]|^\{0/.test(q) })),
    tie("group"),
  ),
  group: fc.tuple(fc.constantFrom("(?:", "(", "(?<g>"), tie("pattern")).map(([open, p]) => ({ src: open + p.src + ")", nullable: p.nullable })),
}));

describe("the engine agrees with native RegExp (property)", () => {
  test("every match, start and end, on random patterns, flags and texts", () => {
    fc.assert(
      fc.property(pattern, fc.constantFrom("", "i", "m", "im"), fc.array(fc.constantFrom(...ALPHABET), { maxLength: 24 }), ({ src: p }, flags, chars) => {
        // Named groups may repeat in generated patterns; native RegExp refuses duplicates, so they are renamed apart.
        let k = 0;
        const source = p.replace(/\(\?<g>/g, () => "(?<g" + k++ + ">");
        const r = compileLinear(source, flags);
        if ("problem" in r) {
          // The only refusal of a valid pattern: one that matches the empty text.
          expect(r.problem).toBe("matches the empty text; it would fire everywhere");
          expect(new RegExp("^(?:" + source + ")$", flags + "u").test("")).toBe(true);
          return;
        }
        const text = chars.join("");
        expect(engineMatches(r, text)).toEqual(nativeMatches(source, flags, text));
      }),
      { numRuns: 3000 },
    );
  });

  test("refuses what RegExp refuses in u mode", () => {
    for (const p of ["a{", "a{2", "}", "]", "a**", "^*", "\\b+", "(a", "a)", "[b-a]", "a{3,2}", "\\q", "[\\d-z]", "\\c1", "\\x4", "\\u12", "a|*"]) {
      expect(() => new RegExp(p, "u")).toThrow();
      expect(problem(p)).toMatch(/^invalid regular expression: /);
    }
  });
});
