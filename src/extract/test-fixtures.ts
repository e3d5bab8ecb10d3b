/**
 * Test fixtures built from real bytes: Office packages zipped with fflate, mails as MIME text, PDFs with pdf-lib (see
 * pdf.test.ts), a minimal but valid Compound File (CFB) for encrypted OOXML. Used by the tests and the bench only; never
 * imported by the runtime code.
 */
import { deflateSync, strToU8, zipSync, Zippable } from "fflate";

export const enc = (s: string): Uint8Array => strToU8(s);

export function zipOf(files: { [name: string]: string | Uint8Array }, level: 0 | 6 = 6): Uint8Array {
  const z: Zippable = {};
  for (const name of Object.keys(files)) {
    const v = files[name] as string | Uint8Array;
    z[name] = [typeof v === "string" ? enc(v) : v, { level }];
  }
  return zipSync(z);
}

/** Package relationships pointing at the main part, as every Office-written package has. */
export const rels = (main: string) =>
  `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="${main}"/></Relationships>`;

const W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"';
const CT = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>';

export const para = (text: string) => `<w:p><w:r><w:t xml:space="preserve">${text}</w:t></w:r></w:p>`;

export function docx(parts: { body: string; header?: string; footer?: string; footnote?: string; comment?: string; textBox?: string }): Uint8Array {
  const box = parts.textBox
    ? `<w:p><w:r><mc:AlternateContent xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006"><mc:Choice Requires="wps"><w:drawing><wps:txbx><w:txbxContent>${para(parts.textBox)}</w:txbxContent></wps:txbx></w:drawing></mc:Choice><mc:Fallback><w:pict><v:textbox><w:txbxContent>${para(parts.textBox)}</w:txbxContent></v:textbox></w:pict></mc:Fallback></mc:AlternateContent></w:r></w:p>`
    : "";
  const files: { [name: string]: string } = {
    "[Content_Types].xml": CT,
    "_rels/.rels": rels("word/document.xml"),
    "word/document.xml": `<?xml version="1.0" encoding="UTF-8"?><w:document ${W}><w:body>${parts.body}${box}<w:sectPr/></w:body></w:document>`,
    "docProps/core.xml": '<?xml version="1.0"?><cp:coreProperties xmlns:cp="x" xmlns:dc="d"><dc:title>Quarterly letter</dc:title></cp:coreProperties>',
  };
  if (parts.header) files["word/header1.xml"] = `<w:hdr ${W}>${para(parts.header)}</w:hdr>`;
  if (parts.footer) files["word/footer1.xml"] = `<w:ftr ${W}>${para(parts.footer)}</w:ftr>`;
  if (parts.footnote) files["word/footnotes.xml"] = `<w:footnotes ${W}><w:footnote w:id="1">${para(parts.footnote)}</w:footnote></w:footnotes>`;
  if (parts.comment) files["word/comments.xml"] = `<w:comments ${W}><w:comment w:id="0">${para(parts.comment)}</w:comment></w:comments>`;
  return zipOf(files);
}

export type Cell = string | { n: string } | { inline: string } | null;

/** xlsx with one sheet: strings go to the shared string table, {n} are numeric cells written as given, {inline} inline strings. */
export function xlsx(rows: Cell[][], extraSheets: Cell[][][] = []): Uint8Array {
  const shared: string[] = [];
  const index: { [s: string]: number } = {};
  const esc = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
  const sheetXml = (data: Cell[][]) => {
    const out: string[] = ['<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><cols><col min="1" max="3" width="20"/></cols><sheetData>'];
    data.forEach((row, r) => {
      out.push(`<row r="${r + 1}">`);
      row.forEach((cell, c) => {
        const ref = String.fromCharCode(65 + c) + (r + 1);
        if (cell === null) return;
        if (typeof cell === "string") {
          if (index[cell] === undefined) {
            index[cell] = shared.length;
            shared.push(cell);
          }
          out.push(`<c r="${ref}" t="s"><v>${index[cell]}</v></c>`);
        } else if ("n" in cell) out.push(`<c r="${ref}"><v>${cell.n}</v></c>`);
        else out.push(`<c r="${ref}" t="inlineStr"><is><t>${esc(cell.inline)}</t></is></c>`);
      });
      out.push("</row>");
    });
    out.push("</sheetData></worksheet>");
    return out.join("");
  };
  const files: { [name: string]: string } = {
    "[Content_Types].xml": CT,
    "xl/workbook.xml": '<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheets><sheet name="Sheet1" sheetId="1"/></sheets></workbook>',
    "xl/worksheets/sheet1.xml": sheetXml(rows),
  };
  extraSheets.forEach((s, i) => (files[`xl/worksheets/sheet${i + 2}.xml`] = sheetXml(s)));
  files["xl/sharedStrings.xml"] =
    `<?xml version="1.0" encoding="UTF-8"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="${shared.length}" uniqueCount="${shared.length}">` +
    shared.map((s) => `<si><t xml:space="preserve">${esc(s)}</t></si>`).join("") +
    "</sst>";
  return zipOf(files);
}

