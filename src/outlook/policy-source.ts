/**
 * Where the handlers get the policy.
 *
 * - `currentPolicy()`: synchronous and network-free, safe in the send handler. The policy compiled into the bundle,
 *   unless a newer valid one was downloaded (refreshPolicy) or read from the cache (loadCachedPolicy) in this runtime.
 * - `refreshPolicy()`: only when the tenant build set a policy URL (same origin, e.g. https://host/path/policy.json).
 *   Call it OUTSIDE the send path (pre-scan change events, task pane). It never rejects: it resolves with the policy now
 *   in force, within `timeoutMs`. A downloaded policy must pass acceptPolicyJson (src/engine/policy/accept.ts: the
 *   same validator as `dlp check-policy`, with a size cap); a refused or unreachable one is ignored, the last good
 *   policy stays, and `policyRefusal()` tells why (the task pane shows it).
 * - `loadCachedPolicy()`: no network. Reads the last downloaded policy from the cache into memory; classic Outlook
 *   starts a fresh runtime per event, so the send handler may await this (it is a local read) before currentPolicy().
 *
 * Cache: OfficeRuntime.storage when the host has it (classic Windows' JavaScript-only runtime, Mac), else whatever
 * store a browser page registers with `usePolicyStore` (the task pane can pass localStorage), else memory only. This
 * file never names the DOM storage itself: launchevent.js must run where it does not exist. A cached policy is used
 * only with the bundle it was downloaded under (a fingerprint of the bundled policy): deploying a new bundle makes the
 * bundled policy win until the next successful download.
 */
import type { Policy } from "../engine/policy/types";
import { bundledPolicy, policyUrl as configuredPolicyUrl } from "./build-constants";
import { acceptPolicyJson, acceptPolicyObject, type PolicyRefusal } from "../engine/policy/accept";
import { within } from "./timers";

/** A key/value store; OfficeRuntime.storage fits, and so does a wrapper of the browser's localStorage. */
export interface PolicyStore {
  getItem(key: string): Promise<string | null> | string | null;
  setItem(key: string, value: string): Promise<void> | void;
}

export interface RefreshOptions {
  /** Give up on the download after this long (default 8000 ms). */
  timeoutMs?: number;
  /** Skip the download when the cached copy is younger than this (default 5 minutes). */
  maxAgeMs?: number;
}

interface CacheEntry {
  v: 1;
  url: string;
  bundle: string;
  fetchedAt: number;
  policy: Policy;
}

interface HttpResponse {
  ok: boolean;
  status: number;
  text(): Promise<string>;
}
// Host globals, feature-detected: absent in some runtimes (and in the type check of the send-handler code).
declare const fetch: ((url: string, init?: { cache?: string; credentials?: string }) => Promise<HttpResponse>) | undefined;
declare const OfficeRuntime: { storage?: PolicyStore } | undefined;
declare const console: { warn?: (message: string) => void } | undefined;

const CACHE_KEY = "think-first.policy";

let url: string = configuredPolicyUrl;
let downloaded: Policy | undefined;
let store: PolicyStore | null | undefined;
let inFlight: Promise<Policy> | undefined;
let bundleFingerprint: string | undefined;
let refusal: (PolicyRefusal & { url: string }) | undefined;

/** The policy to apply now. Synchronous and network-free: safe in the send handler. */
export function currentPolicy(): Policy {
  return downloaded || bundledPolicy;
}

/** Why the last downloaded (or cached) policy was refused, if it was; cleared by the next accepted one. */
export function policyRefusal(): (PolicyRefusal & { url: string }) | undefined {
  return refusal;
}

/** The policy URL baked in at build time ("" when none). */
export function policyUrl(): string {
  return url;
}

/** Registers the cache for runtimes without OfficeRuntime.storage (e.g. the task pane: localStorage); null: memory only. */
export function usePolicyStore(s: PolicyStore | null): void {
  store = s;
}

/** Reads the cached download into memory (no network). Resolves with the policy now in force; never rejects. */
export function loadCachedPolicy(): Promise<Policy> {
  return readCache().then(() => currentPolicy());
}

