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

/**
 * Shared string table: the text of each <si>, runs concatenated, phonetic runs (<rPh>) left out. Fast path for the
 * common plain item `<si><t …>text</t></si>` with indexOf; anything else (rich text runs, prefixes) takes the regexes.
 */
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
    const closeTag = "</" + prefix + "si>";
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

/**
 * One worksheet → text, rows on lines, cells tab-separated. A forward indexOf scan: it stops at each <row>, </row> and
 * <c …>, jumps from a cell's start tag straight past its </c>, and picks the value out with indexOf. Linear in the sheet
 * size whatever the input (a missing </c> ends the scan), and about twice as fast as a global regex on a 26 MB sheet.
 */
export function sheetText(ctx: Context, xml: string, shared: string[]): string {
  const lines: string[] = [];
  const sd = xml.indexOf("sheetData");
  if (sd < 0) return "";
  // Namespace prefix as used on <sheetData> ("" or "x:"): the same prefix is used for row, c, v and is.
  const lt0 = xml.lastIndexOf("<", sd);
  const prefix = lt0 >= 0 && sd - lt0 > 1 ? xml.slice(lt0 + 1, sd) : "";
  const cOpen = "<" + prefix + "c";
  const cClose = "</" + prefix + "c>";
  const rowOpen = "<" + prefix + "row";
  const rowClose = "</" + prefix + "row>";
  const dataEnd = "</" + prefix + "sheetData";
  const vOpen = "<" + prefix + "v";
  let row: string[] | null = null;
  let col = 0;
  let pos = sd;
  const n = xml.length;
  while (pos < n) {
    const lt = xml.indexOf("<", pos);
    if (lt < 0) break;
    const next = xml.charCodeAt(lt + cOpen.length);
    if (xml.startsWith(cOpen, lt) && (next === 32 || next === 62 || next === 47 || next === 9 || next === 10 || next === 13)) {
      ctx.tick(256);
      const gt = xml.indexOf(">", lt);
      if (gt < 0) break;
      const selfClosing = xml.charCodeAt(gt - 1) === 47;
      const attrEnd = selfClosing ? gt - 1 : gt;
      let bodyEnd = gt;
      if (selfClosing) pos = gt + 1;
      else {
        const close = xml.indexOf(cClose, gt);
        if (close < 0) break;
        bodyEnd = close;
        pos = close + cClose.length;
      }
      // Attributes r="AB12" and t="…", read in place (no substring per cell).
      let at = -1;
      let typeStart = -1;
      let typeEnd = -1;
      for (let k = lt + cOpen.length; k + 3 < attrEnd; k++) {
        const ch = xml.charCodeAt(k);
        if (ch !== 32 && ch !== 9 && ch !== 10 && ch !== 13) continue;
        const name = xml.charCodeAt(k + 1);
        if ((name !== 114 && name !== 116) || xml.charCodeAt(k + 2) !== 61 || xml.charCodeAt(k + 3) !== 34) continue;
        const vs = k + 4;
        let q = vs;
        if (name === 114) {
          let c = 0;
          for (; q < attrEnd; q++) {
            const cc = xml.charCodeAt(q);
            if (cc >= 65 && cc <= 90) c = c * 26 + (cc - 64);
            else if (cc >= 97 && cc <= 122) c = c * 26 + (cc - 96);
            else break;
          }
          if (q > vs) at = c - 1;
        } else {
          while (q < attrEnd && xml.charCodeAt(q) !== 34) q++;
          typeStart = vs;
          typeEnd = q;
        }
        k = q;
      }
      if (!row) row = [];
      if (at > col) {
        const gap = Math.min(at - col, MAX_GAP);
        for (let g = 0; g < gap; g++) row.push("");
        col = at;
      }
      col++;
      const shared1 = typeEnd - typeStart === 1 && xml.charCodeAt(typeStart) === 115; // t="s"
      const type = typeStart < 0 ? "n" : shared1 ? "s" : xml.slice(typeStart, typeEnd);
      let value = "";
      if (type === "inlineStr") {
        const body = xml.slice(gt + 1, bodyEnd);
        const withoutPhonetic = body.indexOf("rPh") >= 0 ? body.replace(/<(?:\w+:)?rPh\b[\s\S]*?<\/(?:\w+:)?rPh>/g, "") : body;
        const inner = /<(?:\w+:)?t\b[^>]*?>([^<]*)</g;
        let k: RegExpExecArray | null;
        while ((k = inner.exec(withoutPhonetic))) value += k[1];
        value = decodeEntities(value);
      } else if (bodyEnd > gt + 1) {
        // The value: <v>…</v>, usually right after the start tag (else after a formula <f>…</f>).
        let v = xml.startsWith(vOpen, gt + 1) ? gt + 1 : -1;
        if (v < 0) {
          const inBody = xml.slice(gt + 1, bodyEnd).indexOf(vOpen);
          v = inBody < 0 ? -1 : gt + 1 + inBody;
        }
        let rawStart = -1;
        let rawEnd = -1;
        if (v >= 0) {
          const vgt = xml.indexOf(">", v);
          if (vgt > 0 && vgt < bodyEnd && xml.charCodeAt(vgt - 1) !== 47) {
            const end = xml.indexOf("<", vgt);
            rawStart = vgt + 1;
            rawEnd = end < 0 || end > bodyEnd ? bodyEnd : end;
          }
        }
        if (rawStart >= 0) {
          if (type === "s") {
            let idx = 0;
            let ok = rawEnd > rawStart;
            for (let q = rawStart; q < rawEnd; q++) {
              const d = xml.charCodeAt(q) - 48;
              if (d < 0 || d > 9) {
                ok = false;
                break;
              }
              idx = idx * 10 + d;
            }
            const str = ok ? shared[idx] : undefined;
            value = str === undefined ? "" : str;
          } else {
            const raw = xml.slice(rawStart, rawEnd);
            if (type === "n" || type === "d") value = raw.indexOf("E") >= 0 || raw.indexOf("e") >= 0 ? expandExponent(raw) : raw;
            else value = decodeEntities(raw);
          }
        }
      }
      row.push(value.indexOf("\t") >= 0 || value.indexOf("\n") >= 0 ? value.replace(/[\t\r\n]+/g, " ") : value);
      continue;
    }
    if (xml.startsWith(rowOpen, lt) && (xml.charCodeAt(lt + rowOpen.length) === 32 || xml.charCodeAt(lt + rowOpen.length) === 62 || xml.charCodeAt(lt + rowOpen.length) === 47)) {
      const gt = xml.indexOf(">", lt);
      if (gt < 0) break;
      if (row) lines.push(row.join("\t"));
      const empty = xml.charCodeAt(gt - 1) === 47;
      row = empty ? null : [];
      if (empty) lines.push("");
      col = 0;
      pos = gt + 1;
      continue;
    }
    if (xml.startsWith(rowClose, lt)) {
      if (row) lines.push(row.join("\t"));
      row = null;
      pos = lt + rowClose.length;
      continue;
    }
    if (xml.startsWith(dataEnd, lt)) break;
    pos = lt + 1;
  }
  if (row) lines.push(row.join("\t"));
  // Drop trailing empty lines.
  let end = lines.length;
  while (end > 0 && !lines[end - 1]) end--;
  return lines.slice(0, end).join("\n");
}
