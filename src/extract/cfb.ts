/**
 * Compound File Binary (OLE2, [MS-CFB]) reader: header, DIFAT, FAT, miniFAT, the directory's red-black trees and
 * streams, for Outlook .msg, legacy .doc/.xls/.ppt and encrypted OOXML (streams "EncryptionInfo" + "EncryptedPackage").
 *
 * Hand-written rather than SheetJS `cfb` (1.2.2), measured against the ES2016 single-file handler:
 * - weight: `cfb` adds 31.4 KB minified / 11.7 KB gzip to a bundle (its writer and base64/Buffer paths come along);
 *   this reader is a fraction of that (see docs/extract.md, "Bundle weight");
 * - bounds: `cfb.read` reads every stream eagerly, has no clock hook, follows a large stream's FAT chain without a loop
 *   check (`get_sector_list`), recurses once per DIFAT sector (a declared DIFAT count of millions overflows the stack)
 *   and builds full paths with `q.lastIndexOf` per entry (quadratic: 8,000 entries take ~100 ms, 200,000 would take
 *   minutes, beyond any send budget);
 * - here every walk is bounded by the sector count: each sector can belong to one chain only (an owner table), so a
 *   FAT or DIFAT loop, a cross-linked chain or a tree cycle is found in one pass and answered as `corrupt`; stream sizes
 *   are checked against the file before anything is copied; streams are read lazily, one at a time; the clock is
 *   checked through the extraction Context.
 * `cfb` is a devDependency: the tests write real compound files with it.
 */
import { Context, PartFailure } from "./context";
import { MAX_CFB_ENTRIES } from "./limits";
import { decodeUtf16 } from "./text-decode";

export const CFB_MAGIC = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

export function isCfb(b: Uint8Array): boolean {
  if (b.length < 512) return false;
  for (let i = 0; i < 8; i++) if (b[i] !== CFB_MAGIC[i]) return false;
  return true;
}

export const u16 = (b: Uint8Array, o: number): number => ((b[o] as number) | ((b[o + 1] as number) << 8)) >>> 0;
export const u32 = (b: Uint8Array, o: number): number =>
  ((b[o] as number) | ((b[o + 1] as number) << 8) | ((b[o + 2] as number) << 16) | ((b[o + 3] as number) << 24)) >>> 0;

/** Special sector numbers ([MS-CFB] 2.1): anything at or above MAX_REGULAR_SECTOR ends or marks a chain. */
const MAX_REGULAR_SECTOR = 0xfffffffa;
const END_OF_CHAIN = 0xfffffffe;
const NO_STREAM = 0xffffffff;
const DIRECTORY_ENTRY_BYTES = 128;
const MINI_SECTOR_BYTES = 64;
/** Owner ids in the sector owner table for chains that are not streams. */
const OWNER_DIRECTORY = -2;
const OWNER_MINI_FAT = -3;

/** Directory entry object types ([MS-CFB] 2.6.1). */
export const STORAGE = 1;
export const STREAM = 2;
export const ROOT = 5;
export type EntryType = 1 | 2 | 5;

export interface CfbEntry {
  id: number;
  name: string;
  type: EntryType;
  start: number;
  size: number;
  left: number;
  right: number;
  child: number;
}

export interface CfbFile {
  root: CfbEntry;
  /** Children of a storage (or the root), in directory-tree order. Throws PartFailure("corrupt") on a damaged tree. */
  children(storage: CfbEntry): CfbEntry[];
  /** The child of `storage` named `name` (compared case-insensitively, as [MS-CFB] 2.6.4 does). */
  child(storage: CfbEntry, name: string): CfbEntry | undefined;
  /** The bytes of a stream. Throws PartFailure("corrupt") when its chain is damaged or leaves the file. */
  read(stream: CfbEntry): Uint8Array;
}

const corrupt = (detail: string) => new PartFailure("corrupt", "compound file: " + detail);

