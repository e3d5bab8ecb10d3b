/**
 * Pictures and recordings, recognised by content: they hold no text this extractor can read (no Outlook runtime can run
 * OCR or speech recognition), so they are reported as `noText` parts — a kind of result, not a failure — and the policy
 * (`attachments.images`) decides whether they matter. Only bytes already found to be binary are sniffed (detectFormat
 * calls this after the text test), so a note that starts with "GIF89a" or "ID3" is still read as text.
 *
 * Signatures, each from its format's specification (offsets from the start of the file):
 *   PNG       89 50 4E 47 0D 0A 1A 0A                          (PNG spec §5.2)
 *   JPEG      FF D8 FF                                         (ITU T.81 SOI + a marker)
 *   JPEG 2000 00 00 00 0C "jP  " 0D 0A 87 0A, or FF 4F FF 51  (ISO/IEC 15444-1 signature box / SOC + SIZ)
 *   JPEG XL   FF 0A, or 00 00 00 0C "JXL " 0D 0A 87 0A        (ISO/IEC 18181-2)
 *   GIF       "GIF87a" / "GIF89a"
 *   BMP       "BM", reserved bytes 6–9 zero, a known DIB header size at 14 (12, 40, 52, 56, 64, 108, 124)
 *   TIFF      "II*\0" / "MM\0*" (and BigTIFF "II+\0" / "MM\0+"): also the camera raw files built on it (DNG, CR2, NEF…)
 *   ICO/CUR   00 00 01 00 / 00 00 02 00, 1–255 images, first entry's reserved byte zero
 *   WebP      "RIFF" size "WEBP"; PSD "8BPS" version 1 or 2; QOI "qoif"; OpenEXR 76 2F 31 01
 *   ISO BMFF  a box "ftyp" at 4: image brands (HEIF/HEIC "heic" "heix" "hevc" "hevx" "heim" "heis" "hevm" "hevs" "mif1"
 *             "msf1", AVIF "avif" "avis", "avci", Canon "crx ") as the major or a compatible brand → image; any other
 *             brand (mp41, mp42, isom, M4A, M4V, qt, 3gp…) → media; QuickTime files opening with a moov/mdat/wide/free
 *             box → media
 *   audio     "ID3" v2.2–2.4 tag; MPEG-1/2 Layer III or ADTS AAC frames (a valid header and a second one where the
 *             first frame's length says); "RIFF" "WAVE"; "FORM" "AIFF"/"AIFC"; "OggS"; "fLaC"; "MThd"; "#!AMR"; "caff"
 *   video     "RIFF" "AVI "; EBML 1A 45 DF A3 (WebM, Matroska); ASF (WMA/WMV) GUID 30 26 B2 75 8E 66 CF 11 …; "FLV" 01;
 *             MPEG program stream 00 00 01 BA / video 00 00 01 B3; MPEG transport stream 0x47 every 188 bytes; ".RMF"
 * Deliberately not recognised: EMF and WMF (vector pictures that carry text records), SVG (XML text: read as text),
 * TGA and PCX (no signature). Those stay `unsupported` (or text) and the policy's onUnscanned applies.
 */

export type NoTextKind = "image" | "media";

const ascii = (b: Uint8Array, at: number, s: string): boolean => {
  if (b.length < at + s.length) return false;
  for (let i = 0; i < s.length; i++) if (b[at + i] !== s.charCodeAt(i)) return false;
  return true;
};

const bytesAt = (b: Uint8Array, at: number, sig: readonly number[]): boolean => {
  if (b.length < at + sig.length) return false;
  for (let i = 0; i < sig.length; i++) if (b[at + i] !== sig[i]) return false;
  return true;
};

const u32be = (b: Uint8Array, o: number): number => (((b[o] as number) << 24) | ((b[o + 1] as number) << 16) | ((b[o + 2] as number) << 8) | (b[o + 3] as number)) >>> 0;

