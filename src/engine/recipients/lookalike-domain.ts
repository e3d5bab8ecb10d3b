/**
 * The `lookalike-domain` check: does a recipient's domain resemble one of the reference domains (the organization's
 * internal domains, the sender's own domain, the policy's partner domains, and optionally the consumer mailbox
 * domains) without being it? Each comparison works on registrable domains (public suffix + one label, see
 * public-suffix.ts) after Punycode decoding (domain.ts), and tries, in this order:
 *
 *   tld-swap          same label, another suffix: contoso.co, contoso.net, contoso.com.co for contoso.com
 *   embedded          the reference inside a longer name: contoso-com.net, contosocom.net, contoso.com.evil.net
 *   mixed-script /    the label looks the same once every character is replaced by the ASCII it is confused with
 *   homoglyph /       (skeleton.ts): a label mixing scripts (pаypal with a Cyrillic а) is "mixed-script", another
 *   letter-lookalike  non-ASCII one "homoglyph" (аррӏе, contosó), an ASCII one "letter-lookalike" (rnicrosoft, c0ntoso)
 *   hyphen            the same without hyphens: contoso-group.com / contosogroup.com
 *   edit-distance     one or two typing slips (Damerau–Levenshtein, adjacent swaps count one): contosso.com, cnotoso.com
 *
 * Thresholds (chosen by the precision measurement in docs/recipients.md): one slip needs a reference label of at
 * least 4 characters, two slips 9; a look-alike character or a hyphen is no slip, another suffix is one more; a suffix
 * swap with the same label needs 4 characters unless the suffix itself is one slip away (co/com, con/com). Consumer
 * mailbox domains (kind "personal") are compared more strictly: one slip for labels of 5 or more, another suffix only
 * as a slip of com/net/org (their country domains are real: hotmail.be, yahoo.es), no embedding: "gmial.com",
 * "gmail.co" and "hotmial.com" are caught, "gmx.com" and "mail.com" are not (they are real providers, and listed).
 *
 * Never a lookalike: a domain whose registrable part equals a reference's (a subdomain of an internal domain is
 * internal, not a lookalike), one on the allowlist (real partners that happen to look alike), and a domain that is
 * itself a reference (two partners that resemble each other).
 */
import { inDomain, normalizeDomain } from "./domain";
import { editDistance } from "./edit-distance";
import { splitDomain, type DomainParts } from "./public-suffix";
import { isMixedScript, labelScripts } from "./script";
import { isAscii, skeleton } from "./skeleton";

export type LookalikeReason = "tld-swap" | "embedded" | "mixed-script" | "homoglyph" | "letter-lookalike" | "hyphen" | "edit-distance";
export const LOOKALIKE_REASONS: readonly LookalikeReason[] = ["tld-swap", "embedded", "mixed-script", "homoglyph", "letter-lookalike", "hyphen", "edit-distance"];

/** Where a reference domain comes from; the first kinds win a tie. */
export type ReferenceKind = "internal" | "sender" | "partner" | "personal";
const KIND_ORDER: readonly ReferenceKind[] = ["internal", "sender", "partner", "personal"];

export interface ReferenceDomain {
  domain: string;
  kind: ReferenceKind;
}

export interface LookalikeMatch {
  /** The recipient's domain, lower case, as written (an IDN stays in its xn-- form: that is what tells it apart). */
  domain: string;
  /** The same with xn-- labels decoded. */
  unicode: string;
  /** The reference domain it resembles (lower case, as the policy gives it). */
  resembles: string;
  kind: ReferenceKind;
  reason: LookalikeReason;
  /**
   * Edits between the two registrable domains once look-alike characters are folded (0: they look the same;
   * contoso.co → contoso.com is 1, contoso.net → 3).
   */
  distance: number;
  /** The recipient's domain with its registrable part replaced by the reference's: what "Did you mean …" offers. */
  suggestedDomain: string;
  /** For mixed-script and homoglyph: the scripts of the recipient's label ("Latn", "Cyrl"). */
  scripts?: string[];
}

export interface LookalikeOptions {
  /** Domains (and their subdomains) never reported: real partners that look like another reference. */
  allow?: readonly string[];
}

/** Edit thresholds, exported for the precision test and the docs. */
export const LOOKALIKE_LIMITS = {
  /** Shortest reference label for one slip, and for two. */
  oneEditMinLabel: 4,
  twoEditsMinLabel: 9,
  /** Shortest consumer-mailbox label for one slip (gmail; never two). */
  personalOneEditMinLabel: 5,
  /** Shortest label for a suffix swap whose suffix is more than one slip away (contoso.net for contoso.com). */
  suffixSwapMinLabel: 4,
  /** Shortest label for the embedded check (contoso-com.net). */
  embeddedMinLabel: 4,
};

