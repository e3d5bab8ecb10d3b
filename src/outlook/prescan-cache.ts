/**
 * The pre-scan cache kept in `item.sessionData` (one key for the add-in, a JSON map attachment id → result).
 * It stores SourceResults only: offsets, masked strings, reasons and unscanned parts, never a raw identifier.
 * SessionData is limited to 50,000 characters per add-in (Mailbox ≤ 1.15), so entries are capped and the largest are
 * dropped first; a missing entry only means the send handler scans that attachment again. A capped entry keeps the
 * count of the findings it no longer lists (`SourceResult.omitted`), so the cap changes the examples, never the
 * decision. Each entry records the fingerprint of the policy it was made with; another policy scans again.
 */
import type { AttachmentInfo, OmittedFindings, SourceResult } from "../engine/types";

export const CACHE_KEY = "thinkfirst.prescan";
/** Stay well below the 50,000-character sessionData limit (other keys may exist). */
export const CACHE_MAX_CHARS = 40000;
/** Findings kept per cached attachment: more than any rule's threshold needs is pointless to store. */
const MAX_FINDINGS = 200;

export interface CacheEntry {
  name: string;
  size: number;
  /** policyVersion() of the policy the result was computed with. */
  policy: string;
  result: SourceResult;
}
export type PrescanCache = Record<string, CacheEntry>;

function isResult(x: unknown): x is SourceResult {
  const r = x as SourceResult;
  return !!r && typeof r === "object" && !!r.location && Array.isArray(r.findings) && Array.isArray(r.unscanned) && typeof r.chars === "number";
}

/** Parses the stored cache; anything malformed is ignored (returns an empty or partial cache). */
export function parseCache(text: string | undefined): PrescanCache {
  const out: PrescanCache = {};
  if (!text) return out;
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (e) {
    return out;
  }
  if (!raw || typeof raw !== "object") return out;
  const obj = raw as Record<string, unknown>;
  for (const id of Object.keys(obj)) {
    const e = obj[id] as CacheEntry;
    if (e && typeof e.name === "string" && typeof e.size === "number" && typeof e.policy === "string" && isResult(e.result)) out[id] = e;
  }
  return out;
}

/** The cached result for this attachment, if it was computed for the same name and size with the same policy. */
export function cachedResult(cache: PrescanCache, info: AttachmentInfo, policy: string): SourceResult | undefined {
  const e = Object.prototype.hasOwnProperty.call(cache, info.id) ? cache[info.id] : undefined;
  return e && e.name === info.name && e.size === info.size && e.policy === policy ? e.result : undefined;
}

/** A result trimmed for storage. Timeouts are not cached: the next event may have more time. */
export function cacheable(result: SourceResult): SourceResult | undefined {
  for (const u of result.unscanned) if (u.reason === "timeout" || u.reason === "unavailable") return undefined;
  if (result.findings.length <= MAX_FINDINGS) return result;
  const omitted: OmittedFindings[] = (result.omitted || []).map((o) => ({ detector: o.detector, confidence: o.confidence, count: o.count }));
  for (const f of result.findings.slice(MAX_FINDINGS)) {
    const same = omitted.filter((o) => o.detector === f.detector && o.confidence === f.confidence)[0];
    if (same) same.count++;
    else omitted.push({ detector: f.detector, confidence: f.confidence, count: 1 });
  }
  return { location: result.location, findings: result.findings.slice(0, MAX_FINDINGS), omitted, unscanned: result.unscanned, chars: result.chars };
}

/** Keeps only entries of attachments still on the message, and drops the largest until it fits. */
export function serializeCache(cache: PrescanCache, current: AttachmentInfo[], policy: string): string {
  const keep: PrescanCache = {};
  for (const a of current) {
    const r = cachedResult(cache, a, policy);
    if (r) keep[a.id] = { name: a.name, size: a.size, policy, result: r };
  }
  let text = JSON.stringify(keep);
  while (text.length > CACHE_MAX_CHARS) {
    let largest = "";
    let largestLen = -1;
    for (const id of Object.keys(keep)) {
      const len = JSON.stringify(keep[id]).length;
      if (len > largestLen) {
        largest = id;
        largestLen = len;
      }
    }
    if (!largest) return "{}";
    delete keep[largest];
    text = JSON.stringify(keep);
  }
  return text;
}
