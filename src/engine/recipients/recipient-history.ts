/**
 * The first-time recipient history: which external addresses the sender has written to before, kept on the client
 * as salted hashes only, bounded in size (docs/recipients.md "First-time recipients" says which storage each Outlook
 * client has and what happens where none does).
 *
 * - Entry: HMAC-SHA-256(key = the mailbox's salt, text = the address in lower case with its domain's xn-- labels
 *   decoded), truncated to 48 bits. 2,000 entries give a chance of a false "known" of 2,000 / 2^48 ≈ 7·10^-12 per
 *   lookup. The salt is 144 random bits made once per mailbox and stored with the entries: it keeps one mailbox's
 *   hashes useless against another's, and it does not stop whoever can read the store from testing guessed addresses
 *   (docs/recipients.md, threat model).
 * - Order: least recently used first; remembering an address moves it to the end; past `maxEntries` the oldest go.
 * - Serialized: "tfh1.<created day, base 36>.<salt, 24 chars>.<8 chars per entry>", base64url, so 2,000 entries take
 *   16,040 characters: half of roamingSettings' 32 KB.
 * - A fresh history is "learning" for `learningDays` (the policy's recipients.firstTime.learningDays, 14 by default): during that time every
 *   recipient would look new, so the analysis reports no first-time recipients while it learns.
 */
import { domainOfAddress, localPartOfAddress, normalizeDomain } from "./domain";
import { KeyedHash } from "./keyed-hash";

/** What the Outlook side implements (roamingSettings, OfficeRuntime.storage or localStorage). */
export interface HistoryStore {
  load(): Promise<string | undefined>;
  save(serialized: string): Promise<void>;
}

export type RandomBytes = (n: number) => Uint8Array;

export const HISTORY_FORMAT = "tfh1";
export const HASH_BYTES = 6;
export const SALT_BYTES = 18;
export const DEFAULT_MAX_ENTRIES = 2000;
const DAY_MS = 86400000;
const ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
const VALID = /^[A-Za-z0-9_-]*$/;

/** Base64url of bytes whose count is a multiple of 3 (no padding). */
function encode(bytes: Uint8Array): string {
  let out = "";
  for (let i = 0; i + 2 < bytes.length; i += 3) {
    const n = ((bytes[i] as number) << 16) | ((bytes[i + 1] as number) << 8) | (bytes[i + 2] as number);
    out += ALPHABET.charAt(n >> 18) + ALPHABET.charAt((n >> 12) & 63) + ALPHABET.charAt((n >> 6) & 63) + ALPHABET.charAt(n & 63);
  }
  return out;
}

function decode(text: string): Uint8Array {
  const out = new Uint8Array((text.length / 4) * 3);
  for (let i = 0, o = 0; i < text.length; i += 4, o += 3) {
    const n =
      (ALPHABET.indexOf(text.charAt(i)) << 18) |
      (ALPHABET.indexOf(text.charAt(i + 1)) << 12) |
      (ALPHABET.indexOf(text.charAt(i + 2)) << 6) |
      ALPHABET.indexOf(text.charAt(i + 3));
    out[o] = n >> 16;
    out[o + 1] = (n >> 8) & 255;
    out[o + 2] = n & 255;
  }
  return out;
}

/** The form an address is hashed in: trimmed, lower case, the domain's xn-- labels decoded. */
export function historyKey(address: string): string {
  const a = address.trim();
  return localPartOfAddress(a).toLowerCase() + "@" + normalizeDomain(domainOfAddress(a)).unicode;
}

/**
 * Random bytes from Math.random, for a runtime without crypto.getRandomValues. Enough for a salt, whose job is to
 * differ between mailboxes, not to be secret (it is stored beside the hashes).
 */
export function weakRandomBytes(n: number): Uint8Array {
  const out = new Uint8Array(n);
  for (let i = 0; i < n; i++) out[i] = Math.floor(Math.random() * 256);
  return out;
}

export class RecipientHistory {
  private readonly hash: KeyedHash;
  /** Entry (8 base64url chars) → true, in least-recently-used order (a Map keeps insertion order). */
  private readonly entries = new Map<string, true>();

  private constructor(
    private readonly salt: string,
    /** Days since 1970-01-01 (UTC) when the history was made. */
    readonly createdDay: number,
    readonly maxEntries: number,
  ) {
    this.hash = new KeyedHash(decode(salt));
  }

  static create(randomBytes: RandomBytes, now: number, maxEntries = DEFAULT_MAX_ENTRIES): RecipientHistory {
    const salt = randomBytes(SALT_BYTES);
    if (!salt || salt.length !== SALT_BYTES) throw new Error("randomBytes gave no salt");
    return new RecipientHistory(encode(salt), Math.floor(now / DAY_MS), maxEntries);
  }

