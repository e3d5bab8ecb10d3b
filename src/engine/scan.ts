/**
 * The scanning pipeline. Reads top to bottom:
 *
 *   normalize (NFKC digits, NBSP → space; offsets map back)            ./normalize.ts
 *   → candidates: ONE pass over digit runs groups them into clusters; each detector's pattern runs only on the short
 *     regions around clusters that hold at least its `minDigits`; e-mail addresses are found from "@" by hand
 *   → reject matches glued to a longer digit/letter run, or cut out of a longer run of same-size digit groups
 *   → validate + invalidate (checksums, ranges, publicised numbers)     detector.validate; when the longest match
 *     fails, shorter matches ending at a group boundary are tried ("4111 1111 1111 1111 123")
 *   → keyword context in the policy's window, folded and fuzzy          ./keywords.ts (only around candidates);
 *     a candidate whose validation says `keywordRequired` is dropped without one
 *   → allowlist (policy.allowlists.values, compared on letters/digits)
 *   → minConfidence and disabled detectors
 *   → de-duplication of overlaps (longer wins)                          ./dedupe.ts
 *   → with a customer set (options.customers): its addresses and numbers  ./customers/find.ts
 *   → the email-list aggregate: distinct external addresses, or with a set distinct known customers'   ./signals/email-list.ts
 *
 * Confidence: checksum detectors report the validator's `medium`, `high` with a keyword in the window; pattern-only
 * detectors report `low`, `medium` with a keyword, `high` with a keyword within 40 characters or two distinct keywords;
 * custom patterns report their own confidence, one step up with a keyword. Reasons never contain the raw value.
 */
import { CONFIDENCE_ORDER, type Confidence, type Finding } from "./types";
import type { DetectorSettings, Policy } from "./policy/types";
import type { DetectorCore, Validation } from "./detectors/detector";
import { detectors as builtins } from "./detectors";
import { fold, normalizeText } from "./normalize";
import { KeywordMatcher, type KeywordHit } from "./keywords";
import { compileCustomPattern, isCustom, matcherOf } from "./custom-pattern";
import { dedupe } from "./dedupe";
import { findCustomerList, findEmailList, findEmails, type FoundAddress } from "./signals/email-list";
import { maskEmail } from "./mask";
import { maskCustomerNumber } from "./signals/customer-number";
import { findCustomerEmails, findCustomerNumbers, type CustomerMatch } from "./customers/find";
import type { CustomerSet } from "./customers/customer-set";

export interface Scanner {
  /** Finds identifiers and aggregate signals (email-list) in one text. Offsets refer to `text`. */
  scan(text: string): Finding[];
}

/** Settings of a detector the policy does not mention. */
export const DEFAULT_SETTINGS: DetectorSettings = {
  enabled: true,
  minConfidence: "low",
  keywords: { add: [], remove: [] },
  window: 300,
};

/** Digit runs at most this far apart belong to one cluster (IBAN letter groups: " WEST " is 6). */
const CLUSTER_GAP = 8;
/** Characters either side of a cluster a match may extend over (letter prefixes and suffixes). */
const MARGIN = 24;
/** A keyword this close (characters between it and the match) makes a pattern-only match `high`. */
const CLOSE = 40;
/** Shorter matches tried when the longest fails ("4111 1111 1111 1111 123", an IBAN followed by a word in capitals). */
const MAX_TRIES = 3;
const EMAIL_ID = "email-address";
const EMAIL_LIST_ID = "email-list";
const CUSTOMER_EMAIL_ID = "customer-email";
const CUSTOMER_NUMBER_ID = "customer-number";
/** thresholds.customerList when a policy.json from an older build has none. */
export const DEFAULT_CUSTOMER_LIST_THRESHOLD = 3;

interface Compiled {
  d: DetectorCore;
  settings: DetectorSettings;
  re: RegExp;
  full: RegExp;
  minDigits: number;
  custom: boolean;
  /** Index of its keyword group in the matcher. */
  group: number;
  allow: Record<string, true> | null;
}

interface Candidate {
  c: Compiled;
  start: number;
  end: number;
  text: string;
  v: Validation;
}

