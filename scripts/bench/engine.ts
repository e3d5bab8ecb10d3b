/**
 * Bench section "engine": scans generated mixed business text (prose in our languages with dates, amounts, order and
 * phone numbers, plus cards, SSNs, IBANs, e-mail addresses and national IDs; 1 MB and 10 MB) with the default policy,
 * and in the same run:
 *   - the practical limit: a plain two-regex pass over the same text (digit runs + a usual e-mail regex), counting only;
 *   - the npm PII libraries: @coffeeandfun/remove-pii `detectPII` and @redactpii/node `Redactor.hasPII`/`redact`.
 * MB = 10^6 characters. Every row is warmed up first (5 × 1 MB, 1 × 10 MB), then the rows are timed interleaved, round
 * by round (11 rounds of 1 MB, 3 of 10 MB), each after a full garbage collection, and the medians reported: load from
 * other processes falls on all alike and no row pays for another's garbage. Also prints our finding counts per detector
 * against what was inserted, and the 10 MB / 1 MB time ratio (linearity: at most 11). Last, custom patterns on the
 * linear-time engine (src/engine/linear-regex.ts) over the 1 MB text, against a native RegExp with the same pattern.
 */
import * as path from "path";
import * as v8 from "v8";
import * as vm from "vm";
import { loadPolicyFile } from "../../src/cli/policy-file";
import { createScanner } from "../../src/engine/scan";
import { detectors } from "../../src/engine/detectors";
import { luhn } from "../../src/engine/checksums/luhn";
import { mod97Remainder } from "../../src/engine/checksums/mod97";
import { IBAN_LENGTHS } from "../../src/engine/detectors/iban";
import { compileLinear, LinearFinder } from "../../src/engine/linear-regex";

/** Deterministic PRNG (mulberry32) so every run scans the same text. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const WORDS = (
  "the invoice for our customer was sent on Monday please find attached report meeting agenda budget quarter " +
  "project delivery contract signed payment received thanks regards team order shipment warehouse account manager " +
  "lasku asiakas kiitos tilaus toimitus sopimus kokous faktura kunde takk bestilling levering avtale møte " +
  "faktúra zákazník ďakujem objednávka dodávka zmluva stretnutie děkuji smlouva schůzka"
).split(" ");

export function generate(chars: number, seed: number): { text: string; inserted: Record<string, number> } {
  const rnd = prng(seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)] as T;
  const digits = (n: number) => {
    let s = "";
    for (let i = 0; i < n; i++) s += Math.floor(rnd() * 10);
    return s;
  };
  const inserted: Record<string, number> = {};
  const add = (id: string) => (inserted[id] = (inserted[id] || 0) + 1);
  const card = () => {
    const amex = rnd() < 0.15;
    const prefix = amex ? pick(["34", "37"]) : pick(["4", "51", "52", "53", "54", "55", "2221", "2720"]);
    const len = amex ? 15 : 16;
    const body = prefix + digits(len - prefix.length - 1);
    let full = body;
    for (let d = 0; d <= 9; d++) if (luhn(body + d)) full = body + d;
    return amex ? full.slice(0, 4) + " " + full.slice(4, 10) + " " + full.slice(10) : full.replace(/(\d{4})(?=\d)/g, "$1 ");
  };
  const ssn = () => String(100 + Math.floor(rnd() * 560)) + "-" + String(10 + Math.floor(rnd() * 89)) + "-" + String(1000 + Math.floor(rnd() * 8999));
  const iban = () => {
    const cc = pick(["DE", "FI", "AT", "SK", "FR", "CZ"]); // all-digit BBANs: a random one fits the registry structure
    const bban = digits((IBAN_LENGTHS[cc] as number) - 4);
    const check = String(98 - mod97Remainder(bban + cc + "00"));
    return (cc + (check.length < 2 ? "0" + check : check) + bban).replace(/(.{4})(?=.)/g, "$1 ");
  };
  const national = detectors.filter((d) => ["us-ssn", "payment-card", "iban", "email-address"].indexOf(d.id) < 0);
  const parts: string[] = [];
  let len = 0;
  while (len < chars) {
    let p = "";
    const sentences = 3 + Math.floor(rnd() * 4);
    for (let s = 0; s < sentences; s++) {
      const n = 6 + Math.floor(rnd() * 12);
      const ws: string[] = [];
      for (let i = 0; i < n; i++) ws.push(pick(WORDS));
      // Ordinary business numbers: dates, amounts, order and phone numbers.
      const r = rnd();
      if (r < 0.3) ws.push("on 2025-" + digits(1) + "1-1" + digits(1));
      else if (r < 0.55) ws.push("EUR " + digits(3) + "," + digits(2));
      else if (r < 0.7) ws.push("order " + digits(7));
      else if (r < 0.8) ws.push("tel +358 " + digits(2) + " " + digits(3) + " " + digits(4));
      p += ws.join(" ") + ". ";
    }
    const r = rnd();
    if (r < 0.06) { p += "Card " + card() + ". "; add("payment-card"); }
    else if (r < 0.1) { p += "SSN " + ssn() + ". "; add("us-ssn"); }
    else if (r < 0.14) { p += "IBAN " + iban() + ". "; add("iban"); }
    else if (r < 0.2 && national.length) {
      const d = pick(national);
      p += pick(d.examples.match) + ". ";
      add(d.id);
    }
    if (rnd() < 0.25) {
      p += "Contact " + pick(["anna", "jari", "ola", "peter", "eva"]) + "." + digits(3) + "@" + pick(["example.org", "kunde.no", "asiakas.fi", "example.com"]) + ". ";
    }
    p += "\n";
    parts.push(p);
    len += p.length;
  }
  return { text: parts.join("").slice(0, chars), inserted };
}

function median(xs: number[]): number {
  const s = xs.slice().sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)] as number;
}
/** A full garbage collection before each timed run, so no row pays for the garbage of the one before it. */
function collector(): () => void {
  v8.setFlagsFromString("--expose-gc");
  const gc = vm.runInNewContext("gc") as (() => void) | undefined;
  return typeof gc === "function" ? gc : () => undefined;
}

