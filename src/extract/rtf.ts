/**
 * RTF for Outlook .msg bodies: decompression of PidTagRtfCompressed ([MS-OXRTFCP] 2.2: "LZFu" with its 4 KB
 * dictionary primed by a fixed RTF prefix, or "MELA" uncompressed) and RTF → text, including HTML and plain text
 * encapsulated in RTF ([MS-OXRTFEX]: `\fromhtml1` bodies, `\*\htmltag` groups, `\htmlrtf` RTF-only runs), whose HTML is
 * turned into text by the one HTML-to-text (html.ts).
 * Hand-written: `@kenjiuno/decompressrtf` covers only decompression and `rtf-stream-parser` needs Node streams and
 * iconv-lite; both steps here are single linear passes that check the clock through the Context. Bounded: the output
 * never exceeds the declared raw size, MAX_RTF_BYTES and the inflation totals, whatever the header claims.
 */
import { Context, PartFailure } from "./context";
import { htmlToText } from "./html";
import { MAX_ENTRY_INFLATED_BYTES, MAX_RTF_BYTES, MAX_TOTAL_INFLATED_BYTES } from "./limits";
import { decodeText, latin1 } from "./text-decode";
import { u32 } from "./cfb";

/** [MS-OXRTFCP] 2.1.2.1: the dictionary's initial contents (207 bytes). */
const PREFIX =
  "{\\rtf1\\ansi\\mac\\deff0\\deftab720{\\fonttbl;}{\\f0\\fnil \\froman \\fswiss \\fmodern \\fscript \\fdecor MS Sans SerifSymbolArialTimes New RomanCourier{\\colortbl\\red0\\green0\\blue0\r\n\\par \\pard\\plain\\f0\\fs20\\b\\i\\u\\tab\\tx";
const COMPRESSED = 0x75465a4c; // "LZFu"
const UNCOMPRESSED = 0x414c454d; // "MELA"
const HEADER_BYTES = 16;

/** Decompresses PidTagRtfCompressed. Throws PartFailure for damaged or oversized data. */
export function decompressRtf(ctx: Context, b: Uint8Array): Uint8Array {
  if (b.length < HEADER_BYTES) throw new PartFailure("corrupt", "compressed RTF shorter than its header");
  const rawSize = u32(b, 4);
  const type = u32(b, 8);
  const cap = Math.min(MAX_RTF_BYTES, MAX_ENTRY_INFLATED_BYTES);
  if (rawSize > cap) throw new PartFailure("limit", "RTF body declares " + rawSize + " bytes (limit " + cap + ")");
  if (ctx.inflated + rawSize > MAX_TOTAL_INFLATED_BYTES) throw new PartFailure("limit", "total decompressed size over " + MAX_TOTAL_INFLATED_BYTES + " bytes");
  if (type === UNCOMPRESSED) {
    const end = Math.min(b.length, HEADER_BYTES + rawSize);
    ctx.inflated += end - HEADER_BYTES;
    return b.subarray(HEADER_BYTES, end);
  }
  if (type !== COMPRESSED) throw new PartFailure("corrupt", "compressed RTF of unknown type");
  const dict = new Uint8Array(4096);
  for (let i = 0; i < PREFIX.length; i++) dict[i] = PREFIX.charCodeAt(i);
  let write = PREFIX.length;
  const out = new Uint8Array(rawSize);
  let o = 0;
  let i = HEADER_BYTES;
  decode: while (i < b.length && o < rawSize) {
    ctx.tick(4096);
    const control = b[i++] as number;
    for (let bit = 0; bit < 8 && o < rawSize; bit++) {
      if (i >= b.length) break decode;
      if (((control >> bit) & 1) === 0) {
        const c = b[i++] as number;
        out[o++] = c;
        dict[write] = c;
        write = (write + 1) & 4095;
        continue;
      }
      if (i + 1 >= b.length) break decode;
      const token = ((b[i] as number) << 8) | (b[i + 1] as number);
      i += 2;
      let from = token >> 4;
      const length = (token & 15) + 2;
      if (from === write) break decode; // the end marker
      for (let k = 0; k < length && o < rawSize; k++) {
        const c = dict[from] as number;
        from = (from + 1) & 4095;
        out[o++] = c;
        dict[write] = c;
        write = (write + 1) & 4095;
      }
    }
  }
  ctx.inflated += o;
  return out.subarray(0, o);
}

/** Destinations whose text is not body text (font, colour and style tables, pictures, embedded objects, metadata). */
const SKIPPED = /^(fonttbl|colortbl|stylesheet|info|pict|object|objdata|themedata|colorschememapping|datastore|latentstyles|listtable|listoverridetable|revtbl|rsidtbl|generator|xmlnstbl|mmathPr|bkmkstart|bkmkend|fldtype|filetbl|pgdsctbl|mhtmltag|wgrffmtfilter|passwordhash|template|nonshppict|blipuid|datafield|formfield|ftnsep|ftnsepc|ftncn|aftnsep|aftnsepc)$/;
const BREAK = /^(par|line|sect|page|row|outlinelevel)$/;

interface GroupState {
  skip: boolean;
  ucSkip: number;
  htmlrtf: boolean;
  htmltag: boolean;
}

/** Longest plain-text run copied in one step between two clock checks. */
const RUN_CHARS = 65536;

/** Deepest group nesting kept as state; deeper braces are counted only (real RTF nests a few dozen levels). */
const MAX_GROUP_STATES = 1000;

/**
 * RTF → text. For HTML encapsulated in RTF (`\fromhtml1`) the HTML is rebuilt from the htmltag groups and the
 * non-RTF-only text, then turned into text by htmlToText; otherwise the text runs are joined with line breaks for
 * paragraphs and rows, tabs for tabs and table cells.
 */
