/**
 * Checks a custom pattern before it reaches the send handler: it must compile with the `u` flag, use only syntax the
 * classic Outlook runtime (ES2016) understands, and not backtrack catastrophically.
 *
 * Backtracking: redos-detector (a maintained static analyser) scores the pattern anchored at one start position (the
 * scanner tries every start, so this is the cost that matters). "Unsafe with infinite backtracks" is refused with the
 * analyser's witness. When the analysis itself runs out of time or steps (large bounded repeats such as
 * (?:\d[ -]?){13,19}) a time-bounded probe decides: adversarial inputs of growing length built from the pattern's own
 * characters, each followed by a character that makes the match fail; a run above the limit refuses the pattern.
 */
import { isSafePattern, type RedosDetectorResult } from "redos-detector";

export interface RegexProblem {
  message: string;
  /** How it was found (analyser witness or probe timing); varies with machine speed, so kept out of `message`. */
  detail?: string;
}

const CATASTROPHIC = "can backtrack catastrophically, so a long text could freeze Outlook; make the repeated parts unambiguous (e.g. (a+)+ → a+)";

const ES2018_SYNTAX: [RegExp, string][] = [
  [/\(\?<[=!]/, "lookbehind (?<=…) / (?<!…)"],
  [/\(\?<[A-Za-z_$]/, "named groups (?<name>…)"],
  [/\\k</, "named back-references \\k<…>"],
  [/\\[pP]\{/, "Unicode property escapes \\p{…}"],
];

/** Verdicts by flags + pattern: the playground recompiles the policy as you type; each regex is analysed once. */
const verdicts = new Map<string, RegexProblem | null>();

/** null when the pattern is fine. `now` is injectable for tests of the probe (and bypasses the cache). */
export function checkRegex(pattern: string, flags: string, now?: () => number): RegexProblem | null {
  if (now) return checkUncached(pattern, flags, now);
  const key = flags + "/" + pattern;
  const known = verdicts.get(key);
  if (known !== undefined) return known;
  const verdict = checkUncached(pattern, flags, Date.now);
  if (verdicts.size > 500) verdicts.clear();
  verdicts.set(key, verdict);
  return verdict;
}

function checkUncached(pattern: string, flags: string, now: () => number): RegexProblem | null {
  let re: RegExp;
  try {
    re = new RegExp(pattern, flags + "u");
  } catch (e) {
    return { message: `invalid regular expression: ${(e as Error).message.replace(/^Invalid regular expression: /, "")}` };
  }
  for (const [probe, what] of ES2018_SYNTAX) {
    if (probe.test(pattern)) return { message: `uses ${what}, which classic Outlook cannot run; rewrite it without` };
  }
  if (re.test("")) return { message: "matches the empty text; it would fire everywhere" };
  const result = analyse(`^(?:${pattern})`, flags);
  if (!result) return probe(re, pattern, now);
  if (result.safe) return null;
  if (result.error === "hitMaxScore") {
    const trail = result.trails[0] && result.trails[0].trail[0];
    const where = trail ? `the part ${JSON.stringify(trail.a.node.source)} can match the same text in more than one way` : "unbounded backtracking";
    return { message: CATASTROPHIC, detail: `redos-detector: ${where}` };
  }
  return probe(re, pattern, now);
}

/**
 * redos-detector's verdict, or null when it cannot analyse the pattern. It refuses `caseInsensitive` with `unicode`:
 * for an `i` pattern it analyses without the u flag (case folding is what matters there) and, when the pattern needs
 * u to parse, with u and without case folding.
 */
function analyse(source: string, flags: string): RedosDetectorResult | null {
  const base = { multiLine: flags.indexOf("m") >= 0, timeout: 400, maxSteps: 50000 };
  const attempts = flags.indexOf("i") >= 0 ? [{ ...base, caseInsensitive: true, unicode: false }, { ...base, unicode: true }] : [{ ...base, unicode: true }];
  for (const config of attempts) {
    try {
      return isSafePattern(source, config);
    } catch (e) {
      // try the next configuration, then the probe
    }
  }
  return null;
}

/** Adversarial inputs of growing length; refuses the pattern when one run exceeds `limitMs`. */
function probe(re: RegExp, pattern: string, now: () => number, limitMs = 50): RegexProblem | null {
  const chars = alphabet(pattern);
  const global = new RegExp(re.source, re.flags.indexOf("g") >= 0 ? re.flags : re.flags + "g");
  for (const unit of chars) {
    for (const n of LENGTHS) {
      const text = repeat(unit, n) + "\u0000";
      const t0 = now();
      global.lastIndex = 0;
      let guard = 0;
      let m: RegExpExecArray | null;
      while ((m = global.exec(text)) && guard++ < 10000) {
        if (m[0] === "") global.lastIndex++;
      }
      if (now() - t0 > limitMs) {
        return { message: CATASTROPHIC, detail: `probe: ${n} × ${JSON.stringify(unit)} took over ${limitMs} ms` };
      }
    }
  }
  return null;
}

/** Steps of 4 (an exponential blow-up is caught before it hangs), then doublings for polynomial ones. */
const LENGTHS: number[] = [];
for (let n = 8; n <= 256; n += 4) LENGTHS.push(n);
LENGTHS.push(512, 1024, 2048);

function repeat(s: string, n: number): string {
  let out = "";
  while (out.length < n) out += s;
  return out.slice(0, n);
}

/** Characters worth repeating: literals of the pattern and one representative per common class. */
function alphabet(pattern: string): string[] {
  const set: string[] = ["a", "1", " ", "a1", "1 ", "a ", "-1", "aA"];
  const literals = pattern.replace(/\\[dDwWsSbB]/g, "").replace(/[\\^$.*+?()[\]{}|]/g, "");
  for (const ch of literals) if (set.indexOf(ch) < 0 && set.length < 24) set.push(ch);
  return set;
}
