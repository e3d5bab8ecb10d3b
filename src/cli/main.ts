/**
 * The `dlp` command for compliance staff: scan sample messages and files, explain findings, check a policy, report on
 * the audit headers of sent mail. It runs the add-in's own code (extract → scan → decide → render), built ahead of time
 * into build/cli (scripts/build-cli.mjs), so what it prints is what employees get. See docs/policy.md and docs/audit.md.
 * Exit codes: 0 allow, 1 warn, 2 block, 3 usage or policy error, or an input that could not be read (see ./files.ts).
 * Results are written file by file as they are found, each write waiting for the output to drain, so a pipe gets all
 * of it and memory does not grow with the output. The YAML parser and the regex checker (policy/load.ts), the report,
 * check-policy and the dialog renderer are loaded only by the commands and files that need them.
 */
import * as path from "path";
import { parse, UsageError, USAGE, type Options } from "./args";
import { expandInputs, InputError, readRegularFile, readTextFile } from "./files";
import { progressBar, renderText, summaryOf, type Counts } from "./output";
import { scanOne, strictest, unreadable, type FileResult } from "./scan-files";
import { PolicyError } from "../engine/policy/errors";
import type { Policy } from "../engine/policy/types";

export const DEFAULT_POLICY = path.resolve(__dirname, "../../assets/policy/default-policy.yaml");
/** The default policy compiled at build time with the YAML it came from (scripts/build-cli.mjs); absent under jest. */
declare const __DLP_DEFAULT_POLICY__: { source: string; policy: Policy } | undefined;
const EXIT = { allow: 0, warn: 1, block: 2 } as const;
export const EXIT_USAGE = 3;

export interface Io {
  /** Writes to stdout; resolves when the output can take more. Rejects with OutputClosed when the reader went away. */
  write: (s: string) => Promise<void>;
  err: (s: string) => void;
  stderr: NodeJS.WriteStream;
}

/** The reader of stdout went away (`dlp scan … | head -c 1`): nothing more to write, stop scanning. */
export class OutputClosed extends Error {}

/** A writer over a stream that honours backpressure and turns a write error (EPIPE) into OutputClosed. */
export function streamWriter(stream: NodeJS.WritableStream): (s: string) => Promise<void> {
  let closed = false;
  let wake: (() => void) | undefined;
  stream.on("error", () => {
    closed = true;
    if (wake) wake();
  });
  return (s) => {
    if (closed) return Promise.reject(new OutputClosed());
    if (stream.write(s)) return Promise.resolve();
    return new Promise<void>((resolve, reject) => {
      const done = () => {
        stream.removeListener("drain", done);
        wake = undefined;
        if (closed) reject(new OutputClosed());
        else resolve();
      };
      wake = done;
      stream.on("drain", done);
    });
  };
}

export async function main(argv: string[], io: Io): Promise<number> {
  const out = (s: string) => io.write(s + "\n");
  try {
    const opts = parse(argv);
    if (opts.help || !opts.command) {
      if (opts.help) await out(USAGE);
      else io.err(USAGE);
      return opts.help ? 0 : EXIT_USAGE;
    }
    switch (opts.command) {
      case "scan":
      case "explain":
        return await scanCommand(opts, io);
      case "check-policy":
        return await checkPolicyCommand(opts, io);
      case "customers":
        return await customersCommand(opts, io);
      case "report": {
        // reportCommand writes synchronously; each write is chained so that backpressure and a closed output count.
        const { reportCommand } = await import("./report-command");
        const policy = await readPolicy(opts.policy || DEFAULT_POLICY, !!opts.policy);
        let written = Promise.resolve();
        const code = reportCommand(opts, { out: (s) => (written = written.then(() => out(s))), err: io.err }, policy);
        await written;
        return code;
      }
      case "schema": {
        const { policyJsonSchema } = await import("../engine/policy/schema");
        await out(JSON.stringify(policyJsonSchema(), null, 2));
        return 0;
      }
      default:
        throw new UsageError(`unknown command "${opts.command}"`);
    }
  } catch (e) {
    if (e instanceof UsageError) {
      io.err(`dlp: ${e.message}\n\n${USAGE}`);
      return EXIT_USAGE;
    }
    if (e instanceof InputError || isCustomersError(e)) {
      io.err(`dlp: ${(e as Error).message}`);
      return EXIT_USAGE;
    }
    if (e instanceof PolicyError) {
      io.err(e.lines.join("\n"));
      return EXIT_USAGE;
    }
    if (e instanceof OutputClosed) return EXIT_USAGE;
    throw e;
  }
}

/** Errors of `dlp customers build` and of opening a customer set: usage errors (exit 3) with their own message. */
function isCustomersError(e: unknown): boolean {
  const name = e instanceof Error ? e.constructor.name : "";
  return name === "CustomersError" || name === "CustomerKeyError" || name === "CustomerSetError";
}

