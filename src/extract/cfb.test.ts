/**
 * The compound-file reader on files written by SheetJS cfb, and on hostile variants: every damaged file is answered
 * with a reason (corrupt / limit) and fast, never a hang, a crash or an out-of-memory.
 */
import { Context, PartFailure } from "./context";
import { readCfb } from "./cfb";
import { extractText } from "./index";
import { MAX_CFB_ENTRIES } from "./limits";
import { compound } from "./test-fixtures-cfb";

const ctx = () => new Context(Infinity, () => Date.now());
const dv = (b: Uint8Array) => new DataView(b.buffer, b.byteOffset, b.byteLength);
const SECTOR = 512;
const at = (sector: number) => (sector + 1) * SECTOR;
/** The FAT entry of `sector` (first FAT sector only). */
const fatEntry = (b: Uint8Array, sector: number) => at(dv(b).getUint32(0x4c, true)) + sector * 4;

function failure(b: Uint8Array): PartFailure {
  try {
    const f = readCfb(ctx(), b);
    for (const e of f.children(f.root)) if (e.type === 2) f.read(e);
  } catch (e) {
    if (e instanceof PartFailure) return e;
    throw e;
  }
  throw new Error("no failure");
}

const big = new Uint8Array(200 * 1024).map((_x, i) => (i * 7) & 255);
const sample = () => compound({ "/small": Uint8Array.from([1, 2, 3]), "/dir/inner": Uint8Array.from([4, 5]), "/big": big });

describe("readCfb on real compound files", () => {
  it("reads storages, mini streams and regular streams, names case-insensitively", () => {
    const f = readCfb(ctx(), sample());
    const names = f.children(f.root).map((e) => e.name);
    expect(names).toEqual(expect.arrayContaining(["small", "dir", "big"]));
    expect(Array.from(f.read(f.child(f.root, "SMALL")!))).toEqual([1, 2, 3]);
    const dir = f.child(f.root, "dir")!;
    expect(Array.from(f.read(f.child(dir, "inner")!))).toEqual([4, 5]);
    expect(f.read(f.child(f.root, "big")!)).toEqual(big);
    // Read twice: the same bytes (the owner table is per chain, not per read).
    expect(f.read(f.child(f.root, "big")!)).toEqual(big);
    expect(Array.from(f.read(f.child(f.root, "small")!))).toEqual([1, 2, 3]);
  });
});

describe("hostile compound files", () => {
  it("truncated: half a file → corrupt", () => {
    const b = sample();
    expect(failure(b.subarray(0, Math.floor(b.length / 2))).reason).toBe("corrupt");
    expect(extractText("cut.doc", b.subarray(0, 1536)).unscanned[0]!.reason).toBe("corrupt");
  });

  it("a FAT loop (the directory's sector points at itself) → corrupt: sector chain loops", () => {
    const b = sample();
    const dir = dv(b).getUint32(0x30, true);
    dv(b).setUint32(fatEntry(b, dir), dir, true);
    expect(failure(b).detail).toMatch(/sector chain loops/);
  });

  it("a loop in a stream's chain → corrupt, found within one pass", () => {
    const b = sample();
    const f = readCfb(ctx(), b);
    const start = f.child(f.root, "big")!.start;
    dv(b).setUint32(fatEntry(b, start + 3), start, true);
    const t0 = Date.now();
    expect(failure(b).detail).toMatch(/loops/);
    expect(Date.now() - t0).toBeLessThan(1000);
  });

  it("a huge FAT sector count in the header → corrupt before anything is allocated", () => {
    const b = sample();
    dv(b).setUint32(0x2c, 0x7fffffff, true);
    expect(failure(b).detail).toMatch(/declares 2147483647 FAT sectors/);
  });

  it("a DIFAT loop → corrupt", () => {
    const b = sample(); // ~200 KB: more than 110 sectors
    dv(b).setUint32(0x2c, 300, true); // 109 in the header, 191 more: two DIFAT sectors needed
    const difat = 300;
    b.fill(0, at(difat), at(difat) + SECTOR);
    dv(b).setUint32(0x44, difat, true);
    dv(b).setUint32(0x48, 1, true);
    dv(b).setUint32(at(difat) + SECTOR - 4, difat, true); // the DIFAT sector's next is itself
    for (let i = 0; i < 109; i++) if (dv(b).getUint32(0x4c + i * 4, true) === 0xffffffff) dv(b).setUint32(0x4c + i * 4, 0, true);
    expect(failure(b).detail).toBe("compound file: DIFAT chain loops");
  });

  it("a stream size larger than the file → corrupt, nothing copied", () => {
    const b = sample();
    const f = readCfb(ctx(), b);
    const e = f.child(f.root, "big")!;
    const dirSector = dv(b).getUint32(0x30, true);
    dv(b).setUint32(at(dirSector) + e.id * 128 + 0x78, 0x7ffffff0, true);
    expect(failure(b).detail).toMatch(/declares 2147483632 bytes, more than the file/);
  });

  it("a directory tree that loops (an entry is its own left sibling) → corrupt", () => {
    const b = sample();
    const dirSector = dv(b).getUint32(0x30, true);
    const f = readCfb(ctx(), b);
    const e = f.children(f.root)[0]!;
    dv(b).setUint32(at(dirSector) + e.id * 128 + 0x44, e.id, true);
    expect(failure(b).detail).toMatch(/directory tree loops/);
  });

  it(`a directory of more than ${MAX_CFB_ENTRIES} entries → limit, refused from the chain length`, () => {
    // The directory chain pointed at a 13 MB stream: 26,000+ sectors of 4 entries each.
    const data = new Uint8Array(13 * 1024 * 1024);
    const b = compound({ "/huge": data });
    const f = readCfb(ctx(), b);
    dv(b).setUint32(0x30, f.child(f.root, "huge")!.start, true);
    const t0 = Date.now();
    const r = extractText("huge.xls", b);
    expect(r.unscanned[0]).toEqual({ part: "huge.xls", reason: "limit", detail: `compound file with more than ${MAX_CFB_ENTRIES} directory entries` });
    expect(Date.now() - t0).toBeLessThan(2000);
  });

  it("a deadline already passed → timeout, not a partial read presented as complete", () => {
    const r = extractText("late.doc", sample(), { deadline: 0, now: () => 1 });
    expect(r.unscanned[0]!.reason).toBe("timeout");
  });
});
