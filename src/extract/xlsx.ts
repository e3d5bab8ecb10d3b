/**
 * xlsx: shared strings, inline strings and numeric cells, one line per row, cells separated by tabs and placed in their
 * column (gaps become empty cells) so a column of e-mail addresses stays a column. Numbers are kept as written in the
 * sheet XML, except that exponent notation is expanded textually ("4.111111111111111E+15" → "4111111111111111"):
 * never through a JavaScript number, which would round past 2^53.
 * Sheet XML is large (a 5 MB workbook is 30–60 MB of XML), so it is scanned with indexOf/charCodeAt loops and fast
 * paths for the forms every writer uses (each with a general fallback), not with a general walker or regexes.
 */
import { Context } from "./context";
import { decodeEntities } from "./xml";

/**
 * Shared string table: the text of each <si>, runs concatenated, phonetic runs (<rPh>) left out. Fast path for the
 * common plain item `<si><t …>text</t></si>` with indexOf; anything else (rich text runs, prefixes) takes the regexes.
 */
const T_SI_CLOSE = codesOf("</t></si>");

export function parseSharedStrings(ctx: Context, xml: string): string[] {
  const out: string[] = [];
  const t = /<(?:\w+:)?t\b[^>]*?(?:\/>|>([^<]*)<\/(?:\w+:)?t>)/g;
  let pos = 0;
  const n = xml.length;
  let plainGone = false; // no "<si" left: do not search for it again (that would be quadratic on prefixed tables)
  while (pos < n) {
    const si = plainGone ? -1 : xml.indexOf("<si", pos);
    if (si < 0) plainGone = true;
    let start = si;
    let prefix = "";
    if (si < 0) {
      // Prefixed SpreadsheetML ("<x:si>") is rare: find it once with a regex.
      const m = /<(\w+:)si\b/g;
      m.lastIndex = pos;
      const r = m.exec(xml);
      if (!r) break;
      start = r.index;
      prefix = r[1] as string;
    }
    const nameEnd = start + 3 + prefix.length;
    const after = xml.charCodeAt(nameEnd);
    if (after !== 62 && after !== 32 && after !== 47) {
      pos = nameEnd;
      continue;
    }
    ctx.tick(4096);
    const gt = xml.indexOf(">", start);
    if (gt < 0) break;
    if (xml.charCodeAt(gt - 1) === 47) {
      out.push("");
      pos = gt + 1;
      continue;
    }
    // Fast path: <t> or <t xml:space="preserve">, plain text, </t></si>, nothing else (the text is scanned once).
    if (!prefix && xml.charCodeAt(gt + 1) === 60 && xml.charCodeAt(gt + 2) === 116) {
      const c = xml.charCodeAt(gt + 3);
      const tgt = c === 62 || c === 32 ? xml.indexOf(">", gt + 1) : -1;
      const lt = tgt < 0 ? -1 : xml.indexOf("<", gt + 2);
      if (lt > tgt && xml.charCodeAt(tgt - 1) !== 47 && matchAt(xml, lt, T_SI_CLOSE)) {
        const text = xml.slice(tgt + 1, lt);
        out.push(text.indexOf("&") >= 0 ? decodeEntities(text) : text);
        pos = lt + T_SI_CLOSE.length;
        continue;
      }
    }
    const closeTag = prefix ? "</" + prefix + "si>" : "</si>";
    const close = xml.indexOf(closeTag, gt);
    if (close < 0) break;
    pos = close + closeTag.length;
    // Fast path: <t> or <t xml:space="preserve">, plain text, </t>, nothing else.
    if (!prefix && xml.startsWith("<t", gt + 1)) {
      const tgt = xml.indexOf(">", gt + 1);
      const lt = xml.indexOf("<", tgt);
      if (lt >= 0 && xml.startsWith("</t>", lt) && lt + 4 === close && xml.charCodeAt(tgt - 1) !== 47) {
        const c = xml.charCodeAt(gt + 3);
        if (c === 62 || c === 32) {
          const text = xml.slice(tgt + 1, lt);
          out.push(text.indexOf("&") >= 0 ? decodeEntities(text) : text);
          continue;
        }
      }
    }
    let body = xml.slice(gt + 1, close);
    if (body.indexOf("rPh") >= 0) body = body.replace(/<(?:\w+:)?rPh\b[\s\S]*?<\/(?:\w+:)?rPh>/g, "");
    let s = "";
    t.lastIndex = 0;
    let k: RegExpExecArray | null;
    while ((k = t.exec(body))) if (k[1]) s += k[1];
    out.push(decodeEntities(s));
  }
  return out;
}

