/**
 * The scanning pipeline. `createScanner` compiles a policy once; `scan` runs these stages, top to bottom (each a
 * named function below, in this order):
 *
 *   normalize   NFKC digits, NBSP → space; offsets map back                                   ./normalize.ts
 *   compile     (once per policy) detectors with their settings, custom patterns, keyword groups, allowlists
 *   candidates  ONE pass over digit runs groups them into clusters; each detector's pattern runs only on the short
 *               regions around clusters that hold at least its `minDigits`, a run of its `minRun` and the digit
 *               runs its `runs` gate names (RUN_GATE: run-length bit masks kept per region); matches glued to a
 *               longer digit/letter run, or cut out of a longer run of same-size digit groups, are rejected; e-mail
 *               addresses are found from "@" by hand
 *   validate    detector.validate (checksums, ranges, publicised numbers); when the longest match fails, shorter
 *               matches ending at a group boundary are tried ("4111 1111 1111 1111 123")
 *   allowlist   policy.allowlists.values, compared on letters/digits
 *   context     keyword hits in the policy's window, folded and fuzzy (./keywords.ts, only around candidates): the
 *               detector's own keywords and words naming another kind of number (./other-numbers.ts); and for
 *               pattern-only matches the text around them (./context.ts: URLs, paths, hashes, columns of figures…)
 *   confidence  a validation marked `keywordRequired` is dropped without an own keyword; own keywords raise it;
 *               a pattern-only match in non-prose context is dropped, one next to a word for another kind of number
 *               is lowered or dropped; then minConfidence
 *   suppress    overlapping findings: the longer wins; a business id beats a personal reading of the same token
 *               (./dedupe.ts)
 *   aggregate   with a customer set (options.customers) its addresses and numbers (./customers/find.ts); the
 *               email-list: distinct external addresses, or with a set distinct known customers' (./signals/email-list.ts)
 *
 * Confidence: checksum detectors report the validator's `medium`, `high` with a keyword in the window; pattern-only
 * detectors report `low`, `medium` with a keyword, `high` with a keyword within 40 characters or two distinct keywords;
 * custom patterns report their own confidence, one step up with a keyword. Reasons never contain the raw value.
 */
import { CONFIDENCE_ORDER, type Confidence, type Finding } from "./types";
import type { DetectorSettings, Policy } from "./policy/types";
import type { DetectorCore, Validation } from "./detectors/detector";
import { detectors as builtins } from "./detectors";
import { fold, normalizeText, type Normalized } from "./normalize";
import { KeywordMatcher, isWordChar, type KeywordHit } from "./keywords";
import { compileCustomPattern, isCustom, matcherOf } from "./custom-pattern";
import { dedupe } from "./dedupe";
import { nonProseContext } from "./context";
import { otherNumberWords } from "./other-numbers";
import { findCustomerList, findEmailList, findEmails, type FoundAddress } from "./signals/email-list";
import { maskEmail } from "./mask";
import { maskCustomerNumber } from "./signals/customer-number";
import { findCustomerEmails, findCustomerNumbers, type CustomerMatch } from "./customers/find";
import type { CustomerSet } from "./customers/customer-set";

export interface Scanner {
  /** Finds identifiers and aggregate signals (email-list) in one text. Offsets refer to `text`. */
  scan(text: string): Finding[];
}

export interface ScannerOptions {
  /** false: run every pattern over the whole text (tests prove the digit-cluster prefilter loses nothing). */
  prefilter?: boolean;
  /**
   * The tenant's customer set (./customers: built by `dlp customers build`, opened with its key), passed in as data
   * like the policy. With it the scanner reports customer-email and customer-number, and email-list counts known
   * customers' addresses against thresholds.customerList instead of counting every external address.
   */
  customers?: CustomerSet | null;
}

/** Settings of a detector the policy does not mention. */
export const DEFAULT_SETTINGS: DetectorSettings = {
  enabled: true,
  minConfidence: "low",
  keywords: { add: [], remove: [] },
  window: 300,
};

/** thresholds.customerList when a policy.json from an older build has none. */
export const DEFAULT_CUSTOMER_LIST_THRESHOLD = 3;

/** Digit runs at most this far apart belong to one cluster (IBAN letter groups: " WEST " is 6). */
const CLUSTER_GAP = 8;
/** Characters either side of a cluster a match may extend over (letter prefixes and suffixes). */
const MARGIN = 24;
/** A keyword this close (characters between it and the match) makes a pattern-only match `high`. */
const CLOSE = 40;
/**
 * A word naming another kind of number acts on a pattern-only match this close before it: a label ("customer no.
 * 536228726"). Words after a match label the next value, not this one.
 */