function isAlnum(c: number): boolean {
  return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
}

function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}

function isSep(c: number): boolean {
  return c === 32 || c === 45 || c === 46 || c === 47;
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
  if (t.slice(s, e).indexOf(String.fromCharCode(sep)) < 0) return false;
  let outside = 0;
  let p = digitAt;
  for (; p >= 0 && p < t.length && isDigit(t.charCodeAt(p)); p += after ? 1 : -1) outside++;
  // A group that goes on with a separator the match does not use, then digits ("2025-03-14", "1250,00", "10:42"), is a
  // date, an amount or a time beside the match, not one more group of it.
  const next = after ? p + 1 : p - 1;
  if (p >= 0 && p < t.length && next >= 0 && next < t.length && isDigit(t.charCodeAt(next))) {
    const c = t.charCodeAt(p);
    if ((c === 45 || c === 46 || c === 47 || c === 44 || c === 58) && t.slice(s, e).indexOf(String.fromCharCode(c)) < 0) return false;
  }
  let inside = 0;
  for (let p = after ? e - 1 : s; p >= s && p < e && isDigit(t.charCodeAt(p)); p += after ? -1 : 1) inside++;
  // A one-digit group on both sides is no evidence of a longer run ("… 7800 9 1 250,00": an IBAN, then an amount).
  return inside === outside && inside > 1;
}

function flagsOf(re: RegExp): string {
  return (re.ignoreCase ? "i" : "") + (re.multiline ? "m" : "") + (re.unicode ? "u" : "");
}

function rank(c: Confidence): number {
  return CONFIDENCE_ORDER.indexOf(c);
}

