import { extractText } from "./index";
import { expandExponent } from "./xlsx";
import { xlsx, zipOf } from "./test-fixtures";

describe("expandExponent", () => {
  it("expands Excel's exponent notation textually, without rounding through a JS number", () => {
    expect(expandExponent("4.111111111111111E+15")).toBe("4111111111111111");
    expect(expandExponent("5.4999999999999999E+18")).toBe("5499999999999999900");
    expect(expandExponent("1.23456789E+8")).toBe("123456789");
    expect(expandExponent("1.5E-3")).toBe("0.0015");
    expect(expandExponent("-2.5E+2")).toBe("-250");
    expect(expandExponent("42")).toBe("42");
    expect(expandExponent("0.1")).toBe("0.1");
    expect(expandExponent("E+5")).toBe("E+5");
    expect(expandExponent("00012E-2")).toBe("0.12");
    expect(expandExponent("5.E+2")).toBe("500");
    expect(expandExponent("1e-5")).toBe("0.00001");
    expect(expandExponent(".5E-0")).toBe("0.5");
    expect(expandExponent("1E0001")).toBe("1E0001"); // at most three exponent digits
    expect(expandExponent("1.2E+3x")).toBe("1.2E+3x");
  });
});

describe("xlsx", () => {
  it("reads shared strings, inline strings and numeric cells exactly, one row per line, tab-separated", () => {
    const file = xlsx([
      ["Name", "E-mail", "Card", "SSN"],
      ["Ann", "ann@example.com", { n: "4.111111111111111E+15" }, { n: "123456789" }],
      ["Bob & Co", { inline: "bob@example.org" }, { n: "4111111111111111" }, { n: "1.23456789E+8" }],
    ]);
    const r = extractText("customers.xlsx", file);
    expect(r.unscanned).toEqual([]);
    expect(r.parts).toEqual(["xl/sharedStrings.xml", "sheet1"]);
    expect(r.text.split("\n")).toEqual([
      "Name\tE-mail\tCard\tSSN",
      "Ann\tann@example.com\t4111111111111111\t123456789",
      "Bob & Co\tbob@example.org\t4111111111111111\t123456789",
    ]);
  });
  it("keeps columns aligned across gaps, so an e-mail column stays a column", () => {
    const file = xlsx([["a", null, "c@example.com"], [null, null, "d@example.com"]]);
    expect(extractText("gaps.xlsx", file).text.split("\n")).toEqual(["a\t\tc@example.com", "\t\td@example.com"]);
  });
  it("keeps a cell on its line: tabs and line breaks inside shared, inline and formula-string cells become spaces", () => {
    const file = xlsx([["multi\nline\ttext", { inline: "in\tline" }, "plain"], ["multi\nline\ttext", "x"]]);
    expect(extractText("cells.xlsx", file).text.split("\n")).toEqual(["multi line text\tin line\tplain", "multi line text\tx"]);
  });
  it("reads every sheet, in number order", () => {
    const file = xlsx([["first"]], [[["second"]], [["third"]]]);
    const r = extractText("three.xlsx", file);
    expect(r.parts).toEqual(["xl/sharedStrings.xml", "sheet1", "sheet2", "sheet3"]);
    expect(r.text).toBe("first\n\nsecond\n\nthird");
  });
  it("understands prefixed SpreadsheetML (x:row, x:c) as written by some .NET tools", () => {
    const sheet =
      '<x:worksheet xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><x:sheetData><x:row r="1"><x:c r="A1" t="inlineStr"><x:is><x:t>id</x:t></x:is></x:c><x:c r="B1"><x:v>4.111111111111111E+15</x:v></x:c></x:row></x:sheetData></x:worksheet>';
    const file = zipOf({ "[Content_Types].xml": "<Types/>", "xl/workbook.xml": "<workbook/>", "xl/worksheets/sheet1.xml": sheet });
    expect(extractText("prefixed.xlsx", file).text).toBe("id\t4111111111111111");
  });
  it("reads cell comments", () => {
    const file = zipOf({
      "[Content_Types].xml": "<Types/>",
      "xl/workbook.xml": "<workbook/>",
      "xl/worksheets/sheet1.xml": "<worksheet><sheetData/></worksheet>",
      "xl/comments1.xml": '<comments><commentList><comment ref="A1"><text><r><t>call 555-0100</t></r></text></comment></commentList></comments>',
    });
    expect(extractText("c.xlsx", file).text).toContain("call 555-0100");
  });
});

describe("shared strings", () => {
  it("reads plain, preserved-space, rich-text, empty and phonetic items, entities decoded, in order", () => {
    const { parseSharedStrings } = require("./xlsx") as typeof import("./xlsx");
    const { Context } = require("./context") as typeof import("./context");
    const sst =
      '<sst><si><t>plain</t></si><si><t xml:space="preserve"> spaced </t></si><si><r><rPr><b/></rPr><t>ri</t></r><r><t>ch</t></r></si>' +
      '<si/><si><t>A &amp; B</t></si><si><t>漢字</t><rPh sb="0" eb="2"><t>かんじ</t></rPh></si><sis/></sst>';
    expect(parseSharedStrings(new Context(Infinity, Date.now), sst)).toEqual(["plain", " spaced ", "rich", "", "A & B", "漢字"]);
    const prefixed = '<x:sst xmlns:x="ns"><x:si><x:t>one</x:t></x:si><x:si><x:r><x:t>t</x:t></x:r><x:r><x:t>wo</x:t></x:r></x:si></x:sst>';
    expect(parseSharedStrings(new Context(Infinity, Date.now), prefixed)).toEqual(["one", "two"]);
  });
});