export function pptx(slides: string[], notes: string[] = []): Uint8Array {
  const A = 'xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" xmlns:p="http://schemas.openxmlformats.org/presentationml/2006/main"';
  const sp = (t: string) => `<p:sp><p:txBody><a:p><a:r><a:t>${t}</a:t></a:r></a:p></p:txBody></p:sp>`;
  const files: { [name: string]: string } = { "[Content_Types].xml": CT, "ppt/presentation.xml": `<p:presentation ${A}/>` };
  slides.forEach((t, i) => (files[`ppt/slides/slide${i + 1}.xml`] = `<p:sld ${A}><p:cSld><p:spTree>${sp(t)}</p:spTree></p:cSld></p:sld>`));
  notes.forEach((t, i) => (files[`ppt/notesSlides/notesSlide${i + 1}.xml`] = `<p:notes ${A}><p:cSld><p:spTree>${sp(t)}</p:spTree></p:cSld></p:notes>`));
  return zipOf(files);
}

const ODF_NS =
  'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0"';

export function odt(paragraphs: string[]): Uint8Array {
  const body = paragraphs.map((p) => `<text:p>${p}</text:p>`).join("");
  return zipOf({
    mimetype: "application/vnd.oasis.opendocument.text",
    "content.xml": `<?xml version="1.0"?><office:document-content ${ODF_NS}><office:body><office:text>${body}</office:text></office:body></office:document-content>`,
  }, 0);
}

/** ods: strings as text cells, {n} as float cells whose office:value differs from the displayed text. */
export function ods(rows: (string | { n: string; shown: string })[][]): Uint8Array {
  const cells = (row: (string | { n: string; shown: string })[]) =>
    row
      .map((c) =>
        typeof c === "string"
          ? `<table:table-cell office:value-type="string"><text:p>${c}</text:p></table:table-cell>`
          : `<table:table-cell office:value-type="float" office:value="${c.n}"><text:p>${c.shown}</text:p></table:table-cell>`,
      )
      .join("");
  const body = rows.map((r) => `<table:table-row>${cells(r)}</table:table-row>`).join("");
  return zipOf({
    mimetype: "application/vnd.oasis.opendocument.spreadsheet",
    "content.xml": `<?xml version="1.0"?><office:document-content ${ODF_NS}><office:body><office:spreadsheet><table:table table:name="S">${body}</table:table></office:spreadsheet></office:body></office:document-content>`,
  }, 0);
}

/** Base64 with MIME line breaks (76 characters). */
export function base64Lines(bytes: Uint8Array): string {
  return (Buffer.from(bytes).toString("base64").match(/.{1,76}/g) || []).join("\r\n");
}