export async function run(): Promise<void> {
  const gc = collector();
  const policy = loadPolicyFile(path.join(__dirname, "../../assets/policy/default-policy.yaml"));
  const scanner = createScanner(policy);
  const { detectPII } = (await import("@coffeeandfun/remove-pii")) as { detectPII: (t: string) => unknown };
  const { Redactor } = (await import("@redactpii/node")) as { Redactor: new () => { redact(t: string): string } };
  const redactor = new Redactor();

  const twoRegex = (text: string) => {
    let n = 0;
    const digitRuns = /\d+/g;
    const emails = /[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}/g;
    while (digitRuns.exec(text)) n++;
    while (emails.exec(text)) n++;
    return n;
  };

  const rows: Array<[string, (t: string) => unknown]> = [
    ["think-first scan (default policy, validated)", (t) => scanner.scan(t)],
    ["two-regex pass (digit runs + e-mail)", twoRegex],
    ["@coffeeandfun/remove-pii detectPII", (t) => detectPII(t)],
    ["@redactpii/node Redactor.redact", (t) => redactor.redact(t)],
  ];
  // The 1 MB text is the first megabyte of the 10 MB one (same generator, same seed): the ratio compares like with like.
  const one = generate(1_000_000, 10);
  const ten = generate(10_000_000, 10);
  console.log("text: 1 MB and 10 MB (10^6 characters) of generated business prose with identifiers; medians of 11 (1 MB) / 3 (10 MB) interleaved warm runs");
  console.log(`${"".padEnd(46)} ${"1 MB".padStart(10)} ${"10 MB".padStart(10)} ${"10MB/1MB".padStart(9)}`);
  // Warm every row up first (JIT, and the garbage of text generation collected), then time the rows interleaved,
  // round by round, so that load from other processes falls on all of them alike.
  for (const [, fn] of rows) {
    for (let i = 0; i < 5; i++) fn(one.text);
    fn(ten.text);
  }
  const t1s: number[][] = rows.map(() => []);
  const t10s: number[][] = rows.map(() => []);
  for (let round = 0; round < 11; round++) {
    rows.forEach(([, fn], r) => {
      gc();
      const t = performance.now();
      fn(one.text);
      (t1s[r] as number[]).push(performance.now() - t);
    });
  }
  for (let round = 0; round < 3; round++) {
    rows.forEach(([, fn], r) => {
      gc();
      const t = performance.now();
      fn(ten.text);
      (t10s[r] as number[]).push(performance.now() - t);
    });
  }
  const results: Record<string, number> = {};
  rows.forEach(([label], r) => {
    const t1 = median(t1s[r] as number[]);
    const t10 = median(t10s[r] as number[]);
    results[label] = 10 / (t10 / 1000);
    console.log(`${label.padEnd(46)} ${(1 / (t1 / 1000)).toFixed(1).padStart(6)} MB/s ${(10 / (t10 / 1000)).toFixed(1).padStart(6)} MB/s ${(t10 / t1).toFixed(2).padStart(8)}×`);
  });
  const ours = results[rows[0]![0]] as number;
  console.log(`ours / two-regex (10 MB): ${((ours / (results[rows[1]![0]] as number)) * 100).toFixed(0)} % (goal ≥ 50 %)`);
  console.log(`ours / remove-pii (10 MB): ${(ours / (results[rows[2]![0]] as number)).toFixed(2)}× (goal > 1)`);
  console.log(`ours / redactpii (10 MB): ${(ours / (results[rows[3]![0]] as number)).toFixed(2)}× (goal > 1)`);

  const counts: Record<string, number> = {};
  for (const f of scanner.scan(ten.text)) counts[f.detector] = (counts[f.detector] || 0) + 1;
  console.log("10 MB findings per detector (found / inserted):");
  const ids = Object.keys(counts).concat(Object.keys(ten.inserted)).filter((x, i, a) => a.indexOf(x) === i).sort();
  for (const id of ids) console.log(`  ${id.padEnd(16)} ${String(counts[id] || 0).padStart(7)} / ${ten.inserted[id] !== undefined ? ten.inserted[id] : "-"}`);

  customPatternRows(one.text, gc);
}

