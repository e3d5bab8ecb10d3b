/**
 * The policy compiler's pure part, shared by every place a policy is accepted: `dlp check-policy`, the build, the
 * playground (through ./load.ts, which adds YAML parsing and line numbers) and the add-in itself, which validates a
 * downloaded policy.json with it before using it (src/outlook/policy-source.ts). No YAML, no Node, ES2016: it runs in
 * launchevent.js.
 *   1. the shape against ./schema.ts (unknown keys refused, types, ranges, enums; defaults filled in, so a policy.json
 *      from an older build that lacks a newer detector's settings gets that detector's defaults);
 *   2. the meaning: ids unique and known, custom patterns compiled for the linear-time engine (../linear-regex.ts; what it
 *      cannot bound, such as backreferences and lookaround, is refused with the pattern's id), their examples run on it;
 * and throws one PolicyError listing every problem, each naming the file, the path and the rule or pattern id.
 */
import { closest, formatIssue, PolicyError, type PathSegment, type PolicyIssue } from "./errors";
import { BUILTIN_DETECTOR_IDS, POLICY_GROUP_NAMES, SIGNAL_IDS } from "./ids";
import { compileLinear, linearTest } from "../linear-regex";
import { DETECTOR_SETTINGS_SPEC, POLICY_SPEC } from "./schema";
import { check, isMapping } from "./spec";
import type { CustomPattern, DetectorSettings, Policy, RecipientSettings } from "./types";
import { defaultPersonalDomains } from "../recipients/personal-domains";

export { PolicyError } from "./errors";

/** Longest `compliance.subjectPrefix`. */
export const MAX_SUBJECT_PREFIX = 40;

export interface LoadResult {
  policy: Policy;
  /** Things that are allowed but probably not meant (a rule naming a disabled detector…), formatted like errors. */
  warnings: string[];
}

/** Compiles an already-parsed policy object (JSON); errors carry no line numbers. */
export function compilePolicy(raw: unknown, fileName: string): LoadResult {
  return compileWith(raw, fileName, () => undefined);
}

/** The two ways a step reports: an issue (the policy is refused) or a warning (accepted, probably not meant). */
interface Reporter {
  /** `at` is where the line number is taken from when it differs from `path` (an unknown key's own line). */
  report: (path: PathSegment[], message: string, at?: PathSegment[]) => void;
  warn: (path: PathSegment[], message: string) => void;
}

/** A policy as the schema shaped it, before its meaning is checked (`links` still carries `add` and `remove`). */
type ShapedPolicy = Policy & { $schema?: string };
type ShapedLinks = { hosts: string[]; add: string[]; remove: string[] };

export function compileWith(raw: unknown, file: string, line: (path: PathSegment[]) => number | undefined): LoadResult {
  const issues: PolicyIssue[] = [];
  const warnings: string[] = [];
  const reporter: Reporter = {
    report: (path, message, at) => issues.push({ file, path, message, line: line(at || path), ruleId: idAt(raw, path) }),
    warn: (path, message) => warnings.push(formatIssue({ file, path, message, line: line(path) }, idsAlong(raw, path))),
  };
  const fail = () => new PolicyError(issues, issues.map((i) => formatIssue(i, idsAlong(raw, i.path))));

  if (raw === undefined || raw === null) {
    reporter.report([], "the policy is empty");
    throw fail();
  }
  const shaped = check(POLICY_SPEC, raw, [], reporter.report) as Record<string, unknown> | undefined;
  if (issues.length || !shaped) throw fail();
  const p = shaped as unknown as ShapedPolicy;

  const detectors = builtinDetectorSettings(p.detectors as Record<string, DetectorSettings>);
  const customPatterns = compileCustomPatterns(p.customPatterns, reporter);
  const customIds = p.customPatterns.map((c) => c.id);
  const checkRefs = referenceChecker(customIds, reporter);
  checkRules(p.rules, detectors, checkRefs, reporter);
  checkAllowlists(p.allowlists, checkRefs);
  checkCompliance(p.compliance, reporter);
  checkRecipientSettings(p, reporter);
  const hosts = linkHosts(p.links as unknown as ShapedLinks, reporter);
  if (issues.length) throw fail();

  return { policy: compiledPolicy(p, detectors, customPatterns, hosts), warnings };
}

