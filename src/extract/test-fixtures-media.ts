/**
 * Real picture and recording files, built in the tests (Node only): a PNG written per the PNG spec (zlib IDAT, CRC-32
 * per chunk), a baseline JPEG written per ITU T.81, a GIF89a with an LZW-coded frame, a 24-bit BMP, a little-endian TIFF
 * strip, an ICO holding a PNG, a PCM WAV, MP3 frames with and without an ID3v2 tag, and ISO BMFF files (HEIC, AVIF,
 * MP4, M4A, QuickTime) with real box structure. Nothing here reaches the bundle.
 */
import * as zlib from "zlib";

const CRC_TABLE = (() => {
  const t = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    t[n] = c >>> 0;
  }
  return t;
})();

function crc32(b: Uint8Array): number {
  let c = 0xffffffff;
  for (let i = 0; i < b.length; i++) c = (CRC_TABLE[(c ^ (b[i] as number)) & 0xff] as number) ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

const be32 = (n: number) => Uint8Array.of((n >>> 24) & 255, (n >>> 16) & 255, (n >>> 8) & 255, n & 255);
const le32 = (n: number) => Uint8Array.of(n & 255, (n >>> 8) & 255, (n >>> 16) & 255, (n >>> 24) & 255);
const le16 = (n: number) => Uint8Array.of(n & 255, (n >>> 8) & 255);
const be16 = (n: number) => Uint8Array.of((n >>> 8) & 255, n & 255);
const ascii = (s: string) => Uint8Array.from(s, (c) => c.charCodeAt(0));

export function concat(parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let o = 0;
  for (const p of parts) {
    out.set(p, o);
    o += p.length;
  }
  return out;
}

/** A gradient, so encoders have something to encode. */
function rgba(width: number, height: number): Uint8Array {
  const d = new Uint8Array(width * height * 4);
  for (let y = 0; y < height; y++)
    for (let x = 0; x < width; x++) {
      const i = (y * width + x) * 4;
      d[i] = (x * 255) / Math.max(1, width - 1);
      d[i + 1] = (y * 255) / Math.max(1, height - 1);
      d[i + 2] = 128;
      d[i + 3] = 255;
    }
  return d;
}

function pngChunk(type: string, data: Uint8Array): Uint8Array {
  const td = concat([ascii(type), data]);
  return concat([be32(data.length), td, be32(crc32(td))]);
}

/** An RGB PNG (a screenshot's format), `width` × `height`. */
export function png(width = 16, height = 12): Uint8Array {
  const px = rgba(width, height);
  const raw = new Uint8Array(height * (1 + width * 3));
  for (let y = 0; y < height; y++) {
    raw[y * (1 + width * 3)] = 0; // filter: none
    for (let x = 0; x < width; x++) for (let c = 0; c < 3; c++) raw[y * (1 + width * 3) + 1 + x * 3 + c] = px[(y * width + x) * 4 + c] as number;
  }
  const ihdr = concat([be32(width), be32(height), Uint8Array.of(8, 2, 0, 0, 0)]);
  return concat([Uint8Array.of(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a), pngChunk("IHDR", ihdr), pngChunk("IDAT", new Uint8Array(zlib.deflateSync(raw))), pngChunk("IEND", new Uint8Array(0))]);
}

/**
 * A baseline JPEG (ITU T.81) of `blocks` × 1 grey 8×8 blocks: JFIF or Exif (a camera's) header, a quantisation table,
 * SOF0, one-code Huffman tables (DC category 0, AC end-of-block, both coded "0") and the scan: every block is DC 0 +
 * EOB, two bits, padded with ones. Decoders (Chromium's, ImageMagick's) show it as mid-grey.
 */
export function jpg(blocks = 2, exif = false): Uint8Array {
  const seg = (marker: number, body: Uint8Array) => concat([Uint8Array.of(0xff, marker, (body.length + 2) >> 8, (body.length + 2) & 255), body]);
  const app = exif
    ? seg(0xe1, concat([ascii("Exif"), Uint8Array.of(0, 0), ascii("II"), le16(42), le32(8), le16(0), le32(0)]))
    : seg(0xe0, concat([ascii("JFIF"), Uint8Array.of(0, 1, 1, 0), be16(1), be16(1), Uint8Array.of(0, 0)]));
  const dqt = seg(0xdb, concat([Uint8Array.of(0), new Uint8Array(64).fill(1)]));
  const sof = seg(0xc0, concat([Uint8Array.of(8), be16(8), be16(8 * blocks), Uint8Array.of(1, 1, 0x11, 0)]));
  const oneCode = (tableClass: number) => seg(0xc4, concat([Uint8Array.of(tableClass << 4), Uint8Array.of(1), new Uint8Array(15), Uint8Array.of(0)]));
  const sos = seg(0xda, Uint8Array.of(1, 1, 0x00, 0, 63, 0));
  // 2 bits ("0" DC, "0" EOB) per block, MSB first, padded with 1s.
  const bits = "00".repeat(blocks);
  const data: number[] = [];
  for (let i = 0; i < bits.length; i += 8) data.push(parseInt((bits.slice(i, i + 8) + "11111111").slice(0, 8), 2));
  return concat([Uint8Array.of(0xff, 0xd8), app, dqt, sof, oneCode(0), oneCode(1), sos, Uint8Array.from(data), Uint8Array.of(0xff, 0xd9)]);
}

/** A 2×2 GIF89a: global colour table of 2, one image, LZW minimum code size 2 (codes: clear, 0,1,1,0, end). */
export function gif(): Uint8Array {
  // LZW with 3-bit codes: clear(4) 0 1 1 0 end(5), packed LSB first.
  const codes = [4, 0, 1, 1, 0, 5];
  let bits = 0;
  let n = 0;
  const out: number[] = [];
  for (const c of codes) {
    bits |= c << n;
    n += 3;
    while (n >= 8) {
      out.push(bits & 255);
      bits >>= 8;
      n -= 8;
    }
  }
  if (n) out.push(bits & 255);
  return concat([
    ascii("GIF89a"),
    le16(2),
    le16(2),
    Uint8Array.of(0x80, 0, 0), // global table of 2 colours
    Uint8Array.of(0, 0, 0, 255, 255, 255),
    Uint8Array.of(0x2c),
    le16(0),
    le16(0),
    le16(2),
    le16(2),
    Uint8Array.of(0),
    Uint8Array.of(2, out.length),
    Uint8Array.from(out),
    Uint8Array.of(0, 0x3b),
  ]);
}

/** A 24-bit BMP (BITMAPINFOHEADER), rows padded to 4 bytes. */
export function bmp(width = 3, height = 2): Uint8Array {
  const row = Math.ceil((width * 3) / 4) * 4;
  const pixels = new Uint8Array(row * height).fill(200);
  const header = concat([ascii("BM"), le32(54 + pixels.length), le32(0), le32(54)]);
  const dib = concat([le32(40), le32(width), le32(height), le16(1), le16(24), le32(0), le32(pixels.length), le32(2835), le32(2835), le32(0), le32(0)]);
  return concat([header, dib, pixels]);
}

/** A little-endian 8-bit grey TIFF with one strip. */
export function tiff(width = 2, height = 2): Uint8Array {
  const entries: [number, number, number, number][] = [
    [256, 3, 1, width],
    [257, 3, 1, height],
    [258, 3, 1, 8],
    [259, 3, 1, 1],
    [262, 3, 1, 1],
    [273, 4, 1, 8 + 2 + 12 * 8 + 4],
    [278, 3, 1, height],
    [279, 4, 1, width * height],
  ];
  const ifd: Uint8Array[] = [le16(entries.length)];
  for (const [tag, type, count, value] of entries) ifd.push(le16(tag), le16(type), le32(count), type === 3 ? concat([le16(value), le16(0)]) : le32(value));
  ifd.push(le32(0));
  return concat([ascii("II"), le16(42), le32(8), ...ifd, new Uint8Array(width * height).fill(128)]);
}

/** An ICO holding one PNG image (the Vista+ form of favicons). */
export function ico(): Uint8Array {
  const image = png(16, 16);
  return concat([le16(0), le16(1), le16(1), Uint8Array.of(16, 16, 0, 0), le16(1), le16(32), le32(image.length), le32(22), image]);
}

/** A WebP container (RIFF "WEBP") with a lossless VP8L chunk header. */
export function webp(): Uint8Array {
  const vp8l = concat([Uint8Array.of(0x2f), Uint8Array.of(0, 0, 0, 0), new Uint8Array(8)]);
  const chunk = concat([ascii("VP8L"), le32(vp8l.length), vp8l]);
  return concat([ascii("RIFF"), le32(4 + chunk.length), ascii("WEBP"), chunk]);
}

function box(type: string, ...payload: Uint8Array[]): Uint8Array {
  const body = concat(payload);
  return concat([be32(8 + body.length), ascii(type), body]);
}

/** An ISO BMFF file: ftyp with `major` and `compatible` brands, then a `meta` or `moov` box and media data. */
export function isoBmff(major: string, compatible: string[], still: boolean): Uint8Array {
  const ftyp = box("ftyp", ascii(major), be32(0), ...compatible.map(ascii));
  const inner = still ? box("meta", be32(0), box("hdlr", be32(0), be32(0), ascii("pict"), new Uint8Array(13))) : box("moov", box("mvhd", be32(0), new Uint8Array(96)));
  return concat([ftyp, inner, box("mdat", new Uint8Array(64).fill(7))]);
}

export const heic = () => isoBmff("heic", ["mif1", "heic"], true);
export const avif = () => isoBmff("avif", ["avif", "mif1", "miaf"], true);
/** An iPhone HEIF whose major brand is the generic "mif1". */
export const heifMif1 = () => isoBmff("mif1", ["mif1", "heic"], true);
export const mp4 = () => isoBmff("isom", ["isom", "iso2", "avc1", "mp41"], false);
export const m4a = () => isoBmff("M4A ", ["M4A ", "mp42", "isom"], false);
/** A QuickTime .mov as old cameras write it: no ftyp box, the movie box first. */
export const quicktime = () => concat([box("moov", box("mvhd", be32(0), new Uint8Array(96))), box("mdat", new Uint8Array(32))]);

/** A 16-bit mono PCM WAV of a short tone. */
export function wav(samples = 800): Uint8Array {
  const data = new Uint8Array(samples * 2);
  for (let i = 0; i < samples; i++) {
    const v = Math.round(Math.sin(i / 5) * 12000) & 0xffff;
    data[i * 2] = v & 255;
    data[i * 2 + 1] = v >> 8;
  }
  const fmt = concat([ascii("fmt "), le32(16), le16(1), le16(1), le32(8000), le32(16000), le16(2), le16(16)]);
  const chunk = concat([ascii("data"), le32(data.length), data]);
  return concat([ascii("RIFF"), le32(4 + fmt.length + chunk.length), ascii("WAVE"), fmt, chunk]);
}

/** MPEG-1 Layer III frames at 128 kbit/s, 44.1 kHz (417 bytes each), optionally behind an ID3v2.3 tag. */
export function mp3(frames = 3, withTag = true): Uint8Array {
  const frame = new Uint8Array(417);
  frame.set([0xff, 0xfb, 0x90, 0x64]);
  const parts: Uint8Array[] = [];
  if (withTag) {
    const title = concat([ascii("TIT2"), be32(6), Uint8Array.of(0, 0), Uint8Array.of(0), ascii("Call")]);
    parts.push(concat([ascii("ID3"), Uint8Array.of(3, 0, 0), Uint8Array.of(0, 0, 0, title.length), title]));
  }
  for (let i = 0; i < frames; i++) parts.push(frame);
  return concat(parts);
}

/** An Ogg page header (a voice message in Opus/Vorbis). */
export function ogg(): Uint8Array {
  return concat([ascii("OggS"), Uint8Array.of(0, 2), new Uint8Array(8), le32(1), le32(0), le32(0), Uint8Array.of(1, 19), ascii("OpusHead"), Uint8Array.of(1, 1), le16(312), le32(48000), le16(0), Uint8Array.of(0)]);
}

/** A WebM (EBML) header. */
export function webm(): Uint8Array {
  return concat([Uint8Array.of(0x1a, 0x45, 0xdf, 0xa3, 0x9f, 0x42, 0x86, 0x81, 0x01, 0x42, 0x82, 0x84), ascii("webm"), new Uint8Array(16)]);
}
