/**
 * The `dlp` command for compliance staff: scan sample messages and files, explain findings, check a policy, report on
 * the audit headers of sent mail. It runs the add-in's own code (extract → scan → decide → render) through tsx, so
 * what it prints is what employees get. Exit codes: 0 allow, 1 warn, 2 block, 3 usage or policy error. See
 * docs/policy.md and docs/audit.md.
 */
import * as fs from "fs";
import * as path from "path";
import { parse, UsageError, USAGE, type Options } from "./args";
import { checkPolicyFile, renderCheck } from "./check-policy";
import { reportCommand } from "./report-command";
import { expandInputs } from "./files";
import { progressBar, renderText, summary } from "./output";
import { scanOne, strictest, type FileResult } from "./scan-files";
import { loadPolicy, PolicyError } from "../engine/policy/load";
import { policyJsonSchema } from "../engine/policy/schema";
import { CustomerSetError } from "../engine/customers/customer-set";
import { buildCommand, CustomersError, loadCustomerSetFile, renderBuild } from "./customers";
import { CustomerKeyError } from "./customer-key";
import type { Policy } from "../engine/policy/types";

export const DEFAULT_POLICY = path.resolve(__dirname, "../../assets/policy/default-policy.yaml");
const EXIT = { allow: 0, warn: 1, block: 2 } as const;
export const EXIT_USAGE = 3;

export interface Io {
  out: (s: string) => void;
  err: (s: string) => void;
  stderr: NodeJS.WriteStream;
}

const defaultIo: Io = {
  out: (s) => process.stdout.write(s + "\n"),
  err: (s) => process.stderr.write(s + "\n"),
  stderr: process.stderr,
};

export async function main(argv: string[], io: Io = defaultIo): Promise<number> {
  let opts: Options;
  try {
    opts = parse(argv);
    if (opts.help || !opts.command) {
      (opts.help ? io.out : io.err)(USAGE);
      return opts.help ? 0 : EXIT_USAGE;
    }
    switch (opts.command) {
      case "scan":
      case "explain":
        return await scanCommand(opts, io);
      case "check-policy":
        return checkPolicyCommand(opts, io);
      case "customers":
        return customersCommand(opts, io);
      case "report":
        return reportCommand(opts, io, readPolicy(opts));
      case "schema":
        io.out(JSON.stringify(policyJsonSchema(), null, 2));
        return 0;
      default:
        throw new UsageError(`unknown command "${opts.command}"`);
    }
  } catch (e) {
    if (e instanceof UsageError) {
      io.err(`dlp: ${e.message}\n\n${USAGE}`);
      return EXIT_USAGE;
    }
    if (e instanceof CustomersError || e instanceof CustomerKeyError || e instanceof CustomerSetError) {
      io.err(`dlp: ${e.message}`);
      return EXIT_USAGE;
    }
    if (e instanceof PolicyError) {
      io.err(e.lines.join("\n"));
      return EXIT_USAGE;
    }
    throw e;
  }
}

/** The policy of --policy, or the default policy. */
function readPolicy(opts: Options): Policy {
  const policyFile = opts.policy || DEFAULT_POLICY;
  let text: string;
  try {
    text = fs.readFileSync(policyFile, "utf8");
  } catch (e) {
    throw new UsageError(`cannot read the policy ${policyFile}: ${(e as NodeJS.ErrnoException).code || (e as Error).message}`);
  }
  return loadPolicy(text, opts.policy ? policyFile : path.basename(policyFile));
}

function customersCommand(opts: Options, io: Io): number {
  const [sub, csv, ...rest] = opts.inputs;
  if (sub !== "build") throw new UsageError(`unknown customers command "${sub || ""}" (expected: customers build EXPORT.csv --out FILE)`);
  if (!csv || rest.length) throw new UsageError("customers build needs exactly one export file");
  const r = buildCommand(csv, { out: opts.out, columns: opts.columns, keyFile: opts.keyFile });
  if (opts.format === "text") io.out(renderBuild(r));
  else io.out(JSON.stringify({ file: r.out, keyFile: r.key.file, keyCreated: r.key.created, header: r.header, report: r.report, falsePositiveRate: r.falsePositiveRate }, null, opts.format === "json" ? 2 : undefined));
  return 0;
}

function checkPolicyCommand(opts: Options, io: Io): number {
  if (opts.inputs.length !== 1) throw new UsageError("check-policy needs exactly one policy file");
  const result = checkPolicyFile(opts.inputs[0] as string);
  if (opts.format === "text") {
    if (result.ok) io.out(renderCheck(result));
    else {
      if (result.rules.length) io.out(renderCheck({ ...result, errors: [], ok: true }).split("\n").slice(0, -1).join("\n"));
      io.err(result.errors.join("\n"));
      io.err(`${result.file}: ${result.errors.length} error${result.errors.length === 1 ? "" : "s"}`);
    }
  } else {
    io.out(JSON.stringify(result, null, opts.format === "json" ? 2 : undefined));
  }
  return result.ok ? 0 : EXIT_USAGE;
}

async function scanCommand(opts: Options, io: Io): Promise<number> {
  if (!opts.inputs.length) throw new UsageError(`${opts.command} needs at least one file or folder`);
  const policyFile = opts.policy || DEFAULT_POLICY;
  let policyText: string;
  try {
    policyText = fs.readFileSync(policyFile, "utf8");
  } catch (e) {
    throw new UsageError(`cannot read the policy ${policyFile}: ${(e as NodeJS.ErrnoException).code || (e as Error).message}`);
  }
  const policy = loadPolicy(policyText, opts.policy ? policyFile : path.basename(policyFile));
  // The customer set: --customers, else the one the policy names (relative to the policy file). One that cannot be
  // opened is a usage error (exit 3), never a scan without it.
  const setFile = opts.customers || (policy.customers ? path.resolve(path.dirname(policyFile), policy.customers.set) : undefined);
  const customers = setFile ? loadCustomerSetFile(setFile, opts.customersKey) : null;
  const files = expandInputs(opts.inputs);
  const explain = opts.command === "explain";
  const settings = { policy, customers, locale: opts.locale, showValues: opts.showValues, eachLine: opts.eachLine, explain, to: opts.to };
  const showBar = opts.progress !== undefined ? opts.progress : !!io.stderr.isTTY && files.length >= 10;
  const bar = progressBar(files.length, io.stderr, showBar);
  const results: FileResult[] = [];
  for (const file of files) {
    bar.tick(file);
    let bytes: Uint8Array;
    try {
      bytes = new Uint8Array(fs.readFileSync(file));
    } catch (e) {
      bytes = new Uint8Array(0);
    }
    const r = await scanOne(file, bytes, settings);
    results.push(r);
    if (opts.format === "jsonl") io.out(JSON.stringify(r));
  }
  bar.done();
  if (opts.format === "json") io.out(JSON.stringify(results, null, 2));
  if (opts.format === "text") {
    io.out(results.map((r) => renderText(r, explain, opts.to)).join("\n\n"));
    if (results.length > 1) io.out(`\n${summary(results)}`);
  }
  return EXIT[strictest(results.map((r) => r.action))];
}
