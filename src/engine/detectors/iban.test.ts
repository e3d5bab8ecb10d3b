import { BBAN_STRUCTURE, iban, IBAN_LENGTHS, norwegianKontonrOk, spanishCccOk } from "./iban";
import { createScanner } from "../scan";
import { testPolicy } from "../test-policy";

const scanner = createScanner(testPolicy());
const find = (text: string) => scanner.scan(text).map((f) => [f.detector, f.start, f.end, f.confidence]);

describe("iban", () => {
  test.each([
    ["GB82 WEST 1234 5698 7654 32", [["iban", 0, 27, "medium"]]],
    ["IBAN: GB82WEST12345698765432.", [["iban", 6, 28, "high"]]],
    ["tilinumero FI21 1234 5600 0007 85", [["iban", 11, 33, "high"]]],
    ["kontonummer NO93 8601 1117 947", [["iban", 12, 30, "high"]]],
    ["číslo účtu: SK31 1200 0000 1987 4263 7541", [["iban", 12, 41, "high"]]],
    ["DE89 3704 0044 0532 0130 00 ABCD", [["iban", 0, 27, "medium"]]],
    ["GB82\u00a0WEST\u00a01234\u00a05698\u00a07654\u00a032", [["iban", 0, 27, "medium"]]],
    // a card-looking run inside an IBAN is the IBAN
    ["NL91 ABNA 0417 1643 00", [["iban", 0, 22, "medium"]]],
    // no match
    ["GB82 WEST 1234 5698 7654 33", []],
    ["XGB82 WEST 1234 5698 7654 32", []],
    ["GB82 WEST 1234 5698 7654 329", []],
    ["ZZ82 WEST 1234 5698 7654 32", []],
    // lower case, dashes, dots, national groupings, mixed separators
    ["gb82 west 1234 5698 7654 32", [["iban", 0, 27, "medium"]]],
    ["de89370400440532013000", [["iban", 0, 22, "medium"]]],
    ["AL47-2121-1009-0000-0002-3569-8741", [["iban", 0, 34, "medium"]]],
    ["konto NO 19 4920 06 96270", [["iban", 6, 25, "high"]]],
    ["NO07.8380.08.06006", [["iban", 0, 18, "medium"]]],
    ["ES72 2013-0692-81-0201150993", [["iban", 0, 28, "medium"]]],
    ["ES10 0075 0080 11 0600658108", [["iban", 0, 28, "medium"]]],
    ["TL 38 008 00123456789101 57", [["iban", 0, 27, "medium"]]],
    // glued to its neighbours in an export line: the match is exactly the country's length
    ["IBAN:DE89370400440532013000;2025-03-14", [["iban", 5, 27, "high"]]],
    ["|DE89 3704 0044 0532 0130 00|1 250,00|", [["iban", 1, 28, "medium"]]],
    // countries that joined the registry since 2020
    ["HN54PISA00000000000000123124", [["iban", 0, 28, "medium"]]],
    ["OM810180000001299123456", [["iban", 0, 23, "medium"]]],
    ["YE15CBYE0001018861234567891234", [["iban", 0, 30, "medium"]]],
    ["RU0204452560040702810412345678901", [["iban", 0, 33, "medium"]]],
    ["BI4210000100010000332045181", [["iban", 0, 27, "medium"]]],
    ["SO061000001123123456789", [["iban", 0, 23, "medium"]]],
    // a country code in mixed case is prose; two separators in a row or a slash break it
    ["Gb82 west 1234 5698 7654 32", []],
    ["GB82 WEST 1234 5698 7654  32", []],
    ["GB82/WEST/1234/5698/7654/32", []],
    // a letter where the registry says digits (mod 97 right), a digit where it says letters
    ["BG93 BNBG 9661 1A20 3456 78", []],
    ["GI22 NW3K 0000 0000 7099 453", []],
    // national check digits: Spanish CCC, Norwegian kontonummer (mod 97 right)
    ["ES83 5021 0036 6795 2129 6135", []],
    ["NO23 8601 1117 946", []],
  ])("%j", (text, expected) => {
    expect(find(text as string)).toEqual(expected);
  });

  test("country table: two upper-case letters, registry notation, plausible lengths", () => {
    for (const cc of Object.keys(BBAN_STRUCTURE)) {
      expect(cc).toMatch(/^[A-Z]{2}$/);
      expect(BBAN_STRUCTURE[cc]).toMatch(/^(?:[1-9][0-9]?[nac])+$/);
      expect(IBAN_LENGTHS[cc]).toBeGreaterThanOrEqual(15);
      expect(IBAN_LENGTHS[cc]).toBeLessThanOrEqual(34);
    }
    // registry facts spot-checked: Norway 15, Malta 31, Saint Lucia 32, Russia 33, Honduras 28, Yemen 30
    expect([IBAN_LENGTHS.NO, IBAN_LENGTHS.MT, IBAN_LENGTHS.LC, IBAN_LENGTHS.RU, IBAN_LENGTHS.HN, IBAN_LENGTHS.YE]).toEqual([15, 31, 32, 33, 28, 30]);
  });

  test("national check digits", () => {
    expect(spanishCccOk("21000418450200051332")).toBe(true);
    expect(spanishCccOk("21000418460200051332")).toBe(false);
    expect(norwegianKontonrOk("86011117947")).toBe(true);
    expect(norwegianKontonrOk("86011117946")).toBe(false);
  });

  test("reasons and mask", () => {
    expect(iban.validate("GB82 WEST 1234 5698 7654 32").reasons).toEqual(["length 22 for GB", "BBAN 4a6n8n", "mod 97 ok"]);
    expect(iban.validate("ES91 2100 0418 45 0200051332").reasons).toEqual(["length 24 for ES", "BBAN 4n4n1n1n10n", "mod 97 ok", "CCC ok"]);
    expect(iban.validate("GB82 WE5T 1234 5698 7654 32").reasons).toEqual(["BBAN position 3 is not a letter for GB"]);
    expect(iban.validate("GB82 WEST 1234 5698 7654").reasons).toEqual(["length not 22 for GB"]);
    expect(iban.mask("GB82 WEST 1234 5698 7654 32")).toBe("GB82 **** **** **** **** 32");
  });
});
