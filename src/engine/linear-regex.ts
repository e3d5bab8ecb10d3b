/**
 * Policy custom patterns run on a small linear-time regular-expression engine, hand-written here: the pattern is parsed
 * into a tree, compiled to a Thompson NFA program and run by a Pike VM (all NFA threads advance together, one step per
 * character), so matching costs at most (program size × text length), whatever the pattern. A native RegExp
 * backtracks: `[A-Z]+-\d+` (nothing a ReDoS analyser calls catastrophic) took 12–16 s on 100 KB of "A" in the
 * JavaScript-only runtime; here it is a single pass. What no linear-time engine can run is refused: backreferences and
 * lookaround.
 *
 * Why hand-written: re2js (the pure-JavaScript RE2 port this replaced) weighs 46,364 bytes gzip and this file 4,344
 * (each bundled alone: `esbuild --bundle --minify --target=es2016 | gzip -9c | wc -c`), of the send handler's 150 KB
 * budget; re2js also called ES2020+ library functions (Object.hasOwn, globalThis) that a webpack loader had to rewrite,
 * while this file is ES2016 as written. dist/launchevent.js went from 135,294 to 94,148 bytes gzip (`npm run build &&
 * gzip -9c dist/launchevent.js | wc -c`). The other linear-time engines on the registry do not fit the one-file ES2016
 * send handler: re2 is native bindings, re2-wasm a WebAssembly module.
 *
 * Syntax: a JavaScript regular expression with the u flag (code points, strict escapes): literals, `.`, classes
 * `[a-z]` `[^…]` with \d \w \s \D \W \S and ranges, escapes \t \n \v \f \r \0 \cX \xHH \uHHHH \u{H…}, anchors ^ $ \b \B,
 * groups `(…)` `(?:…)` `(?<name>…)` (capturing only in syntax: the scanner needs the match's start and end),
 * alternation, quantifiers ? * + {m} {m,} {m,n} and their lazy forms (counts at most MAX_REPEAT). Flags: i
 * (case-insensitive: a character matches its toLowerCase/toUpperCase forms) and m (^ and $ at line breaks). The
 * semantics are JavaScript's leftmost-first (the first alternative that matches wins; greedy quantifiers take as much as
 * they can): the engine tests compare it against native RegExp on random patterns. One difference, shared with RE2: a
 * repeated part that can match the empty text (`(?:a?)*`) may end with an empty iteration where RegExp refuses one and
 * backtracks into it. The same code compiles it in
 * `dlp check-policy`, the playground and the send handler, so a pattern means the same everywhere.
 *
 * `LinearFinder` is what the scanner runs in place of a RegExp with the g flag (`lastIndex` + `exec`). Each `exec`
 * looks at a bounded window of the text (WINDOW characters and one more, while `^`, `$` and `\b` see the real
 * neighbours), sliding on while it finds nothing: a search never re-reads more than WINDOW characters it has read
 * before, so even a scanner that retries after every rejected candidate stays linear (`work` counts the characters the
 * engine stepped through, for the growth tests). A match is at most MAX_MATCH characters long.
 */

/** Longest match a custom pattern reports (an identifier; IBANs are 34 characters). */
export const MAX_MATCH = 256;
/** Characters one search step reads; consecutive steps overlap by MAX_MATCH. */
export const WINDOW = 4096;
/**
 * Largest compiled program accepted (instructions; a counted repetition is compiled as that many copies). The cost per
 * character grows with the number of live threads, at most the program size: `(?:[ab]\d?[ -]?){1,300}x` (1,801
 * instructions) costs about 8.4 µs per character on "a1 a1 …", the same shape repeated {1,3} (19 instructions) 0.1 µs
 * (`npm run bench -- engine`). Real identifier patterns are well under 200 instructions. The limit is the one the RE2
 * engine had, so no policy it accepted is refused now.
 */
export const MAX_PROGRAM_SIZE = 2000;
/** Largest count in {m,n}. */
export const MAX_REPEAT = 1000;

