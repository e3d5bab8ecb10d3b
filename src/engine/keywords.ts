/**
 * Keyword context: finds keywords (single words or phrases) in a range of text, lower-cased and diacritic-folded,
 * tolerant of inflection ("henkilötunnuksen" ~ henkilotunnus, "rodného čísla" ~ rodne cislo, "fødselsnummeret").
 *
 * How: the text is split into word tokens (letters of any script, with their combining marks); every distinct token is
 * resolved once per scanner (cached) to the keyword words it stands for:
 *   1. exact after folding; and
 *   2. a short suffix (≤ 2 letters: "cards", "kortet", "tilin") on a keyword word of 4+ letters;
 *   3. (and) fuzzy with fuse.js (Bitap, threshold 0.34) for keyword words of 5+ letters, accepted only when the word
 *      shares all but the last two letters of the keyword ("contract" is not "contacts"), is at most 1 shorter / 5
 *      longer and not a mere prefix of the keyword: inflection changes endings, and these
 *      guards keep Bitap's substring matching from pairing short words with long keywords.
 * A phrase matches when its words match consecutive tokens. Only ranges around candidates are ever looked at, and
 * only tokens that start like a keyword word are resolved: every resolution above keeps the first three letters, so a
 * numeric key of a token's first three folded letters, looked up in a table, skips the rest of the prose cheaply (a
 * regex trie of the seeds was measured 5× slower).
 */
import Fuse from "fuse.js";
import { fold } from "./normalize";

export interface KeywordHit {
  start: number;
  end: number;
  /** The keyword as listed (folded). */
  keyword: string;
  /** Indexes of the keyword groups (one per detector) that list it. */
  groups: number[];
}

interface Phrase {
  keyword: string;
  words: string[];
  groups: number[];
}

/** Letters of any script and their marks; not digits, spaces or punctuation (ASCII, general, Arabic, Devanagari). */
function computeWordChar(c: number): boolean {
  if (c < 0x80) return (c >= 97 && c <= 122) || (c >= 65 && c <= 90);
  if (c === 0xd7 || c === 0xf7) return false;
  if (c < 0xc0) return c === 0xaa || c === 0xb5 || c === 0xba;
  if (c >= 0x2000 && c <= 0x2bff) return false; // punctuation, symbols, arrows, box drawing
  if (c >= 0x3000 && c <= 0x303f) return false;
  if (c === 0x060c || c === 0x061b || c === 0x061f || c === 0x06d4 || c === 0x066b || c === 0x066c) return false;
  if (c === 0x0964 || c === 0x0965) return false;
  if (c >= 0xfe30 && c <= 0xfe4f) return false;
  if (c >= 0xff00 && c <= 0xff20) return false;
  return true;
}

/** isWordChar as a table: the keyword scan asks it for every character of every window. */
const WORD_TABLE = new Uint8Array(65536);
for (let c = 0; c < 65536; c++) WORD_TABLE[c] = computeWordChar(c) ? 1 : 0;

export function isWordChar(c: number): boolean {
  return WORD_TABLE[c] === 1;
}

export function tokenize(text: string): string[] {
  const out: string[] = [];
  let i = 0;
  while (i < text.length) {
    while (i < text.length && !isWordChar(text.charCodeAt(i))) i++;
    const s = i;
    while (i < text.length && isWordChar(text.charCodeAt(i))) i++;
    if (i > s) out.push(text.slice(s, i));
  }
  return out;
}

const MAX_CACHE = 20000;

function commonPrefix(a: string, b: string): number {
  let i = 0;
  while (i < a.length && i < b.length && a.charCodeAt(i) === b.charCodeAt(i)) i++;
  return i;
}
const SEED_SIZE = 1 << 18;
const SEED_MASK = SEED_SIZE - 1;

const LOWER_ASCII = new Uint8Array(128);
for (let c = 0; c < 128; c++) LOWER_ASCII[c] = c >= 65 && c <= 90 ? c + 32 : c;

/** Folded code of one character (lower case, no diacritic), cached per code unit. */
const FOLD_CODES = new Uint16Array(65536);
function foldCode(c: number): number {
  if (c < 128) return c >= 65 && c <= 90 ? c + 32 : c;
  let f = FOLD_CODES[c] as number;
  if (f === 0) {
    f = fold(String.fromCharCode(c)).charCodeAt(0) || c;
    FOLD_CODES[c] = f;
  }
  return f;
}

function emptyMap<T>(): Record<string, T> {
  return Object.create(null) as Record<string, T>;
}

export class KeywordMatcher {
  // Maps without a prototype: a token such as "constructor" or "toString" is a word of the text, not a keyword.
  private readonly byFirst: Record<string, Phrase[]> = emptyMap<Phrase[]>();
  private readonly words: Record<string, true> = emptyMap<true>();
  private readonly wordList: string[] = [];
  private readonly fuse: Fuse<string> | null;
  /** Bitmap of hashed three-letter seeds (a collision only costs one cached resolve). */
  private readonly seeds = new Uint8Array(SEED_SIZE);
  private hasSeeds = false;
  private cache: Record<string, string[]> = emptyMap<string[]>();
  private cacheSize = 0;

