/**
 * Text normalization before detection, with an offset map back to the original text.
 *
 * - NFKC per code point when `String.prototype.normalize` exists (full-width "４１１１" → "4111", "①" → "1", ligatures);
 *   without it (old script runtimes) a fallback maps the full-width ASCII block.
 * - Every Unicode decimal digit (Arabic-Indic, Extended Arabic-Indic as written in Urdu, Devanagari, Bengali, …, which
 *   NFKC leaves alone) → its ASCII digit, so a Hindi or Urdu text's numbers are checked like any other.
 * - NBSP, narrow NBSP, figure space, the other fixed-width spaces and the ideographic space → " ".
 *
 * Per code point rather than per string: the map stays exact (each output unit knows which input code point it came
 * from), and composition across characters does not matter for digits and separators. Hand-written because no library
 * gives NFKC with offsets. Pure ASCII text (the common case) is returned as is, and so is any text in which no
 * character changes; when every changed character keeps its length (NBSP, full-width digits) no map is built.
 */

export interface Normalized {
  text: string;
  /** Maps a [start, end) range of `text` back to the original text. */
  toOriginal(start: number, end: number): [number, number];
}

const HAS_NFKC = typeof String.prototype.normalize === "function";

/** Zero code points of the Unicode decimal-digit blocks in the BMP (each followed by its nine digits). */
const DIGIT_ZEROS = [
  0x0660, 0x06f0, 0x07c0, 0x0966, 0x09e6, 0x0a66, 0x0ae6, 0x0b66, 0x0be6, 0x0c66, 0x0ce6, 0x0d66, 0x0de6, 0x0e50,
  0x0ed0, 0x0f20, 0x1040, 0x1090, 0x17e0, 0x1810, 0x1946, 0x19d0, 0x1a80, 0x1a90, 0x1b50, 0x1bb0, 0x1c40, 0x1c50,
  0xa620, 0xa8d0, 0xa900, 0xa9d0, 0xa9f0, 0xaa50, 0xabf0, 0xff10,
];

function isSpaceLike(c: number): boolean {
  return c === 0xa0 || c === 0x202f || c === 0x3000 || (c >= 0x2000 && c <= 0x200a);
}

function mapCodePoint(ch: string, nfkc: boolean): string {
  const c = ch.charCodeAt(0);
  if (ch.length === 1) {
    if (isSpaceLike(c)) return " ";
    for (let i = 0; i < DIGIT_ZEROS.length; i++) {
      const z = DIGIT_ZEROS[i] as number;
      if (c >= z && c <= z + 9) return String.fromCharCode(48 + c - z);
    }
  }
  if (nfkc) {
    const n = ch.normalize("NFKC");
    // NFKC may produce non-ASCII digits only for odd inputs; map them too.
    if (n.length === 1 && n !== ch) return mapCodePoint(n, false);
    return n;
  }
  if (c >= 0xff01 && c <= 0xff5e) return String.fromCharCode(c - 0xfee0);
  return ch;
}

const identity = (start: number, end: number): [number, number] => [start, end];

/** Per BMP code unit: 0 not yet known, 1 unchanged, 2 one code unit (in MAP_TO), 3 anything else (in the cache). */
let KIND: Uint8Array | null = null;
let MAP_TO: Uint16Array | null = null;
const cacheNfkc: Record<string, string> = {};
const cacheFallback: Record<string, string> = {};

