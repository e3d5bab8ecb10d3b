/**
 * The policy compiler's pure part, shared by every place a policy is accepted: `dlp check-policy`, the build, the
 * playground (through ./load.ts, which adds YAML parsing and line numbers) and the add-in itself, which validates a
 * downloaded policy.json with it before using it (src/outlook/policy-source.ts). No YAML, no Node, ES2016: it runs in
 * launchevent.js.
 *   1. the shape against ./schema.ts (unknown keys refused, types, ranges, enums; defaults filled in, so a policy.json
 *      from an older build that lacks a newer detector's settings gets that detector's defaults);
 *   2. the meaning: ids unique and known, custom patterns compiled for RE2 (../linear-regex.ts: linear time; what it
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

export interface LoadResult {
  policy: Policy;
  /** Things that are allowed but probably not meant (a rule naming a disabled detector…), formatted like errors. */
  warnings: string[];
}

/** Compiles an already-parsed policy object (JSON); errors carry no line numbers. */
export function compilePolicy(raw: unknown, fileName: string): LoadResult {
  return compileWith(raw, fileName, () => undefined);
}

export function compileWith(raw: unknown, file: string, line: (path: PathSegment[]) => number | undefined): LoadResult {
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
    const re = compileLinear(c.pattern, flags);
    if ("problem" in re) {
      report(path.concat("pattern"), re.problem);
    } else {
      // The examples run on the engine the scanner uses (RE2), so what passes here is what Send finds.
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

  // Link hosts: the list, plus add, minus remove (compared lower-case). A compiled policy.json holds only `hosts`.
  const links = p.links as unknown as { hosts: string[]; add: string[]; remove: string[] };
  const hosts: string[] = [];
  for (const h of links.hosts.concat(links.add)) if (hosts.indexOf(lower(h)) < 0) hosts.push(lower(h));
  links.remove.forEach((h, i) => {
    const at = hosts.indexOf(lower(h));
    if (at < 0) warn(["links", "remove", i], `${JSON.stringify(h)} is not in the host list`);
    else hosts.splice(at, 1);
  });

  // Recipient checks: partners are not internal; removed consumer domains must be on the built-in list.
  const internal = p.organization.internalDomains.map(lower);
  const partners: string[] = [];
  (p.organization.partnerDomains || []).forEach((d, i) => {
    const domain = lower(d);
    if (internal.some((own) => domain === own || domain.slice(-own.length - 1) === "." + own)) {
      report(["organization", "partnerDomains", i], `${JSON.stringify(d)} is an internal domain (organization.internalDomains); a partner's domain is external`);
    } else if (partners.indexOf(domain) < 0) partners.push(domain);
  });
  const lookalikeDomains = (p.allowlists.lookalikeDomains || []).map((a) => ({ domain: lower(a.domain), reason: a.reason }));
  const recipients = p.recipients as RecipientSettings;
  const builtinPersonal = defaultPersonalDomains();
  recipients.personalDomains.remove.forEach((d, i) => {
    if (builtinPersonal.indexOf(lower(d)) < 0) warn(["recipients", "personalDomains", "remove", i], `${JSON.stringify(d)} is not in the built-in list of consumer mailbox domains`);
  });

  if (issues.length) throw fail();

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