const OTHER_BEFORE = 24;
/** Shorter matches tried when the longest fails ("4111 1111 1111 1111 123", an IBAN followed by a word in capitals). */
const MAX_TRIES = 3;
const EMAIL_ID = "email-address";
const EMAIL_LIST_ID = "email-list";
const CUSTOMER_EMAIL_ID = "customer-email";
const CUSTOMER_NUMBER_ID = "customer-number";

/** One detector ready to run: its patterns, settings and keyword group. */
interface CompiledDetector {
  detector: DetectorCore;
  settings: DetectorSettings;
  /** The pattern with the `g` flag (custom patterns: an RE2 finder), run over regions of the text. */
  finder: RegExp;
  /** The pattern anchored at both ends, to check a shortened match. */
  whole: RegExp;
  minDigits: number;
  /** The longest run of consecutive digits every match holds (DetectorCore.minRun; 1 when not declared). */
  minRun: number;
  /**
   * DetectorCore.runs compiled: alternatives, each a flat list of (kind, mask) pairs that must all meet the region's run
   * masks (kind 0 any run, 1 after a letter, 2 after a capital, 3 two runs of the length); null: no gate.
   */
  runGate: number[][] | null;
  custom: boolean;
  /** A built-in personal identifier (group `identifier`): words for other numbers act on its pattern-only matches. */
  personal: boolean;
  /** A built-in identifier or business id: its pattern-only matches are judged by their text context. */
  identifierLike: boolean;
  /** Index of its keyword group in the plan's matcher. */
  keywordGroup: number;
  /** Allowlisted values of this detector (allowKey form), or null. */
  allowed: Record<string, true> | null;
}

/** A validated match, before keywords and confidence. */
interface Candidate {
  detector: CompiledDetector;
  start: number;
  end: number;
  text: string;
  validation: Validation;
}

/** Everything `compile` prepares once per policy. */
interface ScanPlan {
  /** Detectors with a `minDigits` prefilter, fewest digits first. */
  digitDetectors: CompiledDetector[];
  /** Detectors run over the whole text (no prefilter, or prefilter off). */
  textDetectors: CompiledDetector[];
  email: CompiledDetector | null;
  validateEmail: ((candidate: string) => Validation) | null;
  matcher: KeywordMatcher;
  /** The words naming other kinds of number (./other-numbers.ts), looked for only just before pattern-only matches. */
  otherNumbers: KeywordMatcher;
  allowAny: Record<string, true>;
  anyAllowed: boolean;
  allowBy: Record<string, Record<string, true>>;
  business: Record<string, true>;
  /** Registry position of every detector (custom patterns after the built-ins): the last tie-break of suppress. */
  order: Record<string, number>;
  list: DetectorSettings;
  internalDomains: readonly string[];
  emailListThreshold: number;
  customers: CustomerSet | null;
  customerListThreshold: number;
}

/** Compiles the policy's detector settings, custom patterns and allowlisted values once; reuse the scanner. */
export function createScanner(policy: Policy, options: ScannerOptions = {}): Scanner {
  const plan = compile(policy, options);
  return { scan: (text: string) => scanText(plan, text) };
}

/** The stages, in order. */
function scanText(plan: ScanPlan, text: string): Finding[] {
  if (typeof text !== "string" || text.length === 0) return [];
  const norm = normalizeText(text);
  const t = norm.text;
  const cands = candidates(plan, t);
  const addresses = emailCandidates(plan, t, cands);
  const kept = cands.filter((k) => !isAllowed(plan, k.detector, k.text));
  const hits = kept.length ? context(plan, t, kept) : [];
  const findings: Finding[] = [];
  for (const k of kept) {
    const judged = confidence(plan, t, k, hits);
    if (!judged || rank(judged.confidence) < rank(k.detector.settings.minConfidence)) continue;
    const o = norm.toOriginal(k.start, k.end);
    findings.push({ detector: k.detector.detector.id, start: o[0], end: o[1], confidence: judged.confidence, reasons: judged.reasons, masked: k.detector.detector.mask(k.text) });
  }
  const out = suppress(plan, findings);
  return aggregate(plan, t, norm, out, addresses);
}

/* ---------------- compile ---------------- */