/** Downloads, checks and caches the tenant's policy.json (see the file header). Never rejects. */
export function refreshPolicy(options: RefreshOptions = {}): Promise<Policy> {
  if (!url) return Promise.resolve(currentPolicy());
  if (inFlight) return inFlight;
  const timeoutMs = options.timeoutMs !== undefined ? options.timeoutMs : 8000;
  const maxAgeMs = options.maxAgeMs !== undefined ? options.maxAgeMs : 5 * 60 * 1000;
  const started = readCache()
    .then((entry) => {
      if (entry && Date.now() - entry.fetchedAt < maxAgeMs) return undefined;
      return download(url, timeoutMs).then((text) => accept(text));
    })
    .catch((e: unknown) => warn(`could not refresh the policy from ${url}: ${(e as Error).message || e}; keeping the current one`))
    .then(() => {
      inFlight = undefined;
      return currentPolicy();
    });
  inFlight = started;
  return started;
}

function accept(text: string): Promise<void> | void {
  const verdict = acceptPolicyJson(text, "policy.json");
  if (!verdict.ok) {
    refusal = { kind: verdict.refusal.kind, detail: verdict.refusal.detail, problems: verdict.refusal.problems, url };
    warn(`ignoring the policy at ${url} and keeping the last good one: ${verdict.refusal.detail}`);
    return;
  }
  refusal = undefined;
  downloaded = verdict.policy;
  const entry: CacheEntry = { v: 1, url, bundle: fingerprint(), fetchedAt: Date.now(), policy: downloaded };
  const s = activeStore();
  if (!s) return;
  return Promise.resolve()
    .then(() => s.setItem(CACHE_KEY, JSON.stringify(entry)))
    .catch((e: unknown) => warn(`could not cache the policy: ${(e as Error).message || e}`));
}

/** The cached entry if it is for this URL and bundle and still valid; loads it into memory unless a download is newer. */
function readCache(): Promise<CacheEntry | undefined> {
  const s = activeStore();
  if (!url || !s) return Promise.resolve(undefined);
  return Promise.resolve()
    .then(() => s.getItem(CACHE_KEY))
    .then((text) => {
      if (!text) return undefined;
      const entry = JSON.parse(text) as CacheEntry;
      if (!entry || entry.v !== 1 || entry.url !== url || entry.bundle !== fingerprint() || typeof entry.fetchedAt !== "number") return undefined;
      const verdict = acceptPolicyObject(entry.policy, "policy.json (cached)");
      if (!verdict.ok) {
        warn(`ignoring the cached policy: ${verdict.refusal.detail}`);
        return undefined;
      }
      if (!downloaded) downloaded = verdict.policy;
      return entry;
    })
    .catch((e: unknown) => {
      warn(`could not read the cached policy: ${(e as Error).message || e}`);
      return undefined;
    });
}

function activeStore(): PolicyStore | null {
  if (store !== undefined) return store;
  if (typeof OfficeRuntime !== "undefined" && OfficeRuntime && OfficeRuntime.storage) return OfficeRuntime.storage;
  return null;
}

function download(target: string, timeoutMs: number): Promise<string> {
  if (typeof fetch !== "function") return Promise.reject(new Error("this runtime has no fetch"));
  const request = fetch(target, { cache: "no-cache", credentials: "same-origin" }).then((res) => {
    if (!res.ok) throw new Error(`HTTP ${res.status}`);
    return res.text();
  });
  return within(request, timeoutMs);
}

/** A short hash of the bundled policy (djb2 over its JSON), computed once per runtime. */
function fingerprint(): string {
  if (bundleFingerprint === undefined) {
    const s = JSON.stringify(bundledPolicy);
    let h = 5381;
    for (let i = 0; i < s.length; i++) h = ((h * 33) ^ s.charCodeAt(i)) >>> 0;
    bundleFingerprint = h.toString(36) + "." + s.length.toString(36);
  }
  return bundleFingerprint;
}

function warn(message: string): void {
  if (typeof console !== "undefined" && console.warn) console.warn(`Think First: ${message}`);
}

/** Tests only: reset the module state and point it at another URL. */
export function resetPolicySourceForTests(newUrl = configuredPolicyUrl): void {
  url = newUrl;
  downloaded = undefined;
  store = undefined;
  inFlight = undefined;
  refusal = undefined;
}