/** Built-in detector settings: known ids only (the schema refused others); every id present afterwards. */
function builtinDetectorSettings(given: Record<string, DetectorSettings>): Record<string, DetectorSettings> {
  const detectors: Record<string, DetectorSettings> = {};
  for (const id of BUILTIN_DETECTOR_IDS) {
    const settings = (given[id] || check(DETECTOR_SETTINGS_SPEC, {}, [], () => undefined)) as DetectorSettings;
    detectors[id] = {
      enabled: settings.enabled,
      minConfidence: settings.minConfidence,
      keywords: { add: settings.keywords.add.map(lower), remove: settings.keywords.remove.map(lower) },
      window: settings.window,
    };
  }
  return detectors;
}

/** Each custom pattern: its id (not a built-in id, signal or group name, nor another pattern's), then its pattern. */
function compileCustomPatterns(patterns: CustomPattern[], reporter: Reporter): CustomPattern[] {
  const reserved = (BUILTIN_DETECTOR_IDS as readonly string[]).concat(SIGNAL_IDS, POLICY_GROUP_NAMES);
  const seen: string[] = [];
  return patterns.map((c, i) => {
    const path: PathSegment[] = ["customPatterns", i];
    if (reserved.indexOf(c.id) >= 0) reporter.report(path.concat("id"), `${JSON.stringify(c.id)} is already a built-in id; choose another`);
    else if (seen.indexOf(c.id) >= 0) reporter.report(path.concat("id"), `duplicate id ${JSON.stringify(c.id)}`);
    seen.push(c.id);
    return compileCustomPattern(c, path, reporter);
  });
}