function compile(policy: Policy, options: ScannerOptions): ScanPlan {
  const all: DetectorCore[] = builtins.slice();
  for (const p of (policy && policy.customPatterns) || []) {
    try {
      all.push(compileCustomPattern(p));
    } catch (e) {
      // The policy compiler reports bad patterns; a scanner never fails because of one.
    }
  }
  const { allowAny, allowBy } = compileAllowlist(policy);
  const groupOf: Record<string, string> = {};
  for (const d of builtins) groupOf[d.id] = d.group;
  const business: Record<string, true> = {};
  for (const d of builtins) if (d.group === "business") business[d.id] = true;

  const compiled: CompiledDetector[] = [];
  const keywordGroups: string[][] = [];
  let email: CompiledDetector | null = null;
  for (const d of all) {
    const settings = settingsOf(policy, d.id);
    if (!settings.enabled) continue;
    const flags = flagsOf(d.pattern);
    const own = matcherOf(d); // custom patterns: RE2 (linear time) instead of a native RegExp
    const custom = isCustom(d);
    const c: CompiledDetector = {
      detector: d,
      settings,
      finder: own ? (own.finder() as unknown as RegExp) : new RegExp(d.pattern.source, flags + "g"),
      whole: own ? (own.whole() as unknown as RegExp) : new RegExp("^(?:" + d.pattern.source + ")$", flags),
      minDigits: typeof d.minDigits === "number" ? d.minDigits : 1,
      minRun: typeof d.minRun === "number" ? d.minRun : 1,
      runGate: compileRunGate(d.runs),
      custom,
      personal: !custom && groupOf[d.id] === "identifier",
      identifierLike: !custom && (groupOf[d.id] === "identifier" || groupOf[d.id] === "business"),
      keywordGroup: keywordGroups.length,
      allowed: allowBy[d.id] || null,
    };
    keywordGroups.push(keywordList(d, settings));
    if (d.id === EMAIL_ID) email = c;
    else compiled.push(c);
  }
  const prefilter = options.prefilter !== false;
  const thresholds = policy && policy.thresholds;
  const emailCore = (email && email.detector) || builtins.filter((d) => d.id === EMAIL_ID)[0];
  return {
    digitDetectors: compiled.filter((c) => prefilter && c.minDigits > 0).sort((a, b) => a.minDigits - b.minDigits),
    textDetectors: compiled.filter((c) => !prefilter || c.minDigits <= 0),
    email,
    validateEmail: emailCore ? emailCore.validate : null,
    matcher: new KeywordMatcher(keywordGroups),
    otherNumbers: new KeywordMatcher([otherNumberWords()]),
    allowAny,
    anyAllowed: Object.keys(allowAny).length > 0,
    allowBy,
    business,
    order: registryOrder(all),
    list: settingsOf(policy, EMAIL_LIST_ID),
    internalDomains: (policy && policy.organization && policy.organization.internalDomains) || [],
    emailListThreshold: thresholds && typeof thresholds.emailList === "number" ? thresholds.emailList : 10,
    customers: options.customers || null,
    customerListThreshold: thresholds && typeof thresholds.customerList === "number" ? thresholds.customerList : DEFAULT_CUSTOMER_LIST_THRESHOLD,
  };
}

function registryOrder(all: readonly DetectorCore[]): Record<string, number> {
  const order: Record<string, number> = {};
  all.forEach((d, i) => {
    if (!Object.prototype.hasOwnProperty.call(order, d.id)) order[d.id] = i;
  });
  return order;
}

function compileAllowlist(policy: Policy): { allowAny: Record<string, true>; allowBy: Record<string, Record<string, true>> } {
  const allowAny: Record<string, true> = {};
  const allowBy: Record<string, Record<string, true>> = {};
  for (const a of (policy && policy.allowlists && policy.allowlists.values) || []) {
    if (!a || typeof a.value !== "string") continue;
    if (a.detector === "*") {
      allowAny[allowKey("", a.value)] = true;
      allowAny[allowKey(EMAIL_ID, a.value)] = true;
    } else (allowBy[a.detector] || (allowBy[a.detector] = {}))[allowKey(a.detector, a.value)] = true;
  }
  return { allowAny, allowBy };
}

/** The value as compared with allowlist entries: letters and digits, upper-cased (e-mail: lower-cased, whole). */
export function allowKey(detector: string, value: string): string {
  if (detector === EMAIL_ID || detector === CUSTOMER_EMAIL_ID) return value.trim().toLowerCase();
  return value.replace(/[^0-9A-Za-z]/g, "").toUpperCase();
}

function settingsOf(policy: Policy, id: string): DetectorSettings {
  const s = policy && policy.detectors ? policy.detectors[id] : undefined;
  if (!s) return DEFAULT_SETTINGS;
  return {
    enabled: s.enabled !== false,
    minConfidence: s.minConfidence && rank(s.minConfidence) >= 0 ? s.minConfidence : "low",
    keywords: { add: (s.keywords && s.keywords.add) || [], remove: (s.keywords && s.keywords.remove) || [] },
    window: typeof s.window === "number" && s.window >= 0 ? s.window : DEFAULT_SETTINGS.window,
  };
}

function keywordList(d: DetectorCore, s: DetectorSettings): string[] {
  const out: string[] = [];
  const langs = Object.keys(d.keywords) as Array<keyof DetectorCore["keywords"]>;
  for (const l of langs) for (const k of d.keywords[l] || []) out.push(k);
  for (const k of s.keywords.add) out.push(k);
  // Compared folded, so removing "číslo účtu" removes the listed "cislo uctu".
  const removed = s.keywords.remove.map((k) => fold(k).trim());
  return out.filter((k) => removed.indexOf(fold(k).trim()) < 0);
}

