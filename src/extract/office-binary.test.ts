/**
 * Legacy binary Office files: Word 97 (.doc), Excel 97 BIFF8 (.xls), PowerPoint 97 (.ppt), built per the specs in the
 * tests and saved by LibreOffice (fixtures/, see fixtures.test.ts for how they were made).
 */
import { extractText } from "./index";
import { numberText } from "./xls";
import { docFile, pptFile, xlsFile } from "./test-fixtures-cfb";

const card = "4111 1111 1111 1111";

describe(".doc (Word 97 piece table)", () => {
  it("8-bit (Windows-1252) and UTF-16 pieces in order; paragraph and cell marks become line breaks and tabs", () => {
    const r = extractText("letter.doc", docFile([{ text: "Card " + card + "\r\u0093quoted\u0094 ", compressed: true }, { text: "Grüße €\r4111\u00071111\u0007\r", compressed: false }]));
    expect(r.unscanned).toEqual([]);
    expect(r.parts).toEqual(["WordDocument"]);
    expect(r.text).toBe("Card " + card + "\n“quoted” Grüße €\n4111\t1111");
  });
  it("field codes keep their instruction text (a mailto: target) and their result", () => {
    const r = extractText("f.doc", docFile([{ text: '\u0013 HYPERLINK "mailto:ann@example.com" \u0014Ann\u0015\r', compressed: true }]));
    expect(r.text).toContain("mailto:ann@example.com");
    expect(r.text).toContain("Ann");
  });
  it("fEncrypted → encrypted; a piece table pointing outside the stream → corrupt", () => {
    expect(extractText("locked.doc", docFile([{ text: "x", compressed: true }], { encrypted: true })).unscanned).toEqual([
      { part: "locked.doc", reason: "encrypted", detail: "password-protected Word file" },
    ]);
    const bad = docFile([{ text: "y".repeat(100), compressed: false }]);
    // Grow the last CP far past the stream: the piece claims more text than the WordDocument stream holds.
    const i = Buffer.from(bad).indexOf(Buffer.from([100, 0, 0, 0]));
    bad[i + 2] = 0x7f;
    expect(extractText("bad.doc", bad).unscanned[0]!.reason).toBe("corrupt");
  });
});

describe(".xls (BIFF8)", () => {
  it("shared strings across CONTINUE records, LABEL, NUMBER, RK, formulas; a 16-digit NUMBER prints in full", () => {
    const long = "customer-" + "x".repeat(40);
    const r = extractText(
      "book.xls",
      xlsFile(
        [
          [
            ["name", "email", "card"],
            ["Ann", "ann@example.com", 4111111111111111],
            [{ label: "Bö" }, long, 5555555555554444, { rk: 12345 }, { formula: "computed" }, { formula: 2.5 }, 0.1],
          ],
          [["second sheet", 1e21]],
        ],
        { continueEvery: 16 },
      ),
    );
    expect(r.unscanned).toEqual([]);
    expect(r.parts).toEqual(["sheet1", "sheet2"]);
    expect(r.text).toBe(
      "name\temail\tcard\nAnn\tann@example.com\t4111111111111111\nBö\t" + long + "\t5555555555554444\t12345\tcomputed\t2.5\t0.1\n\nsecond sheet\t1000000000000000000000",
    );
  });
  it("16-bit shared strings split mid-string switch width at the boundary", () => {
    const r = extractText("u.xls", xlsFile([[["Ääkköset €uro", "Дмитрий"]]], { continueEvery: 9, sixteenBit: true }));
    expect(r.text).toBe("Ääkköset €uro\tДмитрий");
  });
  it("numbers: integers in full, fractions shortest, exponents expanded", () => {
    expect([4111111111111111, 12.5, -3, 1e21, 1.5e-7, 0].map(numberText)).toEqual(["4111111111111111", "12.5", "-3", "1000000000000000000000", "0.00000015", "0"]);
  });
  it("FILEPASS → encrypted; a record running past the stream → corrupt", () => {
    expect(extractText("locked.xls", xlsFile([[["secret"]]], { password: true })).unscanned).toEqual([
      { part: "locked.xls", reason: "encrypted", detail: "password-protected Excel workbook" },
    ]);
    const b = xlsFile([[["a", "b"]]]);
    const r = extractText("cut.xls", b.subarray(0, b.length - 1200));
    expect(r.unscanned[0]!.reason).toBe("corrupt");
  });
});

describe(".ppt (PowerPoint 97 text atoms)", () => {
  it("TextCharsAtom and TextBytesAtom in stream order", () => {
    const r = extractText("deck.ppt", pptFile([{ text: "Quarterly review" }, { text: "Card " + card, bytes: true }, { text: "Ääkköset\rnext line" }]));
    expect(r.unscanned).toEqual([]);
    expect(r.text).toBe("Quarterly review\nCard " + card + "\nÄäkköset\nnext line");
  });
  it("encrypted three ways: EncryptedSummary stream, Current User token, CryptSession10Container", () => {
    for (const how of ["summary", "token", "crypt"] as const) {
      expect(extractText("locked.ppt", pptFile([{ text: "secret" }], { encrypted: how })).unscanned).toEqual([
        { part: "locked.ppt", reason: "encrypted", detail: "password-protected PowerPoint presentation" },
      ]);
    }
  });
});