// ---------------------------------------------------------------------------------------------------------------------
// Character sets: sorted, disjoint, inclusive code point ranges [lo0, hi0, lo1, hi1, …].

type Ranges = number[];
const MAX_CODE_POINT = 0x10ffff;
const DIGIT: Ranges = [0x30, 0x39];
const WORD: Ranges = [0x30, 0x39, 0x41, 0x5a, 0x5f, 0x5f, 0x61, 0x7a];
/** ECMAScript WhiteSpace and LineTerminator (what \s matches). */
const SPACE: Ranges = [0x09, 0x0d, 0x20, 0x20, 0xa0, 0xa0, 0x1680, 0x1680, 0x2000, 0x200a, 0x2028, 0x2029, 0x202f, 0x202f, 0x205f, 0x205f, 0x3000, 0x3000, 0xfeff, 0xfeff];
const LINE_TERMINATOR: Ranges = [0x0a, 0x0a, 0x0d, 0x0d, 0x2028, 0x2029];

function normalize(ranges: Ranges): Ranges {
  const pairs: [number, number][] = [];
  for (let i = 0; i < ranges.length; i += 2) pairs.push([ranges[i] as number, ranges[i + 1] as number]);
  pairs.sort((a, b) => a[0] - b[0]);
  const out: Ranges = [];
  for (const [lo, hi] of pairs) {
    const last = out.length - 1;
    if (last > 0 && lo <= (out[last] as number) + 1) out[last] = Math.max(out[last] as number, hi);
    else out.push(lo, hi);
  }
  return out;
}

function complement(ranges: Ranges): Ranges {
  const out: Ranges = [];
  let next = 0;
  for (let i = 0; i < ranges.length; i += 2) {
    if ((ranges[i] as number) > next) out.push(next, (ranges[i] as number) - 1);
    next = (ranges[i + 1] as number) + 1;
  }
  if (next <= MAX_CODE_POINT) out.push(next, MAX_CODE_POINT);
  return out;
}

function inRanges(ranges: Ranges, c: number): boolean {
  let lo = 0;
  let hi = (ranges.length >> 1) - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (c < (ranges[2 * mid] as number)) hi = mid - 1;
    else if (c > (ranges[2 * mid + 1] as number)) lo = mid + 1;
    else return true;
  }
  return false;
}

/** The other-case forms of a code point (simple case mappings: one code point to one), for the i flag. */
function otherCases(c: number): number[] {
  if (c < 0x80) {
    if (c >= 0x41 && c <= 0x5a) return [c + 32];
    if (c >= 0x61 && c <= 0x7a) return [c - 32];
    return [];
  }
  const s = String.fromCodePoint(c);
  const out: number[] = [];
  for (const v of [s.toLowerCase(), s.toUpperCase()]) {
    const cp = v.codePointAt(0) as number;
    if (v.length === (cp > 0xffff ? 2 : 1) && cp !== c && out.indexOf(cp) < 0) out.push(cp);
  }
  return out;
}

/** A character test: a set of ranges, maybe negated ([^…]). */
interface CharSet {
  ranges: Ranges;
  negated: boolean;
  /** The answer for each ASCII character, flags applied (filled in by compileLinear): 1 matches. */
  ascii?: Uint8Array;
}

// ---------------------------------------------------------------------------------------------------------------------
// Parser: pattern text → tree.

type Node =
  | { kind: "char"; set: CharSet }
  | { kind: "seq"; items: Node[] }
  | { kind: "alt"; items: Node[] }
  | { kind: "repeat"; item: Node; min: number; max: number; greedy: boolean } // max -1: unbounded
  | { kind: "assert"; what: Assertion };

const enum Assertion {
  LineStart,
  LineEnd,
  WordBoundary,
  NotWordBoundary,
}

class SyntaxProblem extends Error {}