/** A minimal valid Compound File with the given stream names (no stream data needed to identify the kind). */
export function cfb(streamNames: string[]): Uint8Array {
  const out = new Uint8Array(512 * 3);
  const dv = new DataView(out.buffer);
  [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1].forEach((b, i) => (out[i] = b));
  dv.setUint16(0x18, 0x3e, true); // minor version
  dv.setUint16(0x1a, 3, true); // major version 3 (512-byte sectors)
  dv.setUint16(0x1c, 0xfffe, true); // byte order
  dv.setUint16(0x1e, 9, true); // sector shift
  dv.setUint16(0x20, 6, true); // mini sector shift
  dv.setUint32(0x2c, 1, true); // FAT sectors
  dv.setUint32(0x30, 1, true); // first directory sector
  dv.setUint32(0x38, 4096, true); // mini stream cutoff
  dv.setUint32(0x3c, 0xfffffffe, true); // first mini FAT sector
  dv.setUint32(0x44, 0xfffffffe, true); // first DIFAT sector
  for (let i = 0; i < 109; i++) dv.setUint32(0x4c + i * 4, i === 0 ? 0 : 0xffffffff, true);
  // Sector 0: the FAT. Sector 0 is a FAT sector, sector 1 (directory) ends its chain.
  const fat = 512;
  for (let i = 0; i < 128; i++) dv.setUint32(fat + i * 4, 0xffffffff, true);
  dv.setUint32(fat, 0xfffffffd, true);
  dv.setUint32(fat + 4, 0xfffffffe, true);
  // Sector 1: four directory entries.
  const names = ["Root Entry"].concat(streamNames).slice(0, 4);
  names.forEach((name, i) => {
    const e = 1024 + i * 128;
    for (let k = 0; k < name.length; k++) dv.setUint16(e + k * 2, name.charCodeAt(k), true);
    dv.setUint16(e + 0x40, (name.length + 1) * 2, true);
    out[e + 0x42] = i === 0 ? 5 : 2; // root storage / stream
    out[e + 0x43] = 1; // black
    dv.setUint32(e + 0x44, 0xffffffff, true); // left sibling
    dv.setUint32(e + 0x48, i > 0 && i + 1 < names.length ? i + 1 : 0xffffffff, true); // right sibling
    dv.setUint32(e + 0x4c, i === 0 && names.length > 1 ? 1 : 0xffffffff, true); // child
    dv.setUint32(e + 0x74, 0xfffffffe, true); // start sector
  });
  return out;
}

/**
 * Raw deflate of `size` zero bytes, written directly as one fixed-Huffman block (a literal 0, then "copy 258 bytes from
 * distance 1" repeated): 13 bits per 258 bytes, so a 1 GB bomb costs 6.5 MB and ~50 ms to build, with no 1 GB buffer.
 */
export function deflatedZeros(size: number): Uint8Array {
  const matches = Math.floor((size - 1) / 258);
  const tail = size - 1 - matches * 258;
  const out = new Uint8Array(Math.ceil((3 + 8 + matches * 13 + tail * 8 + 7) / 8) + 1);
  let bitPos = 0;
  const put = (value: number, n: number) => {
    for (let i = 0; i < n; i++, bitPos++) if ((value >> i) & 1) out[bitPos >> 3] = (out[bitPos >> 3] as number) | (1 << (bitPos & 7));
  };
  const huff = (code: number, len: number) => {
    let r = 0;
    for (let i = 0; i < len; i++) r |= ((code >> i) & 1) << (len - 1 - i);
    put(r, len);
  };
  put(1, 1); // BFINAL
  put(1, 2); // BTYPE = 01 (fixed Huffman)
  huff(0x30, 8); // literal 0
  for (let m = 0; m < matches; m++) {
    huff(0xc5, 8); // length symbol 285 = 258
    bitPos += 5; // distance code 0 (= 1): five zero bits
  }
  for (let t = 0; t < tail; t++) huff(0x30, 8);
  huff(0, 7); // end of block (256)
  return out.subarray(0, Math.ceil(bitPos / 8));
}

