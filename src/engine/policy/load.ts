/**
 * Policy YAML → validated, compiled Policy (the shape of ./types.ts, every default filled in, JSON-serialisable): parses
 * the YAML (syntax errors and duplicate keys are errors, with their line), then compiles it with ./compile.ts — the
 * same shape and meaning checks the add-in runs on a downloaded policy.json — adding the line of every problem.
 * Runs at build time (webpack/tsx), in the `dlp` CLI and in the playground page; never in the send handler (it needs
 * `yaml`, which stays out of launchevent.js).
 */
import { LineCounter, parseDocument, isNode, type Document } from "yaml";
import { formatIssue, PolicyError, type PathSegment, type PolicyIssue } from "./errors";
import { compilePolicy, compileWith, type LoadResult } from "./compile";
import type { Policy } from "./types";

export { PolicyError } from "./errors";
export { compilePolicy, type LoadResult };

/** Parses and compiles a policy; throws PolicyError. `fileName` appears in every message. */
export function loadPolicy(yamlText: string, fileName: string): Policy {
  return loadPolicyWithWarnings(yamlText, fileName).policy;
}

export function loadPolicyWithWarnings(yamlText: string, fileName: string): LoadResult {
  const lineCounter = new LineCounter();
  const doc = parseDocument(yamlText, { lineCounter, prettyErrors: true, uniqueKeys: true });
  if (doc.errors.length) {
    const issues: PolicyIssue[] = doc.errors.slice(0, 1).map((e) => ({
      file: fileName,
      path: [],
      syntax: true,
      message: `not valid YAML: ${e.message.split("\n")[0]!.replace(/ at line \d+, column \d+:?$/, "")}`,
      line: e.linePos ? e.linePos[0].line : undefined,
    }));
    throw new PolicyError(issues, issues.map((i) => formatIssue(i)));
  }
  let raw: unknown;
  try {
    raw = doc.toJS({ maxAliasCount: 100 });
  } catch (e) {
    const issue: PolicyIssue = { file: fileName, path: [], syntax: true, message: `not valid YAML: ${(e as Error).message}` };
    throw new PolicyError([issue], [formatIssue(issue)]);
  }
  return compileWith(raw, fileName, (path) => lineOf(doc, lineCounter, path));
}

function lineOf(doc: Document, lc: LineCounter, path: PathSegment[]): number | undefined {
  for (let n = path.length; n >= 0; n--) {
    const node = doc.getIn(path.slice(0, n), true);
    if (isNode(node) && node.range) return lc.linePos(node.range[0]).line;
  }
  return undefined;
}

