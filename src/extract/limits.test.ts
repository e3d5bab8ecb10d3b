/**
 * Hostile input. Each case asserts the exact `unscanned` reason. "Within the time budget" is asserted without timing
 * the test: extraction runs against the real clock with the default budget, checks it while working, and would report
 * `timeout` instead of the expected reason if it overran. Memory: a zip entry is inflated into a buffer of its declared size and
 * stopped at the first byte past it; limits and clock are checked every INFLATE_STEP_BYTES of output,
 * asserted through ctx.inflated, which counts every byte kept.
 */
import { Context } from "./context";
import { extractText } from "./index";
import { inflateRaw } from "./inflate";
import { deflateSync } from "fflate";
import { INFLATE_STEP_BYTES, MAX_ATTACHMENT_BYTES, MAX_ENTRIES, MAX_ENTRY_INFLATED_BYTES, MAX_NESTING_DEPTH } from "./limits";
import { BILLION_LAUGHS, cfb, deflatedZeros, docx, enc, manyEntriesZip, para, randomBytes, xlsx, zipOf, zipWithRawEntry } from "./test-fixtures";

const GB = 1 << 30;
let bomb: Uint8Array;
beforeAll(() => {
  bomb = deflatedZeros(GB); // 6.5 MB of real deflate data that inflates to 1 GB of zeros
});

describe("zip bombs", () => {
  it("refuses an honest 1 GB bomb from its directory, before inflating anything", () => {
    const r = extractText("bomb.zip", zipWithRawEntry("zeros.bin", bomb, GB));
    expect(r.unscanned).toEqual([{ part: "bomb.zip", reason: "limit", detail: "archive declares 1073741824 inflated bytes (limit 209715200)" }]);
  });
  it("stops a bomb whose directory lies (claims 1 KB) after one inflate step", () => {
    const r = extractText("liar.zip", zipWithRawEntry("zeros.bin", bomb, GB, 1024));
    expect(r.unscanned).toEqual([{ part: "zeros.bin", reason: "limit", detail: "entry inflates past its declared size (lying zip directory)" }]);
  });
  it("inflateRaw keeps nothing of a refused entry, and stops at the declared size or within one step", () => {
    const ctx = new Context(Date.now() + 60000, Date.now);
    expect(() => inflateRaw(ctx, bomb, 1024)).toThrow();
    expect(ctx.inflated).toBe(0);
    // Without a declared size (a PDF stream), the entry cap stops it: this stream's ratio (about 165:1) is under the
    // ratio limit, so it inflates up to MAX_ENTRY_INFLATED_BYTES, reading the clock once per INFLATE_STEP_BYTES.
    const steps: number[] = [];
    const ctx2 = new Context(Date.now() + 60000, () => (steps.push(1), Date.now()));
    expect(() => inflateRaw(ctx2, bomb)).toThrow(expect.objectContaining({ reason: "limit", detail: `entry inflates to more than ${MAX_ENTRY_INFLATED_BYTES} bytes` }));
    expect(steps.length).toBeGreaterThanOrEqual(MAX_ENTRY_INFLATED_BYTES / INFLATE_STEP_BYTES - 1);
    expect(steps.length).toBeLessThan((MAX_ENTRY_INFLATED_BYTES / INFLATE_STEP_BYTES) * 2);
    // A real bomb ratio (1 MB of zeros in about 1 KB) is stopped by the ratio check at the first step.
    const steps3: number[] = [];
    const ctx3 = new Context(Date.now() + 60000, () => (steps3.push(1), Date.now()));
    const dense = deflateSync(new Uint8Array(64 * 1024 * 1024), { level: 9 });
    expect(() => inflateRaw(ctx3, dense)).toThrow(expect.objectContaining({ reason: "limit", detail: "compression ratio over 250:1 (zip bomb?)" }));
    expect(steps3.length).toBeLessThan(8); // one step (the clock is also read every 16 deflate blocks)
    expect(INFLATE_STEP_BYTES).toBe(1024 * 1024);
    expect(ctx2.inflated).toBe(0);
  });
  it("an office package hiding a bomb part reports that part", () => {
    const file = zipOf({ "[Content_Types].xml": "<Types/>", "word/document.xml": "<w:document/>" });
    const r = extractText("bomb.docx", zipWithRawEntry("word/document.xml", bomb, GB, 5000));
    expect(r.unscanned[0]).toEqual(expect.objectContaining({ part: "word/document.xml", reason: "limit" }));
    expect(extractText("ok.docx", file).unscanned).toEqual([]);
  });
});

it("a zip with 100,000 entries → limit, refused from its directory", () => {
  const r = extractText("many.zip", manyEntriesZip(100000));
  expect(r.unscanned).toEqual([{ part: "many.zip", reason: "limit", detail: `archive has 100000 entries (limit ${MAX_ENTRIES})` }]);
  expect(r.parts).toEqual([]);
});

