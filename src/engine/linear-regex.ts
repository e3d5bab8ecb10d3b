/**
 * Policy custom patterns run on RE2 (re2js, a pure-JavaScript port of Google's RE2): matching takes time linear in the
 * text for every pattern it accepts, so no pattern a compliance officer writes can stall Send. A native RegExp
 * backtracks: `[A-Z]+-\d+` (nothing a ReDoS analyser calls catastrophic) took 12–16 s on 100 KB of "A" in the
 * JavaScript-only runtime; on RE2 it is a single pass. What RE2 cannot bound it refuses: backreferences and lookaround.
 *
 * Syntax: the pattern is written as a JavaScript regular expression (`\d`, `[A-Z]`, `(?:…)`, `{2,4}`, `\b`, `\uXXXX`)
 * and translated to RE2 syntax by re2js (`\uXXXX` → `\x{XXXX}`). The same code compiles it in `dlp check-policy`, the
 * playground and the send handler, so a pattern means the same everywhere. Flags: i (case-insensitive), m (multi-line).
 *
 * `LinearFinder` is what the scanner runs in place of a RegExp with the g flag (`lastIndex` + `exec`). Each `exec`
 * looks at a bounded window of the text (WINDOW characters, one character of context on either side, so `^`, `$` and
 * `\b` still see their neighbours), sliding on while it finds nothing: a search never re-reads more than WINDOW
 * characters it has read before, so even a scanner that retries after every rejected candidate stays linear
 * (`work` counts the characters handed to RE2, for the growth tests). A match is at most MAX_MATCH characters long.
 */
import { RE2JS } from "re2js";

/** Longest match a custom pattern reports (an identifier; IBANs are 34 characters). */
export const MAX_MATCH = 256;
/** Characters one search step hands to RE2; consecutive steps overlap by MAX_MATCH. */
export const WINDOW = 4096;
/**
 * Largest compiled program accepted. RE2's cost per character grows with the program in the worst case; the largest
 * measured here, `(?:[ab]\d?[ -]?){1,300}x` (1,802 instructions), ran at ~0.6 µs per character, the same order as
 * `[A-Z]+-\d+` (7 instructions, ~0.3 µs). Real identifier patterns are well under 200.
 */
export const MAX_PROGRAM_SIZE = 2000;

export interface LinearRegex {
  re: RE2JS;
  /** The same pattern anchored at both ends (is a shortened candidate still a match?). */
  whole: RE2JS;
}

/**
 * The first construct outside a character class that no linear-time engine can run: a backreference (\1…\9,
 * \k<name>) or a lookaround ((?=, (?!, (?<=, (?<!). Named as the user wrote it.
 */
function unbounded(pattern: string): string | null {
  let inClass = false;
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern.charAt(i);
    if (c === "\\") {
      const n = pattern.charAt(i + 1);
      if (!inClass && ((n >= "1" && n <= "9") || n === "k")) return "the backreference \\" + n;
      i++;
      continue;
    }
    if (inClass) {
      if (c === "]") inClass = false;
      continue;
    }
    if (c === "[") inClass = true;
    else if (c === "(" && pattern.charAt(i + 1) === "?") {
      const look = pattern.substr(i + 2, 2);
      if (look.charAt(0) === "=" || look.charAt(0) === "!") return "the lookahead (?" + look.charAt(0) + "…)";
      if (look === "<=" || look === "<!") return "the lookbehind (?" + look + "…)";
    }
  }
  return null;
}

function flagBits(flags: string): number {
  let bits = 0;
  if (flags.indexOf("i") >= 0) bits |= RE2JS.CASE_INSENSITIVE;
  if (flags.indexOf("m") >= 0) bits |= RE2JS.MULTILINE;
  return bits;
}

/** Compiles a custom pattern for RE2, or says why it cannot run in linear time (a message for compliance staff). */
export function compileLinear(pattern: string, flags: string): LinearRegex | { problem: string } {
  if (typeof pattern !== "string" || pattern === "") return { problem: "the pattern is empty" };
  const what = unbounded(pattern);
  if (what) return { problem: `uses ${what}, which cannot be matched in linear time; rewrite it without` };
  let source: string;
  try {
    source = RE2JS.translateRegExp(pattern);
  } catch (e) {
    return { problem: `invalid regular expression: ${messageOf(e)}` };
  }
  let re: RE2JS;
  let whole: RE2JS;
  try {
    re = RE2JS.compile(source, flagBits(flags));
    whole = RE2JS.compile("^(?:" + source + ")$", flagBits(flags));
  } catch (e) {
    return { problem: `invalid regular expression: ${messageOf(e)}` };
  }
  if (re.programSize() > MAX_PROGRAM_SIZE) return { problem: `is too large (${re.programSize()} RE2 instructions, at most ${MAX_PROGRAM_SIZE}); use smaller repeat counts` };
  if (re.matches("")) return { problem: "matches the empty text; it would fire everywhere" };
  return { re, whole };
}

function messageOf(e: unknown): string {
  const m = e && typeof (e as Error).message === "string" ? (e as Error).message : String(e);
  return m.replace(/^error parsing regexp: /, "");
}

/** Does `text` match `pattern` somewhere (check-policy's examples; the same engine as the scanner). */
export function linearTest(r: LinearRegex, text: string): boolean {
  const f = new LinearFinder(r.re);
  return f.exec(text) !== null;
}

/** Characters handed to RE2 by every finder since the last reset (tests measure growth with it, not with a clock). */
export const linearWork = { chars: 0 };

/** What the scanner reads of a RegExp exec result. */
export interface FinderMatch {
  index: number;
  0: string;
}

/** A RegExp-like finder (`lastIndex`, `exec`) over RE2; see the file header. */
export class LinearFinder {
  lastIndex = 0;
  /** Characters handed to RE2 so far (a measure of work that does not depend on the machine). */
  work = 0;
  constructor(private readonly re: RE2JS) {}

  exec(text: string): FinderMatch | null {
    const n = text.length;
    let p = this.lastIndex;
    while (p <= n) {
      // One character of context on either side: `\b`, `^` and `$` see the text around the window.
      const from = p > 0 ? p - 1 : 0;
      const end = Math.min(n, p + WINDOW);
      const to = end < n ? end + 1 : n;
      const window = from === 0 && to === n ? text : text.slice(from, to);
      this.work += to - from;
      linearWork.chars += to - from;
      const m = this.re.matcher(window);
      if (m.find(p - from)) {
        const s = from + m.start();
        const e = from + m.end();
        // A match starting in the last MAX_MATCH characters is found again, whole, by the next (overlapping) window; one
        // that starts earlier and runs past the window is longer than MAX_MATCH and reported cut to it.
        if (end >= n || s < end - MAX_MATCH) {
          const stop = e - s > MAX_MATCH ? s + MAX_MATCH : e;
          this.lastIndex = stop;
          return { index: s, 0: text.slice(s, stop) };
        }
      }
      if (end >= n) break;
      p = end - MAX_MATCH;
    }
    this.lastIndex = 0;
    return null;
  }
}

/** An anchored check usable where the scanner calls `RegExp.test` on a whole candidate. */
export function wholeTester(r: LinearRegex): { test(text: string): boolean; lastIndex: number } {
  return { lastIndex: 0, test: (text: string) => text.length <= MAX_MATCH && r.whole.matches(text) };
}