/**
 * Every match of a custom pattern on the linear-time engine, against a native RegExp (g, u) on the same text. Timed in
 * CPU time (process.cpuUsage), medians of 7 interleaved rounds, the native pass repeated 20 times per round: on a loaded
 * machine wall time punishes the longer run (it is preempted, the sub-millisecond native pass is not).
 */
function customPatternRows(text: string, gc: () => void): void {
  console.log("custom patterns, 1 MB, CPU time (medians of 7 interleaved rounds):");
  for (const pattern of ["[A-Z]+-\\d+", "\\b[A-Z]{2,4}-\\d{4,8}\\b", "(?:\\d[ -]?){9,12}\\d"]) {
    const compiled = compileLinear(pattern, "u");
    if ("problem" in compiled) throw new Error(compiled.problem);
    const engine = () => {
      const f = new LinearFinder(compiled);
      let n = 0;
      while (f.exec(text)) n++;
      return n;
    };
    const native = () => {
      const re = new RegExp(pattern, "gu");
      let n = 0;
      while (re.exec(text)) n++;
      return n;
    };
    const found = [engine(), native()];
    const rows: Array<[() => number, number]> = [
      [engine, 1],
      [native, 20],
    ];
    const times: number[][] = [[], []];
    for (let round = 0; round < 7; round++) {
      rows.forEach(([fn, repeat], r) => {
        gc();
        const before = process.cpuUsage();
        for (let k = 0; k < repeat; k++) fn();
        const used = process.cpuUsage(before);
        (times[r] as number[]).push((used.user + used.system) / 1000 / repeat);
      });
    }
    const [ours, baseline] = times.map((t) => median(t)) as [number, number];
    console.log(`  ${pattern.padEnd(28)} engine ${(1 / (ours / 1000)).toFixed(1).padStart(6)} MB/s, native RegExp ${(1 / (baseline / 1000)).toFixed(1).padStart(7)} MB/s: ${(ours / baseline).toFixed(1)}× its time; matches ${found[0]} / ${found[1]}`);
  }
  worstCustomPattern();
}

/**
 * The cost per character grows with the threads alive, at most the program size: the largest program the compiler
 * accepts of this shape (1,801 instructions, hundreds of threads alive on "a1 a1 …") against `[A-Z]+-\d+` on the same
 * 64 KB, CPU time per character, median of 3.
 */
function worstCustomPattern(): void {
  const text = "a1 ".repeat(22_000);
  const perChar = (pattern: string) => {
    const compiled = compileLinear(pattern, "u");
    if ("problem" in compiled) throw new Error(compiled.problem);
    const times: number[] = [];
    for (let round = 0; round < 4; round++) {
      const before = process.cpuUsage();
      const f = new LinearFinder(compiled);
      while (f.exec(text));
      const used = process.cpuUsage(before);
      if (round > 0) times.push(((used.user + used.system) * 1000) / text.length);
    }
    return { ns: median(times), size: compiled.program.ops.length };
  };
  const worst = perChar("(?:[ab]\\d?[ -]?){1,300}x");
  const usual = perChar("[A-Z]+-\\d+");
  console.log(`custom pattern worst case, 64 KB of "a1 ": ${worst.size} instructions ${worst.ns.toFixed(0)} ns/char, ${usual.size} instructions ${usual.ns.toFixed(0)} ns/char (${(worst.ns / usual.ns).toFixed(0)}×)`);
}
