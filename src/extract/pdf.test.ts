import { deflateSync } from "fflate";
import { PDFDocument, StandardFonts } from "pdf-lib";
import { extractText } from "./index";
import { parseCMap } from "./pdf";
import { enc } from "./test-fixtures";

async function pdfLib(pages: string[][], useObjectStreams: boolean): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  const font = await doc.embedFont(StandardFonts.Helvetica);
  for (const lines of pages) {
    const page = doc.addPage([595, 842]);
    lines.forEach((line, i) => page.drawText(line, { x: 50, y: 780 - i * 20, size: 12, font }));
  }
  return doc.save({ useObjectStreams });
}

/** Assembles a PDF from object bodies with a correct xref table. */
function handmade(objects: string[], trailerExtra = ""): Uint8Array {
  let out = "%PDF-1.4\n%\u00e2\u00e3\u00cf\u00d3\n";
  const offsets: number[] = [];
  objects.forEach((body, i) => {
    offsets.push(out.length);
    out += `${i + 1} 0 obj\n${body}\nendobj\n`;
  });
  const xref = out.length;
  out += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n` + offsets.map((o) => String(o).padStart(10, "0") + " 00000 n \n").join("");
  out += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R ${trailerExtra}>>\nstartxref\n${xref}\n%%EOF\n`;
  return new Uint8Array(Buffer.from(out, "latin1"));
}
const stream = (data: string, dict = "") => `<< /Length ${Buffer.byteLength(data, "latin1")} ${dict}>>\nstream\n${data}\nendstream`;

describe("pdf", () => {
  it("reads text drawn by pdf-lib (standard font, compressed object streams), page by page", async () => {
    const file = await pdfLib([["Card 4111 1111 1111 1111", "IBAN GB82 WEST 1234 5698 7654 32"], ["Second page (with parentheses) \\ backslash"]], true);
    const r = extractText("statement.pdf", file);
    expect(r.unscanned).toEqual([]);
    expect(r.parts).toEqual(["page1", "page2"]);
    expect(r.text).toBe("Card 4111 1111 1111 1111\nIBAN GB82 WEST 1234 5698 7654 32\n\nSecond page (with parentheses) \\ backslash");
  });
  it("reads the same without object streams", async () => {
    const r = extractText("a.pdf", await pdfLib([["Plain objects"]], false));
    expect(r.text).toBe("Plain objects");
  });
  it("uses a Type0 font's ToUnicode CMap (2-byte codes, bfchar and bfrange) and literal strings with escapes", () => {
    const cmap =
      "/CIDInit /ProcSet findresource begin 12 dict begin begincmap 1 begincodespacerange <0000> <FFFF> endcodespacerange " +
      "2 beginbfchar <0001> <0048> <0002> <00E4> endbfchar 1 beginbfrange <0010> <0019> <0030> endbfrange endcmap end end";
    const content = "BT /F1 12 Tf 72 700 Td <000100020011> Tj 0 -20 Td [<0014> -300 <0015>] TJ ET BT /F2 10 Tf 72 600 Td (WinAnsi \\(ok\\) \\223q\\224) Tj ET";
    const file = handmade([
      "<< /Type /Catalog /Pages 2 0 R >>",
      "<< /Type /Pages /Kids [3 0 R] /Count 1 /Resources << /Font << /F1 5 0 R /F2 7 0 R >> >> >>",
      "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R >>",
      stream(Buffer.from(deflateSync(enc(content))).toString("latin1"), "/Filter /FlateDecode "),
      "<< /Type /Font /Subtype /Type0 /BaseFont /X /Encoding /Identity-H /ToUnicode 6 0 R >>",
      stream(cmap),
      "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>",
    ]);
    const r = extractText("cmap.pdf", file);
    expect(r.unscanned).toEqual([]);
    expect(r.text).toBe("Hä1\n4 5\nWinAnsi (ok) \u201cq\u201d");
  });
  it("lexes literal escapes (octal, line continuation, unknown escapes, nested parentheses), spaced and odd hex strings, comments", () => {
    const content =
      "BT /F1 12 Tf 72 700 Td (A\\101\\0102\\\nB\\q(n(e)st)) Tj % a comment (not text) Tj\n0 -20 Td <48 6 96A\n7> Tj 0 -20 Td <414> Tj ET";
    const file = handmade([
      "<< /Type /Catalog /Pages 2 0 R >>",
      "<< /Type /Pages /Kids [3 0 R] /Count 1 /Resources << /Font << /F1 5 0 R >> >> >>",
      "<< /Type /Page /Parent 2 0 R /Contents 4 0 R >>",
      stream(content),
      "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]);
    const r = extractText("escapes.pdf", file);
    expect(r.unscanned).toEqual([]);
    // \101 = "A", \010 then "2" (three octal digits at most), backslash-newline joins lines, \q = "q".
    expect(r.text).toBe("AA\b2Bq(n(e)st)\nHij\u0070\nA@");
  });
  it("parses bfrange arrays", () => {
    expect(parseCMap("begincodespacerange <00> <FF> endcodespacerange beginbfrange <41> <42> [<0058> <0059>] endbfrange").map).toEqual({ 0x41: "X", 0x42: "Y" });
  });
  it("an /Encrypt entry in the trailer → encrypted", () => {
    const file = handmade(["<< /Type /Catalog /Pages 2 0 R >>", "<< /Type /Pages /Kids [] /Count 0 >>", "<< /Filter /Standard /V 2 /R 3 /O <00> /U <00> /P -4 >>"], "/Encrypt 3 0 R ");
    expect(extractText("locked.pdf", file).unscanned).toEqual([{ part: "locked.pdf", reason: "encrypted", detail: "PDF is encrypted (password or permissions)" }]);
  });
  it("a PDF with only an image (no text layer) → unsupported, said so", () => {
    const file = handmade([
      "<< /Type /Catalog /Pages 2 0 R >>",
      "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
      "<< /Type /Page /Parent 2 0 R /Contents 4 0 R >>",
      stream("q 100 0 0 100 0 0 cm /Im1 Do Q"),
    ]);
    expect(extractText("scan.pdf", file).unscanned).toEqual([{ part: "scan.pdf", reason: "unsupported", detail: "no text layer (scanned images?)" }]);
  });
  it("a truncated PDF → corrupt or the text that survived, never a throw", async () => {
    const file = await pdfLib([["Truncated"]], false);
    const r = extractText("cut.pdf", file.subarray(0, 20));
    expect(r.unscanned[0]!.reason).toBe("corrupt");
  });
});
