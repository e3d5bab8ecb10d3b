/**
 * The hand-written inflater against fflate's (a well-kept implementation) on real deflate data of every block type
 * (stored at level 0, fixed and dynamic Huffman at levels 1–9), and on damaged data: it must give fflate's bytes for
 * valid streams and a PartFailure (never another exception, never more output than declared) for damaged ones.
 */
import fc from "fast-check";
import { deflateSync, inflateSync, zlibSync } from "fflate";
import { Context, PartFailure } from "./context";
import { inflateRaw, inflateZlib } from "./inflate";
import { randomBytes } from "./test-fixtures";

const ctx = () => new Context(Date.now() + 60000, Date.now);
type Level = 0 | 1 | 2 | 3 | 4 | 5 | 6 | 7 | 8 | 9;

/** Bytes with tunable redundancy: runs, repeats of earlier slices (long and short distances) and noise. */
const textLike = fc
  .array(
    fc.oneof(
      fc.string({ maxLength: 40 }),
      fc.constantFrom("<row r=\"1\"><c r=\"A1\" t=\"s\"><v>0</v></c></row>", "4111 1111 1111 1111\t", "\u00e4\u00f6\u00fc \u6f22\u5b57 "),
      fc.nat(300).map((n) => " ".repeat(n)),
    ),
    { maxLength: 400 },
  )
  .map((parts) => new TextEncoder().encode(parts.join("")));
const noisy = fc.tuple(fc.nat(70000), fc.integer({ min: 1, max: 1 << 30 })).map(([n, seed]) => randomBytes(n, seed));

describe("inflateRaw", () => {
  it("gives exactly fflate's output for every level (stored, fixed and dynamic blocks), with and without a declared size", () => {
    fc.assert(
      fc.property(fc.oneof(textLike, noisy), fc.integer({ min: 0, max: 9 }), (bytes, level) => {
        const packed = deflateSync(bytes, { level: level as Level });
        const expected = inflateSync(packed);
        expect(Buffer.from(inflateRaw(ctx(), packed, bytes.length)).equals(Buffer.from(expected))).toBe(true);
        expect(Buffer.from(inflateRaw(ctx(), packed)).equals(Buffer.from(bytes))).toBe(true);
      }),
      { numRuns: 150 },
    );
  });
  it("reads a 3 MB sheet-like stream whose back-references span the whole 32 KB window", () => {
    const row = (i: number) => `<row r="${i}"><c r="A${i}"><v>${100000 + i}</v></c><c r="B${i}" t="s"><v>${i % 977}</v></c></row>`;
    const xml = new TextEncoder().encode(Array.from({ length: 40000 }, (_, i) => row(i)).join(""));
    const packed = deflateSync(xml, { level: 6 });
    const c = ctx();
    expect(Buffer.from(inflateRaw(c, packed, xml.length)).equals(Buffer.from(xml))).toBe(true);
    expect(c.inflated).toBe(xml.length);
  });
  it("damaged or cut streams → PartFailure (corrupt or limit), never another error, never past the declared size", () => {
    fc.assert(
      fc.property(textLike, fc.array(fc.tuple(fc.nat(), fc.nat(255)), { minLength: 1, maxLength: 6 }), fc.nat(), (bytes, flips, cut) => {
        const packed = deflateSync(bytes, { level: 6 }).slice();
        for (const [at, v] of flips) packed[at % packed.length] = v;
        const end = cut % (packed.length + 1);
        for (const data of [packed, packed.subarray(0, end)]) {
          try {
            const out = inflateRaw(ctx(), data, bytes.length);
            expect(out.length).toBeLessThanOrEqual(bytes.length);
          } catch (e) {
            expect(e).toBeInstanceOf(PartFailure);
            expect(["corrupt", "limit"]).toContain((e as PartFailure).reason);
          }
        }
      }),
      { numRuns: 300 },
    );
  });
  it("reports a cut stream as truncated and a reserved block type as damaged", () => {
    const packed = deflateSync(randomBytes(5000, 3), { level: 6 });
    expect(() => inflateRaw(ctx(), packed.subarray(0, packed.length - 10))).toThrow(expect.objectContaining({ reason: "corrupt", detail: "deflate stream is truncated" }));
    expect(() => inflateRaw(ctx(), new Uint8Array([0x07, 0, 0]))).toThrow(expect.objectContaining({ reason: "corrupt", detail: "deflate data is damaged" }));
  });
  it("inflateZlib skips the zlib header and ignores the Adler-32 trailer", () => {
    const text = new TextEncoder().encode("BT (Card 4111 1111 1111 1111) Tj ET ".repeat(50));
    const z = zlibSync(text).slice();
    z[z.length - 1] = (z[z.length - 1] as number) ^ 0xff; // a wrong checksum is tolerated, as PDF readers do
    expect(new TextDecoder().decode(inflateZlib(ctx(), z))).toBe(new TextDecoder().decode(text));
  });
});

describe("inflateRaw on streams cut short (no declared size, as in a PDF)", () => {
  // Regression, found by the mutation property test: past the end of the input every bit reads as 0, and in this
  // stream (a pdf-lib object stream cut after 200 bytes) the all-zero code is a literal, so the decoder once produced
  // literals until the 120 MB cap (about 2 s). It must stop at the end of the input.
  const CUT_OBJECT_STREAM = "eJzVUl1LwzAUfc+vuI/64PLR9EvGYFtbBRHHJiiKD1kbRmUk0qYy/703bTfZg/gs5ZDce09O7k0PBwYCpIQA4gQkhIGAECIuYTol9PHrQwNdqZ1uCb2rqxZescpgDW+ELm1nHHAym5Ef7lI5tbc7MhwC7slHxqqxVVfqBqZFXhSMxYyxSCIixkSG6xKRIgTGWBMJ7hGxHIG5OGAsmGOtGBDFwxlf77nheD7HFbmR52QDVyZDfLrX35UPGuKvfrAZofe2ypTTcJE=";

  it("a stream that ends mid-block is corrupt (truncated), at once", () => {
    const c = ctx();
    let failure: unknown;
    try {
      inflateZlib(c, new Uint8Array(Buffer.from(CUT_OBJECT_STREAM, "base64")));
    } catch (e) {
      failure = e;
    }
    expect(failure).toEqual(new PartFailure("corrupt", "deflate stream is truncated"));
    expect(c.inflated).toBe(0);
  });

  it("damaged prefixes of any stream give corrupt or at most what the intact stream holds", () => {
    fc.assert(
      fc.property(textLike, fc.nat(), (bytes, cutAt) => {
        const packed = deflateSync(bytes, { level: 9 });
        const cut = packed.subarray(0, cutAt % (packed.length + 1));
        let out: Uint8Array | undefined;
        try {
          out = inflateRaw(ctx(), cut);
        } catch (e) {
          expect(e).toBeInstanceOf(PartFailure);
          return;
        }
        expect(out.length).toBeLessThanOrEqual(bytes.length);
      }),
      { numRuns: 300 },
    );
  });
});