  /** The history a `serialize()` gave, or undefined when the text is not one (damaged, another format). */
  static parse(serialized: string, maxEntries = DEFAULT_MAX_ENTRIES): RecipientHistory | undefined {
    const parts = serialized.split(".");
    if (parts.length !== 4 || parts[0] !== HISTORY_FORMAT) return undefined;
    const [, day, salt, body] = parts as [string, string, string, string];
    if (!/^[0-9a-z]{1,8}$/.test(day) || salt.length !== (SALT_BYTES / 3) * 4 || !VALID.test(salt)) return undefined;
    const width = (HASH_BYTES / 3) * 4;
    if (body.length % width !== 0 || !VALID.test(body)) return undefined;
    const h = new RecipientHistory(salt, parseInt(day, 36), maxEntries);
    for (let i = 0; i < body.length; i += width) h.entries.set(body.slice(i, i + width), true);
    h.trim();
    return h;
  }

  private entry(address: string): string {
    return encode(this.hash.digest(historyKey(address)).subarray(0, HASH_BYTES));
  }


  get size(): number {
    return this.entries.size;
  }

  /** The sender has written to this address before (as far as the history goes back). */
  has(address: string): boolean {
    return this.hasKey(historyKey(address));
  }

  /** has() for an address already in historyKey() form (the analysis has it at hand). */
  hasKey(key: string): boolean {
    return this.entries.has(encode(this.hash.digest(key).subarray(0, HASH_BYTES)));
  }

  /** Records the addresses as written to now (each moves to the most recent end). */
  remember(addresses: readonly string[]): void {
    for (const a of addresses) {
      if (!a || a.indexOf("@") < 0) continue;
      const e = this.entry(a);
      this.entries.delete(e);
      this.entries.set(e, true);
    }
    this.trim();
  }

  private trim(): void {
    if (this.entries.size <= this.maxEntries) return;
    const drop: string[] = [];
    const excess = this.entries.size - this.maxEntries;
    this.entries.forEach((_v, k) => {
      if (drop.length < excess) drop.push(k);
    });
    for (const k of drop) this.entries.delete(k);
  }

  /** Still in its first `learningDays`: every recipient would look new, so none is reported as first-time. */
  isLearning(now: number, learningDays: number): boolean {
    return Math.floor(now / DAY_MS) - this.createdDay < learningDays;
  }

  serialize(): string {
    let body = "";
    this.entries.forEach((_v, k) => (body += k));
    return HISTORY_FORMAT + "." + this.createdDay.toString(36) + "." + this.salt + "." + body;
  }
}

/** How the history could be opened: a store that is missing or fails gives no history ("unavailable"). */
export type HistoryState = "loaded" | "new" | "reset" | "unavailable";

export interface OpenedHistory {
  history: RecipientHistory | undefined;
  state: HistoryState;
}

/**
 * Loads the history from the store, or starts one when there is none ("new") or what is stored cannot be read
 * ("reset": the damaged text is replaced at the next save). Never rejects: a store that is missing or whose load
 * fails gives `{ history: undefined, state: "unavailable" }`, and the first-time check then reports nothing.
 */
export function openHistory(store: HistoryStore | undefined, randomBytes: RandomBytes, now: number, maxEntries = DEFAULT_MAX_ENTRIES): Promise<OpenedHistory> {
  if (!store) return Promise.resolve({ history: undefined, state: "unavailable" as HistoryState });
  let loading: Promise<string | undefined>;
  try {
    loading = store.load();
  } catch {
    return Promise.resolve({ history: undefined, state: "unavailable" as HistoryState });
  }
  return Promise.resolve(loading)
    .then((text): OpenedHistory => {
      if (typeof text !== "string" || text === "") return { history: RecipientHistory.create(randomBytes, now, maxEntries), state: "new" };
      const parsed = RecipientHistory.parse(text, maxEntries);
      if (parsed) return { history: parsed, state: "loaded" };
      return { history: RecipientHistory.create(randomBytes, now, maxEntries), state: "reset" };
    })
    .catch((): OpenedHistory => ({ history: undefined, state: "unavailable" }));
}

/** Saves the history; resolves false (never rejects) when the store refuses (quota, offline, no permission). */
export function saveHistory(store: HistoryStore, history: RecipientHistory): Promise<boolean> {
  try {
    return Promise.resolve(store.save(history.serialize())).then(
      () => true,
      () => false,
    );
  } catch {
    return Promise.resolve(false);
  }
}