/** The mask bit of a digit run of `len` digits (31 and more share bit 31). */
function runBit(len: number): number {
  return 1 << (len >= 31 ? 31 : len);
}

function compileRunGate(runs: DetectorCore["runs"]): number[][] | null {
  if (!runs || !runs.length) return null;
  return runs.map((alt) => {
    const flat: number[] = [];
    for (const need of alt) {
      const lo = typeof need.len === "number" ? need.len : need.len[0];
      const hi = typeof need.len === "number" ? need.len : need.len[1];
      let mask = 0;
      for (let n = Math.max(1, lo); n <= Math.min(31, hi); n++) mask |= runBit(n);
      flat.push(need.twice ? 3 : need.after === "letter" ? 1 : need.after === "capital" ? 2 : 0, mask);
    }
    return flat;
  });
}

/** Does a region with these run masks hold one alternative of the gate? */
function passesRunGate(gate: number[][], masks: number[]): boolean {
  for (const alt of gate) {
    let ok = true;
    for (let i = 0; i < alt.length && ok; i += 2) ok = ((masks[alt[i] as number] as number) & (alt[i + 1] as number)) !== 0;
    if (ok) return true;
  }
  return false;
}

function flagsOf(re: RegExp): string {
  return (re.ignoreCase ? "i" : "") + (re.multiline ? "m" : "") + (re.unicode ? "u" : "");
}

/* ---------------- candidates ---------------- */

/**
 * Validated matches of every detector but e-mail. Digit detectors run only on regions around digit clusters: digit
 * runs at most CLUSTER_GAP apart form a cluster; a cluster with at least the fewest `minDigits` of any detector opens a
 * region (MARGIN either side); overlapping regions merge; each detector runs on the regions whose largest cluster
 * holds its `minDigits`, whose longest digit run is at least its `minRun` and which hold the digit runs of one of its
 * `runs` alternatives (RUN_GATE: bit n of a mask is set when a run of n digits is there; four masks: any run, after a
 * letter, after a capital, twice).
 */
function candidates(plan: ScanPlan, t: string): Candidate[] {
  const into: Candidate[] = [];
  const detectorsByNeed = plan.digitDetectors;
  if (detectorsByNeed.length) {
    const fewest = (detectorsByNeed[0] as CompiledDetector).minDigits;
    let clusterStart = -1;
    let clusterEnd = -1;
    let clusterDigits = 0;
    let clusterLongestRun = 0;
    let regionStart = -1;
    let regionEnd = -1;
    let regionMaxDigits = 0;
    let regionLongestRun = 0;
    // RUN_GATE: bit n set when a run of n digits is present; any run, after a letter, after a capital, twice.
    let clusterAny = 0;
    let clusterLetter = 0;
    let clusterCapital = 0;
    let clusterTwice = 0;
    const regionMasks = [0, 0, 0, 0];
    const flushRegion = () => {
      if (regionStart < 0) return;
      const region = t.slice(regionStart, regionEnd);
      for (const c of detectorsByNeed) {
        if (c.minDigits > regionMaxDigits) break;
        if (c.minRun > regionLongestRun) continue;
        if (c.runGate && !passesRunGate(c.runGate, regionMasks)) continue;
        runDetector(c, t, region, regionStart, into);
      }
    };
    const closeCluster = () => {
      if (clusterStart < 0 || clusterDigits < fewest) return;
      const rs = Math.max(0, clusterStart - MARGIN);
      const re = Math.min(t.length, clusterEnd + MARGIN);
      if (regionStart >= 0 && rs <= regionEnd) {
        regionEnd = re;
        if (clusterDigits > regionMaxDigits) regionMaxDigits = clusterDigits;
        if (clusterLongestRun > regionLongestRun) regionLongestRun = clusterLongestRun;
        regionMasks[3] = (regionMasks[3] as number) | clusterTwice | ((regionMasks[0] as number) & clusterAny);
        regionMasks[0] = (regionMasks[0] as number) | clusterAny;
        regionMasks[1] = (regionMasks[1] as number) | clusterLetter;
        regionMasks[2] = (regionMasks[2] as number) | clusterCapital;
      } else {
        flushRegion();
        regionStart = rs;
        regionEnd = re;
        regionMaxDigits = clusterDigits;
        regionLongestRun = clusterLongestRun;
        regionMasks[0] = clusterAny;
        regionMasks[1] = clusterLetter;
        regionMasks[2] = clusterCapital;
        regionMasks[3] = clusterTwice;
      }
    };
    // The next digit with a native regex (measured 3× faster than a charCodeAt loop over the same text); `test`
    // allocates no match, and the run itself is short, walked by hand.
    const digit = /[0-9]/g;
    const n = t.length;
    while (digit.test(t)) {
      const s = digit.lastIndex - 1;
      let e = s + 1;
      while (e < n && isDigit(t.charCodeAt(e))) e++;
      digit.lastIndex = e;
      const bit = runBit(e - s);
      const before = s > 0 ? t.charCodeAt(s - 1) : 0;
      const letter = isLetter(before) ? bit : 0;
      const capital = isCapital(before) || (before === 32 && s > 1 && isCapital(t.charCodeAt(s - 2))) ? bit : 0;
      if (clusterStart >= 0 && s - clusterEnd <= CLUSTER_GAP) {
        clusterEnd = e;
        clusterDigits += e - s;
        if (e - s > clusterLongestRun) clusterLongestRun = e - s;
        clusterTwice |= clusterAny & bit;
        clusterAny |= bit;
        clusterLetter |= letter;
        clusterCapital |= capital;
      } else {
        closeCluster();
        clusterStart = s;
        clusterEnd = e;
        clusterDigits = e - s;
        clusterLongestRun = e - s;
        clusterAny = bit;
        clusterTwice = 0;
        clusterLetter = letter;
        clusterCapital = capital;
      }
    }
    closeCluster();
    flushRegion();
  }
  for (const c of plan.textDetectors) runDetector(c, t, t, 0, into);
  return into;
}

