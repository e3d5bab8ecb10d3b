/**
 * Test support for the national-ID detectors (not a test itself; imported only by *.test.ts): runs one detector the
 * way the engine's contract describes (global pattern, no match glued to a longer digit or letter run, validate), so
 * a detector can be tested on its own, independent of the scanner's keyword and de-duplication stages.
 */
import type { Confidence } from "../types";
import type { Detector } from "./detector";

export interface DirectHit {
  start: number;
  end: number;
  confidence: Confidence;
  reasons: string[];
}

const ALNUM = /[0-9A-Za-z]/;

export function directFind(detector: Detector, text: string): DirectHit[] {
  const flags = "g" + (detector.pattern.ignoreCase ? "i" : "") + (detector.pattern.unicode ? "u" : "");
  const re = new RegExp(detector.pattern.source, flags);
  const hits: DirectHit[] = [];
  let m: RegExpExecArray | null;
  while ((m = re.exec(text)) !== null) {
    const start = m.index;
    const end = start + m[0].length;
    if (m[0].length === 0) {
      re.lastIndex++;
      continue;
    }
    if ((start > 0 && ALNUM.test(text.charAt(start - 1))) || (end < text.length && ALNUM.test(text.charAt(end)))) continue;
    const v = detector.validate(m[0]);
    // No keyword stage here: a candidate that needs a keyword is not found (test those through createScanner).
    if (v.ok && !v.keywordRequired) hits.push({ start: start, end: end, confidence: v.confidence, reasons: v.reasons });
  }
  return hits;
}

/** [start, end] of every hit, for compact expectations. */
export function spans(detector: Detector, text: string): Array<[number, number]> {
  return directFind(detector, text).map((h) => [h.start, h.end] as [number, number]);
}

/** Digits 0–9 as a fast-check unit (fc.string({ unit })) without importing fast-check here. */
export const DIGITS = "0123456789".split("");

/** Generators of valid identifiers (as written in text), for property tests. Each takes a uniform random source. */
export type Rand = () => number;
const pad = (n: number, w: number) => {
  let s = String(n);
  while (s.length < w) s = "0" + s;
  return s;
};
const int = (r: Rand, lo: number, hi: number) => lo + Math.floor(r() * (hi - lo + 1));
const pick = <T>(r: Rand, xs: readonly T[]): T => xs[Math.floor(r() * xs.length)] as T;
function randomDate(r: Rand, from: number, to: number): [number, number, number] {
  const y = int(r, from, to);
  const m = int(r, 1, 12);
  const last = m === 2 ? ((y % 4 === 0 && y % 100 !== 0) || y % 400 === 0 ? 29 : 28) : [4, 6, 9, 11].indexOf(m) >= 0 ? 30 : 31;
  return [y, m, int(r, 1, last)];
}
function mod11Of(digits: string, weights?: number[]): number {
  let s = 0;
  for (let i = 0; i < digits.length; i++) s = weights ? s + Number(digits[i]) * (weights[i] as number) : (s * 10 + Number(digits[i])) % 11;
  return s % 11;
}
const VD = ["0123456789", "1234067895", "2340178956", "3401289567", "4012395678", "5987604321", "6598710432", "7659821043", "8765932104", "9876543210"];
const VP = ["0123456789", "1576283094", "5803796142", "8916043527", "9453126870", "4286573901", "2793806415", "7046913258"];
function verhoeffDigit(payload: string): string {
  for (let x = 0; x < 10; x++) {
    const s = payload + String(x);
    let c = 0;
    for (let i = 0; i < s.length; i++) c = Number((VD[c] as string)[Number((VP[i % 8] as string)[Number(s[s.length - 1 - i])])]);
    if (c === 0) return String(x);
  }
  return "";
}

export const GENERATE: Record<string, (r: Rand) => string | null> = {
  "fi-hetu": (r) => {
    const [y, m, d] = randomDate(r, 1850, 2025);
    const sign = y < 1900 ? "+" : y < 2000 ? pick(r, ["-", "Y", "X", "W", "V", "U"]) : pick(r, ["A", "B", "C", "D", "E", "F"]);
    const nine = pad(d, 2) + pad(m, 2) + pad(y % 100, 2) + pad(int(r, 2, 999), 3);
    return nine.slice(0, 6) + sign + nine.slice(6) + "0123456789ABCDEFHJKLMNPRSTUVWXY".charAt(Number(nine) % 31);
  },
  "no-fnr": (r) => {
    const [y, m, d] = randomDate(r, 1940, 2025);
    const ind = y < 2000 ? int(r, 0, 499) : int(r, 500, 999);
    const nine = pad(d + (r() < 0.2 ? 40 : 0), 2) + pad(m, 2) + pad(y % 100, 2) + pad(ind, 3);
    const k1 = (11 - mod11Of(nine, [3, 7, 6, 1, 8, 9, 4, 5, 2])) % 11;
    if (k1 === 10) return null;
    const k2 = (11 - mod11Of(nine + k1, [5, 4, 3, 2, 7, 6, 5, 4, 3, 2])) % 11;
    if (k2 === 10) return null;
    const n = nine + String(k1) + String(k2);
    return r() < 0.5 ? n : n.slice(0, 6) + " " + n.slice(6);
  },
  "sk-rc": (r) => {
    const [y, m, d] = randomDate(r, 1954, 2025);
    const nine = pad(y % 100, 2) + pad(m + (r() < 0.5 ? 50 : 0), 2) + pad(d, 2) + pad(int(r, 0, 999), 3);
    const rem = mod11Of(nine);
    if (rem === 10) return null;
    return nine.slice(0, 6) + (r() < 0.7 ? "/" : "") + nine.slice(6) + String(rem);
  },
  "in-aadhaar": (r) => {
    let p = String(int(r, 2, 9));
    for (let i = 0; i < 10; i++) p += String(int(r, 0, 9));
    const n = p + verhoeffDigit(p);
    if (n.split("").reverse().join("") === n) return null;
    const sep = pick(r, ["", " ", "-"]);
    return n.slice(0, 4) + sep + n.slice(4, 8) + sep + n.slice(8);
  },
  "in-pan": (r) => {
    const L = "ABCDEFGHIJKLMNOPQRSTUVWXYZ";
    const letter = () => L.charAt(int(r, 0, 25));
    return letter() + letter() + letter() + pick(r, "PCHFATBLJGK".split("")) + letter() + pad(int(r, 1, 9999), 4) + letter();
  },
  "pk-cnic": (r) => String(int(r, 1, 7)) + pad(int(r, 0, 9999), 4) + "-" + pad(int(r, 0, 9999999), 7) + "-" + String(int(r, 1, 9)),
};