/** Parses the header, FAT and directory of a compound file. Throws PartFailure for damaged files; streams are read lazily. */
export function readCfb(ctx: Context, b: Uint8Array): CfbFile {
  if (!isCfb(b)) throw corrupt("no OLE2 signature");
  const shift = u16(b, 0x1e);
  if (shift !== 9 && shift !== 12) throw corrupt("sector shift " + shift);
  if (u16(b, 0x20) !== 6) throw corrupt("mini sector shift " + u16(b, 0x20));
  const size = 1 << shift;
  const perSector = size / 4;
  // Sector n starts at (n + 1) * size; the last one may be cut short (checked when it is read).
  const sectorCount = Math.max(0, Math.ceil((b.length - size) / size));
  const sectorAt = (s: number) => (s + 1) * size;
  const fatCount = u32(b, 0x2c);
  if (fatCount > sectorCount) throw corrupt("header declares " + fatCount + " FAT sectors in a file of " + sectorCount);
  const miniCutoff = u32(b, 0x38) || 4096;

  // DIFAT: 109 FAT sector numbers in the header, then a chain of DIFAT sectors (each visited once).
  const fatSectors: number[] = [];
  for (let i = 0; i < 109 && fatSectors.length < fatCount; i++) fatSectors.push(u32(b, 0x4c + i * 4));
  const difatSeen = new Uint8Array(sectorCount);
  for (let d = u32(b, 0x44); fatSectors.length < fatCount; ) {
    ctx.tick();
    if (d >= sectorCount) throw corrupt("DIFAT chain ends after " + fatSectors.length + " of " + fatCount + " FAT sectors");
    if (difatSeen[d]) throw corrupt("DIFAT chain loops");
    difatSeen[d] = 1;
    const o = sectorAt(d);
    if (o + size > b.length) throw corrupt("truncated DIFAT sector");
    for (let i = 0; i < perSector - 1 && fatSectors.length < fatCount; i++) fatSectors.push(u32(b, o + i * 4));
    d = u32(b, o + size - 4);
  }
  const fat = new Uint32Array(fatCount * perSector);
  for (let i = 0; i < fatSectors.length; i++) {
    ctx.tick();
    const fs = fatSectors[i] as number;
    if (fs >= sectorCount) throw corrupt("FAT sector " + fs + " outside the file");
    const o = sectorAt(fs);
    const n = Math.min(perSector, Math.floor((b.length - o) / 4));
    for (let k = 0; k < n; k++) fat[i * perSector + k] = u32(b, o + k * 4);
    for (let k = n; k < perSector; k++) fat[i * perSector + k] = END_OF_CHAIN;
  }

  // Each sector belongs to at most one chain: a second claim is a loop or a cross-link.
  const owner = new Int32Array(sectorCount).fill(-1);
  /** Sectors of a chain; `need` sectors when the length is known (-1: up to END_OF_CHAIN). */
  const chain = (start: number, need: number, who: number): number[] => {
    const out: number[] = [];
    let s = start;
    while (need < 0 ? s < MAX_REGULAR_SECTOR : out.length < need) {
      ctx.tick();
      if (s >= sectorCount || s >= fat.length) throw corrupt(s >= MAX_REGULAR_SECTOR ? "chain ends early" : "chain leaves the file");
      if (owner[s] !== -1) throw corrupt(owner[s] === who ? "sector chain loops" : "sector chains cross");
      owner[s] = who;
      out.push(s);
      s = fat[s] as number;
    }
    return out;
  };
  const gather = (sectors: number[], length: number): Uint8Array => {
    const out = new Uint8Array(length);
    for (let i = 0, done = 0; i < sectors.length && done < length; i++) {
      ctx.tick();
      const o = sectorAt(sectors[i] as number);
      const n = Math.min(size, length - done);
      if (o + n > b.length) throw corrupt("stream data past the end of the file (truncated?)");
      out.set(b.subarray(o, o + n), done);
      done += n;
    }
    return out;
  };

  // Directory.
  const dirSectors = chain(u32(b, 0x30), -1, OWNER_DIRECTORY);
  const perDirSector = size / DIRECTORY_ENTRY_BYTES;
  if (dirSectors.length * perDirSector > MAX_CFB_ENTRIES) {
    throw new PartFailure("limit", "compound file with more than " + MAX_CFB_ENTRIES + " directory entries");
  }
  const entries: (CfbEntry | undefined)[] = [];
  for (let i = 0; i < dirSectors.length; i++) {
    const base = sectorAt(dirSectors[i] as number);
    for (let k = 0; k < perDirSector; k++) {
      ctx.tick();
      const e = base + k * DIRECTORY_ENTRY_BYTES;
      const id = i * perDirSector + k;
      if (e + DIRECTORY_ENTRY_BYTES > b.length) {
        entries[id] = undefined;
        continue;
      }
      const type = b[e + 0x42] as number;
      const len = u16(b, e + 0x40);
      if (type !== STORAGE && type !== STREAM && type !== ROOT) {
        entries[id] = undefined;
        continue;
      }
      const nameLen = len >= 2 && len <= 64 ? len - 2 : 0;
      entries[id] = {
        id,
        name: decodeUtf16(b, true, e, e + nameLen),
        type: type as EntryType,
        left: u32(b, e + 0x44),
        right: u32(b, e + 0x48),
        child: u32(b, e + 0x4c),
        start: u32(b, e + 0x74),
        // Version 3 files may leave garbage in the high 32 bits; sizes above 4 GB cannot occur in a file we accept.
        size: u32(b, e + 0x78),
      };
    }
  }
  const root = entries[0];
  if (!root || root.type !== ROOT) throw corrupt("no root entry");

  const checkSize = (e: CfbEntry) => {
    if (e.size > b.length) throw corrupt('stream "' + e.name + '" declares ' + e.size + " bytes, more than the file");
  };

  // Mini stream (the root entry's chain) and miniFAT, read on first use.
  let mini: { data: Uint8Array; fat: Uint32Array; owner: Int32Array } | null = null;
  const miniStream = () => {
    if (mini) return mini;
    checkSize(root);
    const data = gather(chain(root.start, Math.ceil(root.size / size), root.id), root.size);
    const miniFatSectors = chain(u32(b, 0x3c), Math.min(u32(b, 0x40), sectorCount), OWNER_MINI_FAT);
    const raw = gather(miniFatSectors, miniFatSectors.length * size);
    const mfat = new Uint32Array(raw.length / 4);
    for (let i = 0; i < mfat.length; i++) {
      ctx.tick(4096);
      mfat[i] = u32(raw, i * 4);
    }
    mini = { data, fat: mfat, owner: new Int32Array(Math.ceil(data.length / MINI_SECTOR_BYTES)).fill(-1) };
    return mini;
  };
  const readMini = (e: CfbEntry): Uint8Array => {
    const m = miniStream();
    const out = new Uint8Array(e.size);
    let s = e.start;
    for (let done = 0; done < e.size; ) {
      ctx.tick();
      if (s >= m.owner.length || s >= m.fat.length) throw corrupt('mini stream chain of "' + e.name + '" ends early');
      if (m.owner[s] !== -1) throw corrupt(m.owner[s] === e.id ? "mini sector chain loops" : "mini sector chains cross");
      m.owner[s] = e.id;
      const o = s * MINI_SECTOR_BYTES;
      const n = Math.min(MINI_SECTOR_BYTES, e.size - done, m.data.length - o);
      if (n <= 0) throw corrupt("mini stream data past its end");
      out.set(m.data.subarray(o, o + n), done);
      done += n;
      s = m.fat[s] as number;
    }
    return out;
  };

  const chains: { [id: number]: number[] } = {};
  const read = (e: CfbEntry): Uint8Array => {
    ctx.checkTime();
    if (e.type !== STREAM) throw corrupt('"' + e.name + '" is not a stream');
    if (e.size === 0) return new Uint8Array(0);
    checkSize(e);
    if (e.size < miniCutoff) {
      // A stream read twice keeps its mini sectors: clear its claims first.
      if (mini) {
        for (let i = 0; i < mini.owner.length; i++) {
          ctx.tick(4096);
          if (mini.owner[i] === e.id) mini.owner[i] = -1;
        }
      }
      return readMini(e);
    }
    const c = chains[e.id] || (chains[e.id] = chain(e.start, Math.ceil(e.size / size), e.id));
    return gather(c, e.size);
  };

  // Directory trees: every entry belongs to one tree, once.
  const treeSeen = new Uint8Array(entries.length);
  treeSeen[0] = 1;
  const kids: { [id: number]: CfbEntry[] } = {};
  const children = (storage: CfbEntry): CfbEntry[] => {
    const cached = kids[storage.id];
    if (cached) return cached;
    const out: CfbEntry[] = [];
    const stack: number[] = [];
    let cur = storage.child;
    while (stack.length || (cur !== NO_STREAM && cur < entries.length)) {
      ctx.tick();
      while (cur !== NO_STREAM && cur < entries.length) {
        if (treeSeen[cur]) throw corrupt("directory tree loops");
        treeSeen[cur] = 1;
        stack.push(cur);
        const e = entries[cur];
        cur = e ? e.left : NO_STREAM;
      }
      const id = stack.pop();
      if (id === undefined) break;
      const e = entries[id];
      if (e) out.push(e);
      cur = e ? e.right : NO_STREAM;
    }
    kids[storage.id] = out;
    return out;
  };
  const byName: { [id: number]: { [upper: string]: CfbEntry } } = {};
  const child = (storage: CfbEntry, name: string): CfbEntry | undefined => {
    let map = byName[storage.id];
    if (!map) {
      map = {};
      const list = children(storage);
      for (let i = 0; i < list.length; i++) {
        ctx.tick(1024);
        map[(list[i] as CfbEntry).name.toUpperCase()] = list[i] as CfbEntry;
      }
      byName[storage.id] = map;
    }
    return map[name.toUpperCase()];
  };
  return { root, children, child, read };
}

export type CfbKind = "encrypted-ooxml" | "outlook-msg" | "word" | "excel" | "excel-95" | "powerpoint" | "other";

/** What a compound file holds, from the names of the root's children. */
export function cfbKind(names: string[]): CfbKind {
  const upper = names.map((n) => n.toUpperCase());
  const has = (n: string) => upper.indexOf(n.toUpperCase()) >= 0;
  if (has("EncryptedPackage") || has("EncryptionInfo")) return "encrypted-ooxml";
  if (upper.some((n) => n.indexOf("__SUBSTG1.0_") === 0 || n === "__PROPERTIES_VERSION1.0")) return "outlook-msg";
  if (has("WordDocument")) return "word";
  if (has("Workbook")) return "excel";
  if (has("Book")) return "excel-95";
  if (has("PowerPoint Document")) return "powerpoint";
  return "other";
}
