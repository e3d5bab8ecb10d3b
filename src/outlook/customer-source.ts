/**
 * Where the handlers get the tenant's customer set (docs/customers.md), refreshed like the policy (./policy-source.ts):
 *
 * - `currentCustomers(policy)`: synchronous and network-free, safe in the send handler. The set loaded in this runtime
 *   (downloaded, or read from the cache), or null. Null as well when the policy names no set.
 * - `refreshCustomers(policy)`: downloads the file the policy names (`customers.set`, resolved against the add-in's base
 *   URL: same origin) when the cached copy is older than `maxAgeMs`. Only on change events and in the task pane, never at
 *   send time. Never rejects; a file that does not open with the bundle's key (damaged, another key, not a set) is
 *   ignored with a console warning and the previous set stays.
 * - `loadCachedCustomers()`: no network. Reads the last downloaded set from the cache (classic Outlook starts a fresh
 *   runtime per event, so the send handler awaits this local read, bounded, before deciding).
 *
 * The cache is the policy's store (OfficeRuntime.storage, or what a page registers with `useCustomerStore`), one entry
 * holding the file as base64 with its URL and download time. The key is not in the cache: it is compiled into the bundle
 * (build-constants.ts), so a set is only used with the key it was built with.
 */
import type { Policy } from "../engine/policy/types";
import { openCustomerSet, type CustomerSet } from "../engine/customers/customer-set";
import { decodeBase64, encodeBase64 } from "../extract/base64";
import { buildInfo, customerKeyHex } from "./build-constants";
import type { PolicyStore } from "./policy-source";
import { within } from "./timers";

interface BinaryResponse {
  ok: boolean;
  status: number;
  arrayBuffer?: () => Promise<ArrayBuffer>;
}
declare const fetch: ((url: string, init?: { cache?: string; credentials?: string }) => Promise<BinaryResponse>) | undefined;
declare const OfficeRuntime: { storage?: PolicyStore } | undefined;
declare const console: { warn?: (message: string) => void } | undefined;

export const CUSTOMER_CACHE_KEY = "think-first.customers";

interface CacheEntry {
  v: 1;
  url: string;
  fetchedAt: number;
  data: string;
}

let loaded: { url: string; set: CustomerSet } | undefined;
let store: PolicyStore | null | undefined;
let inFlight: Promise<CustomerSet | null> | undefined;
let keyHex = customerKeyHex;
let baseUrl = buildInfo && typeof buildInfo.baseUrl === "string" ? buildInfo.baseUrl : "";

function keyBytes(): Uint8Array | null {
  if (!/^(?:[0-9a-f]{2}){16,64}$/.test(keyHex)) return null;
  const out = new Uint8Array(keyHex.length / 2);
  for (let i = 0; i < out.length; i++) out[i] = parseInt(keyHex.slice(i * 2, i * 2 + 2), 16);
  return out;
}

/** The set's URL: the policy's file name resolved against the base URL (same origin only), or "" when none applies. */
export function customersUrl(policy: Policy): string {
  const name = policy && policy.customers && policy.customers.set;
  if (!name || !baseUrl || !/^[A-Za-z0-9._-]+$/.test(name)) return "";
  return baseUrl.replace(/\/+$/, "") + "/" + name;
}

/** The set to use now with this policy, or null. Synchronous and network-free. */
export function currentCustomers(policy: Policy): CustomerSet | null {
  const url = customersUrl(policy);
  return url && loaded && loaded.url === url ? loaded.set : null;
}

/** Registers the cache for runtimes without OfficeRuntime.storage; null: memory only. */
export function useCustomerStore(s: PolicyStore | null): void {
  store = s;
}

function activeStore(): PolicyStore | null {
  if (store !== undefined) return store;
  if (typeof OfficeRuntime !== "undefined" && OfficeRuntime && OfficeRuntime.storage) return OfficeRuntime.storage;
  return null;
}

function warn(message: string): void {
  if (typeof console !== "undefined" && console && console.warn) console.warn(`Think First: ${message}`);
}

