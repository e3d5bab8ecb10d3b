/**
 * A structural check of a COMPILED policy (the policy.json the tenant build writes beside the bundle), run in the
 * add-in before a downloaded policy replaces the bundled one. Hand-written on purpose: the real compiler
 * (src/engine/policy/load.ts) pulls in YAML and redos-detector, which do not belong in launchevent.js. The tenant build
 * already proved policy.json compiles to the input (scripts/build-tenant.ts); this check refuses a truncated, hand-edited
 * or foreign file: every key the engine reads is present with the right type and enum value, every custom pattern
 * compiles here with the `u` flag. Returns null when the policy is usable, else the first problem (a path and what is
 * wrong). ES2016 only (it runs in classic Outlook's JavaScript-only runtime).
 */
import { ACTIONS, BUILTIN_DETECTOR_IDS, CONFIDENCES, RECIPIENT_SCOPES, WHERES } from "../engine/policy/ids";

type Obj = Record<string, unknown>;

const isObj = (x: unknown): x is Obj => typeof x === "object" && x !== null && !Array.isArray(x);
const isStr = (x: unknown): x is string => typeof x === "string";
const isNum = (x: unknown): x is number => typeof x === "number" && isFinite(x);
const isStrArray = (x: unknown): boolean => Array.isArray(x) && x.every(isStr);
const oneOf = (x: unknown, values: readonly string[]): boolean => isStr(x) && values.indexOf(x) >= 0;

export function compiledPolicyProblem(p: unknown): string | null {
  if (!isObj(p)) return "not a JSON object";
  if (p.version !== 1) return "version: expected 1";
  const org = p.organization;
  if (!isObj(org) || !isStr(org.name) || !isStrArray(org.internalDomains)) return "organization: expected { name, internalDomains[] }";
  const cit = p.citation;
  if (!isObj(cit) || !isObj(cit.title) || !isStr(cit.title.en) || (cit.url !== undefined && !isStr(cit.url))) return "citation: expected { title: { en }, url? }";

  const det = p.detectors;
  if (!isObj(det)) return "detectors: expected an object";
  for (let i = 0; i < BUILTIN_DETECTOR_IDS.length; i++) {
    const id = BUILTIN_DETECTOR_IDS[i]!;
    const d = det[id];
    if (!isObj(d)) return `detectors.${id}: missing (a compiled policy lists every built-in detector)`;
    if (typeof d.enabled !== "boolean" || !oneOf(d.minConfidence, CONFIDENCES) || !isNum(d.window)) return `detectors.${id}: expected enabled, minConfidence, window`;
    if (!isObj(d.keywords) || !isStrArray(d.keywords.add) || !isStrArray(d.keywords.remove)) return `detectors.${id}.keywords: expected { add[], remove[] }`;
  }

  const th = p.thresholds;
  if (!isObj(th) || !isNum(th.emailList) || !isNum(th.visibleExternalRecipients)) return "thresholds: expected emailList, visibleExternalRecipients";
  if (th.customerList !== undefined && !isNum(th.customerList)) return "thresholds.customerList: expected a number";
  if (p.customers !== undefined && (!isObj(p.customers) || !isStr(p.customers.set) || !p.customers.set)) return "customers: expected { set }";

  if (!Array.isArray(p.customPatterns)) return "customPatterns: expected a list";
  for (let i = 0; i < p.customPatterns.length; i++) {
    const c: unknown = p.customPatterns[i];
    const at = `customPatterns[${i}]`;
    if (!isObj(c) || !isStr(c.id) || !isStr(c.pattern) || !isStrArray(c.keywords) || !oneOf(c.confidence, CONFIDENCES)) return `${at}: expected id, pattern, keywords[], confidence`;
    if (c.flags !== undefined && !isStr(c.flags)) return `${at}.flags: expected a string`;
    const flags = isStr(c.flags) ? c.flags.replace(/[gu]/g, "") : "";
    try {
      new RegExp(c.pattern, flags + "gu");
    } catch (e) {
      return `${at} "${c.id}": the pattern does not compile here (${(e as Error).message})`;
    }
  }

  if (!Array.isArray(p.rules)) return "rules: expected a list";
  for (let i = 0; i < p.rules.length; i++) {
    const r: unknown = p.rules[i];
    const at = `rules[${i}]`;
    if (!isObj(r) || !isStr(r.id) || !oneOf(r.action, ACTIONS) || !isStr(r.message)) return `${at}: expected id, action, message`;
    const w = r.when;
    if (!isObj(w) || !isStrArray(w.detectors) || !isNum(w.minCount) || !oneOf(w.minConfidence, CONFIDENCES) || !oneOf(w.recipients, RECIPIENT_SCOPES)) {
      return `${at} "${r.id}".when: expected detectors[], minCount, minConfidence, recipients, where[]`;
    }
    if (!Array.isArray(w.where) || !w.where.every((x: unknown) => oneOf(x, WHERES))) return `${at} "${r.id}".when.where: expected body | attachment | subject`;
  }

  const al = p.allowlists;
  if (!isObj(al) || !Array.isArray(al.values) || !Array.isArray(al.senders) || !Array.isArray(al.recipientDomains)) return "allowlists: expected { values[], senders[], recipientDomains[] }";
  const entries: [unknown[], string][] = [[al.values, "value"], [al.senders, "address"], [al.recipientDomains, "domain"]];
  for (let k = 0; k < entries.length; k++) {
    const list = entries[k]![0];
    const key = entries[k]![1];
    for (let i = 0; i < list.length; i++) {
      const e = list[i];
      if (!isObj(e) || !isStr(e[key])) return `allowlists: an entry has no ${key}`;
    }
  }

  if (p.onUnscanned !== "warn" && p.onUnscanned !== "block") return "onUnscanned: expected warn or block";
  if (!isNum(p.timeBudgetMs) || p.timeBudgetMs <= 0) return "timeBudgetMs: expected a positive number";
  return null;
}