/** Characters an identity escape may name in u mode (ECMAScript SyntaxCharacter and "/"). */
const SYNTAX_CHARACTERS = "^$\\.*+?()[]{}|/";

class Parser {
  private pos = 0;
  constructor(private readonly src: string) {}

  parse(): Node {
    const node = this.alternation();
    if (this.pos < this.src.length) throw new SyntaxProblem(this.peek() === ")" ? "unexpected )" : "unexpected " + this.peek());
    return node;
  }

  private peek(): string {
    return this.src.charAt(this.pos);
  }

  private alternation(): Node {
    const items = [this.sequence()];
    while (this.peek() === "|") {
      this.pos++;
      items.push(this.sequence());
    }
    return items.length === 1 ? (items[0] as Node) : { kind: "alt", items };
  }

  private sequence(): Node {
    const items: Node[] = [];
    while (this.pos < this.src.length && this.peek() !== "|" && this.peek() !== ")") items.push(this.term());
    return items.length === 1 ? (items[0] as Node) : { kind: "seq", items };
  }

  private term(): Node {
    const c = this.peek();
    if (c === "^" || c === "$") {
      this.pos++;
      return this.unquantified({ kind: "assert", what: c === "^" ? Assertion.LineStart : Assertion.LineEnd });
    }
    if (c === "\\" && (this.src.charAt(this.pos + 1) === "b" || this.src.charAt(this.pos + 1) === "B")) {
      const what = this.src.charAt(this.pos + 1) === "b" ? Assertion.WordBoundary : Assertion.NotWordBoundary;
      this.pos += 2;
      return this.unquantified({ kind: "assert", what });
    }
    return this.quantified(this.atom());
  }

  /** An assertion takes no quantifier (u mode). */
  private unquantified(node: Node): Node {
    if (this.atQuantifier()) throw new SyntaxProblem("nothing to repeat");
    return node;
  }

  private atQuantifier(): boolean {
    const c = this.peek();
    return c === "*" || c === "+" || c === "?" || (c === "{" && /^\{\d+(,\d*)?\}/.test(this.src.slice(this.pos)));
  }

  private atom(): Node {
    const c = this.peek();
    if (c === "(") return this.group();
    if (c === "[") return { kind: "char", set: this.charClass() };
    if (c === ".") {
      this.pos++;
      return { kind: "char", set: { ranges: LINE_TERMINATOR, negated: true } };
    }
    if (c === "\\") {
      this.pos++;
      return { kind: "char", set: this.escape(false) };
    }
    if (c === "*" || c === "+" || c === "?" || c === "{") throw new SyntaxProblem("nothing to repeat");
    if (c === "}" || c === "]") throw new SyntaxProblem("lone " + c);
    const cp = this.src.codePointAt(this.pos) as number;
    this.pos += cp > 0xffff ? 2 : 1;
    return { kind: "char", set: { ranges: [cp, cp], negated: false } };
  }

  private group(): Node {
    this.pos++; // (
    if (this.peek() === "?") {
      if (this.src.charAt(this.pos + 1) === ":") this.pos += 2;
      else if (this.src.charAt(this.pos + 1) === "<") {
        const name = /^<([A-Za-z_$][\w$]*)>/.exec(this.src.slice(this.pos + 1));
        if (!name) throw new SyntaxProblem("invalid group name");
        this.pos += 1 + name[0].length;
      } else if (/^[imsu-]/.test(this.src.charAt(this.pos + 1))) {
        throw new SyntaxProblem("inline flags (?" + this.src.charAt(this.pos + 1) + "…) are not supported; set the pattern's flags");
      } else throw new SyntaxProblem("invalid group (?" + this.src.charAt(this.pos + 1));
    }
    const inner = this.alternation();
    if (this.peek() !== ")") throw new SyntaxProblem("missing closing )");
    this.pos++;
    return inner;
  }

