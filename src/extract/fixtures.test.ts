/**
 * Files saved by a real program: LibreOffice 7.4 (Debian bookworm), headless, from a CSV and an HTML letter holding only
 * published test numbers:
 *   soffice --headless --convert-to xlsx|ods customers.csv;  soffice --headless --convert-to docx|odt letter.html
 *   soffice --headless --convert-to pdf:writer_pdf_Export letter.odt  (TrueType subset font with a ToUnicode CMap)
 *   locked.pdf: the same with {"EncryptFile":true,"DocumentOpenPassword":"secret"}
 *   deck.pptx, deck.odp: soffice --headless --convert-to pptx|odp deck.fodp (two slides, one speaker note)
 *   letter.doc, customers.xls: soffice --headless --convert-to 'doc:MS Word 97' letter.odt / --convert-to xls customers.ods
 *   letter-locked.doc, customers-locked.xls: the same saved through UNO's storeToURL with a "Password" property
 *     (LibreOffice's Word 97 / Excel 97 encryption; it cannot save an encrypted .ppt)
 *   deck.ppt: soffice --headless --convert-to ppt deck.odp, then its 440 KB thumbnail stream (SummaryInformation)
 *     removed and the container rewritten with SheetJS cfb (the PowerPoint Document stream is LibreOffice's)
 * LibreOffice's xlsx export writes numbers with 15 significant digits (as Excel keeps them): 4111111111111111 is stored
 * as 4111111111111110 in the sheet XML and we report what the file holds; its ods export keeps all 16 digits.
 */
import * as fs from "fs";
import * as path from "path";
import { extractText } from "./index";

const read = (name: string) => new Uint8Array(fs.readFileSync(path.join(__dirname, "fixtures", name)));

it("customers.xlsx (LibreOffice): header, strings and numbers, one row per line", () => {
  const r = extractText("customers.xlsx", read("customers.xlsx"));
  expect(r.unscanned).toEqual([]);
  expect(r.parts).toEqual(["xl/sharedStrings.xml", "sheet1", "docProps/core.xml"]);
  expect(r.text.split("\n").slice(0, 3)).toEqual([
    "name\temail\tcard\tamount",
    "Ann Example\tann@example.com\t4111111111111110\t12.5",
    "Bo Example\tbo@example.org\t5555555555554440\t7",
  ]);
});

it("customers.ods (LibreOffice): exact 16-digit values from office:value", () => {
  const r = extractText("customers.ods", read("customers.ods"));
  expect(r.unscanned).toEqual([]);
  expect(r.parts).toEqual(["content.xml"]);
  expect(r.text).toBe("name\temail\tcard\tamount\nAnn Example\tann@example.com\t4111111111111111\t12.5\nBo Example\tbo@example.org\t5555555555554444\t7");
});

it("letter.docx and letter.odt (LibreOffice): paragraphs, a table as tab-separated rows, non-ASCII text", () => {
  for (const name of ["letter.docx", "letter.odt"]) {
    const r = extractText(name, read(name));
    expect(r.unscanned).toEqual([]);
    expect(r.text).toContain("Payment details\nDear customer, your card 4111 1111 1111 1111 was charged.\nIBAN GB82 WEST 1234 5698 7654 32 – Ääkköset “quotes” €5");
    expect(r.text).toMatch(/Name\tEmail\s*\nAnn\tann@example\.com/);
  }
});

it("letter.pdf (LibreOffice, subset TrueType font with ToUnicode)", () => {
  const r = extractText("letter.pdf", read("letter.pdf"));
  expect(r.unscanned).toEqual([]);
  expect(r.text).toContain("Dear customer, your card 4111 1111 1111 1111 was charged.\nIBAN GB82 WEST 1234 5698 7654 32 – Ääkköset “quotes” €5");
  expect(r.text).toContain("ann@example.com");
});

it("locked.pdf (LibreOffice, open password) → encrypted", () => {
  expect(extractText("locked.pdf", read("locked.pdf")).unscanned).toEqual([
    { part: "locked.pdf", reason: "encrypted", detail: "PDF is encrypted (password or permissions)" },
  ]);
});

it("deck.pptx (LibreOffice Impress): slides in order, then the speaker notes", () => {
  const r = extractText("deck.pptx", read("deck.pptx"));
  expect(r.unscanned).toEqual([]);
  expect(r.parts.slice(0, 3)).toEqual(["ppt/slides/slide1.xml", "ppt/slides/slide2.xml", "ppt/notesSlides/notesSlide1.xml"]);
  expect(r.text).toBe("Quarterly review\nCard 4111 1111 1111 1111 on file\n\nIBAN GB82 WEST 1234 5698 7654 32\n\nSpeaker note: call ann@example.com");
});

it("deck.odp (LibreOffice Impress): slide and note text", () => {
  const r = extractText("deck.odp", read("deck.odp"));
  expect(r.unscanned).toEqual([]);
  for (const t of ["Card 4111 1111 1111 1111 on file", "Speaker note: call ann@example.com", "IBAN GB82 WEST 1234 5698 7654 32"]) expect(r.text).toContain(t);
});

it("letter.doc (LibreOffice, Word 97): paragraphs, table cells apart, non-ASCII text", () => {
  const r = extractText("letter.doc", read("letter.doc"));
  expect(r.unscanned).toEqual([]);
  expect(r.parts).toEqual(["WordDocument"]);
  expect(r.text).toContain("Payment details\nDear customer, your card 4111 1111 1111 1111 was charged.\nIBAN GB82 WEST 1234 5698 7654 32 – Ääkköset “quotes” €5");
  expect(r.text).toMatch(/Name\tEmail\s+Ann\tann@example\.com/);
});

it("customers.xls (LibreOffice, BIFF8): 16-digit card numbers in full from NUMBER cells", () => {
  const r = extractText("customers.xls", read("customers.xls"));
  expect(r.unscanned).toEqual([]);
  expect(r.text).toBe("name\temail\tcard\tamount\nAnn Example\tann@example.com\t4111111111111111\t12.5\nBo Example\tbo@example.org\t5555555555554444\t7");
});

it("deck.ppt (LibreOffice, PowerPoint 97): slide text and the speaker note", () => {
  const r = extractText("deck.ppt", read("deck.ppt"));
  expect(r.unscanned).toEqual([]);
  for (const t of ["Quarterly review", "Card 4111 1111 1111 1111 on file", "IBAN GB82 WEST 1234 5698 7654 32", "Speaker note: call ann@example.com"]) expect(r.text).toContain(t);
});

it("letter-locked.doc and customers-locked.xls (LibreOffice, open password) → encrypted", () => {
  expect(extractText("letter-locked.doc", read("letter-locked.doc")).unscanned).toEqual([{ part: "letter-locked.doc", reason: "encrypted", detail: "password-protected Word file" }]);
  expect(extractText("customers-locked.xls", read("customers-locked.xls")).unscanned).toEqual([{ part: "customers-locked.xls", reason: "encrypted", detail: "password-protected Excel workbook" }]);
});
