/**
 * Property tests: random and mutated files never throw, always give a well-formed result, and finish inside the time
 * budget (the default budget is checked while working, so an overrun would show up as a `timeout` reason). Internal
 * errors are reported as corrupt with an "unexpected:" detail; the properties also require that none occur, so every
 * failure path is a deliberate one.
 */
import fc from "fast-check";
import { PDFDocument, StandardFonts } from "pdf-lib";
import { extractText } from "./index";
import { cfb, docx, enc, odt, ods, para, pptx, xlsx, zipOf } from "./test-fixtures";
import { bytesOf, compressRtfLiterals, docFile, msgFile, pptFile, xlsFile } from "./test-fixtures-cfb";

const REASONS = ["encrypted", "too-large", "unsupported", "corrupt", "limit"];
const NAMES = ["a.docx", "a.xlsx", "a.pptx", "a.pdf", "a.eml", "a.msg", "a.doc", "a.xls", "a.ppt", "a.zip", "a.txt", "a.csv", "a.html", "a.xml", "a.json", "a.odt", "noext"];

function check(name: string, bytes: Uint8Array): void {
  let r;
  expect(() => (r = extractText(name, bytes))).not.toThrow();
  const res = r as unknown as ReturnType<typeof extractText>;
  expect(typeof res.text).toBe("string");
  expect(Array.isArray(res.parts)).toBe(true);
  for (const u of res.unscanned) {
    expect(REASONS).toContain(u.reason);
    expect(u.detail || "").not.toMatch(/^unexpected/);
  }
}

let seeds: { name: string; bytes: Uint8Array }[] = [];
beforeAll(async () => {
  const doc = await PDFDocument.create();
  const font = await doc.embedFont(StandardFonts.Helvetica);
  doc.addPage().drawText("pdf text 4111 1111 1111 1111", { x: 40, y: 700, font, size: 12 });
  const pdf = await doc.save();
  const mail = enc(
    "From: a@example.com\r\nTo: b@example.com\r\nSubject: s\r\nContent-Type: multipart/mixed; boundary=q\r\n\r\n--q\r\nContent-Type: text/plain\r\n\r\nhello\r\n--q\r\nContent-Type: application/zip; name=z.zip\r\nContent-Transfer-Encoding: base64\r\n\r\n" +
      Buffer.from(zipOf({ "x.txt": "zipped" })).toString("base64") +
      "\r\n--q--\r\n",
  );
  seeds = [
    { name: "a.docx", bytes: docx({ body: para("body"), header: "h", comment: "c", textBox: "t" }) },
    { name: "a.xlsx", bytes: xlsx([["a", { n: "4.111111111111111E+15" }, { inline: "i" }], ["b", null, "c"]]) },
    { name: "a.pptx", bytes: pptx(["s1", "s2"], ["n1"]) },
    { name: "a.odt", bytes: odt(["p1", "p2"]) },
    { name: "a.ods", bytes: ods([["x", { n: "1", shown: "1" }]]) },
    { name: "a.pdf", bytes: pdf },
    { name: "a.eml", bytes: mail },
    { name: "a.zip", bytes: zipOf({ "a.txt": "x", "b.zip": zipOf({ "c.csv": "1,2" }) }) },
    { name: "a.docx", bytes: cfb(["EncryptionInfo", "EncryptedPackage"]) },
    { name: "a.html", bytes: enc("<html><body><p>x &amp; y</p><script>z</script></body></html>") },
    {
      name: "a.msg",
      bytes: msgFile({
        subject: "s",
        from: { name: "A", smtp: "a@example.com" },
        recipients: [{ type: 1, smtp: "b@example.com" }],
        rtf: compressRtfLiterals(bytesOf("{\\rtf1\\fromhtml1 {\\*\\htmltag <p>}x{\\*\\htmltag </p>}}")),
        attachments: [{ name: "z.zip", data: zipOf({ "x.txt": "zipped" }) }, { name: "inner", message: { subject: "i", body: "inner", attachments: [{ name: "t.txt", data: enc("t") }] } }],
      }),
    },
    { name: "a.doc", bytes: docFile([{ text: "doc text\r", compressed: true }, { text: "wide ä", compressed: false }]) },
    { name: "a.xls", bytes: xlsFile([[["a", 4111111111111111, { rk: 5 }], [{ label: "l" }, { formula: "f" }]]], { continueEvery: 7 }) },
    { name: "a.ppt", bytes: pptFile([{ text: "slide" }, { text: "bytes", bytes: true }]) },
  ];
});

it("random bytes under any name never throw", () => {
  fc.assert(
    fc.property(fc.constantFrom(...NAMES), fc.uint8Array({ maxLength: 4000 }), (name, bytes) => check(name, bytes)),
    { numRuns: 300 },
  );
});

it("random bytes behind real magic numbers (zip, CFB, PDF, MIME) never throw", () => {
  const magics = [[0x50, 0x4b, 3, 4], [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1], [...enc("%PDF-1.7\n")], [...enc("From: a@b.c\r\nTo: d@e.f\r\n\r\n")]];
  fc.assert(
    fc.property(fc.constantFrom(...magics), fc.uint8Array({ minLength: 0, maxLength: 3000 }), (magic, rest) => {
      const b = new Uint8Array(magic.length + rest.length);
      b.set(magic);
      b.set(rest, magic.length);
      check("x", b);
    }),
    { numRuns: 300 },
  );
});

it("mutated real files (flipped bytes, truncation, splices) never throw", () => {
  const mutation = fc.record({
    seed: fc.nat(),
    flips: fc.array(fc.tuple(fc.nat(), fc.integer({ min: 0, max: 255 })), { maxLength: 12 }),
    cut: fc.option(fc.nat()),
    splice: fc.option(fc.tuple(fc.nat(), fc.uint8Array({ maxLength: 64 }))),
  });
  fc.assert(
    fc.property(mutation, ({ seed, flips, cut, splice }) => {
      const { name, bytes } = seeds[seed % seeds.length]!;
      let b = new Uint8Array(bytes);
      for (const [at, v] of flips) b[at % b.length] = v;
      if (splice) {
        const at = splice[0] % b.length;
        const joined = new Uint8Array(b.length + splice[1].length);
        joined.set(b.subarray(0, at));
        joined.set(splice[1], at);
        joined.set(b.subarray(at), at + splice[1].length);
        b = joined;
      }
      if (cut !== null) b = b.subarray(0, cut % (b.length + 1));
      check(name, b);
    }),
    { numRuns: 400 },
  );
});
