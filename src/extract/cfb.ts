/**
 * Compound File Binary (OLE2) container: only the directory is read, to tell an encrypted OOXML file (streams
 * "EncryptionInfo" + "EncryptedPackage", what Office writes for a password-protected docx/xlsx/pptx) from legacy binary
 * Office files (.doc/.xls/.ppt/.msg), which we do not parse. Hand-written: no small ES2016 library reads CFB directories,
 * and this needs about 60 lines. Bounded: every chain walk stops after as many steps as the file has sectors.
 */
import { decodeUtf16 } from "./text-decode";

export const CFB_MAGIC = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

export function isCfb(b: Uint8Array): boolean {
  if (b.length < 512) return false;
  for (let i = 0; i < 8; i++) if (b[i] !== CFB_MAGIC[i]) return false;
  return true;
}

const u16 = (b: Uint8Array, o: number) => ((b[o] as number) | ((b[o + 1] as number) << 8)) >>> 0;
const u32 = (b: Uint8Array, o: number) =>
  ((b[o] as number) | ((b[o + 1] as number) << 8) | ((b[o + 2] as number) << 16) | ((b[o + 3] as number) << 24)) >>> 0;

const END_OF_CHAIN = 0xfffffffe;

/** Names of the directory entries (streams and storages), or null if the container is damaged. */
export function cfbEntryNames(b: Uint8Array): string[] | null {
  if (!isCfb(b)) return null;
  const shift = u16(b, 0x1e);
  if (shift !== 9 && shift !== 12) return null;
  const size = 1 << shift;
  const sectors = Math.floor((b.length - size) / size) + 1;
  const at = (s: number) => (s + 1) * size;
  // FAT sector list: 109 in the header, then the DIFAT chain.
  const fatSectors: number[] = [];
  const nFat = u32(b, 0x2c);
  for (let i = 0; i < 109 && fatSectors.length < nFat; i++) fatSectors.push(u32(b, 0x4c + i * 4));
  let difat = u32(b, 0x44);
  for (let guard = 0; fatSectors.length < nFat && difat < sectors && guard < sectors; guard++) {
    const o = at(difat);
    if (o + size > b.length) return null;
    for (let i = 0; i < size / 4 - 1 && fatSectors.length < nFat; i++) fatSectors.push(u32(b, o + i * 4));
    difat = u32(b, o + size - 4);
  }
  const perSector = size / 4;
  const next = (s: number): number => {
    const fs = fatSectors[Math.floor(s / perSector)];
    if (fs === undefined || fs >= sectors) return END_OF_CHAIN;
    const o = at(fs) + (s % perSector) * 4;
    return o + 4 <= b.length ? u32(b, o) : END_OF_CHAIN;
  };
  const names: string[] = [];
  let s = u32(b, 0x30);
  for (let guard = 0; s < sectors && guard < sectors; guard++) {
    const o = at(s);
    if (o + size > b.length) return null;
    for (let e = o; e < o + size; e += 128) {
      const type = b[e + 0x42];
      const len = u16(b, e + 0x40);
      if (type === 0 || len < 2 || len > 64) continue;
      names.push(decodeUtf16(b, true, e, e + len - 2));
    }
    s = next(s);
  }
  return names.length ? names : null;
}

export type CfbKind = "encrypted-ooxml" | "legacy-office" | "outlook-msg" | "other";

export function cfbKind(names: string[]): CfbKind {
  const has = (n: string) => names.indexOf(n) >= 0;
  if (has("EncryptedPackage") || has("EncryptionInfo")) return "encrypted-ooxml";
  if (names.some((n) => n.indexOf("__substg1.0_") === 0 || n === "__properties_version1.0")) return "outlook-msg";
  if (has("WordDocument") || has("Workbook") || has("Book") || has("PowerPoint Document")) return "legacy-office";
  return "other";
}