  private quantified(item: Node): Node {
    let min: number;
    let max: number;
    const c = this.peek();
    if (c === "*") [min, max] = [0, -1];
    else if (c === "+") [min, max] = [1, -1];
    else if (c === "?") [min, max] = [0, 1];
    else if (c === "{") {
      const m = /^\{(\d+)(,(\d*))?\}/.exec(this.src.slice(this.pos));
      if (!m) throw new SyntaxProblem("incomplete quantifier");
      min = Number(m[1]);
      max = m[2] === undefined ? min : m[3] === "" ? -1 : Number(m[3]);
      if (min > MAX_REPEAT || max > MAX_REPEAT) throw new SyntaxProblem(`invalid repeat count (at most ${MAX_REPEAT}): \`${m[0]}\``);
      if (max >= 0 && max < min) throw new SyntaxProblem("numbers out of order in quantifier `" + m[0] + "`");
      this.pos += m[0].length - 1;
    } else return item;
    this.pos++;
    let greedy = true;
    if (this.peek() === "?") {
      greedy = false;
      this.pos++;
    }
    if (this.atQuantifier()) throw new SyntaxProblem("nothing to repeat");
    return { kind: "repeat", item, min, max, greedy };
  }

  /** A class `[…]` (the cursor on "["). */
  private charClass(): CharSet {
    const start = this.pos;
    this.pos++;
    const negated = this.peek() === "^";
    if (negated) this.pos++;
    const ranges: Ranges = [];
    while (this.peek() !== "]") {
      if (this.pos >= this.src.length) throw new SyntaxProblem("missing closing ]: `" + this.src.slice(start) + "`");
      const lo = this.classAtom();
      if (this.peek() === "-" && this.src.charAt(this.pos + 1) !== "]" && this.pos + 1 < this.src.length) {
        this.pos++;
        const hi = this.classAtom();
        if (typeof lo !== "number" || typeof hi !== "number") throw new SyntaxProblem("invalid character class range");
        if (hi < lo) throw new SyntaxProblem("range out of order in character class");
        ranges.push(lo, hi);
      } else if (typeof lo === "number") ranges.push(lo, lo);
      else ranges.push(...lo.ranges);
    }
    this.pos++;
    return { ranges: normalize(ranges), negated };
  }

  /** One code point, or a set for \d \w \s \D \W \S. */
  private classAtom(): number | CharSet {
    if (this.peek() === "\\") {
      this.pos++;
      const set = this.escape(true);
      return set.ranges.length === 2 && set.ranges[0] === set.ranges[1] && !set.negated ? (set.ranges[0] as number) : set;
    }
    const cp = this.src.codePointAt(this.pos) as number;
    this.pos += cp > 0xffff ? 2 : 1;
    return cp;
  }

  /** The escape after a backslash (the cursor past it). Negated sets come back as complemented ranges. */
  private escape(inClass: boolean): CharSet {
    const c = this.peek();
    this.pos++;
    const single = (cp: number): CharSet => ({ ranges: [cp, cp], negated: false });
    switch (c) {
      case "d":
        return { ranges: DIGIT, negated: false };
      case "D":
        return { ranges: complement(DIGIT), negated: false };
      case "w":
        return { ranges: WORD, negated: false };
      case "W":
        return { ranges: complement(WORD), negated: false };
      case "s":
        return { ranges: SPACE, negated: false };
      case "S":
        return { ranges: complement(SPACE), negated: false };
      case "t":
        return single(0x09);
      case "n":
        return single(0x0a);
      case "v":
        return single(0x0b);
      case "f":
        return single(0x0c);
      case "r":
        return single(0x0d);
      case "b":
        return single(0x08); // only reached inside a class: outside, \b is the word boundary
      case "0":
        if (/\d/.test(this.peek())) throw new SyntaxProblem("invalid escape \\0" + this.peek());
        return single(0);
      case "c": {
        const letter = this.peek();
        if (!/[A-Za-z]/.test(letter)) throw new SyntaxProblem("invalid escape \\c");
        this.pos++;
        return single(letter.charCodeAt(0) % 32);
      }
      case "x": {
        const hex = /^[0-9A-Fa-f]{2}/.exec(this.src.slice(this.pos));
        if (!hex) throw new SyntaxProblem("invalid escape \\x");
        this.pos += 2;
        return single(parseInt(hex[0], 16));
      }
      case "u":
        return single(this.unicodeEscape());
      case "-":
        if (inClass) return single(0x2d);
        break;
      case "p":
      case "P":
        throw new SyntaxProblem("Unicode property escapes (\\" + c + "{…}) are not supported; list the characters in a class");
    }
    if (c !== "" && SYNTAX_CHARACTERS.indexOf(c) >= 0) return single(c.charCodeAt(0));
    throw new SyntaxProblem(c === "" ? "trailing backslash" : "invalid escape \\" + c);
  }