it("nested zips 20 deep → the first levels are read, the rest is one limit", () => {
  let z = zipOf({ "core.txt": "the bottom" });
  for (let i = 19; i >= 1; i--) z = zipOf({ [`level${i}.txt`]: `level ${i}`, [`n${i}.zip`]: z });
  const r = extractText("n0.zip", z);
  expect(r.text).toContain("level 1");
  expect(r.text).toContain(`level ${MAX_NESTING_DEPTH + 1}`); // text files inside the deepest archive read
  expect(r.text).not.toContain(`level ${MAX_NESTING_DEPTH + 2}`);
  expect(r.unscanned).toHaveLength(1);
  expect(r.unscanned[0]).toEqual(expect.objectContaining({ reason: "limit", detail: `nested deeper than ${MAX_NESTING_DEPTH} containers` }));
});

it("a truncated docx → corrupt", () => {
  const file = docx({ body: para("x".repeat(5000)) });
  for (const cut of [10, Math.floor(file.length / 2), file.length - 30]) {
    const r = extractText("cut.docx", file.subarray(0, cut));
    expect(r.unscanned.map((u) => u.reason)).toEqual(["corrupt"]);
  }
});

it("an encrypted docx (CFB with EncryptedPackage) → encrypted", () => {
  expect(extractText("secret.docx", cfb(["EncryptionInfo", "EncryptedPackage"])).unscanned[0]!.reason).toBe("encrypted");
});

it("random bytes named .xlsx → unsupported", () => {
  const r = extractText("numbers.xlsx", randomBytes(100000));
  expect(r.unscanned).toEqual([{ part: "numbers.xlsx", reason: "unsupported", detail: "binary file of unknown format" }]);
});

it("billion laughs: entities are not expanded, the file is flagged as a limit", () => {
  const r = extractText("lol.xml", enc(BILLION_LAUGHS));
  expect(r.unscanned).toEqual([{ part: "lol.xml", reason: "limit", detail: "DTD entity declarations are not expanded" }]);
  expect(r.text.length).toBeLessThan(100);
  const sheet = xlsx([["a"]]);
  void sheet;
  const inDocx = extractText("lol.docx", zipOf({ "[Content_Types].xml": "<Types/>", "word/document.xml": BILLION_LAUGHS }));
  expect(inDocx.unscanned).toEqual([{ part: "word/document.xml", reason: "limit", detail: "DTD entity declarations are not expanded" }]);
});

it("a file over MAX_ATTACHMENT_BYTES → too-large, without reading it", () => {
  const r = extractText("huge.csv", new Uint8Array(MAX_ATTACHMENT_BYTES + 1));
  expect(r.unscanned).toEqual([{ part: "huge.csv", reason: "too-large", detail: `${MAX_ATTACHMENT_BYTES + 1} bytes (limit ${MAX_ATTACHMENT_BYTES})` }]);
});

it("a deadline already passed → timeout; a clock that runs out midway → timeout with the text read so far", () => {
  const file = zipOf({ "a.txt": "first", "b.txt": "second", "c.txt": "third" });
  expect(extractText("late.zip", file, { deadline: 0, now: () => 1 }).unscanned).toEqual([{ part: "late.zip", reason: "timeout", detail: "time budget exhausted" }]);
  let t = 0;
  const r = extractText("slow.zip", file, { deadline: 6, now: () => t++ });
  expect(r.unscanned.map((u) => u.reason)).toEqual(["timeout"]);
  expect(r.text).toContain("first");
  expect(r.text).not.toContain("third");
});

it("pathological markup stays linear: unclosed HTML tags, unclosed sheet cells, a MIME part storm", () => {
  const html = extractText("x.html", enc("<html><body>" + "<a".repeat(300000) + " end</body></html>"));
  expect(html.unscanned).toEqual([]);
  expect(html.text).toContain("end");
  const cells = '<worksheet><sheetData><row r="1">' + Array.from({ length: 200000 }, (_, i) => `<c r="A${i}"><v>${i * 7919}`).join("") + "</sheetData></worksheet>";
  const sheet = extractText("x.xlsx", zipOf({ "[Content_Types].xml": "<Types/>", "xl/workbook.xml": "<workbook/>", "xl/worksheets/sheet1.xml": cells }));
  expect(sheet.unscanned).toEqual([]);
  const parts = Array.from({ length: 3000 }, () => "--b\r\nContent-Type: text/plain\r\n\r\nx\r\n").join("");
  const storm = extractText("storm.eml", enc(`From: a@example.com\r\nSubject: s\r\nContent-Type: multipart/mixed; boundary=b\r\n\r\n${parts}--b--\r\n`));
  expect(storm.unscanned).toEqual([{ part: "storm.eml", reason: "limit", detail: "more than 2000 MIME parts" }]);
});