/** Runs one detector over `region` (t from offset `from`; sliced once for every detector) and appends its candidates. */
function runDetector(c: CompiledDetector, t: string, region: string, from: number, into: Candidate[]): void {
  const rx = c.finder;
  rx.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = rx.exec(region)) !== null) {
    const ms = m.index;
    const me = ms + m[0].length;
    if (me === ms) {
      rx.lastIndex = ms + 1;
      continue;
    }
    const found = validate(c, t, from + ms, from + me);
    if (found) {
      into.push(found);
      rx.lastIndex = found.end - from;
    } else {
      // Resume after the alphanumeric run the failed match started in.
      let p = ms;
      while (p < region.length && isAlnum(region.charCodeAt(p))) p++;
      rx.lastIndex = Math.max(p, ms + 1);
    }
  }
}

/**
 * E-mail addresses from "@" (./signals/email-list.ts), validated like the pattern; they become email-address
 * candidates and the addresses the email-list aggregate counts.
 */
function emailCandidates(plan: ScanPlan, t: string, into: Candidate[]): FoundAddress[] {
  const addresses: FoundAddress[] = [];
  const email = plan.email;
  const validateEmail = plan.validateEmail;
  if (!(email || plan.list.enabled) || !validateEmail || t.indexOf("@") < 0) return addresses;
  const spans: Array<[number, number]> = [];
  findEmails(t, spans);
  for (const sp of spans) {
    let value = t.slice(sp[0], sp[1]);
    let v = validateEmail(value);
    // Like the pattern, give up trailing labels that do not form a domain ("a@b.co.x" → "a@b.co").
    for (let cut = value.lastIndexOf("."); !v.ok && cut > value.indexOf("@"); cut = value.lastIndexOf(".", cut - 1)) {
      value = value.slice(0, cut);
      sp[1] = sp[0] + cut;
      v = validateEmail(value);
    }
    if (!v.ok) continue;
    if (email && isAllowed(plan, email, value)) continue;
    addresses.push({ start: sp[0], end: sp[1], address: value.toLowerCase() });
    if (email) into.push({ detector: email, start: sp[0], end: sp[1], text: value, validation: v });
  }
  return addresses;
}

/* ---------------- validate ---------------- */

/**
 * The candidate a match at t[s, e) gives, or null: not glued to a longer run, then the detector's validator; when the
 * longest match fails, up to MAX_TRIES shorter ones ending at a group boundary (each must still match the whole pattern).
 */
function validate(c: CompiledDetector, t: string, s: number, matchEnd: number): Candidate | null {
  if (s > 0 && isAlnum(t.charCodeAt(s - 1)) && isAlnum(t.charCodeAt(s))) return null;
  // Glued to the group before: allowed only when that side holds a twin of the same length (checked per try).
  const gluedBefore = gluedGroup(t, s, matchEnd, false);
  let e = matchEnd;
  for (let tries = 0; e > s && tries < MAX_TRIES; tries++) {
    const gluedAfter = (e < t.length && isAlnum(t.charCodeAt(e)) && isAlnum(t.charCodeAt(e - 1))) || (gluedGroup(t, s, e, true) && !twin(c, t, s, e, true));
    if (!gluedAfter && !(gluedBefore && !twin(c, t, s, e, false))) {
      const text = t.slice(s, e);
      if (e === matchEnd || c.whole.test(text)) {
        const validation = c.detector.validate(text);
        if (validation.ok) return { detector: c, start: s, end: e, text, validation };
      }
    }
    // Try a shorter match ending at the previous group boundary.
    let p = e - 1;
    while (p > s && !(isAlnum(t.charCodeAt(p - 1)) && !isAlnum(t.charCodeAt(p)))) p--;
    e = p;
  }
  return null;
}