/** Opens downloaded or cached bytes with the bundle's key; null (and a warning) when they do not open. */
function open(bytes: Uint8Array, url: string, what: string): CustomerSet | null {
  const key = keyBytes();
  if (!key) {
    warn(`the policy names a customer set, but this build has no customer key (build it with --customers); ${what} ignored`);
    return null;
  }
  try {
    return openCustomerSet(bytes, key);
  } catch (e) {
    warn(`ignoring the ${what} customer set from ${url}: ${(e as Error).message}`);
    return null;
  }
}

/** Reads the cached set into memory (no network). Never rejects. */
export function loadCachedCustomers(policy: Policy): Promise<CustomerSet | null> {
  return readCache(customersUrl(policy)).then(() => currentCustomers(policy));
}

function readCache(url: string): Promise<CacheEntry | undefined> {
  const s = activeStore();
  if (!url || !s) return Promise.resolve(undefined);
  return Promise.resolve()
    .then(() => s.getItem(CUSTOMER_CACHE_KEY))
    .then((text) => {
      if (!text) return undefined;
      const entry = JSON.parse(text) as CacheEntry;
      if (!entry || entry.v !== 1 || entry.url !== url || typeof entry.data !== "string" || typeof entry.fetchedAt !== "number") return undefined;
      if (!loaded || loaded.url !== url) {
        const set = open(decodeBase64(entry.data), url, "cached");
        if (!set) return undefined;
        loaded = { url, set };
      }
      return entry;
    })
    .catch((e: unknown) => {
      warn(`could not read the cached customer set: ${(e as Error).message || e}`);
      return undefined;
    });
}

/** Downloads the set the policy names when the cached copy is older than maxAgeMs (default 5 minutes). Never rejects. */
export function refreshCustomers(policy: Policy, options: { timeoutMs?: number; maxAgeMs?: number } = {}): Promise<CustomerSet | null> {
  const url = customersUrl(policy);
  if (!url) return Promise.resolve(null);
  if (inFlight) return inFlight;
  const timeoutMs = options.timeoutMs !== undefined ? options.timeoutMs : 8000;
  const maxAgeMs = options.maxAgeMs !== undefined ? options.maxAgeMs : 5 * 60 * 1000;
  const started = readCache(url)
    .then((entry) => {
      if (entry && loaded && loaded.url === url && Date.now() - entry.fetchedAt < maxAgeMs) return undefined;
      return download(url, timeoutMs).then((bytes) => accept(bytes, url));
    })
    .catch((e: unknown) => warn(`could not refresh the customer set from ${url}: ${(e as Error).message || e}; keeping the current one`))
    .then(() => {
      inFlight = undefined;
      return currentCustomers(policy);
    });
  inFlight = started;
  return started;
}

function accept(bytes: Uint8Array, url: string): Promise<void> | void {
  const set = open(bytes, url, "downloaded");
  if (!set) return;
  loaded = { url, set };
  const s = activeStore();
  if (!s) return;
  const entry: CacheEntry = { v: 1, url, fetchedAt: Date.now(), data: encodeBase64(bytes) };
  return Promise.resolve()
    .then(() => s.setItem(CUSTOMER_CACHE_KEY, JSON.stringify(entry)))
    .catch((e: unknown) => warn(`could not cache the customer set: ${(e as Error).message || e}`));
}

function download(target: string, timeoutMs: number): Promise<Uint8Array> {
  if (typeof fetch !== "function") return Promise.reject(new Error("this runtime has no fetch"));
  const request = fetch(target, { cache: "no-cache", credentials: "same-origin" }).then((res) => {
    if (!res.ok) throw new Error(`HTTP ${res.status}`);
    if (typeof res.arrayBuffer !== "function") throw new Error("this runtime's fetch gives no binary body");
    return res.arrayBuffer().then((b) => new Uint8Array(b));
  });
  return within(request, timeoutMs);
}

/** Tests only: reset the module state, the key and the base URL. */
export function resetCustomerSourceForTests(options: { keyHex?: string; baseUrl?: string } = {}): void {
  loaded = undefined;
  store = undefined;
  inFlight = undefined;
  keyHex = options.keyHex !== undefined ? options.keyHex : customerKeyHex;
  baseUrl = options.baseUrl !== undefined ? options.baseUrl : buildInfo && typeof buildInfo.baseUrl === "string" ? buildInfo.baseUrl : "";
}