interface Prepared {
  given: string;
  kind: ReferenceKind;
  parts: DomainParts;
  skeleton: string;
  /** skeleton without hyphens */
  bare: string;
  /** The embedded check applies (not a consumer domain, label long enough), and its three forms: the label with the
   * suffix glued on ("contosocom"), hyphened on ("contoso-com"), the registrable domain between dots. */
  embeddable: boolean;
  embedGlued: string;
  embedHyphened: string;
  embedDotted: string;
  /** maxEdits(), computed once. */
  edits: number;
}

function prepare(ref: ReferenceDomain): Prepared | null {
  const given = normalizeDomain(ref.domain).unicode;
  const parts = splitDomain(given);
  if (!parts.registrable) return null;
  const sk = skeleton(parts.label);
  const p: Prepared = {
    given,
    kind: ref.kind,
    parts,
    skeleton: sk,
    bare: sk.replace(/-/g, ""),
    embeddable: ref.kind !== "personal" && parts.label.length >= LOOKALIKE_LIMITS.embeddedMinLabel,
    embedGlued: parts.label + parts.suffix.replace(/\./g, ""),
    embedHyphened: parts.label + "-" + parts.suffix.replace(/\./g, "-"),
    embedDotted: "." + parts.registrable + ".",
    edits: 0,
  };
  p.edits = maxEdits(p);
  return p;
}

/** How many slips a label may be from the reference's, by the reference label's length and kind. */
function maxEdits(ref: Prepared): number {
  const n = ref.parts.label.length;
  if (ref.kind === "personal") return n >= LOOKALIKE_LIMITS.personalOneEditMinLabel ? 1 : 0;
  if (n >= LOOKALIKE_LIMITS.twoEditsMinLabel) return 2;
  return n >= LOOKALIKE_LIMITS.oneEditMinLabel ? 1 : 0;
}

/** Generic suffixes: a consumer domain's suffix slip counts only from these (gmail.co for gmail.com, not hotmail.be). */
const GENERIC_SUFFIXES = ["com", "net", "org"];

/** What is computed once per recipient domain, whatever the number of references. */
interface Subject {
  parts: DomainParts;
  skeleton: string;
  bare: string;
  ascii: boolean;
  visual: LookalikeReason | null;
  /** "." + subdomain + ".", or "" without one. */
  dottedSubdomain: string;
}

function visualReasonOf(subject: Subject): LookalikeReason {
  if (!subject.visual) subject.visual = subject.ascii ? "letter-lookalike" : isMixedScript(subject.parts.label) ? "mixed-script" : "homoglyph";
  return subject.visual;
}

/**
 * A necessary condition for an edit distance of at most 1 (strings of two or more characters): an edit at position 0
 * keeps the second characters aligned or shifts them by one; any other edit keeps the first characters equal.
 * Four comparisons reject most unrelated pairs before the distance is computed.
 */
function oneSlipPossible(a: string, b: string): boolean {
  if (a.length < 2 || b.length < 2) return true;
  const a0 = a.charCodeAt(0);
  const b0 = b.charCodeAt(0);
  const a1 = a.charCodeAt(1);
  const b1 = b.charCodeAt(1);
  return a0 === b0 || a1 === b1 || a1 === b0 || a0 === b1;
}

/** The suffixes differ by one slip (co/com, con/com); for a consumer domain only a slip of com/net/org counts. */
function suffixSlip(subject: Subject, ref: Prepared): boolean {
  if (ref.kind === "personal" && GENERIC_SUFFIXES.indexOf(ref.parts.suffix) < 0) return false;
  return editDistance(subject.parts.suffix, ref.parts.suffix, 1) <= 1;
}