/**
 * Beside t[s, e), across one separator, the same number of characters that are a whole valid match of the same
 * detector: two cards (two SSNs …) on one line joined by a single space are two findings, not one longer run.
 */
function twin(c: CompiledDetector, t: string, s: number, e: number, after: boolean): boolean {
  const ts = after ? e + 1 : s - 1 - (e - s);
  const te = ts + (e - s);
  if (ts < 0 || te > t.length) return false;
  if ((ts > 0 && isAlnum(t.charCodeAt(ts - 1))) || (te < t.length && isAlnum(t.charCodeAt(te)))) return false;
  // Cheap first: the same shape (digits where the match has digits), then the detector's own checks.
  for (let i = 0; i < e - s; i++) if (isDigit(t.charCodeAt(ts + i)) !== isDigit(t.charCodeAt(s + i))) return false;
  const text = t.slice(ts, te);
  return c.whole.test(text) && c.detector.validate(text).ok;
}

/**
 * A match written in groups ("5712 3456 7890") is not taken out of a longer run of groups of the same size
 * ("5712 3456 7890 1234"): true when the group before `s` (or after `e`, with `after`) is as long as the match's first
 * (last) group and joined by a separator the match itself uses. A different size is a different thing: a card followed
 * by its CVV ("… 1111 123") or an expiry date ("… 1111 12/27") is still found, and so is a group that continues with
 * another separator and digits (a date "… 1111 2025-03-14", an amount "… 1111 1250,00").
 */
function gluedGroup(t: string, s: number, e: number, after: boolean): boolean {
  const sepAt = after ? e : s - 1;
  const digitAt = after ? e + 1 : s - 2;
  if (sepAt < 0 || digitAt < 0 || digitAt >= t.length) return false;
  const sep = t.charCodeAt(sepAt);
  if (!isSep(sep) || !isDigit(t.charCodeAt(digitAt)) || !isDigit(t.charCodeAt(after ? e - 1 : s))) return false;
  if (!holds(t, s, e, sep)) return false;
  let outside = 0;
  let p = digitAt;
  for (; p >= 0 && p < t.length && isDigit(t.charCodeAt(p)); p += after ? 1 : -1) outside++;
  // A group that goes on with a separator the match does not use, then digits ("2025-03-14", "1250,00", "10:42"), is a
  // date, an amount or a time beside the match, not one more group of it.
  const next = after ? p + 1 : p - 1;
  if (p >= 0 && p < t.length && next >= 0 && next < t.length && isDigit(t.charCodeAt(next))) {
    const c = t.charCodeAt(p);
    if ((c === 45 || c === 46 || c === 47 || c === 44 || c === 58) && !holds(t, s, e, c)) return false;
  }
  let inside = 0;
  for (let p = after ? e - 1 : s; p >= s && p < e && isDigit(t.charCodeAt(p)); p += after ? -1 : 1) inside++;
  // A one-digit group on both sides is no evidence of a longer run ("… 7800 9 1 250,00": an IBAN, then an amount).
  return inside === outside && inside > 1;
}

/** Does t[s, e) hold the character `c`? (No slice: gluedGroup runs for every match.) */
function holds(t: string, s: number, e: number, c: number): boolean {
  for (let i = s; i < e; i++) if (t.charCodeAt(i) === c) return true;
  return false;
}

/* ---------------- allowlist ---------------- */

function isAllowed(plan: ScanPlan, c: CompiledDetector, value: string): boolean {
  return isAllowedValue(plan, c.detector.id, value, c.allowed);
}

function isAllowedValue(plan: ScanPlan, id: string, value: string, own: Record<string, true> | null | undefined = plan.allowBy[id]): boolean {
  if (!own && !plan.anyAllowed) return false;
  const key = allowKey(id, value);
  return !!((own && own[key]) || plan.allowAny[key]);
}

/* ---------------- context ---------------- */

/** Keyword hits around every candidate, computed once over the union of their windows. */
function context(plan: ScanPlan, t: string, cands: Candidate[]): KeywordHit[] {
  const hits: KeywordHit[] = [];
  const order = cands.slice().sort((a, b) => a.start - a.detector.settings.window - (b.start - b.detector.settings.window));
  let upTo = 0;
  for (const k of order) {
    const w = k.detector.settings.window;
    const from = Math.max(upTo, k.start - w, 0);
    const to = Math.min(t.length, k.end + w);
    if (from < to) upTo = Math.max(upTo, plan.matcher.scan(t, from, to, hits), to);
  }
  hits.sort((a, b) => a.start - b.start);
  return hits;
}

/** A keyword hit near a candidate and how many characters lie between them. */
interface NearHit {
  hit: KeywordHit;
  distance: number;
}

