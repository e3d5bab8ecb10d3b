/**
 * Policy YAML → validated, compiled Policy (the shape of ./types.ts, every default filled in, JSON-serialisable).
 *   1. parse the YAML (syntax errors and duplicate keys are errors, with their line);
 *   2. check the shape against ./schema.ts (unknown keys refused, types, ranges, enums; defaults filled in);
 *   3. check the meaning: ids unique and known, citation in English, custom regexes compiled with the `u` flag, ES2016
 *      syntax only, no catastrophic backtracking, their `match` examples matched;
 * and throws one PolicyError listing every problem, each naming the file, the path, the rule id and the line.
 * Runs at build time (webpack/tsx), in the `dlp` CLI and in the playground page; never in the send handler.
 */
import { LineCounter, parseDocument, isNode, type Document } from "yaml";
import { closest, formatIssue, PolicyError, type PathSegment, type PolicyIssue } from "./errors";
import { BUILTIN_DETECTOR_IDS, POLICY_GROUP_NAMES, SIGNAL_IDS } from "./ids";
import { checkRegex } from "./regex-safety";
import { DETECTOR_SETTINGS_SPEC, POLICY_SPEC } from "./schema";
import { check, isMapping } from "./spec";
import type { CustomPattern, DetectorSettings, Policy } from "./types";

export { PolicyError } from "./errors";

export interface LoadResult {
  policy: Policy;
  /** Things that are allowed but probably not meant (a rule naming a disabled detector…), formatted like errors. */
  warnings: string[];
}

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

/** Compiles an already-parsed policy object (JSON); errors carry no line numbers. */
export function compilePolicy(raw: unknown, fileName: string): LoadResult {
  return compileWith(raw, fileName, () => undefined);
}

function lineOf(doc: Document, lc: LineCounter, path: PathSegment[]): number | undefined {
  for (let n = path.length; n >= 0; n--) {
    const node = doc.getIn(path.slice(0, n), true);
    if (isNode(node) && node.range) return lc.linePos(node.range[0]).line;
  }
  return undefined;
}

