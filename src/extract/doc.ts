/**
 * Word 97–2003 .doc ([MS-DOC]): the text of the document, headers, footnotes, comments and text boxes, read through
 * the piece table (the Clx in the table stream) from the WordDocument stream: 8-bit pieces as Windows-1252, the others
 * UTF-16LE. Field instructions (e.g. HYPERLINK "mailto:…") are kept as text, as href targets are in HTML. Password-
 * protected (fEncrypted) and XOR-obfuscated (fObfuscated) files are `encrypted`; Word 6/95 files `unsupported`.
 * Hand-written on cfb.ts: `word-extractor` (1.0.4) reads through Node's fs, stream and Buffer and is asynchronous, so it
 * cannot run in the send handler.
 */
import { CfbEntry, CfbFile, STREAM, u16, u32 } from "./cfb";
import { Context, PartFailure } from "./context";
import { decodeUtf16, decodeWindows1252 } from "./text-decode";

/** FIB ([MS-DOC] 2.5.1): wIdent, nFib, the flag word, and FibRgFcLcb97's fcClx/lcbClx. */
const W_IDENT = 0xa5ec;
const NFIB_WORD97 = 0x00c1;
const F_ENCRYPTED = 0x0100;
const F_WHICH_TABLE = 0x0200;
const F_OBFUSCATED = 0x8000;
const FC_CLX = 0x01a2;
const LCB_CLX = 0x01a6;
const FC_COMPRESSED = 0x40000000;

function stream(ctx: Context, cfb: CfbFile, storage: CfbEntry, name: string): Uint8Array | null {
  ctx.checkTime();
  const e = cfb.child(storage, name);
  return e && e.type === STREAM ? cfb.read(e) : null;
}

export function wordText(ctx: Context, cfb: CfbFile, storage: CfbEntry): string {
  const wd = stream(ctx, cfb, storage, "WordDocument");
  if (!wd || wd.length < 0x20) throw new PartFailure("corrupt", "Word file without a readable WordDocument stream");
  if (u16(wd, 0) !== W_IDENT) throw new PartFailure("corrupt", "Word file: bad FIB signature");
  const flags = u16(wd, 0x0a);
  if (flags & (F_ENCRYPTED | F_OBFUSCATED)) throw new PartFailure("encrypted", "password-protected Word file");
  const nFib = u16(wd, 2);
  if (nFib < NFIB_WORD97 && nFib !== 0) throw new PartFailure("unsupported", "Word 6/95 file (nFib " + nFib + ")");
  if (wd.length < LCB_CLX + 4) throw new PartFailure("corrupt", "Word file: FIB truncated");
  const table = stream(ctx, cfb, storage, flags & F_WHICH_TABLE ? "1Table" : "0Table");
  if (!table) throw new PartFailure("corrupt", "Word file without its table stream");
  const fcClx = u32(wd, FC_CLX);
  const lcbClx = u32(wd, LCB_CLX);
  if (fcClx + lcbClx > table.length || lcbClx < 5) throw new PartFailure("corrupt", "Word file: piece table outside the table stream");
  // Clx: Prc* (0x01, cbGrpprl, grpprl) then one Pcdt (0x02, lcb, PlcPcd).
  let pos = fcClx;
  const end = fcClx + lcbClx;
  while (pos < end && table[pos] === 0x01) {
    ctx.tick();
    pos += 3 + u16(table, pos + 1);
  }
  if (pos + 5 > end || table[pos] !== 0x02) throw new PartFailure("corrupt", "Word file: no piece table");
  const lcb = u32(table, pos + 1);
  const plc = pos + 5;
  if (plc + lcb > table.length || lcb < 16) throw new PartFailure("corrupt", "Word file: piece table truncated");
  const pieces = Math.floor((lcb - 4) / 12);
  const out: string[] = [];
  for (let i = 0; i < pieces; i++) {
    ctx.tick(16);
    const cpStart = u32(table, plc + i * 4);
    const cpEnd = u32(table, plc + (i + 1) * 4);
    if (cpEnd <= cpStart) continue;
    const count = cpEnd - cpStart;
    const fcRaw = u32(table, plc + (pieces + 1) * 4 + i * 8 + 2);
    if (fcRaw & FC_COMPRESSED) {
      const at = (fcRaw & 0x3fffffff) / 2;
      if (at + count > wd.length) throw new PartFailure("corrupt", "Word file: text piece outside the stream");
      out.push(decodeWindows1252(wd, at, at + count));
    } else {
      const at = fcRaw;
      if (at + count * 2 > wd.length) throw new PartFailure("corrupt", "Word file: text piece outside the stream");
      out.push(decodeUtf16(wd, true, at, at + count * 2));
    }
  }
  return cleanWordText(out.join(""));
}

/**
 * Word's special characters ([MS-DOC] 2.4.1): paragraph and cell marks, line/page/section breaks, field delimiters
 * (0x13 begin, 0x14 separator, 0x15 end) become separators; object anchors and other controls are dropped.
 */
export function cleanWordText(s: string): string {
  return s
    .replace(/\r/g, "\n")
    .replace(/\u0007/g, "\t")
    .replace(/[\u000b\u000c\u000e]/g, "\n")
    .replace(/[\u0013\u0014\u0015]/g, " ")
    .replace(/[\u0000-\u0008\u000f-\u001f]/g, "")
    .replace(/\t\n/g, "\n")
    .replace(/\n{3,}/g, "\n\n")
    .trim();
}
