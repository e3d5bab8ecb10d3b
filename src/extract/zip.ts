/**
 * Zip reader: central directory → entries, then each entry inflated on demand with a cap (inflate.ts). Hand-written over
 * fflate's unzipSync because we need, before inflating anything: the encryption flag (password-protected zip →
 * `encrypted`), the entry count and every declared size (refuse bombs up front), and lazy per-entry reading so only one
 * inflated entry is in memory at a time. Deflate itself: inflate.ts (hand-written, bounded; see its header).
 */
import { Context, PartFailure } from "./context";
import { inflateRaw } from "./inflate";
import { MAX_COMPRESSION_RATIO, MAX_ENTRIES, MAX_ENTRY_INFLATED_BYTES, MAX_TOTAL_INFLATED_BYTES, RATIO_CHECK_MIN_BYTES } from "./limits";
import { decodeUtf8, decodeWindows1252 } from "./text-decode";

export interface ZipEntry {
  name: string;
  method: number;
  encrypted: boolean;
  compressedSize: number;
  size: number;
  localOffset: number;
}

const u16 = (b: Uint8Array, o: number) => ((b[o] as number) | ((b[o + 1] as number) << 8)) >>> 0;
const u32 = (b: Uint8Array, o: number) =>
  ((b[o] as number) | ((b[o + 1] as number) << 8) | ((b[o + 2] as number) << 16) | ((b[o + 3] as number) << 24)) >>> 0;
const u64 = (b: Uint8Array, o: number) => u32(b, o) + u32(b, o + 4) * 4294967296;

export function isZip(bytes: Uint8Array): boolean {
  return bytes.length >= 4 && bytes[0] === 0x50 && bytes[1] === 0x4b && (bytes[2] === 3 || bytes[2] === 5 || bytes[2] === 7);
}

/** Reads the central directory. Throws PartFailure: corrupt (no directory), limit (too many entries / sizes too big). */
export function readZipDirectory(ctx: Context, b: Uint8Array): ZipEntry[] {
  let e = b.length - 22;
  const stop = Math.max(0, b.length - 22 - 65535);
  while (e >= stop && u32(b, e) !== 0x06054b50) e--;
  if (e < stop) throw new PartFailure("corrupt", "zip end-of-directory record not found (truncated?)");
  let count = u16(b, e + 10);
  let offset = u32(b, e + 16);
  if (e >= 20 && u32(b, e - 20) === 0x07064b50) {
    const z = u64(b, e - 12);
    if (z + 56 <= b.length && u32(b, z) === 0x06064b50) {
      count = u64(b, z + 32);
      offset = u64(b, z + 48);
    }
  }
  if (count > MAX_ENTRIES || ctx.entries + count > MAX_ENTRIES) {
    throw new PartFailure("limit", "archive has " + count + " entries (limit " + MAX_ENTRIES + ")");
  }
  ctx.entries += count;
  const entries: ZipEntry[] = [];
  let declaredTotal = 0;
  let o = offset;
  for (let i = 0; i < count; i++) {
    if (o + 46 > b.length || u32(b, o) !== 0x02014b50) throw new PartFailure("corrupt", "zip central directory is damaged");
    const flags = u16(b, o + 8);
    const method = u16(b, o + 10);
    let csize = u32(b, o + 20);
    let usize = u32(b, o + 24);
    const nameLen = u16(b, o + 28);
    const extraLen = u16(b, o + 30);
    const commentLen = u16(b, o + 32);
    let local = u32(b, o + 42);
    if (o + 46 + nameLen > b.length) throw new PartFailure("corrupt", "zip central directory is damaged");
    const name = flags & 0x800 ? decodeUtf8(b, o + 46, o + 46 + nameLen) : decodeWindows1252(b, o + 46, o + 46 + nameLen);
    // Zip64 extra field: sizes/offset that are 0xFFFFFFFF in the directory.
    let x = o + 46 + nameLen;
    const xEnd = Math.min(b.length, x + extraLen);
    while (x + 4 <= xEnd) {
      const id = u16(b, x);
      const len = u16(b, x + 2);
      if (id === 1) {
        let p = x + 4;
        if (usize === 0xffffffff && p + 8 <= xEnd) {
          usize = u64(b, p);
          p += 8;
        }
        if (csize === 0xffffffff && p + 8 <= xEnd) {
          csize = u64(b, p);
          p += 8;
        }
        if (local === 0xffffffff && p + 8 <= xEnd) local = u64(b, p);
      }
      x += 4 + len;
    }
    entries.push({ name, method, encrypted: (flags & 1) === 1, compressedSize: csize, size: usize, localOffset: local });
    declaredTotal += name.charAt(name.length - 1) === "/" ? 0 : usize;
    o += 46 + nameLen + extraLen + commentLen;
    ctx.tick(256);
  }
  if (declaredTotal > MAX_TOTAL_INFLATED_BYTES - ctx.inflated) {
    throw new PartFailure("limit", "archive declares " + declaredTotal + " inflated bytes (limit " + MAX_TOTAL_INFLATED_BYTES + ")");
  }
  return entries;
}

/** Inflates one entry. Throws PartFailure (encrypted/unsupported/limit/corrupt) or Stop. */
export function readZipEntry(ctx: Context, b: Uint8Array, entry: ZipEntry): Uint8Array {
  if (entry.encrypted) throw new PartFailure("encrypted", "password-protected zip entry");
  if (entry.size > MAX_ENTRY_INFLATED_BYTES) throw new PartFailure("limit", "entry declares " + entry.size + " bytes");
  if (entry.size > RATIO_CHECK_MIN_BYTES && entry.size / Math.max(1, entry.compressedSize) > MAX_COMPRESSION_RATIO) {
    throw new PartFailure("limit", "compression ratio over " + MAX_COMPRESSION_RATIO + ":1 (zip bomb?)");
  }
  const o = entry.localOffset;
  if (o + 30 > b.length || u32(b, o) !== 0x04034b50) throw new PartFailure("corrupt", "zip local header missing");
  const start = o + 30 + u16(b, o + 26) + u16(b, o + 28);
  const end = start + entry.compressedSize;
  if (end > b.length) throw new PartFailure("corrupt", "zip entry is truncated");
  const data = b.subarray(start, end);
  if (entry.method === 0) {
    ctx.inflated += data.length;
    return data;
  }
  if (entry.method === 8) return inflateRaw(ctx, data, entry.size);
  if (entry.method === 99) throw new PartFailure("encrypted", "AES-encrypted zip entry");
  throw new PartFailure("unsupported", "zip compression method " + entry.method);
}
