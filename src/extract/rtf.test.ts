import { Context, PartFailure } from "./context";
import { MAX_RTF_BYTES } from "./limits";
import { decompressRtf, rtfToText } from "./rtf";
import { bytesOf, compressRtfLiterals, rtfBomb } from "./test-fixtures-cfb";

const ctx = () => new Context(Infinity, () => Date.now());
const text = (rtf: string) => rtfToText(ctx(), bytesOf(rtf));
const latin = (b: Uint8Array) => Buffer.from(b).toString("latin1");

describe("MS-OXRTFCP decompression", () => {
  it("a published LZFu vector with dictionary references (xrtf's README: '{\\rtf1 WXYZWXYZ…}')", () => {
    const vector = Uint8Array.from(Buffer.from("1a0000001c0000004c5a4675e2d44b51410004205758595a0d6e7d010eb0", "hex"));
    expect(latin(decompressRtf(ctx(), vector))).toBe("{\\rtf1 WXYZWXYZWXYZWXYZWXYZ}");
  });
  it("literal tokens and the end marker (our own compressor), and the uncompressed MELA form", () => {
    const raw = "{\\rtf1\\ansi hello 4111 1111 1111 1111}";
    expect(latin(decompressRtf(ctx(), compressRtfLiterals(bytesOf(raw))))).toBe(raw);
    const mela = Uint8Array.from(Buffer.concat([Buffer.from([raw.length + 12, 0, 0, 0, raw.length, 0, 0, 0]), Buffer.from("MELA"), Buffer.alloc(4), Buffer.from(raw, "latin1")]));
    expect(latin(decompressRtf(ctx(), mela))).toBe(raw);
  });
  it("a bomb declaring 4 GB → limit before any allocation", () => {
    expect(() => decompressRtf(ctx(), rtfBomb(0xfffffff0, 8))).toThrow(PartFailure);
    try {
      decompressRtf(ctx(), rtfBomb(0xfffffff0, 8));
    } catch (e) {
      expect((e as PartFailure).reason).toBe("limit");
    }
  });
  it("a bomb within the declared cap stops at the declared size, quickly", () => {
    const t0 = Date.now();
    const out = decompressRtf(ctx(), rtfBomb(MAX_RTF_BYTES, 2_500_000)); // 2.5 M references × 17 bytes > 32 MB
    expect(out.length).toBe(MAX_RTF_BYTES);
    expect(Date.now() - t0).toBeLessThan(3000);
  });
  it("damaged: short header, unknown type → corrupt", () => {
    expect(() => decompressRtf(ctx(), Uint8Array.of(1, 2, 3))).toThrow(PartFailure);
    let failure: unknown;
    try {
      decompressRtf(ctx(), Uint8Array.from(Buffer.from("0c000000050000004e4f4e450000000041424344", "hex")));
    } catch (e) {
      failure = e;
    }
    expect(failure).toEqual(new PartFailure("corrupt", "compressed RTF of unknown type"));
  });
});

describe("RTF → text", () => {
  it("paragraphs, tabs, table cells, escapes, \\u with its fallback, \\'hh in the document code page", () => {
    expect(text("{\\rtf1\\ansi\\ansicpg1252{\\fonttbl{\\f0 Arial;}}{\\colortbl;\\red0;}\\pard Card\\tab 4111\\par Gr\\'fc\\'dfe \\u8364?5\\par\\intbl a\\cell b\\cell\\row}")).toBe(
      "Card\t4111\nGrüße €5\na\tb",
    );
  });
  it("skips pictures, objects and \\* destinations it does not know", () => {
    expect(text("{\\rtf1 before{\\*\\generator Riched20;}{\\pict\\pngblip 89504e47}{\\*\\unknown x}after}")).toBe("beforeafter");
  });
  it("HTML encapsulated in RTF (\\fromhtml1): htmltag groups rebuild the HTML, \\htmlrtf runs are dropped, cells stay apart", () => {
    const rtf =
      "{\\rtf1\\ansi\\ansicpg1252\\fromhtml1 \\deff0{\\fonttbl{\\f0\\fswiss Arial;}}" +
      "{\\*\\htmltag19 <html>}{\\*\\htmltag34 <body>}{\\*\\htmltag64 <table>}{\\*\\htmltag <tr><td>}4111{\\*\\htmltag </td><td>}1111" +
      "{\\htmlrtf \\cell RTF only text\\htmlrtf0 }{\\*\\htmltag </td></tr></table>}{\\*\\htmltag <p>}Gr\\'fc\\'dfe &amp; more{\\*\\htmltag </p>}{\\*\\htmltag </body></html>}}";
    const t = text(rtf);
    expect(t).toMatch(/4111\s+1111/);
    expect(t).not.toContain("41111111");
    expect(t).not.toContain("RTF only");
    expect(t).toContain("Grüße & more");
  });
  it("unbalanced and deeply nested braces stay linear and never throw", () => {
    const t0 = Date.now();
    expect(text("{".repeat(200000) + "deep" + "}".repeat(10))).toBe("deep");
    expect(text("}}}}{\\rtf1 x")).toBe("x");
    expect(Date.now() - t0).toBeLessThan(2000);
  });
});
