import { usSsn } from "./us-ssn";
import { createScanner } from "../scan";
import { testPolicy } from "../test-policy";

const scanner = createScanner(testPolicy());
const find = (text: string) => scanner.scan(text).filter((f) => f.detector === "us-ssn").map((f) => [f.start, f.end, f.confidence]);

describe("us-ssn", () => {
  test.each([
    ["536-22-8726", [[0, 11, "low"]]],
    ["id 536 22 8726 end", [[3, 14, "low"]]],
    ["536228726", [[0, 9, "low"]]],
    ["SSN: 536-22-8726", [[5, 16, "high"]]],
    ["Social security number of the applicant, as on file with the employer: 536-22-8726", [[71, 82, "medium"]]],
    ["ssn and social security: 536-22-8726", [[25, 36, "high"]]],
    ["sosiaaliturvatunnuksen 536-22-8726", [[23, 34, "high"]]],
    ["536\u00a022\u00a08726", [[0, 11, "low"]]],
    ["(536-22-8726)\n", [[1, 12, "low"]]],
    ["５３６-２２-８７２６", [[0, 11, "low"]]],
    ["536.22.8726", [[0, 11, "low"]]],
    ["SSN:536.22.8726;2025-03-14", [[4, 15, "high"]]],
    ["|14.03.2025|536-22-8726|1 250,00|", [[12, 23, "low"]]],
    // no match
    ["536.22-8726", []],
    ["53622-8726", []], // ZIP+4 shape
    ["536-228726", []],
    ["536-22-87261", []],
    ["1536-22-8726", []],
    ["A536-22-8726", []],
    ["536-22 8726", []],
    ["078-05-1120", []],
    ["219-09-9999", []],
    ["457-55-5462", []],
    ["666-22-8726", []],
    ["900-22-8726", []],
    ["000-22-8726", []],
    ["536-00-8726", []],
    ["536-22-0000", []],
    ["777777777", []],
    ["5362287261", []],
  ])("%j", (text, expected) => {
    expect(find(text as string)).toEqual(expected);
  });

  test("masks all but the last four and keeps separators", () => {
    expect(usSsn.mask("536-22-8726")).toBe("***-**-8726");
    expect(scanner.scan("536 22 8726")[0]!.masked).toBe("*** ** 8726");
  });

  test("reasons name the checks, not the digits", () => {
    const f = scanner.scan("SSN 536-22-8726")[0]!;
    expect(f.reasons).toEqual(["ssn format", "area, group and serial issuable", "keyword 'ssn' within 1 chars"]);
    expect(usSsn.validate("078-05-1120")).toEqual({ ok: false, reasons: ["publicised number"], confidence: "low" });
  });
});
