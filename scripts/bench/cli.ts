/**
 * Bench section "cli": the `dlp` command as whole processes (node bin/dlp.js, the build of scripts/build-cli.mjs, made
 * fresh first), each against a baseline process in the same run:
 *   - startup: `dlp scan` of a one-line file vs a bare `node -e 0` (goal: at most 3×);
 *   - throughput: `dlp scan --format jsonl` of the engine section's 10 MB of mixed text vs a plain node process that
 *     reads the same file and runs the engine section's two regexes over it (goal: dlp at least 25 % of its speed);
 *   - many findings: 10 MB with a card number on every line (about 240,000 findings), to show that positions and output
 *     stay linear (a figure, no goal).
 * Rows are run interleaved, round by round, and the medians reported, so load from other processes falls on all alike.
 * `npm run bench -- cli`
 */
import { spawnSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { generate } from "./engine";
import { luhn } from "../../src/engine/checksums/luhn";

const ROOT = path.resolve(__dirname, "../..");
const BIN = path.join(ROOT, "bin/dlp.js");

/** The engine section's baseline, as a process of its own. */
const TWO_REGEX = `
const text = require("fs").readFileSync(process.argv[1], "utf8");
let n = 0;
const digitRuns = /\\d+/g;
const emails = /[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\\.[A-Za-z]{2,}/g;
while (digitRuns.exec(text)) n++;
while (emails.exec(text)) n++;
`;

function median(xs: number[]): number {
  const s = xs.slice().sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)] as number;
}

/** Wall time of one process in ms; its output is discarded. Fails loudly if it did not run to its expected exit. */
function time(args: string[], exits: number[]): number {
  const t = process.hrtime.bigint();
  const r = spawnSync(process.execPath, args, { stdio: ["ignore", "ignore", "pipe"], maxBuffer: 1 << 20 });
  const ms = Number(process.hrtime.bigint() - t) / 1e6;
  if (r.status === null || exits.indexOf(r.status) < 0) throw new Error(`${args.join(" ")} exited ${r.status}: ${r.stderr}`);
  return ms;
}

/** Runs the rows interleaved for `rounds` rounds (after one warm-up round) and returns each row's median. */
function interleaved(rows: Array<[string[], number[]]>, rounds: number): number[] {
  for (const [args, exits] of rows) time(args, exits);
  const times: number[][] = rows.map(() => []);
  for (let round = 0; round < rounds; round++) rows.forEach(([args, exits], i) => (times[i] as number[]).push(time(args, exits)));
  return times.map(median);
}

function denseCards(chars: number): string {
  const lines: string[] = [];
  let len = 0;
  for (let i = 0; len < chars; i++) {
    const body = "4" + String(100000000000000 + i * 7919).slice(0, 14);
    let card = body + "0";
    for (let d = 0; d <= 9; d++) if (luhn(body + d)) card = body + d;
    const line = `row ${i}: Visa card ${card.replace(/(\d{4})(?=\d)/g, "$1 ")}\n`;
    lines.push(line);
    len += line.length;
  }
  return lines.join("").slice(0, chars);
}

export async function run(): Promise<void> {
  const build = spawnSync(process.execPath, [path.join(ROOT, "scripts/build-cli.mjs")], { encoding: "utf8" });
  if (build.status !== 0) throw new Error(`build:cli failed: ${build.stderr}`);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "dlp-bench-"));
  try {
    const tiny = path.join(dir, "tiny.txt");
    fs.writeFileSync(tiny, "Nothing to see here.\n");
    const mixed = path.join(dir, "mixed-10mb.txt");
    fs.writeFileSync(mixed, generate(10_000_000, 10).text);
    const dense = path.join(dir, "cards-10mb.txt");
    fs.writeFileSync(dense, denseCards(10_000_000));

    const [bare, small] = interleaved(
      [
        [["-e", "0"], [0]],
        [[BIN, "scan", tiny], [0]],
      ],
      21,
    ) as [number, number];
    console.log("startup: medians of 21 interleaved runs");
    console.log(`  node -e 0                              ${bare.toFixed(0).padStart(6)} ms`);
    console.log(`  dlp scan tiny.txt                      ${small.toFixed(0).padStart(6)} ms   ${(small / bare).toFixed(2)}× bare node (goal ≤ 3×)`);

    const [plain, ours, oursText, many] = interleaved(
      [
        [["-e", TWO_REGEX, mixed], [0]],
        [[BIN, "scan", "--format", "jsonl", mixed], [0, 1, 2]],
        [[BIN, "scan", mixed], [0, 1, 2]],
        [[BIN, "scan", "--format", "jsonl", dense], [2]],
      ],
      5,
    ) as [number, number, number, number];
    const mbs = (ms: number) => (10 / (ms / 1000)).toFixed(1).padStart(6);
    console.log("10 MB (10^6 characters) as whole processes, output discarded: medians of 5 interleaved runs");
    console.log(`  two-regex node process (mixed text)    ${plain.toFixed(0).padStart(6)} ms ${mbs(plain)} MB/s`);
    console.log(`  dlp scan --format jsonl (mixed text)   ${ours.toFixed(0).padStart(6)} ms ${mbs(ours)} MB/s   ${((plain / ours) * 100).toFixed(0)} % of two-regex (goal ≥ 25 %)`);
    console.log(`  dlp scan, text output (mixed text)     ${oursText.toFixed(0).padStart(6)} ms ${mbs(oursText)} MB/s   ${((plain / oursText) * 100).toFixed(0)} % of two-regex`);
    console.log(`  dlp scan --format jsonl (a card on every line, ~240,000 findings) ${many.toFixed(0)} ms`);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