/** The two nearest own keywords of a candidate. */
interface CandidateContext {
  first: NearHit | null;
  second: NearHit | null;
}

/**
 * Does the word ending at `from` label the match starting at `to`? Nothing may lie between them but words, spaces and
 * label punctuation: no other figure ("customer no. 12, 536…"), no line break and no end of a sentence ("lasku.
 * BXKPR4821M"); a dot right after a short word is an abbreviation ("no.", "tel.", "nr.").
 */
function labels(t: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) {
    const c = t.charCodeAt(i);
    if (isDigit(c) || c === 10 || c === 13 || c === 33 || c === 63 || c === 59) return false;
    if (c === 46 && !(i === from && shortWordBefore(t, from))) return false;
  }
  return true;
}

/** The word ending at `end` has at most three letters. */
function shortWordBefore(t: string, end: number): boolean {
  let n = 0;
  for (let i = end - 1; i >= 0 && isWordChar(t.charCodeAt(i)); i--) n++;
  return n > 0 && n <= 3;
}

function candidateContext(k: Candidate, hits: KeywordHit[]): CandidateContext {
  const w = k.detector.settings.window;
  const from = k.start - w;
  const to = k.end + w;
  // First hit starting at or after `from` (binary search).
  let lo = 0;
  let hi = hits.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((hits[mid] as KeywordHit).start < from) lo = mid + 1;
    else hi = mid;
  }
  const group = k.detector.keywordGroup;
  const closer = (h: KeywordHit, dist: number, than: NearHit | null) =>
    !than || dist < than.distance || (dist === than.distance && h.end - h.start > than.hit.end - than.hit.start);
  // Nearest own keyword hit (a longer phrase before the words inside it), then the nearest other own keyword that does
  // not overlap it: overlapping phrases ("social security number" / "social security") count once.
  let first: NearHit | null = null;
  let second: NearHit | null = null;
  for (let pass = 0; pass < 2; pass++) {
    for (let i = lo; i < hits.length; i++) {
      const h = hits[i] as KeywordHit;
      if (h.start >= to) break;
      if (h.groups.indexOf(group) < 0) continue;
      if (h.end > k.start && h.start < k.end) continue;
      const dist = h.end <= k.start ? k.start - h.end : h.start - k.end;
      if (dist > w) continue;
      if (pass === 0) {
        if (closer(h, dist, first)) first = { hit: h, distance: dist };
      } else if (first && h.keyword !== first.hit.keyword && !(h.start < first.hit.end && first.hit.start < h.end) && closer(h, dist, second)) {
        second = { hit: h, distance: dist };
      }
    }
    if (!first) break;
  }
  return { first, second };
}

/** Longest stretch of text looked at before a pattern-only match for a word naming another kind of number. */
const OTHER_LOOKBACK = OTHER_BEFORE + 48;

/**
 * The nearest word naming another kind of number that labels the match (ends at most OTHER_BEFORE characters before
 * it, ./other-numbers.ts), or null. A word overlapping the candidate's own nearest keyword counts as its own.
 */
function otherNumberLabel(plan: ScanPlan, t: string, k: Candidate, own: NearHit | null): NearHit | null {
  const hits: KeywordHit[] = [];
  plan.otherNumbers.scan(t, Math.max(0, k.start - OTHER_LOOKBACK), k.start, hits);
  let best: NearHit | null = null;
  for (const h of hits) {
    if (h.end > k.start) continue;
    const dist = k.start - h.end;
    if (dist > OTHER_BEFORE || !labels(t, h.end, k.start)) continue;
    if (own && h.start < own.hit.end && own.hit.start < h.end) continue;
    if (!best || dist < best.distance || (dist === best.distance && h.end - h.start > best.hit.end - best.hit.start)) best = { hit: h, distance: dist };
  }
  return best;
}

/* ---------------- confidence ---------------- */

/**
 * The confidence and reasons of one candidate, or null when its context removes it. Pattern-only matches (the
 * validator found no check digit: `low`) of built-in detectors are removed in non-prose text (./context.ts) unless an
 * own keyword is within CLOSE; a personal one next to a word naming another kind of number (closer than its own
 * keyword) is removed, or lowered one step when it has an own keyword farther away.
 */