/** A stored-method-free zip with one deflated entry whose directory declares `declaredSize` (may lie). */
export function zipWithRawEntry(name: string, deflated: Uint8Array, realSize: number, declaredSize = realSize): Uint8Array {
  const nameBytes = enc(name);
  const local = new Uint8Array(30 + nameBytes.length);
  const central = new Uint8Array(46 + nameBytes.length);
  const eocd = new Uint8Array(22);
  const l = new DataView(local.buffer);
  l.setUint32(0, 0x04034b50, true);
  l.setUint16(4, 20, true);
  l.setUint16(8, 8, true);
  l.setUint32(18, deflated.length, true);
  l.setUint32(22, Math.min(declaredSize, 0xffffffff), true);
  l.setUint16(26, nameBytes.length, true);
  local.set(nameBytes, 30);
  const c = new DataView(central.buffer);
  c.setUint32(0, 0x02014b50, true);
  c.setUint16(4, 20, true);
  c.setUint16(6, 20, true);
  c.setUint16(10, 8, true);
  c.setUint32(20, deflated.length, true);
  c.setUint32(24, Math.min(declaredSize, 0xffffffff), true);
  c.setUint16(28, nameBytes.length, true);
  c.setUint32(42, 0, true);
  central.set(nameBytes, 46);
  const e = new DataView(eocd.buffer);
  e.setUint32(0, 0x06054b50, true);
  e.setUint16(8, 1, true);
  e.setUint16(10, 1, true);
  e.setUint32(12, central.length, true);
  e.setUint32(16, local.length + deflated.length, true);
  const out = new Uint8Array(local.length + deflated.length + central.length + eocd.length);
  out.set(local, 0);
  out.set(deflated, local.length);
  out.set(central, local.length + deflated.length);
  out.set(eocd, local.length + deflated.length + central.length);
  void realSize;
  return out;
}

export { deflateSync };

/** A zip with `n` empty stored entries, written directly (zipSync would spend seconds on 100,000 entries). */
export function manyEntriesZip(n: number): Uint8Array {
  const locals: Uint8Array[] = [];
  const centrals: Uint8Array[] = [];
  let offset = 0;
  for (let i = 0; i < n; i++) {
    const name = enc("f" + i + ".txt");
    const l = new Uint8Array(30 + name.length);
    const lv = new DataView(l.buffer);
    lv.setUint32(0, 0x04034b50, true);
    lv.setUint16(4, 10, true);
    lv.setUint16(26, name.length, true);
    l.set(name, 30);
    const c = new Uint8Array(46 + name.length);
    const cv = new DataView(c.buffer);
    cv.setUint32(0, 0x02014b50, true);
    cv.setUint16(4, 10, true);
    cv.setUint16(6, 10, true);
    cv.setUint16(28, name.length, true);
    cv.setUint32(42, offset, true);
    c.set(name, 46);
    locals.push(l);
    centrals.push(c);
    offset += l.length;
  }
  const cdSize = centrals.reduce((s, c) => s + c.length, 0);
  // Over 65,535 entries needs the Zip64 end record and its locator before the classic end record.
  const out = new Uint8Array(offset + cdSize + 56 + 20 + 22);
  let o = 0;
  for (const l of locals) {
    out.set(l, o);
    o += l.length;
  }
  for (const c of centrals) {
    out.set(c, o);
    o += c.length;
  }
  const z = new DataView(out.buffer, o);
  z.setUint32(0, 0x06064b50, true);
  z.setBigUint64(4, BigInt(44), true);
  z.setUint16(12, 45, true);
  z.setUint16(14, 45, true);
  z.setBigUint64(24, BigInt(n), true);
  z.setBigUint64(32, BigInt(n), true);
  z.setBigUint64(40, BigInt(cdSize), true);
  z.setBigUint64(48, BigInt(offset), true);
  const loc = new DataView(out.buffer, o + 56);
  loc.setUint32(0, 0x07064b50, true);
  loc.setBigUint64(8, BigInt(o), true);
  loc.setUint32(16, 1, true);
  o += 56 + 20;
  const e = new DataView(out.buffer, o);
  e.setUint32(0, 0x06054b50, true);
  e.setUint16(8, Math.min(n, 0xffff), true);
  e.setUint16(10, Math.min(n, 0xffff), true);
  e.setUint32(12, cdSize, true);
  e.setUint32(16, offset, true);
  return out;
}

/** Deterministic pseudo-random bytes (xorshift), so failures reproduce. */
export function randomBytes(n: number, seed = 12345): Uint8Array {
  const out = new Uint8Array(n);
  let x = seed | 0 || 1;
  for (let i = 0; i < n; i++) {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    out[i] = x & 255;
  }
  return out;
}

export const BILLION_LAUGHS =
  '<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">' +
  '<!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;"><!ENTITY lol4 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">' +
  '<!ENTITY lol5 "&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;"><!ENTITY lol6 "&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;">' +
  '<!ENTITY lol7 "&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;"><!ENTITY lol8 "&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;">' +
  '<!ENTITY lol9 "&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;">]><lolz>&lol9;</lolz>';
