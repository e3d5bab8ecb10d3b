/**
 * xlsx: shared strings, inline strings and numeric cells, one line per row, cells separated by tabs and placed in their
 * column (gaps become empty cells) so a column of e-mail addresses stays a column. Numbers are kept as written in the
 * sheet XML, except that exponent notation is expanded textually ("4.111111111111111E+15" → "4111111111111111"):
 * never through a JavaScript number, which would round past 2^53.
 * Sheet XML is large (a 5 MB workbook is 30–60 MB of XML), so it is scanned with two global regexes rather than a
 * general walker.
 */
import { Context } from "./context";
import { decodeEntities } from "./xml";

/** Shared string table: the text of each <si>, runs concatenated, phonetic runs (<rPh>) left out. */
export function parseSharedStrings(ctx: Context, xml: string): string[] {
  const out: string[] = [];
  const si = /<(?:\w+:)?si\b[^>]*?(?:\/>|>([\s\S]*?)<\/(?:\w+:)?si>)/g;
  const t = /<(?:\w+:)?t\b[^>]*?(?:\/>|>([^<]*)<\/(?:\w+:)?t>)/g;
  let m: RegExpExecArray | null;
  while ((m = si.exec(xml))) {
    let body = m[1] || "";
    if (body.indexOf("rPh") >= 0) body = body.replace(/<(?:\w+:)?rPh\b[\s\S]*?<\/(?:\w+:)?rPh>/g, "");
    let s = "";
    t.lastIndex = 0;
    let k: RegExpExecArray | null;
    while ((k = t.exec(body))) if (k[1]) s += k[1];
    out.push(decodeEntities(s));
    ctx.tick(4096);
  }
  return out;
}

/** "4.111111111111111E+15" → "4111111111111111"; "1.5E-3" → "0.0015"; other text unchanged. */
export function expandExponent(v: string): string {
  const m = /^(-?)(\d*)(?:\.(\d*))?[eE]([+-]?\d{1,3})$/.exec(v);
  if (!m) return v;
  const sign = m[1] as string;
  let intPart = m[2] || "";
  let frac = m[3] || "";
  const exp = parseInt(m[4] as string, 10);
  if (!intPart && !frac) return v;
  if (exp >= 0) {
    if (frac.length <= exp) {
      intPart += frac + repeat("0", exp - frac.length);
      frac = "";
    } else {
      intPart += frac.slice(0, exp);
      frac = frac.slice(exp);
    }
  } else {
    const shift = -exp;
    if (intPart.length <= shift) {
      frac = repeat("0", shift - intPart.length) + intPart + frac;
      intPart = "0";
    } else {
      frac = intPart.slice(intPart.length - shift) + frac;
      intPart = intPart.slice(0, intPart.length - shift);
    }
  }
  intPart = intPart.replace(/^0+(?=\d)/, "");
  frac = frac.replace(/0+$/, "");
  return sign + (intPart || "0") + (frac ? "." + frac : "");
}

function repeat(s: string, n: number): string {
  let r = "";
  for (let i = 0; i < n; i++) r += s;
  return r;
}

/** Column index (0-based) from a cell reference like "AB12"; -1 if absent. */
function columnOf(ref: string | undefined): number {
  if (!ref) return -1;
  let col = 0;
  let i = 0;
  for (; i < ref.length; i++) {
    const c = ref.charCodeAt(i);
    if (c >= 65 && c <= 90) col = col * 26 + (c - 64);
    else if (c >= 97 && c <= 122) col = col * 26 + (c - 96);
    else break;
  }
  return i === 0 ? -1 : col - 1;
}

/** Longest run of empty cells we pad with tabs (a cell at XFD1 must not produce 16,000 tabs). */
const MAX_GAP = 64;

/** One worksheet → text, rows on lines, cells tab-separated. */
export function sheetText(ctx: Context, xml: string, shared: string[]): string {
  const lines: string[] = [];
  const token = /<(\w+:)?(row|c)\b([^>]*?)(\/?)>|<\/(?:\w+:)?row>/g;
  const inner = /<(?:\w+:)?(v|t)\b[^>]*?>([^<]*)</g;
  let row: string[] | null = null;
  let col = 0;
  const start = xml.indexOf("sheetData");
  token.lastIndex = start < 0 ? 0 : start;
  let m: RegExpExecArray | null;
  while ((m = token.exec(xml))) {
    const kind = m[2];
    if (kind === undefined) {
      // </row>
      if (row) lines.push(row.join("\t"));
      row = null;
      ctx.tick(512);
      continue;
    }
    if (kind === "row") {
      if (row) lines.push(row.join("\t"));
      row = m[4] ? null : [];
      if (m[4]) lines.push("");
      col = 0;
      continue;
    }
    // <c ...> or <c .../>
    if (!row) row = [];
    const attrs = m[3] as string;
    const rm = / r="([A-Za-z]+)/.exec(attrs);
    const at = columnOf(rm ? rm[1] : undefined);
    if (at > col) {
      const gap = Math.min(at - col, MAX_GAP);
      for (let g = 0; g < gap; g++) row.push("");
      col = at;
    }
    col++;
    if (m[4]) {
      row.push("");
      continue;
    }
    const close = xml.indexOf("</" + (m[1] || "") + "c>", token.lastIndex);
    const bodyEnd = close < 0 ? xml.length : close;
    const body = xml.slice(token.lastIndex, bodyEnd);
    token.lastIndex = bodyEnd;
    const tm = / t="(\w+)"/.exec(attrs);
    const type = tm ? tm[1] : "n";
    let value = "";
    if (type === "inlineStr") {
      inner.lastIndex = 0;
      let k: RegExpExecArray | null;
      const withoutPhonetic = body.indexOf("rPh") >= 0 ? body.replace(/<(?:\w+:)?rPh\b[\s\S]*?<\/(?:\w+:)?rPh>/g, "") : body;
      while ((k = inner.exec(withoutPhonetic))) if (k[1] === "t") value += k[2];
      value = decodeEntities(value);
    } else {
      const vm = /<(?:\w+:)?v\b[^>]*>([^<]*)</.exec(body);
      const raw = vm ? (vm[1] as string) : "";
      if (type === "s") {
        const s = shared[parseInt(raw, 10)];
        value = s === undefined ? "" : s;
      } else if (type === "n" || type === "d") value = expandExponent(raw);
      else value = decodeEntities(raw);
    }
    row.push(value.indexOf("\t") >= 0 || value.indexOf("\n") >= 0 ? value.replace(/[\t\r\n]+/g, " ") : value);
  }
  if (row) lines.push(row.join("\t"));
  // Drop trailing empty lines.
  let end = lines.length;
  while (end > 0 && !lines[end - 1]) end--;
  return lines.slice(0, end).join("\n");
}