const PNG = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
const BOX_TAIL = [0x0d, 0x0a, 0x87, 0x0a];
const ASF = [0x30, 0x26, 0xb2, 0x75, 0x8e, 0x66, 0xcf, 0x11, 0xa6, 0xd9, 0x00, 0xaa, 0x00, 0x62, 0xce, 0x6c];
const EBML = [0x1a, 0x45, 0xdf, 0xa3];
const BMP_DIB_SIZES = [12, 40, 52, 56, 64, 108, 124];

/** ISO BMFF brands of still images (HEIF/HEIC, AVIF, AVC in HEIF, Canon CR3). */
const IMAGE_BRANDS = ["heic", "heix", "hevc", "hevx", "heim", "heis", "hevm", "hevs", "mif1", "msf1", "avif", "avis", "avci", "crx "];
/** QuickTime top-level boxes a .mov without an ftyp box opens with. */
const QUICKTIME_BOXES = ["moov", "mdat", "wide", "free", "skip", "pnot"];

/** Still picture or recording by content, else null. */
export function noTextKind(b: Uint8Array): NoTextKind | null {
  if (b.length < 4) return null;
  return imageKind(b) ? "image" : mediaKind(b) ? "media" : null;
}

function imageKind(b: Uint8Array): boolean {
  if (bytesAt(b, 0, PNG)) return true;
  if (b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff) return true;
  if (ascii(b, 0, "GIF87a") || ascii(b, 0, "GIF89a")) return true;
  if (isBmp(b)) return true;
  if (ascii(b, 0, "II") && ((b[2] === 42 || b[2] === 43) && b[3] === 0)) return true;
  if (ascii(b, 0, "MM") && b[2] === 0 && (b[3] === 42 || b[3] === 43)) return true;
  if (isIcon(b)) return true;
  if (ascii(b, 0, "RIFF") && ascii(b, 8, "WEBP")) return true;
  if (ascii(b, 0, "8BPS") && b[4] === 0 && (b[5] === 1 || b[5] === 2)) return true;
  if (ascii(b, 0, "qoif") || bytesAt(b, 0, [0x76, 0x2f, 0x31, 0x01])) return true;
  if (bytesAt(b, 0, [0xff, 0x4f, 0xff, 0x51])) return true;
  if (b[0] === 0xff && b[1] === 0x0a) return true;
  if (bytesAt(b, 0, [0, 0, 0, 0x0c]) && (ascii(b, 4, "jP  ") || ascii(b, 4, "JXL ")) && bytesAt(b, 8, BOX_TAIL)) return true;
  return ftypBrands(b, IMAGE_BRANDS) === "match";
}

function mediaKind(b: Uint8Array): boolean {
  if (ftypBrands(b, IMAGE_BRANDS) === "other") return true;
  if (b.length >= 16 && u32be(b, 0) >= 8) for (const box of QUICKTIME_BOXES) if (ascii(b, 4, box)) return true;
  if (ascii(b, 0, "ID3") && (b[3] as number) >= 2 && (b[3] as number) <= 4 && (b[4] as number) < 0xff) return true;
  if (ascii(b, 0, "RIFF") && (ascii(b, 8, "WAVE") || ascii(b, 8, "AVI "))) return true;
  if (ascii(b, 0, "FORM") && (ascii(b, 8, "AIFF") || ascii(b, 8, "AIFC"))) return true;
  for (const sig of ["OggS", "fLaC", "MThd", "#!AMR", "caff", ".RMF"]) if (ascii(b, 0, sig)) return true;
  if (ascii(b, 0, "FLV") && b[3] === 1) return true;
  if (bytesAt(b, 0, EBML) || bytesAt(b, 0, ASF)) return true;
  if (b[0] === 0 && b[1] === 0 && b[2] === 1 && (b[3] === 0xba || b[3] === 0xb3)) return true;
  if (b.length >= 188 * 3 && b[0] === 0x47 && b[188] === 0x47 && b[376] === 0x47) return true;
  return mpegAudio(b);
}