/** Normalizes `text` for detection. `nfkc` is for tests of the fallback. */
export function normalizeText(text: string, nfkc: boolean = HAS_NFKC): Normalized {
  if (!/[^\x00-\x7f]/.test(text)) return { text, toOriginal: identity };
  const cache = nfkc ? cacheNfkc : cacheFallback;
  // The tables serve the default mode only; the fallback (tests) goes through the cache.
  if (nfkc === HAS_NFKC && !KIND) {
    KIND = new Uint8Array(65536);
    MAP_TO = new Uint16Array(65536);
  }
  const kind = nfkc === HAS_NFKC ? KIND : null;
  const mapTo = MAP_TO as Uint16Array;
  const n = text.length;
  // Pass 1: where does anything change? Most non-ASCII characters (ä, č, Devanagari and Urdu letters) do not.
  const at: number[] = [];
  const lens: number[] = [];
  const reps: string[] = [];
  let sameLength = true;
  // A native regex jumps to the next character that may change (not ASCII, not a Latin letter NFKC keeps); from
  // there a table-driven loop runs until 32 quiet characters in a row, so Latin text costs little and Devanagari or
  // Urdu text does not pay one regex call per character.
  const others = /[^\x00-\x7f\u00c0-\u0131\u0134-\u013e\u0141-\u0148\u014a-\u017e]/g;
  let hit: RegExpExecArray | null;
  while ((hit = others.exec(text)) !== null) {
    let quiet = 0;
    let i = hit.index;
    for (; i < n && quiet < 32; i++) {
      const c = text.charCodeAt(i);
      if (c < 0x80 || (c >= 0xc0 && c <= 0x17e && c !== 0x132 && c !== 0x133 && c !== 0x13f && c !== 0x140 && c !== 0x149)) {
        quiet++;
        continue;
      }
      quiet = 0;
      if (kind && (c < 0xd800 || c > 0xdfff)) {
        let k = kind[c] as number;
        if (k === 0) {
          const ch = String.fromCharCode(c);
          const m = mapCodePoint(ch, nfkc);
          k = m === ch ? 1 : m.length === 1 ? 2 : 3;
          kind[c] = k;
          if (k === 2) mapTo[c] = m.charCodeAt(0);
          else if (k === 3) cache[ch] = m;
        }
        if (k === 1) continue;
        if (k === 2) {
          at.push(i);
          lens.push(1);
          reps.push("");
          continue;
        }
      }
      let len = 1;
      if (c >= 0xd800 && c <= 0xdbff && i + 1 < n) {
        const d = text.charCodeAt(i + 1);
        if (d >= 0xdc00 && d <= 0xdfff) len = 2;
      }
      const ch = len === 2 ? text.substr(i, 2) : text.charAt(i);
      let m = cache[ch];
      if (m === undefined) {
        m = mapCodePoint(ch, nfkc);
        cache[ch] = m;
      }
      if (m !== ch) {
        if (m.length !== len) sameLength = false;
        at.push(i);
        lens.push(len);
        reps.push(m);
      }
      i += len - 1;
    }
    others.lastIndex = i;
  }
  if (!at.length) return { text, toOriginal: identity };
  const repOf = (r: number): string => (reps[r] as string) || String.fromCharCode(mapTo[text.charCodeAt(at[r] as number)] as number);
  if (sameLength) {
    const codes = new Uint16Array(n);
    for (let i = 0; i < n; i++) codes[i] = text.charCodeAt(i);
    for (let r = 0; r < at.length; r++) {
      const p = at[r] as number;
      if (reps[r]) for (let k = 0; k < (lens[r] as number); k++) codes[p + k] = (reps[r] as string).charCodeAt(k);
      else codes[p] = mapTo[codes[p] as number] as number;
    }
    const chunks: string[] = [];
    for (let i = 0; i < n; i += 8192) chunks.push(String.fromCharCode.apply(null, codes.subarray(i, Math.min(n, i + 8192)) as unknown as number[]));
    return { text: chunks.join(""), toOriginal: identity };
  }
  const parts: string[] = [];
  let copyFrom = 0;
  for (let r = 0; r < at.length; r++) {
    parts.push(text.slice(copyFrom, at[r] as number), repOf(r));
    copyFrom = (at[r] as number) + (lens[r] as number);
  }
  parts.push(text.slice(copyFrom));
  const out = parts.join("");

  // Lengths differ: starts[i] / ends[i] = original range of the code point that produced output unit i.
  const starts = new Int32Array(out.length + 1);
  const ends = new Int32Array(out.length + 1);
  let o = 0;
  let src = 0;
  for (let r = 0; r < at.length; r++) {
    const p = at[r] as number;
    const len = lens[r] as number;
    for (; src < p; src++, o++) {
      starts[o] = src;
      ends[o] = src + 1;
    }
    const rep = repOf(r);
    for (let k = 0; k < rep.length; k++, o++) {
      starts[o] = p;
      ends[o] = p + len;
    }
    src = p + len;
  }
  for (; src < n; src++, o++) {
    starts[o] = src;
    ends[o] = src + 1;
  }
  starts[o] = n;
  ends[o] = n;
  return {
    text: out,
    toOriginal(start: number, end: number): [number, number] {
      const s = start >= out.length ? n : (starts[start] as number);
      const e = end <= start ? s : (ends[end - 1] as number);
      return [s, e];
    },
  };
}

const LATIN_FOLD_FROM = "áàâäãåāăąçćčďđéèêëēėęěíìîïīįıĺľłńňñóòôöõőøŕřśšşťţúùûüūůűųýÿźżž";
const LATIN_FOLD_TO = "aaaaaaaaacccddeeeeeeeeiiiiiiilllnnnooooooorrsssttuuuuuuuuyyzzz";
const EXTRA_FOLD: Record<string, string> = { æ: "ae", ß: "ss", œ: "oe", "ك": "ک", "ي": "ی", "ى": "ی", "ة": "ہ" };

function foldChar(ch: string): string {
  const i = LATIN_FOLD_FROM.indexOf(ch);
  if (i >= 0) return LATIN_FOLD_TO.charAt(i);
  const x = EXTRA_FOLD[ch];
  return x === undefined ? ch : x;
}

/**
 * Lower-cases and folds diacritics (č → c, ø → o, ä → a, æ → ae) so keywords match however they are typed; Arabic kaf
 * and yeh fold to their Urdu forms. Devanagari and Urdu letters are otherwise kept (their marks carry meaning).
 */
export function fold(word: string): string {
  let w = word.toLowerCase();
  if (HAS_NFKC) w = w.normalize("NFD").replace(/[\u0300-\u036f]/g, "").normalize("NFC");
  if (!/[^\x00-\x7f]/.test(w)) return w;
  let out = "";
  for (let i = 0; i < w.length; i++) out += foldChar(w.charAt(i));
  return out;
}