  /** \uHHHH (a surrogate pair written as two such escapes is one code point) or \u{H…}; the cursor past the "u". */
  private unicodeEscape(): number {
    const braced = /^\{([0-9A-Fa-f]{1,6})\}/.exec(this.src.slice(this.pos));
    if (braced) {
      const cp = parseInt(braced[1] as string, 16);
      if (cp > MAX_CODE_POINT) throw new SyntaxProblem("invalid Unicode escape");
      this.pos += braced[0].length;
      return cp;
    }
    const hex = /^[0-9A-Fa-f]{4}/.exec(this.src.slice(this.pos));
    if (!hex) throw new SyntaxProblem("invalid Unicode escape");
    this.pos += 4;
    const unit = parseInt(hex[0], 16);
    const low = /^\\u([Dd][C-Fc-f][0-9A-Fa-f]{2})/.exec(this.src.slice(this.pos));
    if (unit >= 0xd800 && unit <= 0xdbff && low) {
      this.pos += 6;
      return (unit - 0xd800) * 0x400 + (parseInt(low[1] as string, 16) - 0xdc00) + 0x10000;
    }
    return unit;
  }
}

// ---------------------------------------------------------------------------------------------------------------------
// Compiler: tree → NFA program (Thompson construction), as parallel arrays.

const enum Op {
  Char, // consume one code point in sets[arg]
  Split, // continue at arg (preferred) and at alt
  Jump, // continue at arg
  Assert, // continue when the assertion arg holds here
  Match,
}

class TooLarge extends Error {}

/** What a match can start with: its first sets, and their union over ASCII (1: some match may start with it). */
interface FirstCharacters {
  sets: CharSet[];
  ascii: Uint8Array;
}

class Program {
  readonly ops: Op[] = [];
  readonly args: number[] = [];
  readonly alts: number[] = [];
  readonly sets: CharSet[] = [];

  emit(op: Op, arg = 0, alt = 0): number {
    if (this.ops.length >= MAX_PROGRAM_SIZE) throw new TooLarge();
    this.ops.push(op);
    this.args.push(arg);
    this.alts.push(alt);
    return this.ops.length - 1;
  }

  compile(node: Node): void {
    switch (node.kind) {
      case "char":
        this.sets.push(node.set);
        this.emit(Op.Char, this.sets.length - 1);
        return;
      case "assert":
        this.emit(Op.Assert, node.what);
        return;
      case "seq":
        for (const item of node.items) this.compile(item);
        return;
      case "alt": {
        // split L1 next; L1: a; jump end; next: split L2 … ; last alternative without a split
        const jumps: number[] = [];
        node.items.forEach((item, i) => {
          if (i < node.items.length - 1) {
            const split = this.emit(Op.Split);
            this.args[split] = split + 1;
            this.compile(item);
            jumps.push(this.emit(Op.Jump));
            this.alts[split] = this.ops.length;
          } else this.compile(item);
        });
        for (const j of jumps) this.args[j] = this.ops.length;
        return;
      }
      case "repeat":
        this.repeat(node.item, node.min, node.max, node.greedy);
        return;
    }
  }