/**
 * "4.111111111111111E+15" → "4111111111111111"; "1.5E-3" → "0.0015"; other text unchanged. Accepts exactly
 * `-?digits*(.digits*)?[eE][+-]?d{1,3}`, read with charCodeAt (a sheet can hold hundreds of thousands of such cells).
 */
export function expandExponent(v: string): string {
  const n = v.length;
  let i = 0;
  const sign = v.charCodeAt(0) === 45 ? "-" : "";
  if (sign) i++;
  const intStart = i;
  while (i < n && isDigit(v.charCodeAt(i))) i++;
  let intPart = v.slice(intStart, i);
  let frac = "";
  if (v.charCodeAt(i) === 46) {
    const f = ++i;
    while (i < n && isDigit(v.charCodeAt(i))) i++;
    frac = v.slice(f, i);
  }
  const e = v.charCodeAt(i);
  if (e !== 69 && e !== 101) return v;
  i++;
  let negExp = false;
  if (v.charCodeAt(i) === 43 || v.charCodeAt(i) === 45) negExp = v.charCodeAt(i++) === 45;
  const expStart = i;
  let exp = 0;
  while (i < n && isDigit(v.charCodeAt(i))) exp = exp * 10 + (v.charCodeAt(i++) - 48);
  if (i !== n || i === expStart || i - expStart > 3) return v;
  if (!intPart && !frac) return v;
  if (!negExp) {
    if (frac.length <= exp) {
      intPart += frac + repeat("0", exp - frac.length);
      frac = "";
    } else {
      intPart += frac.slice(0, exp);
      frac = frac.slice(exp);
    }
  } else {
    const shift = exp;
    if (intPart.length <= shift) {
      frac = repeat("0", shift - intPart.length) + intPart + frac;
      intPart = "0";
    } else {
      frac = intPart.slice(intPart.length - shift) + frac;
      intPart = intPart.slice(0, intPart.length - shift);
    }
  }
  let z = 0;
  while (z < intPart.length - 1 && intPart.charCodeAt(z) === 48) z++;
  if (z) intPart = intPart.slice(z);
  let fe = frac.length;
  while (fe > 0 && frac.charCodeAt(fe - 1) === 48) fe--;
  if (fe < frac.length) frac = frac.slice(0, fe);
  return sign + (intPart || "0") + (frac ? "." + frac : "");
}

const isDigit = (c: number) => c >= 48 && c <= 57;

function repeat(s: string, n: number): string {
  let r = "";
  for (let i = 0; i < n; i++) r += s;
  return r;
}

/** Longest run of empty cells we pad with tabs (a cell at XFD1 must not produce 16,000 tabs). */
const MAX_GAP = 64;

/** A cell value on one line: tabs and line breaks inside it become a space (the tab separates cells). */
function oneLine(value: string): string {
  return value.indexOf("\t") >= 0 || value.indexOf("\n") >= 0 ? value.replace(/[\t\r\n]+/g, " ") : value;
}

const CHUNK_LINES = 512;

function flush(chunks: string[], lines: string[]): boolean {
  if (lines.length) chunks.push(lines.join("\n"));
  lines.length = 0;
  return true;
}

/** Shared strings made cell-safe once per workbook (not once per use): a string is often used by many cells. */
function oneLineAll(shared: string[]): string[] {
  let out: string[] | null = null;
  for (let i = 0; i < shared.length; i++) {
    const v = shared[i] as string;
    const w = oneLine(v);
    if (w !== v) {
      if (!out) out = shared.slice();
      out[i] = w;
    }
  }
  return out || shared;
}