function isBmp(b: Uint8Array): boolean {
  if (b.length < 26 || !ascii(b, 0, "BM")) return false;
  for (let i = 6; i < 10; i++) if (b[i] !== 0) return false;
  const dib = (b[14] as number) | ((b[15] as number) << 8) | ((b[16] as number) << 16) | ((b[17] as number) << 24);
  return BMP_DIB_SIZES.indexOf(dib) >= 0;
}

function isIcon(b: Uint8Array): boolean {
  if (b.length < 22 || b[0] !== 0 || b[1] !== 0 || (b[2] !== 1 && b[2] !== 2) || b[3] !== 0) return false;
  const count = (b[4] as number) | ((b[5] as number) << 8);
  return count >= 1 && count <= 255 && b[9] === 0;
}

/**
 * An ISO BMFF file type box at the start: "match" when the major or a compatible brand is one of `brands`, "other"
 * for any other brand, null without an ftyp box.
 */
function ftypBrands(b: Uint8Array, brands: readonly string[]): "match" | "other" | null {
  if (b.length < 16 || !ascii(b, 4, "ftyp")) return null;
  const size = u32be(b, 0);
  if (size < 16) return null;
  const end = Math.min(size, b.length, 256);
  for (let o = 8; o + 4 <= end; o += 4) {
    if (o === 12) continue; // minor version
    for (const brand of brands) if (ascii(b, o, brand)) return "match";
  }
  return "other";
}

/** Bit rates (kbit/s) of MPEG-1 Layer III and MPEG-2/2.5 Layer III, by the header's 4-bit index (ISO/IEC 11172-3, 13818-3). */
const MP3_RATES_V1 = [0, 32, 40, 48, 56, 64, 80, 96, 112, 128, 160, 192, 224, 256, 320];
const MP3_RATES_V2 = [0, 8, 16, 24, 32, 40, 48, 56, 64, 80, 96, 112, 128, 144, 160];
const MP3_SAMPLE_RATES_V1 = [44100, 48000, 32000];

/** Length of the MPEG audio frame whose header starts at `o` (Layer III or ADTS), or 0 when it is no valid header. */
function frameLength(b: Uint8Array, o: number): number {
  if (o + 7 > b.length || b[o] !== 0xff || ((b[o + 1] as number) & 0xe0) !== 0xe0) return 0;
  const h1 = b[o + 1] as number;
  const h2 = b[o + 2] as number;
  if ((h1 & 0xf6) === 0xf0) {
    // ADTS (ISO/IEC 13818-7): 13-bit frame length over bytes 3–5, header included.
    const len = (((b[o + 3] as number) & 0x03) << 11) | ((b[o + 4] as number) << 3) | ((b[o + 5] as number) >> 5);
    return len >= 7 ? len : 0;
  }
  const version = (h1 >> 3) & 3; // 3: MPEG-1, 2: MPEG-2, 0: MPEG-2.5, 1: reserved
  const layer = (h1 >> 1) & 3; // 1: Layer III
  const rate = h2 >> 4;
  const sample = (h2 >> 2) & 3;
  if (version === 1 || layer !== 1 || rate === 0 || rate === 15 || sample === 3) return 0;
  const v1 = version === 3;
  const hz = (MP3_SAMPLE_RATES_V1[sample] as number) / (v1 ? 1 : version === 2 ? 2 : 4);
  const kbps = (v1 ? MP3_RATES_V1 : MP3_RATES_V2)[rate] as number;
  return Math.floor(((v1 ? 144000 : 72000) * kbps) / hz) + ((h2 >> 1) & 1);
}

/** Raw MPEG Layer III or ADTS frames: a valid first header and another one where its length ends. */
function mpegAudio(b: Uint8Array): boolean {
  const first = frameLength(b, 0);
  return first > 0 && frameLength(b, first) > 0;
}