  /** x{min,max}: min copies, then max − min optional copies (each inside the previous), or a loop when unbounded. */
  private repeat(item: Node, min: number, max: number, greedy: boolean): void {
    for (let i = 0; i < min; i++) this.compile(item);
    if (max < 0) {
      const split = this.emit(Op.Split);
      this.compile(item);
      this.emit(Op.Jump, split);
      this.branch(split, split + 1, this.ops.length, greedy);
      return;
    }
    const splits: number[] = [];
    for (let i = min; i < max; i++) {
      const split = this.emit(Op.Split);
      splits.push(split);
      this.compile(item);
    }
    for (const split of splits) this.branch(split, split + 1, this.ops.length, greedy);
  }

  private first: FirstCharacters | null | undefined;
  /** The VM's two thread lists and its step counter, kept between searches (see run). */
  threads: [ThreadList, ThreadList] | null = null;
  step = 0;

  /**
   * The sets a match's first character is in (assertions before it are passed over: this may only say too much), when
   * no match is empty; else null. The search skips characters in none of them without starting threads.
   */
  firstCharacters(): FirstCharacters | null {
    if (this.first !== undefined) return this.first;
    const sets: CharSet[] = [];
    const seen: boolean[] = [];
    const stack = [0];
    let ok = true;
    while (stack.length && ok) {
      const p = stack.pop() as number;
      if (seen[p]) continue;
      seen[p] = true;
      const op = this.ops[p];
      if (op === Op.Jump) stack.push(this.args[p] as number);
      else if (op === Op.Split) stack.push(this.args[p] as number, this.alts[p] as number);
      else if (op === Op.Char) sets.push(this.sets[this.args[p] as number] as CharSet);
      else if (op === Op.Assert) stack.push(p + 1);
      else ok = false;
    }
    if (!ok) return (this.first = null);
    const ascii = new Uint8Array(0x80);
    for (const set of sets) for (let c = 0; c < 0x80; c++) if ((set.ascii as Uint8Array)[c] === 1) ascii[c] = 1;
    return (this.first = { sets, ascii });
  }

  private branch(split: number, body: number, exit: number, greedy: boolean): void {
    this.args[split] = greedy ? body : exit;
    this.alts[split] = greedy ? exit : body;
  }
}

// ---------------------------------------------------------------------------------------------------------------------
// The VM.

