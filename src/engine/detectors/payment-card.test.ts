import { cardIssuer, paymentCard } from "./payment-card";
import { createScanner } from "../scan";
import { testPolicy } from "../test-policy";

const scanner = createScanner(testPolicy());
const find = (text: string) => scanner.scan(text).filter((f) => f.detector === "payment-card").map((f) => [f.start, f.end, f.confidence]);

describe("payment-card", () => {
  test.each([
    ["4111 1111 1111 1111", [[0, 19, "medium"]]],
    ["visa 4111-1111-1111-1111.", [[5, 24, "high"]]],
    ["Kortti: 4111111111111111", [[8, 24, "high"]]],
    ["luottokortin numero 5555 5555 5555 4444", [[20, 39, "high"]]],
    ["कार्ड 4111 1111 1111 1111", [[6, 25, "high"]]],
    ["کارڈ نمبر 4111 1111 1111 1111", [[10, 29, "high"]]],
    ["2223 0031 2200 3222", [[0, 19, "medium"]]],
    ["amex 3782 822463 10005", [[5, 22, "high"]]],
    ["4111 1111 1111 1111 12/27", [[0, 19, "medium"]]],
    ["4111 1111 1111 1111 123", [[0, 19, "medium"]]],
    ["4111\u00a01111\u00a01111\u00a01111", [[0, 19, "medium"]]],
    ["４１１１ １１１１ １１１１ １１１１", [[0, 19, "medium"]]],
    ["4111 1111 1111 1111,4111111111111111", [[0, 19, "medium"], [20, 36, "medium"]]],
    ["6011 1111 1111 1117", [[0, 19, "medium"]]],
    ["3530111333300000", [[0, 16, "medium"]]],
    // dots, mixed separators, 8+8, fours for 13/15/17–19 digits
    ["4111.1111.1111.1111", [[0, 19, "medium"]]],
    ["4111 1111-1111 1111", [[0, 19, "medium"]]],
    ["5555-5555 5555.4444", [[0, 19, "medium"]]],
    ["41111111 11111111", [[0, 17, "medium"]]],
    ["4111111111111111 12345678", [[0, 16, "medium"]]],
    ["3700 0000 0000 002", [[0, 18, "medium"]]],
    ["4222 2222 2222 2", [[0, 16, "medium"]]],
    ["6799 9901 0000 0000 019", [[0, 23, "medium"]]],
    // glued to its neighbours in exports and statements: expiry, amount, date, another card, table cells
    ["Card:4111.1111.1111.1111;exp 12/27", [[5, 24, "high"]]],
    ["|4111 1111 1111 1111|12/27|149,90|", [[1, 20, "medium"]]],
    ["2025-03-14 4111-1111-1111-1111 EUR 149.90", [[11, 30, "medium"]]],
    ["4111111111111111;5555555555554444", [[0, 16, "medium"], [17, 33, "medium"]]],
    ["4111 1111 1111 1111, 5555 5555 5555 4444", [[0, 19, "medium"], [21, 40, "medium"]]],
    ["4111 1111 1111 1111 5555 5555 5555 4444", [[0, 19, "medium"], [20, 39, "medium"]]], // two cards, one space
    ["4111-1111-1111-1111-5555-5555-5555-4444", [[0, 19, "medium"], [20, 39, "medium"]]],
    ["4111 1111 1111 1111 5555 5555 5555 4445", []], // the second is no card: one run of groups
    // no match
    ["4111 1111 1111 1112", []],
    ["14111111111111111", []],
    ["4111111111111111 1", [[0, 16, "medium"]]],
    ["41111111111111119", []],
    ["x4111111111111111", []],
    ["4111..1111.1111.1111", []],
    ["0000 0000 0000 0000", []],
    ["1234 5678 9012 3452", []],
    ["79927398713", []],
  ])("%j", (text, expected) => {
    expect(find(text as string)).toEqual(expected);
  });

  test.each([
    ["4111111111111111", "visa"],
    ["4222222222222", "visa"],
    ["5555555555554444", "mastercard"],
    ["2223003122003222", "mastercard"],
    ["2720990000000000", "mastercard"],
    ["2721000000000000", ""],
    ["378282246310005", "amex"],
    ["30569309025904", "diners"],
    ["6011111111111117", "discover"],
    ["3530111333300000", "jcb"],
    ["6200000000000005", "unionpay"],
    ["6521000000000000", "discover"],
    ["6070000000000000", "rupay"],
    ["6759649826438453", "maestro"],
    ["5019717010103742", "maestro"],
    ["5066991111111118", "maestro"],
    ["62123456789002", "unionpay"],
    ["38520000023237", "diners"],
    ["122000000000003", "uatp"],
    ["1220000000000003", ""],
    ["9792090000000004", "troy"],
    ["6370950000000005", "maestro"],
    ["2205000000000000", "borica"],
    ["9111111111111111", ""],
  ])("issuer of %s is %j", (digits, issuer) => {
    expect(cardIssuer(digits)).toBe(issuer);
  });

  test("validation reasons and mask", () => {
    expect(paymentCard.validate("4111 1111 1111 1111")).toEqual({ ok: true, reasons: ["luhn ok", "issuer visa"], confidence: "medium" });
    expect(paymentCard.validate("4111 1111 1111 1112").reasons).toEqual(["luhn failed"]);
    expect(paymentCard.mask("4111 1111 1111 1111")).toBe("**** **** **** 1111");
  });
});