async function customersCommand(opts: Options, io: Io): Promise<number> {
  const out = (s: string) => io.write(s + "\n");
  const [sub, csv, ...rest] = opts.inputs;
  if (sub !== "build") throw new UsageError(`unknown customers command "${sub || ""}" (expected: customers build EXPORT.csv --out FILE)`);
  if (!csv || rest.length) throw new UsageError("customers build needs exactly one export file");
  const { buildCommand, renderBuild } = await import("./customers");
  const r = buildCommand(csv, { out: opts.out, columns: opts.columns, keyFile: opts.keyFile });
  if (opts.format === "text") await out(renderBuild(r));
  else await out(JSON.stringify({ file: r.out, keyFile: r.key.file, keyCreated: r.key.created, header: r.header, report: r.report, falsePositiveRate: r.falsePositiveRate }, null, opts.format === "json" ? 2 : undefined));
  return 0;
}

async function checkPolicyCommand(opts: Options, io: Io): Promise<number> {
  const out = (s: string) => io.write(s + "\n");
  if (opts.inputs.length !== 1) throw new UsageError("check-policy needs exactly one policy file");
  const { checkPolicyFile, renderCheck } = await import("./check-policy");
  const result = checkPolicyFile(opts.inputs[0] as string);
  if (opts.format === "text") {
    if (result.ok) await out(renderCheck(result));
    else {
      if (result.rules.length) await out(renderCheck({ ...result, errors: [], ok: true }).split("\n").slice(0, -1).join("\n"));
      io.err(result.errors.join("\n"));
      io.err(`${result.file}: ${result.errors.length} error${result.errors.length === 1 ? "" : "s"}`);
    }
  } else {
    await out(JSON.stringify(result, null, opts.format === "json" ? 2 : undefined));
  }
  return result.ok ? 0 : EXIT_USAGE;
}

async function readPolicy(file: string, given: boolean): Promise<Policy> {
  let text: string;
  try {
    text = readTextFile(file);
  } catch (e) {
    if (e instanceof InputError) throw new InputError(e.file, e.reason, "the policy");
    throw e;
  }
  if (!given && typeof __DLP_DEFAULT_POLICY__ !== "undefined" && __DLP_DEFAULT_POLICY__.source === text) return __DLP_DEFAULT_POLICY__.policy;
  const { loadPolicy } = await import("../engine/policy/load");
  return loadPolicy(text, given ? file : path.basename(file));
}

/** One element of what `JSON.stringify(results, null, 2)` prints for the whole array, written as it comes. */
function jsonElement(r: FileResult, first: boolean): string {
  return `${first ? "[" : ","}\n  ${JSON.stringify(r, null, 2).replace(/\n/g, "\n  ")}`;
}

async function scanCommand(opts: Options, io: Io): Promise<number> {
  const out = (s: string) => io.write(s + "\n");
  if (!opts.inputs.length) throw new UsageError(`${opts.command} needs at least one file or folder`);
  const policyFile = opts.policy || DEFAULT_POLICY;
  const policy = await readPolicy(policyFile, !!opts.policy);
  // The customer set: --customers, else the one the policy names (relative to the policy file). One that cannot be
  // opened is a usage error (exit 3), never a scan without it.
  const setFile = opts.customers || (policy.customers ? path.resolve(path.dirname(policyFile), policy.customers.set) : undefined);
  const customers = setFile ? (await import("./customers")).loadCustomerSetFile(setFile, opts.customersKey) : null;
  const files = expandInputs(opts.inputs);
  if (!files.length) throw new InputError(opts.inputs.join(", "), "no files to scan in it (hidden entries are skipped)");
  const explain = opts.command === "explain";
  const settings = { policy, customers, locale: opts.locale, showValues: opts.showValues, eachLine: opts.eachLine, explain, to: opts.to, from: opts.from };
  const showBar = opts.progress !== undefined ? opts.progress : !!io.stderr.isTTY && files.length >= 10;
  const bar = progressBar(files.length, io.stderr, showBar);
  const counts: Counts = { files: 0, allow: 0, warn: 0, block: 0 };
  let action: FileResult["action"] = "allow";
  let unread = 0;
  for (const file of files) {
    bar.tick(file);
    let r: FileResult;
    try {
      r = await scanOne(file, readRegularFile(file), settings);
    } catch (e) {
      if (!(e instanceof InputError)) throw e;
      // Vanished or changed since the folder was listed: reported, never scanned as empty; the exit code is 3.
      bar.clear();
      io.err(`dlp: ${e.message}`);
      unread++;
      r = unreadable(file, e.message, policy);
    }
    counts.files++;
    counts[r.action]++;
    action = strictest([action, r.action]);
    if (opts.format === "jsonl") await out(JSON.stringify(r));
    else if (opts.format === "json") await io.write(jsonElement(r, counts.files === 1));
    else await out((counts.files > 1 ? "\n" : "") + renderText(r, explain, opts.to));
  }
  bar.done();
  if (opts.format === "json") await io.write("\n]\n");
  if (opts.format === "text" && counts.files > 1) await out(`\n${summaryOf(counts)}`);
  return unread ? EXIT_USAGE : EXIT[action];
}