export interface LinearRegex {
  readonly program: Program;
  readonly ignoreCase: boolean;
  readonly multiline: boolean;
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

/** Compiles a custom pattern, or says why it cannot run in linear time (a message for compliance staff). */
export function compileLinear(pattern: string, flags: string): LinearRegex | { problem: string } {
  if (typeof pattern !== "string" || pattern === "") return { problem: "the pattern is empty" };
  const what = unbounded(pattern);
  if (what) return { problem: `uses ${what}, which cannot be matched in linear time; rewrite it without` };
  const program = new Program();
  try {
    program.compile(new Parser(pattern).parse());
    program.emit(Op.Match);
  } catch (e) {
    if (e instanceof TooLarge) return { problem: `is too large (over ${MAX_PROGRAM_SIZE} instructions); use smaller repeat counts` };
    if (e instanceof SyntaxProblem) return { problem: `invalid regular expression: ${e.message}` };
    throw e;
  }
  const re: LinearRegex = { program, ignoreCase: flags.indexOf("i") >= 0, multiline: flags.indexOf("m") >= 0 };
  for (const set of program.sets) {
    const ascii = new Uint8Array(0x80);
    for (let c = 0; c < 0x80; c++) ascii[c] = matchesSet(re, set, c) ? 1 : 0;
    set.ascii = ascii;
  }
  if (matchesWhole(re, "")) return { problem: "matches the empty text; it would fire everywhere" };
  return re;
}

/** The program's size in instructions: a search costs at most about this many steps per character. */
export function programSize(re: LinearRegex): number {
  return re.program.ops.length;
}

/** Characters the engine stepped through, by every search since the last reset (the growth tests read it). */
export const linearWork = { chars: 0 };

const isWordUnit = (u: number) => (u >= 0x30 && u <= 0x39) || (u >= 0x41 && u <= 0x5a) || u === 0x5f || (u >= 0x61 && u <= 0x7a);
const isLineTerminatorUnit = (u: number) => u === 0x0a || u === 0x0d || u === 0x2028 || u === 0x2029;

/** Does the assertion hold between text[at − 1] and text[at]? (`end` is where the text ends for ^ $ \b.) */
function holds(re: LinearRegex, what: Assertion, text: string, at: number, end: number): boolean {
  const before = at > 0 ? text.charCodeAt(at - 1) : -1;
  const after = at < end ? text.charCodeAt(at) : -1;
  switch (what) {
    case Assertion.LineStart:
      return at === 0 || (re.multiline && isLineTerminatorUnit(before));
    case Assertion.LineEnd:
      return at === end || (re.multiline && isLineTerminatorUnit(after));
    case Assertion.WordBoundary:
      return isWordUnit(before) !== isWordUnit(after);
    case Assertion.NotWordBoundary:
      return isWordUnit(before) === isWordUnit(after);
  }
  return false;
}

function matchesSet(re: LinearRegex, set: CharSet, c: number): boolean {
  if (c < 0x80 && set.ascii) return set.ascii[c] === 1;
  let hit = inRanges(set.ranges, c);
  if (!hit && re.ignoreCase) {
    const others = otherCases(c);
    for (let i = 0; i < others.length && !hit; i++) hit = inRanges(set.ranges, others[i] as number);
  }
  return hit !== set.negated;
}

/** One step's threads in priority order: program counters and where each thread's match started. */
class ThreadList {
  readonly pcs: Int32Array;
  readonly starts: Int32Array;
  length = 0;
  /** Per instruction: the step in which it was last added (each instruction once per step). */
  private readonly seen: Int32Array;
  private readonly stack: Int32Array;

  constructor(size: number) {
    this.pcs = new Int32Array(size);
    this.starts = new Int32Array(size);
    this.seen = new Int32Array(size).fill(-1);
    this.stack = new Int32Array(2 * size + 2);
  }

