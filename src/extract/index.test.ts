import { deflateSync } from "fflate";
import { detectFormat, extractText } from "./index";
import { cfb, docx, enc, odt, ods, para, pptx, xlsx, zipOf } from "./test-fixtures";

describe("format detection by content", () => {
  it("recognises containers whatever their name says", () => {
    expect(detectFormat("report.txt", docx({ body: para("x") }))).toBe("zip");
    expect(detectFormat("x.bin", cfb(["EncryptedPackage"]))).toBe("cfb");
    expect(detectFormat("scan.jpg", enc("%PDF-1.7\n1 0 obj <<>> endobj"))).toBe("pdf");
    expect(detectFormat("note", enc("From: a@example.com\r\nTo: b@example.com\r\nSubject: hi\r\n\r\nbody"))).toBe("eml");
    expect(detectFormat("page", enc("<!DOCTYPE html><html><body>x</body></html>"))).toBe("html");
    expect(detectFormat("data", enc('<?xml version="1.0"?><a>b</a>'))).toBe("xml");
    expect(detectFormat("x.dat", new Uint8Array([0, 1, 2, 3, 0, 0, 7, 8]))).toBe("binary");
  });
  it("reads a docx named .txt as a docx", () => {
    expect(extractText("renamed.txt", docx({ body: para("inside") })).text).toContain("inside");
  });
});

describe("docx", () => {
  it("reads body, headers, footers, footnotes, comments and text boxes (once), and core properties", () => {
    const file = docx({ body: para("Body 4111 1111 1111 1111") + para("A &amp; B"), header: "Header text", footer: "Footer text", footnote: "Footnote text", comment: "Comment text", textBox: "Boxed text" });
    const r = extractText("letter.docx", file);
    expect(r.unscanned).toEqual([]);
    for (const t of ["Body 4111 1111 1111 1111", "A & B", "Header text", "Footer text", "Footnote text", "Comment text", "Quarterly letter"]) expect(r.text).toContain(t);
    expect(r.text.split("Boxed text").length).toBe(2); // mc:Fallback duplicate skipped
    expect(r.parts).toEqual(expect.arrayContaining(["word/document.xml", "word/header1.xml", "word/footer1.xml", "word/footnotes.xml", "word/comments.xml"]));
  });
  it("separates paragraphs and keeps tabs", () => {
    const body = '<w:p><w:r><w:t>a</w:t></w:r><w:r><w:tab/><w:t>b</w:t></w:r></w:p><w:p><w:r><w:t>c</w:t></w:r></w:p>';
    expect(extractText("t.docx", docx({ body })).text.split("\n").slice(0, 2)).toEqual(["a\tb", "c"]);
  });
});

describe("pptx", () => {
  it("reads slides in order, then notes", () => {
    const r = extractText("deck.pptx", pptx(["Slide 1 text", "Slide 2 text", "Slide 10 text"], ["Speaker note"]));
    expect(r.text).toBe("Slide 1 text\n\nSlide 2 text\n\nSlide 10 text\n\nSpeaker note");
    expect(r.parts[2]).toBe("ppt/slides/slide3.xml");
  });
});

describe("OpenDocument", () => {
  it("odt: paragraphs and spaces", () => {
    expect(extractText("a.odt", odt(["one<text:s/>two", "three"])).text).toBe("one two\nthree");
  });
  it("ods: cells tab-separated, numeric cells from office:value (exact), not the rounded display", () => {
    const r = extractText("a.ods", ods([["name", "card"], ["Ann", { n: "4111111111111111", shown: "4.11E+15" }]]));
    expect(r.text.split("\n")).toEqual(["name\tcard", "Ann\t4111111111111111"]);
  });
});

describe("plain text flavours", () => {
  it("csv/tsv/json as text; JSON \\u escapes decoded", () => {
    expect(extractText("a.csv", enc("name,email\nAnn,ann@example.com\n")).text).toBe("name,email\nAnn,ann@example.com\n");
    expect(extractText("a.json", enc('{"card":"4111\\u00201111"}')).text).toBe('{"card":"4111 1111"}');
  });
  it("UTF-16 LE with BOM, UTF-8 with BOM, Windows-1252", () => {
    const le = new Uint8Array([0xff, 0xfe, ...Buffer.from("Hetu 131052-308T", "utf16le")]);
    expect(extractText("a.txt", le).text).toBe("Hetu 131052-308T");
    expect(extractText("a.txt", new Uint8Array([0xef, 0xbb, 0xbf, 0x61])).text).toBe("a");
    expect(extractText("a.txt", new Uint8Array([0x93, 0x61, 0x94])).text).toBe("\u201ca\u201d");
  });
  it("html: text only, entities decoded, scripts and styles dropped, links kept", () => {
    const html = '<html><head><style>p{color:red}</style><script>var x="secret"</script></head><body><p>Caf&eacute; &amp; &#8364;5 &#x41;</p><div>next</div><a href="mailto:x@example.com">mail</a></body></html>';
    const t = extractText("a.html", enc(html)).text;
    expect(t).toContain("Café & €5 A");
    expect(t).toContain("next");
    expect(t).toContain("mailto:x@example.com");
    expect(t).not.toContain("secret");
    expect(t).not.toContain("color");
  });
  it("xml: character data with entities decoded", () => {
    expect(extractText("a.xml", enc('<?xml version="1.0"?><r><n>A &amp; B</n><n><![CDATA[<raw>]]></n></r>')).text).toBe("A & B<raw>");
  });
});

