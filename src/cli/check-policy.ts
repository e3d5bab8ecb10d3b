/**
 * `dlp check-policy FILE`: validate the policy (every error with file, path, rule id and line), compile every regex,
 * run every custom pattern's `examples` through the real scanner, and print what fired on each example (detectors
 * found and the rules that would fire if it were sent to an external recipient). Exit 0 when all is well, 3 otherwise.
 */
import { InputError, readTextFile } from "./files";
import { loadPolicyWithWarnings, PolicyError } from "../engine/policy/load";
import { decide } from "../engine/policy/decide";
import type { Policy } from "../engine/policy/types";
import { createScanner } from "../engine/scan";

export interface ExampleResult {
  pattern: string;
  kind: "match" | "noMatch";
  index: number;
  text: string;
  ok: boolean;
  found: { detector: string; confidence: string; masked: string }[];
  rules: string[];
}

export interface CheckResult {
  file: string;
  ok: boolean;
  errors: string[];
  warnings: string[];
  rules: { id: string; detectors: string[]; action: string; recipients: string }[];
  examples: ExampleResult[];
}

export function runExamples(policy: Policy): ExampleResult[] {
  const scanner = createScanner(policy);
  const out: ExampleResult[] = [];
  for (const p of policy.customPatterns) {
    const run = (kind: "match" | "noMatch", text: string, index: number) => {
      const findings = scanner.scan(text);
      const mine = findings.some((f) => f.detector === p.id);
      const decision = decide(
        [{ location: { kind: "body" }, findings, unscanned: [], chars: text.length }],
        { subject: "", recipients: [{ email: "someone@external.invalid", field: "to", recipientType: "unknown" }], attachments: [] },
        policy,
      );
      out.push({
        pattern: p.id,
        kind,
        index,
        text,
        ok: kind === "match" ? mine : !mine,
        found: findings.map((f) => ({ detector: f.detector, confidence: f.confidence, masked: f.masked })),
        rules: decision.rules.map((r) => `${r.id} (${r.action})`),
      });
    };
    p.examples.match.forEach((t, i) => run("match", t, i));
    p.examples.noMatch.forEach((t, i) => run("noMatch", t, i));
  }
  return out;
}

export function checkPolicyFile(file: string): CheckResult {
  const result: CheckResult = { file, ok: false, errors: [], warnings: [], rules: [], examples: [] };
  let text: string;
  try {
    text = readTextFile(file);
  } catch (e) {
    if (!(e instanceof InputError)) throw e;
    result.errors.push(`${file}: cannot read: ${e.reason}`);
    return result;
  }
  try {
    const { policy, warnings } = loadPolicyWithWarnings(text, file);
    result.warnings = warnings;
    result.rules = policy.rules.map((r) => ({ id: r.id, detectors: r.when.detectors, action: r.action, recipients: r.when.recipients }));
    result.examples = runExamples(policy);
    result.errors = result.examples
      .filter((e) => !e.ok)
      .map((e) => {
        const others = e.found.map((f) => f.detector).filter((d) => d !== e.pattern);
        const why = e.kind === "match" ? `gives no ${e.pattern} finding${others.length ? ` (${others.join(", ")} found the same text and wins)` : ""}` : `gives a ${e.pattern} finding`;
        return `${file}: customPatterns "${e.pattern}".examples.${e.kind}[${e.index}]: ${JSON.stringify(e.text)} ${why}`;
      });
    result.ok = result.errors.length === 0;
  } catch (e) {
    if (e instanceof PolicyError) result.errors = e.lines;
    else throw e;
  }
  return result;
}

export function renderCheck(r: CheckResult): string {
  const out: string[] = [];
  if (r.rules.length || r.examples.length || r.ok) {
    out.push(`${r.file}: ${r.rules.length} rule${r.rules.length === 1 ? "" : "s"}`);
    for (const rule of r.rules) out.push(`  rule ${rule.id}: ${rule.detectors.join(", ")} → ${rule.action} (recipients: ${rule.recipients})`);
    for (const e of r.examples) {
      const found = e.found.length ? e.found.map((f) => `${f.detector} ${f.confidence} ${f.masked}`).join(", ") : "nothing";
      out.push(`  ${e.ok ? "ok  " : "FAIL"} ${e.pattern} ${e.kind}[${e.index}] ${JSON.stringify(e.text)}: found ${found}; to an external recipient: ${e.rules.length ? e.rules.join(", ") : "allow"}`);
    }
  }
  for (const w of r.warnings) out.push(`warning: ${w}`);
  out.push(r.ok ? `${r.file}: OK` : `${r.file}: ${r.errors.length} error${r.errors.length === 1 ? "" : "s"}`);
  return out.join("\n");
}