function compare(subject: Subject, ref: Prepared): LookalikeReason | null {
  const parts = subject.parts;
  const r = ref.parts;
  const personal = ref.kind === "personal";
  const sameSuffix = parts.suffix === r.suffix;

  if (parts.label === r.label) {
    if (sameSuffix) return null; // the same registrable domain
    if (suffixSlip(subject, ref)) return "tld-swap";
    return !personal && r.label.length >= LOOKALIKE_LIMITS.suffixSwapMinLabel ? "tld-swap" : null;
  }
  if (ref.embeddable && (parts.label === ref.embedGlued || parts.label === ref.embedHyphened || subject.dottedSubdomain.indexOf(ref.embedDotted) >= 0)) {
    return "embedded";
  }
  // Nothing below can hold for labels more than two characters apart in length (two slips at most), unless only
  // hyphens make the difference.
  const dk = subject.skeleton.length - ref.skeleton.length;
  const dl = parts.label.length - r.label.length;
  if (dk > 2 || dk < -2) {
    if ((dl > 2 || dl < -2) && subject.bare.length !== ref.bare.length) return null;
  }
  // The labels resemble each other: count the slips (a look-alike character or a hyphen is none, another suffix
  // one) against what the reference label's length allows; a non-ASCII label may always be one slip away, since
  // showing look-alike characters is the trick (аррӏе for apple).
  const limit = subject.ascii || ref.edits > 0 ? ref.edits : 1;
  const suffixCost = sameSuffix ? 0 : 1;
  let reason: LookalikeReason | null;
  if (subject.skeleton === ref.skeleton) reason = suffixCost <= limit ? visualReasonOf(subject) : null;
  else if (subject.bare === ref.bare) reason = suffixCost <= limit ? "hyphen" : null;
  else {
    const max = limit - suffixCost;
    if (max <= 0) return null;
    let d = max === 1 && !oneSlipPossible(subject.skeleton, ref.skeleton) ? 2 : editDistance(subject.skeleton, ref.skeleton, max);
    if (d > max && (subject.skeleton !== parts.label || ref.skeleton !== r.label)) {
      d = max === 1 && !oneSlipPossible(parts.label, r.label) ? 2 : editDistance(parts.label, r.label, max);
    }
    if (d > max) return null;
    reason = subject.ascii ? "edit-distance" : visualReasonOf(subject);
  }
  // A consumer provider's other country domains are real (hotmail.be, yahoo.es): only a slip of com/net/org counts.
  if (reason && personal && !sameSuffix && !suffixSlip(subject, ref)) return null;
  return reason;
}

/**
 * Compares recipient domains with a fixed set of references; build one per policy and reuse it. Every reference is
 * compared (tens of nanoseconds a pair: 1,000 distinct domains against 150 references take about 6 ms CPU, most of
 * it per domain: decoding, splitting, the skeleton). Two indexes were measured and left out: by label length, and by
 * one-deletion neighbourhoods of the consumer domains (picking ~5 of 114); neither was faster at these sizes, their
 * lookups costing what the skipped comparisons did.
 */
export class LookalikeMatcher {
  private readonly refs: Prepared[] = [];
  private readonly allow: string[];
  private readonly exact: Record<string, true> = Object.create(null);

  constructor(references: readonly ReferenceDomain[], options: LookalikeOptions = {}) {
    for (const ref of references) {
      const p = prepare(ref);
      if (!p) continue;
      this.refs.push(p);
      this.exact[p.parts.registrable] = true;
    }
    this.allow = (options.allow || []).map((d) => normalizeDomain(d).unicode).filter((d) => d.length > 0);
  }

  /** The best match of the domain against the references, or undefined when it resembles none (or is one). */
  match(domain: string): LookalikeMatch | undefined {
    const norm = normalizeDomain(domain);
    const host = norm.unicode;
    const parts = splitDomain(host);
    if (!parts.registrable || this.exact[parts.registrable]) return undefined;
    for (const a of this.allow) if (inDomain(host, a)) return undefined;
    const sk = skeleton(parts.label);
    const subject: Subject = { parts, skeleton: sk, bare: sk.replace(/-/g, ""), ascii: isAscii(parts.label), visual: null, dottedSubdomain: parts.subdomain ? "." + parts.subdomain + "." : "" };
    let best: { reason: LookalikeReason; ref: Prepared; distance: number; order: number } | null = null;
    for (let i = 0; i < this.refs.length; i++) {
      const ref = this.refs[i] as Prepared;
      const reason = compare(subject, ref);
      if (!reason) continue;
      const distance = editDistance(sk + "." + parts.suffix, ref.skeleton + "." + ref.parts.suffix, 32);
      const order = KIND_ORDER.indexOf(ref.kind) * 1e6 + i;
      if (!best || distance < best.distance || (distance === best.distance && order < best.order)) best = { reason, ref, distance, order };
    }
    if (!best) return undefined;
    const { reason, ref } = best;
    const match: LookalikeMatch = {
      domain: norm.ascii,
      unicode: host,
      resembles: ref.given,
      kind: ref.kind,
      reason,
      distance: best.distance,
      suggestedDomain: suggestion(parts, ref, reason),
    };
    if (reason === "mixed-script" || reason === "homoglyph") match.scripts = labelScripts(parts.label);
    return match;
  }
}

/** "mail.contoso.co" → "mail.contoso.com"; the reference as given when the recipient had no subdomain or embedded it. */
function suggestion(parts: DomainParts, ref: Prepared, reason: LookalikeReason): string {
  if (reason === "embedded" || !parts.subdomain) return ref.given;
  return parts.subdomain + "." + ref.parts.registrable;
}

/** One-off form of LookalikeMatcher (builds the references each call). */
export function lookalikeDomain(domain: string, references: readonly ReferenceDomain[], options?: LookalikeOptions): LookalikeMatch | undefined {
  return new LookalikeMatcher(references, options).match(domain);
}