  /**
   * Adds the thread at `pc` and everything it reaches without consuming a character (splits, jumps, assertions that
   * hold at `at`), depth first so that the preferred branch's threads come first.
   */
  add(re: LinearRegex, pc: number, start: number, step: number, text: string, at: number, end: number): void {
    const { ops, args, alts } = re.program;
    const stack = this.stack;
    let top = 0;
    stack[top++] = pc;
    while (top > 0) {
      const p = stack[--top] as number;
      if (this.seen[p] === step) continue;
      this.seen[p] = step;
      const op = ops[p] as Op;
      if (op === Op.Jump) stack[top++] = args[p] as number;
      else if (op === Op.Split) {
        stack[top++] = alts[p] as number;
        stack[top++] = args[p] as number;
      } else if (op === Op.Assert) {
        if (holds(re, args[p] as Assertion, text, at, end)) stack[top++] = p + 1;
      } else {
        this.pcs[this.length] = p;
        this.starts[this.length] = start;
        this.length++;
      }
    }
  }
}

/**
 * Runs the program over text[from, limit): with `whole`, only a match of all of text[from, limit) counts (limit is the
 * text's end); else the leftmost-first match starting at or after `from`, as [start, end], or null. Assertions see the
 * text beyond `limit`.
 */
function run(re: LinearRegex, text: string, from: number, limit: number, whole: boolean): [number, number] | null {
  const program = re.program;
  const { ops, args, sets } = program;
  const size = ops.length;
  const end = whole ? limit : text.length;
  if (!program.threads || program.step > 0x3fffffff) {
    // Allocated once per pattern (typed arrays per search cost more than the search on short windows); the step
    // stamps go on rising across searches, so the lists need no clearing, until they would overflow.
    program.threads = [new ThreadList(size), new ThreadList(size)];
    program.step = 0;
  }
  let current = program.threads[0];
  let next = program.threads[1];
  current.length = 0;
  let step = program.step;
  let matchStart = -1;
  let matchEnd = -1;
  let at = from;
  let steps = 0;
  const first = whole ? null : program.firstCharacters();
  for (;;) {
    if (first && matchStart < 0 && current.length === 0) {
      // Nothing alive: skip to the next character that can start a match.
      const startAscii = first.ascii;
      const skipFrom = at;
      while (at < limit) {
        const unit = text.charCodeAt(at);
        if (unit < 0x80) {
          if (startAscii[unit] === 1) break;
          at++;
          continue;
        }
        const c = text.codePointAt(at) as number;
        let starts = false;
        for (let i = 0; i < first.sets.length && !starts; i++) starts = matchesSet(re, first.sets[i] as CharSet, c);
        if (starts) break;
        at += c > 0xffff ? 2 : 1;
      }
      steps += at - skipFrom;
    }
    if (matchStart < 0 && (at === from || !whole)) current.add(re, 0, at, step, text, at, end);
    if (current.length === 0 && (matchStart >= 0 || whole)) break;
    const c = at < limit ? (text.codePointAt(at) as number) : -1;
    const width = c > 0xffff ? 2 : 1;
    step++;
    next.length = 0;
    for (let i = 0; i < current.length; i++) {
      const pc = current.pcs[i] as number;
      const op = ops[pc] as Op;
      if (op === Op.Match) {
        if (whole && at !== limit) continue;
        matchStart = current.starts[i] as number;
        matchEnd = at;
        break; // lower-priority threads lose to this match
      }
      if (c < 0) continue;
      const set = sets[args[pc] as number] as CharSet;
      if (c < 0x80 ? (set.ascii as Uint8Array)[c] === 1 : matchesSet(re, set, c)) next.add(re, pc + 1, current.starts[i] as number, step, text, at + width, end);
    }
    if (at >= limit) break;
    at += width;
    steps += width;
    const t = current;
    current = next;
    next = t;
  }
  program.step = step + 1;
  linearWork.chars += steps;
  return matchStart < 0 ? null : [matchStart, matchEnd];
}

/** Does all of `text` match (both ends anchored)? */
function matchesWhole(re: LinearRegex, text: string): boolean {
  return run(re, text, 0, text.length, true) !== null;
}

/** The leftmost-first match in text[from, limit), as [start, end]; assertions see the whole text. */
export function linearSearch(re: LinearRegex, text: string, from = 0, limit = text.length): [number, number] | null {
  return run(re, text, from, limit, false);
}

/** Does `text` match `pattern` somewhere (check-policy's examples; the same engine as the scanner). */
export function linearTest(r: LinearRegex, text: string): boolean {
  const f = new LinearFinder(r);
  return f.exec(text) !== null;
}

/** What the scanner reads of a RegExp exec result. */
export interface FinderMatch {
  index: number;
  0: string;
}

/** A RegExp-like finder (`lastIndex`, `exec`) over the engine; see the file header. */
export class LinearFinder {
  lastIndex = 0;
  /** Characters stepped through so far (a measure of work that does not depend on the machine). */
  work = 0;
  constructor(private readonly re: LinearRegex) {}

  exec(text: string): FinderMatch | null {
    const n = text.length;
    let p = this.lastIndex;
    while (p <= n) {
      const end = Math.min(n, p + WINDOW);
      const limit = end < n ? end + 1 : n;
      const before = linearWork.chars;
      const m = run(this.re, text, p, limit, false);
      this.work += linearWork.chars - before;
      if (m) {
        const [s, e] = m;
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
  return { lastIndex: 0, test: (text: string) => text.length <= MAX_MATCH && matchesWhole(r, text) };
}