describe("zip archives", () => {
  it("reads every file recursively, naming parts by their path in the archive", () => {
    const inner = zipOf({ "deep/note.txt": "inner note" });
    const file = zipOf({ "a.txt": "alpha", "sub/b.csv": "x,y", "inner.zip": inner, "letter.docx": docx({ body: para("docx in zip") }) });
    const r = extractText("bundle.zip", file);
    expect(r.unscanned).toEqual([]);
    expect(r.text).toContain("alpha");
    expect(r.text).toContain("inner note");
    expect(r.text).toContain("docx in zip");
    expect(r.parts).toEqual(expect.arrayContaining(["bundle.zip!a.txt", "bundle.zip!inner.zip!deep/note.txt", "bundle.zip!letter.docx!word/document.xml"]));
  });
  it("reads stored (uncompressed) entries too", () => {
    expect(extractText("s.zip", zipOf({ "a.txt": "stored text" }, 0)).text).toBe("stored text");
  });
  it("reports a password-protected entry as encrypted", () => {
    const file = zipOf({ "secret.txt": "x" });
    // Set the "encrypted" flag (bit 0) in the local and central headers, as zip encryption does.
    const cd = lastIndexOf(file, [0x50, 0x4b, 1, 2]);
    file[6] = file[6]! | 1;
    file[cd + 8] = file[cd + 8]! | 1;
    const r = extractText("locked.zip", file);
    expect(r.unscanned).toEqual([{ part: "secret.txt", reason: "encrypted", detail: "password-protected zip entry" }]);
  });
  it("a gzip or unknown binary is unsupported", () => {
    const r = extractText("x.bin", new Uint8Array([0x1f, 0x8b, 8, 0, 0, 0, 0, 0, 0, 3, ...deflateSync(enc("hello"))]));
    expect(r.unscanned[0]!.reason).toBe("unsupported");
  });
});

function lastIndexOf(b: Uint8Array, sig: number[]): number {
  for (let i = b.length - sig.length; i >= 0; i--) if (sig.every((v, k) => b[i + k] === v)) return i;
  return -1;
}

describe("compound files", () => {
  it("encrypted OOXML (EncryptionInfo + EncryptedPackage) → encrypted", () => {
    expect(extractText("protected.docx", cfb(["EncryptionInfo", "EncryptedPackage"])).unscanned).toEqual([
      { part: "protected.docx", reason: "encrypted", detail: "password-protected Office file" },
    ]);
  });
  it("a .doc whose streams are empty → corrupt (the Word reader needs its FIB)", () => {
    expect(extractText("old.doc", cfb(["WordDocument", "1Table"])).unscanned[0]).toEqual({ part: "old.doc", reason: "corrupt", detail: "Word file without a readable WordDocument stream" });
  });
});

it("xlsx in a mail in a zip: everything is reached", () => {
  const sheet = xlsx([["card", { n: "4111111111111111" }]]);
  const mail = `From: a@example.com\r\nTo: b@example.com\r\nSubject: list\r\nMIME-Version: 1.0\r\nContent-Type: multipart/mixed; boundary=b1\r\n\r\n--b1\r\nContent-Type: text/plain\r\n\r\nsee attached\r\n--b1\r\nContent-Type: application/vnd.openxmlformats-officedocument.spreadsheetml.sheet; name=l.xlsx\r\nContent-Transfer-Encoding: base64\r\n\r\n${Buffer.from(sheet).toString("base64")}\r\n--b1--\r\n`;
  const r = extractText("all.zip", zipOf({ "fwd.eml": mail }));
  expect(r.text).toContain("card\t4111111111111111");
  expect(r.parts).toContain("all.zip!fwd.eml!l.xlsx!sheet1");
});

describe("OOXML main part", () => {
  it("follows _rels/.rels to a main part that is not word/document.xml", () => {
    const { rels } = require("./test-fixtures") as typeof import("./test-fixtures");
    const file = zipOf({
      "[Content_Types].xml": "<Types/>",
      "_rels/.rels": rels("/word/document2.xml"),
      "word/document2.xml": `<w:document xmlns:w="w"><w:body>${para("main part two")}</w:body></w:document>`,
      "word/styles.xml": "<w:styles/>",
    });
    const r = extractText("renamed-main.docx", file);
    expect(r.text).toBe("main part two");
    expect(r.parts).toEqual(["word/document2.xml"]);
  });
  it("without relationships, finds the main part by elimination", () => {
    const file = zipOf({ "word/styles.xml": "<w:styles/>", "word/document.xml": `<w:document xmlns:w="w"><w:body>${para("no rels")}</w:body></w:document>` });
    expect(extractText("norels.docx", file).text).toBe("no rels");
  });
});

it("a text that quotes a PDF header is still text", () => {
  const r = extractText("note.txt", enc("Broken upload, the file began with %PDF-1.7 and card 4111 1111 1111 1111"));
  expect(r.unscanned).toEqual([]);
  expect(r.text).toContain("4111 1111 1111 1111");
});

it("never throws even when called wrongly (no bytes, null options)", () => {
  const r = extractText("x.bin", undefined as unknown as Uint8Array, null as unknown as Parameters<typeof extractText>[2]);
  expect(r.unscanned).toHaveLength(1);
  expect(r.unscanned[0]!.reason).toBe("corrupt");
});