  /** `groups[i]` is the keyword list of group i (a detector); keywords are folded here. */
  constructor(groups: ReadonlyArray<ReadonlyArray<string>>) {
    const phrases: Record<string, Phrase> = emptyMap<Phrase>();
    groups.forEach((list, g) => {
      for (const raw of list) {
        const keyword = fold(raw).trim();
        const words = tokenize(keyword);
        if (!words.length) continue;
        const key = words.join(" ");
        let p = phrases[key];
        if (!p) {
          p = { keyword: key, words, groups: [] };
          phrases[key] = p;
          const first = words[0] as string;
          (this.byFirst[first] || (this.byFirst[first] = [])).push(p);
          for (const w of words) {
            if (!this.words[w]) {
              this.words[w] = true;
              this.wordList.push(w);
            }
          }
        }
        if (p.groups.indexOf(g) < 0) p.groups.push(g);
      }
    });
    for (const w of this.wordList) {
      let key = 0;
      for (let k = 0; k < w.length && k < 3; k++) key = (key * 131 + foldCode(w.charCodeAt(k))) | 0;
      this.seeds[key & SEED_MASK] = 1;
      this.hasSeeds = true;
    }
    const fuzzy = this.wordList.filter((w) => w.length >= 5);
    this.fuse = fuzzy.length ? new Fuse(fuzzy, { includeScore: true, threshold: 0.34, ignoreLocation: true, isCaseSensitive: true }) : null;
  }

  /** Keyword words a token of the text stands for (cached). */
  resolve(token: string): string[] {
    const hit = this.cache[token];
    if (hit !== undefined) return hit;
    const f = fold(token);
    const out: string[] = [];
    // All words it may stand for: two groups may list "sosiaaliturvatunnus" and "sosiaaliturvatunnuksen".
    if (this.words[f]) out.push(f);
    for (let cut = 1; cut <= 2 && f.length - cut >= 4; cut++) {
      const stem = f.slice(0, f.length - cut);
      if (this.words[stem]) out.push(stem);
    }
    if (this.fuse && f.length >= 5) {
      for (const r of this.fuse.search(f)) {
        const w = r.item;
        if (out.indexOf(w) >= 0 || commonPrefix(w, f) < Math.max(3, w.length - 2)) continue;
        if (f.length < w.length - 1 || f.length > w.length + 5) continue;
        // A word that is the start of a keyword is another word ("customer" is not "customers").
        if (f.length < w.length && w.slice(0, f.length) === f) continue;
        out.push(w);
      }
    }
    if (this.cacheSize >= MAX_CACHE) {
      this.cache = emptyMap<string[]>();
      this.cacheSize = 0;
    }
    this.cache[token] = out;
    this.cacheSize++;
    return out;
  }

  /**
   * Keyword hits whose first word starts in [from, to) of `text`, appended to `into` in text order. A phrase may run
   * past `to`. Returns the position scanning stopped at (never inside a token).
   */
  scan(text: string, from: number, to: number, into: KeywordHit[]): number {
    let i = from;
    while (i > 0 && isWordChar(text.charCodeAt(i - 1))) i--;
    const n = text.length;
    let stop = to;
    if (!this.hasSeeds) return Math.max(i, to);
    const seeds = this.seeds;
    const word = WORD_TABLE;
    const lower = LOWER_ASCII;
    while (i < to) {
      let c = text.charCodeAt(i);
      if (word[c] !== 1) {
        i++;
        continue;
      }
      const s = i;
      // Hash of the first three folded letters (ASCII folded by table, others by foldCode).
      let key = c < 128 ? (lower[c] as number) : foldCode(c);
      c = text.charCodeAt(++i);
      if (i < n && word[c] === 1) {
        key = (key * 131 + (c < 128 ? (lower[c] as number) : foldCode(c))) | 0;
        c = text.charCodeAt(++i);
        if (i < n && word[c] === 1) {
          key = (key * 131 + (c < 128 ? (lower[c] as number) : foldCode(c))) | 0;
          i++;
          while (i < n && word[text.charCodeAt(i)] === 1) i++;
        }
      }
      if (i > stop) stop = i;
      if (seeds[key & SEED_MASK] !== 1) continue;
      const cands = this.resolve(text.slice(s, i));
      for (const w of cands) {
        const list = this.byFirst[w];
        if (!list) continue;
        for (const p of list) {
          const end = this.matchRest(text, i, p.words);
          if (end >= 0) into.push({ start: s, end, keyword: p.keyword, groups: p.groups });
        }
      }
    }
    return stop;
  }

  /** Matches words[1..] on the tokens after `pos` (single spaces/punctuation between); returns the end or -1. */
  private matchRest(text: string, pos: number, words: string[]): number {
    let i = pos;
    const n = text.length;
    for (let k = 1; k < words.length; k++) {
      let gap = 0;
      while (i < n && !isWordChar(text.charCodeAt(i)) && gap < 3) {
        i++;
        gap++;
      }
      if (gap === 0 || i >= n || !isWordChar(text.charCodeAt(i))) return -1;
      const s = i;
      while (i < n && isWordChar(text.charCodeAt(i))) i++;
      if (this.resolve(text.slice(s, i)).indexOf(words[k] as string) < 0) return -1;
    }
    return i;
  }
}