function compileWith(raw: unknown, file: string, line: (path: PathSegment[]) => number | undefined): LoadResult {
  const issues: PolicyIssue[] = [];
  const report = (path: PathSegment[], message: string, at?: PathSegment[]) =>
    issues.push({ file, path, message, line: line(at || path), ruleId: idAt(raw, path) });
  const fail = () => new PolicyError(issues, issues.map((i) => formatIssue(i, idsAlong(raw, i.path))));

  if (raw === undefined || raw === null) {
    report([], "the policy is empty");
    throw fail();
  }
  const shaped = check(POLICY_SPEC, raw, [], report) as Record<string, unknown> | undefined;
  if (issues.length || !shaped) throw fail();
  const p = shaped as unknown as Policy & { $schema?: string };
  const warnings: string[] = [];
  const warn = (path: PathSegment[], message: string) => warnings.push(formatIssue({ file, path, message, line: line(path) }, idsAlong(raw, path)));

  // Built-in detector settings: known ids only; every id present afterwards.
  const detectors: Record<string, DetectorSettings> = {};
  const given = p.detectors as Record<string, DetectorSettings>;
  for (const id of BUILTIN_DETECTOR_IDS) {
    const settings = (given[id] || check(DETECTOR_SETTINGS_SPEC, {}, [], () => undefined)) as DetectorSettings;
    detectors[id] = {
      enabled: settings.enabled,
      minConfidence: settings.minConfidence,
      keywords: { add: settings.keywords.add.map(lower), remove: settings.keywords.remove.map(lower) },
      window: settings.window,
    };
  }

  // Custom patterns.
  const customIds: string[] = [];
  const customPatterns: CustomPattern[] = p.customPatterns.map((c, i) => {
    const path: PathSegment[] = ["customPatterns", i];
    if ((BUILTIN_DETECTOR_IDS as readonly string[]).indexOf(c.id) >= 0 || (SIGNAL_IDS as readonly string[]).indexOf(c.id) >= 0 || (POLICY_GROUP_NAMES as readonly string[]).indexOf(c.id) >= 0) {
      report(path.concat("id"), `${JSON.stringify(c.id)} is already a built-in id; choose another`);
    } else if (customIds.indexOf(c.id) >= 0) {
      report(path.concat("id"), `duplicate id ${JSON.stringify(c.id)}`);
    }
    customIds.push(c.id);
    const flags = normalizeFlags(c.flags || "");
    const problem = checkRegex(c.pattern, flags.replace("u", ""));
    if (problem) {
      report(path.concat("pattern"), problem.message);
    } else {
      const re = new RegExp(c.pattern, flags);
      c.examples.match.forEach((ex, j) => {
        if (!re.test(ex)) report(path.concat("examples", "match", j), `${JSON.stringify(ex)} does not match the pattern`);
      });
      if (!c.checksum) {
        c.examples.noMatch.forEach((ex, j) => {
          if (re.test(ex)) report(path.concat("examples", "noMatch", j), `${JSON.stringify(ex)} matches the pattern`);
        });
      }
    }
    const out: CustomPattern = {
      id: c.id,
      pattern: c.pattern,
      flags,
      keywords: c.keywords.map(lower),
      confidence: c.confidence,
      examples: { match: c.examples.match.slice(), noMatch: c.examples.noMatch.slice() },
    };
    if (c.description) out.description = c.description;
    if (c.checksum) out.checksum = c.checksum;
    return out;
  });

  // Ids a rule or an allowlist may name.
  const known = (BUILTIN_DETECTOR_IDS as readonly string[]).concat(SIGNAL_IDS, POLICY_GROUP_NAMES, customIds);
  const checkRef = (ref: string, path: PathSegment[]) => {
    if (ref !== "*" && known.indexOf(ref) < 0) {
      const hint = closest(ref, known);
      report(path, `unknown detector ${JSON.stringify(ref)}${hint ? ` (did you mean "${hint}"?)` : ""}`);
    }
  };
  const checkRefs = (refs: string[], path: PathSegment[]) => refs.forEach((ref, j) => checkRef(ref, path.concat(j)));

  const ruleIds: string[] = [];
  p.rules.forEach((r, i) => {
    if (ruleIds.indexOf(r.id) >= 0) report(["rules", i, "id"], `duplicate rule id ${JSON.stringify(r.id)}`);
    ruleIds.push(r.id);
    checkRefs(r.when.detectors, ["rules", i, "when", "detectors"]);
    if (r.requireReason && r.action !== "warn") {
      report(["rules", i, "requireReason"], `applies to warn rules only (a ${r.action === "block" ? "blocked message cannot be sent" : "message that is allowed needs no reason"})`);
    }
    for (const d of r.when.detectors) {
      const s = (detectors as Record<string, DetectorSettings | undefined>)[d];
      if (s && !s.enabled) warn(["rules", i, "when", "detectors"], `names ${JSON.stringify(d)}, which is disabled in detectors`);
    }
  });
  if (!p.rules.length) warn(["rules"], "no rules: every message is allowed");

  p.allowlists.values.forEach((v, i) => checkRef(v.detector, ["allowlists", "values", i, "detector"]));
  p.allowlists.senders.forEach((s, i) => checkRefs(s.detectors || ["*"], ["allowlists", "senders", i, "detectors"]));
  p.allowlists.recipientDomains.forEach((d, i) => checkRefs(d.detectors || ["*"], ["allowlists", "recipientDomains", i, "detectors"]));

  if (issues.length) throw fail();

  const citation: Policy["citation"] = { title: { ...p.citation.title } };
  if (p.citation.url) citation.url = p.citation.url;
  const policy: Policy = {
    version: 1,
    organization: { name: p.organization.name, internalDomains: p.organization.internalDomains.map(lower) },
    citation,
    detectors,
    thresholds: { emailList: p.thresholds.emailList, visibleExternalRecipients: p.thresholds.visibleExternalRecipients },
    customPatterns,
    rules: p.rules.map((r) => {
      const rule: Policy["rules"][number] = {
        id: r.id,
        when: {
          detectors: r.when.detectors.slice(),
          minCount: r.when.minCount,
          minConfidence: r.when.minConfidence,
          recipients: r.when.recipients,
          where: r.when.where.slice(),
        },
        action: r.action,
        message: r.message,
      };
      if (r.description) rule.description = r.description;
      if (r.requireReason) rule.requireReason = true;
      return rule;
    }),
    allowlists: {
      values: p.allowlists.values.map((v) => ({ detector: v.detector, value: v.value, reason: v.reason })),
      senders: p.allowlists.senders.map((s) => ({ address: lower(s.address), reason: s.reason, detectors: (s.detectors || ["*"]).slice() })),
      recipientDomains: p.allowlists.recipientDomains.map((d) => ({ domain: lower(d.domain), reason: d.reason, detectors: (d.detectors || ["*"]).slice() })),
    },
    onUnscanned: p.onUnscanned,
    timeBudgetMs: p.timeBudgetMs,
  };
  return { policy, warnings };
}

function lower(s: string): string {
  return s.trim().toLowerCase();
}

/** "mi" → "imu": sorted, de-duplicated, always with u. */
function normalizeFlags(flags: string): string {
  const set = (flags + "u").split("").filter((f, i, all) => all.indexOf(f) === i);
  return set.sort().join("");
}

/** The `id` of the array item (rule, custom pattern) a path runs through, for the message. */
function idAt(raw: unknown, path: PathSegment[]): string | undefined {
  const ids = idsAlong(raw, path);
  const keys = Object.keys(ids);
  return keys.length ? ids[Number(keys[keys.length - 1])] : undefined;
}

/** Index in `path` → the id of the list item at that point (rules[2] → "block-cards-external"). */
function idsAlong(raw: unknown, path: PathSegment[]): Record<number, string> {
  const out: Record<number, string> = {};
  let node: unknown = raw;
  path.forEach((seg, i) => {
    if (node === undefined || node === null) return;
    node = typeof seg === "number" ? (Array.isArray(node) ? node[seg] : undefined) : isMapping(node) ? node[seg] : undefined;
    if (typeof seg === "number" && isMapping(node) && typeof node.id === "string") out[i] = node.id;
  });
  return out;
}