export function rtfToText(ctx: Context, bytes: Uint8Array): string {
  const s = latin1(bytes);
  const out: string[] = [];
  let pending: number[] = []; // \'hh bytes not yet decoded (multi-byte code pages need them together)
  let codepage = 1252;
  let fromHtml = false;
  let state: GroupState = { skip: false, ucSkip: 1, htmlrtf: false, htmltag: false };
  const stack: GroupState[] = [];
  let overflow = 0;
  let skipChars = 0; // characters still to drop after a \uN (its ANSI fallback)
  let starred = false; // the last control symbol was \* (an optional destination follows)

  const visible = () => !state.skip && (!fromHtml || state.htmltag || !state.htmlrtf);
  const flush = () => {
    if (!pending.length) return;
    const label = codepage === 65001 ? "utf-8" : codepage === 1252 ? "windows-1252" : "windows-" + codepage;
    out.push(decodeText(new Uint8Array(pending), label));
    pending = [];
  };
  const emit = (text: string) => {
    flush();
    if (visible()) out.push(text);
  };

  for (let i = 0; i < s.length; ) {
    ctx.tick(4096);
    const c = s.charCodeAt(i);
    if (c === 0x7b /* { */) {
      flush();
      if (stack.length < MAX_GROUP_STATES) {
        stack.push(state);
        state = { skip: state.skip, ucSkip: state.ucSkip, htmlrtf: state.htmlrtf, htmltag: state.htmltag };
      } else overflow++;
      i++;
      continue;
    }
    if (c === 0x7d /* } */) {
      flush();
      if (overflow) overflow--;
      else if (stack.length) state = stack.pop() as GroupState;
      skipChars = 0;
      i++;
      continue;
    }
    if (c === 0x0d || c === 0x0a) {
      i++;
      continue;
    }
    if (c !== 0x5c /* \ */) {
      if (skipChars > 0) skipChars--;
      else if (visible()) {
        if (!pending.length && c < 0x80) {
          // Plain run: take it whole (at most RUN_CHARS at a time, so the outer loop's clock check keeps running).
          let j = i + 1;
          const stop = Math.min(s.length, i + RUN_CHARS);
          while (j < stop) {
            const d = s.charCodeAt(j);
            if (d === 0x5c || d === 0x7b || d === 0x7d || d === 0x0d || d === 0x0a || d >= 0x80) break;
            j++;
          }
          out.push(s.slice(i, j));
          i = j;
          continue;
        }
        pending.push(c);
      }
      i++;
      continue;
    }
    // A control word or symbol.
    const next = s.charAt(i + 1);
    if (next === "'") {
      const hex = s.substr(i + 2, 2);
      i += 4;
      if (skipChars > 0) {
        skipChars--;
        continue;
      }
      if (/^[0-9a-fA-F]{2}$/.test(hex) && visible()) pending.push(parseInt(hex, 16));
      continue;
    }
    if (!/[A-Za-z]/.test(next)) {
      i += 2;
      if (next === "*") {
        starred = true;
        continue;
      }
      if (skipChars > 0) {
        skipChars--;
        continue;
      }
      if (next === "\\" || next === "{" || next === "}") emit(next);
      else if (next === "~") emit(" ");
      else if (next === "_") emit("-");
      else if (next === "\n" || next === "\r") emit("\n");
      continue;
    }
    let j = i + 1;
    while (j < s.length && j - i < 33 && /[A-Za-z]/.test(s.charAt(j))) j++;
    const word = s.slice(i + 1, j);
    let k = j;
    if (s.charAt(k) === "-") k++;
    while (k < s.length && k - j < 11 && s.charCodeAt(k) >= 0x30 && s.charCodeAt(k) <= 0x39) k++;
    const numText = s.slice(j, k);
    const hasNum = /\d/.test(numText);
    const num = hasNum ? parseInt(numText, 10) : 0;
    if (s.charAt(k) === " ") k++;
    i = k;
    const wasStarred = starred;
    starred = false;

    if (word === "htmltag" && fromHtml) {
      flush();
      state.htmltag = true;
      state.skip = false;
      continue;
    }
    if (SKIPPED.test(word) || (wasStarred && word !== "htmltag" && !/^(fldinst|shppict|ud|upr)$/.test(word))) {
      flush();
      state.skip = true;
      continue;
    }
    switch (word) {
      case "fromhtml":
        fromHtml = true;
        continue;
      case "htmlrtf":
        flush();
        state.htmlrtf = !hasNum || num !== 0;
        continue;
      case "ansicpg":
        flush();
        if (hasNum && num > 0) codepage = num;
        continue;
      case "uc":
        state.ucSkip = hasNum && num >= 0 && num < 10 ? num : 1;
        continue;
      case "u": {
        if (!hasNum) continue;
        emit(String.fromCharCode(num < 0 ? num + 65536 : num & 0xffff));
        skipChars = state.ucSkip;
        continue;
      }
      case "tab":
      case "cell":
      case "nestcell":
        emit("\t");
        continue;
      case "emdash":
        emit("\u2014");
        continue;
      case "endash":
        emit("\u2013");
        continue;
      case "bullet":
        emit("\u2022");
        continue;
      case "lquote":
      case "rquote":
        emit("'");
        continue;
      case "ldblquote":
      case "rdblquote":
        emit('"');
        continue;
      default:
        if (BREAK.test(word)) emit(fromHtml ? "\r\n" : "\n");
    }
  }
  flush();
  const text = out.join("");
  if (fromHtml) return htmlToText(text);
  return text.replace(/[ \t]+\n/g, "\n").replace(/\n{3,}/g, "\n\n").trim();
}