/** The char codes of a tag, so matchAt compares numbers (the tag strings are built by concatenation). */
function codesOf(s: string): number[] {
  const out: number[] = [];
  for (let i = 0; i < s.length; i++) out.push(s.charCodeAt(i));
  return out;
}

/** True when the tag `codes` occurs in `xml` at `pos` (cheaper than startsWith for these few-character tags). */
function matchAt(xml: string, pos: number, codes: number[]): boolean {
  for (let i = 0; i < codes.length; i++) if (xml.charCodeAt(pos + i) !== codes[i]) return false;
  return true;
}

/** Value of a shared-string index written in xml[start, end) (decimal digits only), or "" when absent or malformed. */
function sharedAt(xml: string, start: number, end: number, shared: string[]): string {
  if (end <= start) return "";
  let idx = 0;
  for (let q = start; q < end; q++) {
    const d = xml.charCodeAt(q) - 48;
    if (d < 0 || d > 9) return "";
    idx = idx * 10 + d;
  }
  const str = shared[idx];
  return str === undefined ? "" : str;
}

/** A non-shared cell value as written: numbers (and ISO dates) exact with exponents expanded, other types entity-decoded. */
function plainValue(raw: string, type: string): string {
  if (type === "n" || type === "d") return raw.indexOf("E") >= 0 || raw.indexOf("e") >= 0 ? expandExponent(raw) : raw;
  return decodeEntities(raw);
}

/**
 * One worksheet → text, rows on lines, cells tab-separated. A forward indexOf scan: it stops at each <row>, </row> and
 * <c …>, reads the attributes r and t in place, and takes the common `<v>…</v></c>` body with one indexOf (other bodies:
 * formulas, inline strings, odd spacing, go through the general path). Linear in the sheet size whatever the input (a
 * missing </c> ends the scan).
 */