function stepUp(c: Confidence): Confidence {
  return CONFIDENCE_ORDER[Math.min(rank(c) + 1, CONFIDENCE_ORDER.length - 1)] as Confidence;
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

/** Compiles the policy's detector settings, custom patterns and allowlisted values once; reuse the scanner. */
export function createScanner(policy: Policy, options: ScannerOptions = {}): Scanner {
  const all: DetectorCore[] = builtins.slice();
  for (const p of (policy && policy.customPatterns) || []) {
    try {
      all.push(compileCustomPattern(p));
    } catch (e) {
      // The policy compiler reports bad patterns; a scanner never fails because of one.
    }
  }
  const allowAny: Record<string, true> = {};
  const allowBy: Record<string, Record<string, true>> = {};
  for (const a of (policy && policy.allowlists && policy.allowlists.values) || []) {
    if (!a || typeof a.value !== "string") continue;
    if (a.detector === "*") {
      allowAny[allowKey("", a.value)] = true;
      allowAny[allowKey(EMAIL_ID, a.value)] = true;
    } else (allowBy[a.detector] || (allowBy[a.detector] = {}))[allowKey(a.detector, a.value)] = true;
  }

  const compiled: Compiled[] = [];
  const groups: string[][] = [];
  let emailDet: Compiled | null = null;
  for (const d of all) {
    const settings = settingsOf(policy, d.id);
    if (!settings.enabled) continue;
    const flags = flagsOf(d.pattern);
    const own = matcherOf(d); // custom patterns: RE2 (linear time) instead of a native RegExp
    const c: Compiled = {
      d,
      settings,
      re: own ? (own.finder() as unknown as RegExp) : new RegExp(d.pattern.source, flags + "g"),
      full: own ? (own.whole() as unknown as RegExp) : new RegExp("^(?:" + d.pattern.source + ")$", flags),
      minDigits: typeof d.minDigits === "number" ? d.minDigits : 1,
      custom: isCustom(d),
      group: groups.length,
      allow: allowBy[d.id] || null,
    };
    groups.push(keywordList(d, settings));
    if (d.id === EMAIL_ID) emailDet = c;
    else compiled.push(c);
  }
  const prefilter = options.prefilter !== false;
  const digitDets = compiled.filter((c) => prefilter && c.minDigits > 0).sort((a, b) => a.minDigits - b.minDigits);
  const textDets = compiled.filter((c) => !prefilter || c.minDigits <= 0);
  const matcher = new KeywordMatcher(groups);
  const listSettings = settingsOf(policy, EMAIL_LIST_ID);
  const internal = (policy && policy.organization && policy.organization.internalDomains) || [];
  const threshold = policy && policy.thresholds && typeof policy.thresholds.emailList === "number" ? policy.thresholds.emailList : 10;
  const { validate: validateEmail } = (emailDet && emailDet.d) || builtins.filter((d) => d.id === EMAIL_ID)[0] || { validate: null };
  const customers = options.customers || null;
  const customerThreshold =
    policy && policy.thresholds && typeof policy.thresholds.customerList === "number" ? policy.thresholds.customerList : DEFAULT_CUSTOMER_LIST_THRESHOLD;

  const anyAllowed = Object.keys(allowAny).length > 0;
  function allowed(c: Compiled, value: string): boolean {
    if (!c.allow && !anyAllowed) return false;
    const key = allowKey(c.d.id, value);
    return !!((c.allow && c.allow[key]) || allowAny[key]);
  }
  function allowedValue(id: string, value: string): boolean {
    const by = allowBy[id];
    if (!by && !anyAllowed) return false;
    const key = allowKey(id, value);
    return !!((by && by[key]) || allowAny[key]);
  }

  /**
   * Beside t[s, e), across one separator, the same number of characters that are a whole valid match of the same
   * detector: two cards (two SSNs …) on one line joined by a single space are two findings, not one longer run.
   */
  function twin(c: Compiled, t: string, s: number, e: number, after: boolean): boolean {
    const ts = after ? e + 1 : s - 1 - (e - s);
    const te = ts + (e - s);
    if (ts < 0 || te > t.length) return false;
    if ((ts > 0 && isAlnum(t.charCodeAt(ts - 1))) || (te < t.length && isAlnum(t.charCodeAt(te)))) return false;
    // Cheap first: the same shape (digits where the match has digits), then the detector's own checks.
    for (let i = 0; i < e - s; i++) if (isDigit(t.charCodeAt(ts + i)) !== isDigit(t.charCodeAt(s + i))) return false;
    const text = t.slice(ts, te);
    return c.full.test(text) && c.d.validate(text).ok;
  }

  /** Runs one detector over t[rs, re) and collects validated candidates. */
  function run(c: Compiled, t: string, rs: number, re: number, into: Candidate[]): void {
    const sub = rs === 0 && re === t.length ? t : t.slice(rs, re);
    const rx = c.re;
    rx.lastIndex = 0;
    let m: RegExpExecArray | null;
    while ((m = rx.exec(sub)) !== null) {
      const ms = m.index;
      const me = ms + m[0].length;
      if (me === ms) {
        rx.lastIndex = ms + 1;
        continue;
      }
      const s = rs + ms;
      let accepted = false;
      if (!(s > 0 && isAlnum(t.charCodeAt(s - 1)) && isAlnum(t.charCodeAt(s)))) {
        // Glued to the group before: allowed only when that side holds a twin of the same length (checked per try).
        const gluedBefore = gluedGroup(t, s, rs + me, false);
        let e = rs + me;
        for (let tries = 0; e > s && tries < MAX_TRIES; tries++) {
          const gluedAfter = (e < t.length && isAlnum(t.charCodeAt(e)) && isAlnum(t.charCodeAt(e - 1))) || (gluedGroup(t, s, e, true) && !twin(c, t, s, e, true));
          if (!gluedAfter && !(gluedBefore && !twin(c, t, s, e, false))) {
            const text = t.slice(s, e);
            if (e === rs + me || c.full.test(text)) {
              const v = c.d.validate(text);
              if (v.ok) {
                into.push({ c, start: s, end: e, text, v });
                rx.lastIndex = e - rs;
                accepted = true;
                break;
              }
            }
          }
          // Try a shorter match ending at the previous group boundary.
          let p = e - 1;
          while (p > s && !(isAlnum(t.charCodeAt(p - 1)) && !isAlnum(t.charCodeAt(p)))) p--;
          e = p;
        }
      }
      if (!accepted) {
        // Resume after the alphanumeric run the failed match started in.
        let p = ms;
        while (p < sub.length && isAlnum(sub.charCodeAt(p))) p++;
        rx.lastIndex = Math.max(p, ms + 1);
      }
    }
  }

  function candidates(t: string, into: Candidate[]): void {
    if (digitDets.length) {
      let cs = -1;
      let ce = -1;
      let digits = 0;
      let regionStart = -1;
      let regionEnd = -1;
      let regionMax = 0;
      const maxNeed = (digitDets[0] as Compiled).minDigits;
      const flushRegion = () => {
        if (regionStart < 0) return;
        for (const c of digitDets) {
          if (c.minDigits > regionMax) break;
          run(c, t, regionStart, regionEnd, into);
        }
      };
      const closeCluster = () => {
        if (cs < 0 || digits < maxNeed) return;
        const rs = Math.max(0, cs - MARGIN);
        const re = Math.min(t.length, ce + MARGIN);
        if (regionStart >= 0 && rs <= regionEnd) {
          regionEnd = re;
          if (digits > regionMax) regionMax = digits;
        } else {
          flushRegion();
          regionStart = rs;
          regionEnd = re;
          regionMax = digits;
        }
      };
      // Digit runs with a native regex: measured 3× faster than a charCodeAt loop over the same text.
      const runs = /[0-9]+/g;
      let m: RegExpExecArray | null;
      while ((m = runs.exec(t)) !== null) {
        const s = m.index;
        const e = s + m[0].length;
        if (cs >= 0 && s - ce <= CLUSTER_GAP) {
          ce = e;
          digits += e - s;
        } else {
          closeCluster();
          cs = s;
          ce = e;
          digits = e - s;
        }
      }
      closeCluster();
      flushRegion();
    }
    for (const c of textDets) run(c, t, 0, t.length, into);
  }

  /** Keyword hits around every candidate, computed once over the union of their windows. */
  function context(t: string, cands: Candidate[]): KeywordHit[] {
    const hits: KeywordHit[] = [];
    const order = cands.slice().sort((a, b) => a.start - a.c.settings.window - (b.start - b.c.settings.window));
    let upTo = 0;
    for (const k of order) {
      const w = k.c.settings.window;
      const from = Math.max(upTo, k.start - w, 0);
      const to = Math.min(t.length, k.end + w);
      if (from < to) upTo = Math.max(upTo, matcher.scan(t, from, to, hits), to);
    }
    hits.sort((a, b) => a.start - b.start);
    return hits;
  }

  function confidenceOf(k: Candidate, hits: KeywordHit[]): { confidence: Confidence; reasons: string[]; keyword: boolean } {
    const w = k.c.settings.window;
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
    // Nearest keyword hit (a longer phrase before the words inside it), then the nearest other keyword that does not
    // overlap it: overlapping phrases ("social security number" / "social security") count once. No allocation.
    let first: KeywordHit | null = null;
    let firstDist = 0;
    let second: KeywordHit | null = null;
    let secondDist = 0;
    for (let pass = 0; pass < 2; pass++) {
      for (let i = lo; i < hits.length; i++) {
        const h = hits[i] as KeywordHit;
        if (h.start >= to) break;
        if (h.groups.indexOf(k.c.group) < 0) continue;
        if (h.end > k.start && h.start < k.end) continue;
        const dist = h.end <= k.start ? k.start - h.end : h.start - k.end;
        if (dist > w) continue;
        if (pass === 0) {
          if (!first || dist < firstDist || (dist === firstDist && h.end - h.start > first.end - first.start)) {
            first = h;
            firstDist = dist;
          }
        } else if (first && h.keyword !== first.keyword && !(h.start < first.end && first.start < h.end)) {
          if (!second || dist < secondDist || (dist === secondDist && h.end - h.start > second.end - second.start)) {
            second = h;
            secondDist = dist;
          }
        }
      }
      if (!first) break;
    }
    const reasons = k.v.reasons.slice();
    let confidence = k.v.confidence;
    if (first) {
      reasons.push("keyword '" + first.keyword + "' within " + firstDist + " chars");
      if (second) reasons.push("keyword '" + second.keyword + "' within " + secondDist + " chars");
      if (k.c.custom) confidence = stepUp(confidence);
      else if (k.c.d.checksum) confidence = "high";
      else confidence = firstDist <= CLOSE || second ? "high" : stepUp(confidence);
    }
    return { confidence, reasons, keyword: first !== null };
  }

  function scan(text: string): Finding[] {
    if (typeof text !== "string" || text.length === 0) return [];
    const norm = normalizeText(text);
    const t = norm.text;
    const cands: Candidate[] = [];
    candidates(t, cands);

    const addresses: FoundAddress[] = [];
    if ((emailDet || listSettings.enabled) && validateEmail && t.indexOf("@") >= 0) {
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
        if (emailDet && allowed(emailDet, value)) continue;
        const address = value.toLowerCase();
        addresses.push({ start: sp[0], end: sp[1], address });
        if (emailDet) cands.push({ c: emailDet, start: sp[0], end: sp[1], text: value, v });
      }
    }

    const kept = cands.filter((k) => !allowed(k.c, k.text));
    const hits = kept.length ? context(t, kept) : [];
    const findings: Finding[] = [];
    for (const k of kept) {
      const r = confidenceOf(k, hits);
      if (k.v.keywordRequired && !r.keyword) continue;
      if (rank(r.confidence) < rank(k.c.settings.minConfidence)) continue;
      const o = norm.toOriginal(k.start, k.end);
      findings.push({ detector: k.c.d.id, start: o[0], end: o[1], confidence: r.confidence, reasons: r.reasons, masked: k.c.d.mask(k.text) });
    }
    let out = dedupe(findings);
    let known: CustomerMatch[] = [];
    if (customers) {
      // Known customers' values; they are not de-duplicated against identifiers (a customer number shaped like an SSN
      // stays an SSN for the identifier rules too), but a known address replaces its plain email-address finding.
      const emails: CustomerMatch[] = [];
      const numbers: CustomerMatch[] = [];
      if (t.indexOf("@") >= 0) findCustomerEmails(t, customers, emails);
      findCustomerNumbers(t, customers, numbers);
      known = emails.filter((m) => !allowedValue(CUSTOMER_EMAIL_ID, t.slice(m.start, m.end)));
      const extra: Finding[] = [];
      const spans: Record<string, true> = {};
      for (const m of known) {
        const o = norm.toOriginal(m.start, m.end);
        spans[o[0] + ":" + o[1]] = true;
        extra.push({ detector: CUSTOMER_EMAIL_ID, start: o[0], end: o[1], confidence: "low", reasons: ["in the customer set"], masked: maskEmail(t.slice(m.start, m.end)) });
      }
      for (const m of numbers) {
        const value = t.slice(m.start, m.end);
        if (allowedValue(CUSTOMER_NUMBER_ID, value)) continue;
        const o = norm.toOriginal(m.start, m.end);
        extra.push({ detector: CUSTOMER_NUMBER_ID, start: o[0], end: o[1], confidence: "low", reasons: ["in the customer set"], masked: maskCustomerNumber(value) });
      }
      if (extra.length) {
        out = out.filter((f) => !(f.detector === EMAIL_ID && spans[f.start + ":" + f.end])).concat(extra);
        out.sort((a, b) => a.start - b.start);
      }
    }
    if (listSettings.enabled && customers) {
      const list = findCustomerList(known, customerThreshold);
      if (list && rank(list.confidence) >= rank(listSettings.minConfidence)) {
        const o = norm.toOriginal(list.start, list.end);
        list.start = o[0];
        list.end = o[1];
        out.push(list);
        out.sort((a, b) => a.start - b.start);
      }
    } else if (listSettings.enabled && addresses.length) {
      const list = findEmailList(addresses, internal, threshold);
      if (list && rank(list.confidence) >= rank(listSettings.minConfidence)) {
        const o = norm.toOriginal(list.start, list.end);
        list.start = o[0];
        list.end = o[1];
        out.push(list);
        out.sort((a, b) => a.start - b.start);
      }
    }
    return out;
  }

  return { scan };
}