/** Compiles one custom pattern on the scanner's linear-time engine and runs its examples on it. */
function compileCustomPattern(c: CustomPattern, path: PathSegment[], { report }: Reporter): CustomPattern {
  const flags = normalizeFlags(c.flags || "");
  const re = compileLinear(c.pattern, flags);
  if ("problem" in re) {
    report(path.concat("pattern"), re.problem);
  } else {
    // The examples run on the engine the scanner uses, so what passes here is what Send finds.
    c.examples.match.forEach((ex, j) => {
      if (!linearTest(re, ex)) report(path.concat("examples", "match", j), `${JSON.stringify(ex)} does not match the pattern`);
    });
    if (!c.checksum) {
      c.examples.noMatch.forEach((ex, j) => {
        if (linearTest(re, ex)) report(path.concat("examples", "noMatch", j), `${JSON.stringify(ex)} matches the pattern`);
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
}

type ReferenceCheck = (refs: string[], path: PathSegment[]) => void;

/** Checks the ids a rule or an allowlist names: built-in, signal, group, custom, or "*". */
function referenceChecker(customIds: string[], { report }: Reporter): ReferenceCheck {
  const known = (BUILTIN_DETECTOR_IDS as readonly string[]).concat(SIGNAL_IDS, POLICY_GROUP_NAMES, customIds);
  return (refs, path) =>
    refs.forEach((ref, j) => {
      if (ref === "*" || known.indexOf(ref) >= 0) return;
      const hint = closest(ref, known);
      report(path.concat(j), `unknown detector ${JSON.stringify(ref)}${hint ? ` (did you mean "${hint}"?)` : ""}`);
    });
}

function checkRules(rules: Policy["rules"], detectors: Record<string, DetectorSettings>, checkRefs: ReferenceCheck, { report, warn }: Reporter): void {
  const ruleIds: string[] = [];
  rules.forEach((r, i) => {
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
  if (!rules.length) warn(["rules"], "no rules: every message is allowed");
}

/** The compliance mail's subject prefix fits beside the subject. */
function checkCompliance(compliance: Policy["compliance"], { report }: Reporter): void {
  if (compliance && compliance.subjectPrefix !== undefined && compliance.subjectPrefix.trim().length > MAX_SUBJECT_PREFIX) {
    report(["compliance", "subjectPrefix"], `must have at most ${MAX_SUBJECT_PREFIX} characters`);
  }
}

function checkAllowlists(allowlists: Policy["allowlists"], checkRefs: ReferenceCheck): void {
  allowlists.values.forEach((v, i) => checkRefs([v.detector], ["allowlists", "values", i, "detector"]));
  allowlists.senders.forEach((s, i) => checkRefs(s.detectors || ["*"], ["allowlists", "senders", i, "detectors"]));
  allowlists.recipientDomains.forEach((d, i) => checkRefs(d.detectors || ["*"], ["allowlists", "recipientDomains", i, "detectors"]));
}

/** Link hosts: the list, plus add, minus remove (compared lower-case). A compiled policy.json holds only `hosts`. */
function linkHosts(links: ShapedLinks, { warn }: Reporter): string[] {
  const hosts: string[] = [];
  for (const h of links.hosts.concat(links.add)) if (hosts.indexOf(lower(h)) < 0) hosts.push(lower(h));
  links.remove.forEach((h, i) => {
    const at = hosts.indexOf(lower(h));
    if (at < 0) warn(["links", "remove", i], `${JSON.stringify(h)} is not in the host list`);
    else hosts.splice(at, 1);
  });
  return hosts;
}

/** Recipient checks: partners are not internal; removed consumer domains must be on the built-in list. */
function checkRecipientSettings(p: ShapedPolicy, { report, warn }: Reporter): void {
  const internal = p.organization.internalDomains.map(lower);
  (p.organization.partnerDomains || []).forEach((d, i) => {
    const domain = lower(d);
    if (internal.some((own) => domain === own || domain.slice(-own.length - 1) === "." + own)) {
      report(["organization", "partnerDomains", i], `${JSON.stringify(d)} is an internal domain (organization.internalDomains); a partner's domain is external`);
    }
  });
  const builtinPersonal = defaultPersonalDomains();
  (p.recipients as RecipientSettings).personalDomains.remove.forEach((d, i) => {
    if (builtinPersonal.indexOf(lower(d)) < 0) warn(["recipients", "personalDomains", "remove", i], `${JSON.stringify(d)} is not in the built-in list of consumer mailbox domains`);
  });
}

/** The checked policy in its compiled form: defaults filled in, lists copied, addresses and domains lower-case. */
function compiledPolicy(p: ShapedPolicy, detectors: Record<string, DetectorSettings>, customPatterns: CustomPattern[], hosts: string[]): Policy {
  const internal = p.organization.internalDomains.map(lower);
  const partners: string[] = [];
  for (const d of p.organization.partnerDomains || []) if (partners.indexOf(lower(d)) < 0) partners.push(lower(d));
  const lookalikeDomains = (p.allowlists.lookalikeDomains || []).map((a) => ({ domain: lower(a.domain), reason: a.reason }));
  const recipients = p.recipients as RecipientSettings;
  const citation: Policy["citation"] = { title: { ...p.citation.title } };
  if (p.citation.url) citation.url = p.citation.url;
  const policy: Policy = {
    version: 1,
    organization: { name: p.organization.name, internalDomains: internal, partnerDomains: partners },
    citation,
    detectors,
    thresholds: {
      emailList: p.thresholds.emailList,
      visibleExternalRecipients: p.thresholds.visibleExternalRecipients,
      customerList: typeof p.thresholds.customerList === "number" ? p.thresholds.customerList : 3,
    },
    customPatterns,
    rules: p.rules.map(compiledRule),
    allowlists: {
      values: p.allowlists.values.map((v) => ({ detector: v.detector, value: v.value, reason: v.reason })),
      senders: p.allowlists.senders.map((s) => ({ address: lower(s.address), reason: s.reason, detectors: (s.detectors || ["*"]).slice() })),
      recipientDomains: p.allowlists.recipientDomains.map((d) => ({ domain: lower(d.domain), reason: d.reason, detectors: (d.detectors || ["*"]).slice() })),
      lookalikeDomains,
    },
    recipients: {
      personalDomains: { add: recipients.personalDomains.add.map(lower), remove: recipients.personalDomains.remove.map(lower) },
      firstTime: { enabled: recipients.firstTime.enabled, maxEntries: recipients.firstTime.maxEntries, learningDays: recipients.firstTime.learningDays },
    },
    attachments: { images: p.attachments ? p.attachments.images : "ignore" },
    links: { hosts },
    onUnscanned: p.onUnscanned,
    timeBudgetMs: p.timeBudgetMs,
  };
  if (p.customers) policy.customers = { set: p.customers.set.trim() };
  if (p.compliance) {
    policy.compliance = { address: lower(p.compliance.address) };
    const prefix = p.compliance.subjectPrefix !== undefined ? p.compliance.subjectPrefix.replace(/[\u0000-\u001f\u007f]/g, "").trim() : "";
    if (prefix) policy.compliance.subjectPrefix = prefix;
  }
  return policy;
}

function compiledRule(r: Policy["rules"][number]): Policy["rules"][number] {
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