function confidence(plan: ScanPlan, t: string, k: Candidate, hits: KeywordHit[]): { confidence: Confidence; reasons: string[] } | null {
  const c = k.detector;
  const { first, second } = candidateContext(k, hits);
  const patternOnly = c.identifierLike && k.validation.confidence === "low";
  if (patternOnly && !(first && first.distance <= CLOSE) && nonProseContext(t, k.start, k.end) !== null) return null;
  // A validation that needs context (pk-cnic's bare 13 digits, sk-rc's 9 digits without the slash) is kept only
  // with one of the detector's own keywords in its window.
  if (k.validation.keywordRequired && !first) return null;
  const reasons = k.validation.reasons.slice();
  let level = k.validation.confidence;
  if (first) {
    reasons.push("keyword '" + first.hit.keyword + "' within " + first.distance + " chars");
    if (second) reasons.push("keyword '" + second.hit.keyword + "' within " + second.distance + " chars");
    if (c.custom) level = stepUp(level);
    else if (c.detector.checksum) level = "high";
    else level = first.distance <= CLOSE || second ? "high" : stepUp(level);
  }
  const otherNumber = patternOnly && c.personal ? otherNumberLabel(plan, t, k, first) : null;
  if (otherNumber && (!first || otherNumber.distance < first.distance)) {
    if (!first) return null;
    reasons.push("'" + otherNumber.hit.keyword + "' (another kind of number) within " + otherNumber.distance + " chars");
    level = stepDown(level);
  }
  return { confidence: level, reasons };
}

/* ---------------- suppress ---------------- */

/**
 * Overlapping findings: the longer wins; on the same span a business id wins unless the personal one has stronger
 * evidence; then the higher confidence, then registry order (so the result does not depend on the order detectors ran
 * in, which the prefilter changes).
 */
function suppress(plan: ScanPlan, findings: Finding[]): Finding[] {
  return dedupe(
    findings,
    (id) => plan.business[id] === true,
    (id) => (Object.prototype.hasOwnProperty.call(plan.order, id) ? plan.order[id] as number : Number.MAX_SAFE_INTEGER),
  );
}

/* ---------------- aggregate ---------------- */

/** Adds the customer-set findings and the email-list aggregate to the de-duplicated findings (offsets mapped back). */
function aggregate(plan: ScanPlan, t: string, norm: Normalized, findings: Finding[], addresses: FoundAddress[]): Finding[] {
  let out = findings;
  let known: CustomerMatch[] = [];
  const customers = plan.customers;
  if (customers) {
    // Known customers' values; they are not de-duplicated against identifiers (a customer number shaped like an SSN
    // stays an SSN for the identifier rules too), but a known address replaces its plain email-address finding.
    const emails: CustomerMatch[] = [];
    const numbers: CustomerMatch[] = [];
    if (t.indexOf("@") >= 0) findCustomerEmails(t, customers, emails);
    findCustomerNumbers(t, customers, numbers);
    known = emails.filter((m) => !isAllowedValue(plan, CUSTOMER_EMAIL_ID, t.slice(m.start, m.end)));
    const extra: Finding[] = [];
    const spans: Record<string, true> = {};
    for (const m of known) {
      const o = norm.toOriginal(m.start, m.end);
      spans[o[0] + ":" + o[1]] = true;
      extra.push({ detector: CUSTOMER_EMAIL_ID, start: o[0], end: o[1], confidence: "low", reasons: ["in the customer set"], masked: maskEmail(t.slice(m.start, m.end)) });
    }
    for (const m of numbers) {
      const value = t.slice(m.start, m.end);
      if (isAllowedValue(plan, CUSTOMER_NUMBER_ID, value)) continue;
      const o = norm.toOriginal(m.start, m.end);
      extra.push({ detector: CUSTOMER_NUMBER_ID, start: o[0], end: o[1], confidence: "low", reasons: ["in the customer set"], masked: maskCustomerNumber(value) });
    }
    if (extra.length) {
      out = out.filter((f) => !(f.detector === EMAIL_ID && spans[f.start + ":" + f.end])).concat(extra);
      out.sort((a, b) => a.start - b.start);
    }
  }
  if (!plan.list.enabled) return out;
  const list = customers ? findCustomerList(known, plan.customerListThreshold) : addresses.length ? findEmailList(addresses, plan.internalDomains, plan.emailListThreshold) : null;
  if (list && rank(list.confidence) >= rank(plan.list.minConfidence)) {
    const o = norm.toOriginal(list.start, list.end);
    list.start = o[0];
    list.end = o[1];
    out.push(list);
    out.sort((a, b) => a.start - b.start);
  }
  return out;
}

/* ---------------- helpers ---------------- */

function isAlnum(c: number): boolean {
  return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
}

function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}

function isLetter(c: number): boolean {
  return (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
}

function isCapital(c: number): boolean {
  return c >= 65 && c <= 90;
}

function isSep(c: number): boolean {
  return c === 32 || c === 45 || c === 46 || c === 47;
}

function rank(c: Confidence): number {
  return CONFIDENCE_ORDER.indexOf(c);
}

function stepUp(c: Confidence): Confidence {
  return CONFIDENCE_ORDER[Math.min(rank(c) + 1, CONFIDENCE_ORDER.length - 1)] as Confidence;
}

function stepDown(c: Confidence): Confidence {
  return CONFIDENCE_ORDER[Math.max(rank(c) - 1, 0)] as Confidence;
}