export function sheetText(ctx: Context, xml: string, sharedStrings: string[]): string {
  const sd = xml.indexOf("sheetData");
  if (sd < 0) return "";
  const shared = oneLineAll(sharedStrings);
  // Namespace prefix as used on <sheetData> ("" or "x:"): the same prefix is used for row, c, v and is.
  const lt0 = xml.lastIndexOf("<", sd);
  const prefix = lt0 >= 0 && sd - lt0 > 1 ? xml.slice(lt0 + 1, sd) : "";
  const pl = prefix.length;
  const cClose = "</" + prefix + "c>";
  const rowClose = "</" + prefix + "row>";
  const dataEnd = "</" + prefix + "sheetData";
  const vOpen = "<" + prefix + "v";
  const vTail = "</" + prefix + "v>" + cClose; // "</v></c>"
  const vOpenCodes = codesOf(vOpen);
  const vTailCodes = codesOf(vTail);
  // Lines are joined in chunks of CHUNK_LINES as they come, so row strings die young (cheaper for the GC than holding
  // every row until the end); no line contains "\n", so dropping trailing empty lines = dropping trailing "\n"s.
  const chunks: string[] = [];
  const lines: string[] = [];
  const row: string[] = [];
  let inRow = false;
  let col = 0;
  let pos = sd;
  const n = xml.length;
  while (pos < n) {
    const lt = xml.indexOf("<", pos);
    if (lt < 0) break;
    const c1 = xml.charCodeAt(lt + 1);
    if (c1 === 47 /* / */) {
      if (xml.startsWith(rowClose, lt)) {
        if (inRow && lines.push(row.join("\t")) >= CHUNK_LINES) flush(chunks, lines);
        inRow = false;
        pos = lt + rowClose.length;
        continue;
      }
      if (xml.startsWith(dataEnd, lt)) break;
      pos = lt + 2;
      continue;
    }
    if (pl > 0 && !xml.startsWith(prefix, lt + 1)) {
      pos = lt + 1;
      continue;
    }
    const q = lt + 1 + pl; // first letter of the local name
    const name0 = xml.charCodeAt(q);
    const after = xml.charCodeAt(q + 1);
    if (name0 === 99 /* c */ && (after === 32 || after === 62 || after === 47 || after === 9 || after === 10 || after === 13)) {
      ctx.tick(256);
      // Attributes r="AB12" and t="…", read in place (no substring per cell). Fast path for the form every writer uses,
      // `<c r="AB12">`, `<c r="AB12" t="s">` (or `/>`): one pass that also finds the tag's end; anything else (other
      // attributes, other order, odd spacing) takes the general loop below, which gives the same result for this form.
      let at = -1;
      let typeStart = -1;
      let typeEnd = -1;
      let gt = -1;
      let selfClosing = false;
      if (after === 32 && xml.charCodeAt(q + 2) === 114 && xml.charCodeAt(q + 3) === 61 && xml.charCodeAt(q + 4) === 34) {
        let e = q + 5;
        let cc = 0;
        for (; ; e++) {
          const x = xml.charCodeAt(e);
          if (x >= 65 && x <= 90) cc = cc * 26 + (x - 64);
          else break;
        }
        if (e > q + 5) {
          let d = e;
          while (xml.charCodeAt(d) >= 48 && xml.charCodeAt(d) <= 57) d++;
          if (xml.charCodeAt(d) === 34) {
            let k = d + 1;
            let ts = -1;
            let te = -1;
            if (xml.charCodeAt(k) === 32 && xml.charCodeAt(k + 1) === 116 && xml.charCodeAt(k + 2) === 61 && xml.charCodeAt(k + 3) === 34) {
              ts = k + 4;
              te = ts;
              for (;;) {
                const x = xml.charCodeAt(te);
                if (x === 34 || x === 62 || x !== x) break; // quote, ">" or the end (NaN)
                te++;
              }
              k = xml.charCodeAt(te) === 34 ? te + 1 : -1;
            }
            if (k >= 0) {
              const x = xml.charCodeAt(k);
              if (x === 62) gt = k;
              else if (x === 47 && xml.charCodeAt(k + 1) === 62) {
                gt = k + 1;
                selfClosing = true;
              }
              if (gt >= 0) {
                at = cc - 1;
                typeStart = ts;
                typeEnd = te;
              }
            }
          }
        }
      }
      if (gt < 0) {
        gt = xml.indexOf(">", q);
        if (gt < 0) break;
        selfClosing = xml.charCodeAt(gt - 1) === 47;
        const attrEnd = selfClosing ? gt - 1 : gt;
        for (let k = q + 1; k + 3 < attrEnd; k++) {
          const ch = xml.charCodeAt(k);
          if (ch !== 32 && ch !== 9 && ch !== 10 && ch !== 13) continue;
          const an = xml.charCodeAt(k + 1);
          if ((an !== 114 && an !== 116) || xml.charCodeAt(k + 2) !== 61 || xml.charCodeAt(k + 3) !== 34) continue;
          const vs = k + 4;
          let e = vs;
          if (an === 114) {
            let cc = 0;
            for (; e < attrEnd; e++) {
              const x = xml.charCodeAt(e);
              if (x >= 65 && x <= 90) cc = cc * 26 + (x - 64);
              else if (x >= 97 && x <= 122) cc = cc * 26 + (x - 96);
              else break;
            }
            if (e > vs) at = cc - 1;
          } else {
            while (e < attrEnd && xml.charCodeAt(e) !== 34) e++;
            typeStart = vs;
            typeEnd = e;
          }
          k = e;
        }
      }
      const isShared = typeEnd - typeStart === 1 && xml.charCodeAt(typeStart) === 115; // t="s"
      const type = typeStart < 0 ? "n" : isShared ? "s" : xml.slice(typeStart, typeEnd);
      let value = "";
      let found = selfClosing;
      if (selfClosing) pos = gt + 1;
      else if (type !== "inlineStr" && matchAt(xml, gt + 1, vOpenCodes) && xml.charCodeAt(gt + 1 + vOpen.length) === 62) {
        // Fast path: the body is exactly <v>value</v></c>.
        const vs = gt + 2 + vOpen.length;
        const ve = xml.indexOf("<", vs);
        if (ve >= 0 && matchAt(xml, ve, vTailCodes)) {
          found = true;
          pos = ve + vTail.length;
          if (isShared) value = sharedAt(xml, vs, ve, shared);
          else {
            // Most values are plain numbers: sliced as they are unless an exponent, entity, tab or line break is in them.
            let plain = type === "n";
            for (let k = vs; plain && k < ve; k++) {
              const ch = xml.charCodeAt(k);
              if (ch === 69 || ch === 101 || ch === 38 || ch === 9 || ch === 10) plain = false;
            }
            value = plain ? xml.slice(vs, ve) : oneLine(plainValue(xml.slice(vs, ve), type));
          }
        }
      }
      if (!found) {
        const close = xml.indexOf(cClose, gt);
        if (close < 0) break; // a cell that never ends ends the scan (its row is not emitted)
        const bodyEnd = close;
        pos = close + cClose.length;
        if (type === "inlineStr") {
          const body = xml.slice(gt + 1, bodyEnd);
          const withoutPhonetic = body.indexOf("rPh") >= 0 ? body.replace(/<(?:\w+:)?rPh\b[\s\S]*?<\/(?:\w+:)?rPh>/g, "") : body;
          const inner = /<(?:\w+:)?t\b[^>]*?>([^<]*)</g;
          let k: RegExpExecArray | null;
          while ((k = inner.exec(withoutPhonetic))) value += k[1];
          value = oneLine(decodeEntities(value));
        } else if (bodyEnd > gt + 1) {
          // The value: <v>…</v>, usually right after the start tag (else after a formula <f>…</f>).
          let v = xml.startsWith(vOpen, gt + 1) ? gt + 1 : -1;
          if (v < 0) {
            const inBody = xml.slice(gt + 1, bodyEnd).indexOf(vOpen);
            v = inBody < 0 ? -1 : gt + 1 + inBody;
          }
          if (v >= 0) {
            const vgt = xml.indexOf(">", v);
            if (vgt > 0 && vgt < bodyEnd && xml.charCodeAt(vgt - 1) !== 47) {
              const end = xml.indexOf("<", vgt);
              const rawEnd = end < 0 || end > bodyEnd ? bodyEnd : end;
              value = isShared ? sharedAt(xml, vgt + 1, rawEnd, shared) : oneLine(plainValue(xml.slice(vgt + 1, rawEnd), type));
            }
          }
        }
      }
      if (!inRow) {
        inRow = true;
        row.length = 0;
      }
      if (at > col) {
        const gap = Math.min(at - col, MAX_GAP);
        for (let g = 0; g < gap; g++) row.push("");
        col = at;
      }
      col++;
      row.push(value);
      continue;
    }
    if (name0 === 114 /* r */ && xml.startsWith("row", q) && (xml.charCodeAt(q + 3) === 32 || xml.charCodeAt(q + 3) === 62 || xml.charCodeAt(q + 3) === 47)) {
      const gt = xml.indexOf(">", q);
      if (gt < 0) break;
      const empty = xml.charCodeAt(gt - 1) === 47;
      if (inRow && lines.push(row.join("\t")) >= CHUNK_LINES) flush(chunks, lines);
      inRow = !empty;
      row.length = 0;
      if (empty && lines.push("") >= CHUNK_LINES) flush(chunks, lines);
      col = 0;
      pos = gt + 1;
      continue;
    }
    pos = lt + 1;
  }
  if (inRow && lines.push(row.join("\t")) >= CHUNK_LINES) flush(chunks, lines);
  flush(chunks, lines);
  const text = chunks.length === 1 ? (chunks[0] as string) : chunks.join("\n");
  let end = text.length;
  while (end > 0 && text.charCodeAt(end - 1) === 10) end--;
  return end < text.length ? text.slice(0, end) : text;
}
