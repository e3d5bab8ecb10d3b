import * as crypto from "crypto";
import { buildCustomerSet, CustomerSetError, keyIdOf, openCustomerSet, type BuildColumn } from "./customer-set";
import { canonicalEmail, canonicalNumber } from "./canonical";
import { generatedExport } from "./test-export";

const KEY = new Uint8Array(32).fill(7);
const OTHER = new Uint8Array(32).fill(9);
const BUILT = "2026-01-01T00:00:00Z";

describe("a 100,000-row export", () => {
  const cols = generatedExport(100000);
  const addressesOnly = buildCustomerSet([cols[0]!], KEY, BUILT);
  const both = buildCustomerSet(cols, KEY, BUILT);

  it("100,000 addresses take at most 300 KB; with their customer numbers about twice that", () => {
    expect(addressesOnly.report.keys).toBe(100000);
    expect(addressesOnly.file.length).toBeLessThanOrEqual(300 * 1024);
    expect(both.report.keys).toBe(200000);
    expect(both.file.length).toBeLessThanOrEqual(600 * 1024);
  });

  it("every address and number is found again (build → open → lookup round trip)", () => {
    const set = openCustomerSet(both.file, KEY);
    let missing = 0;
    for (const e of cols[0]!.values) if (!set.hasEmail(canonicalEmail(e)!)) missing++;
    for (const n of cols[1]!.values) if (!set.hasNumber(canonicalNumber(n)!)) missing++;
    expect(missing).toBe(0);
    expect(set.header.counts).toEqual({ email: 100000, number: 100000 });
    expect(set.header.shapes).toEqual(["L1D7"]);
    expect(set.header.joiners).toBe("-");
  });

  it("false positives: 1,000,000 addresses and 200,000 numbers not in the set (goal ≤ 1e-6 per lookup)", () => {
    const set = openCustomerSet(addressesOnly.file, KEY);
    let hits = 0;
    for (let i = 0; i < 1000000; i++) if (set.hasEmail(`someone.${i}@other${i % 97}.example`)) hits++;
    // 2^-21 × 10^6 = 0.48 expected; ≤ 5 keeps a 2^-16 filter (15 expected) from passing.
    expect(hits).toBeLessThanOrEqual(5);
    const numbers = openCustomerSet(both.file, KEY);
    let numberHits = 0;
    for (let i = 0; i < 200000; i++) if (numbers.hasNumber("D" + (5000000 + i))) numberHits++;
    expect(numberHits).toBeLessThanOrEqual(3);
    expect(set.falsePositiveRate).toBeLessThanOrEqual(1e-6);
  });

  it("an address is not found as a number and the other way round (kinds are hashed apart)", () => {
    const set = openCustomerSet(both.file, KEY);
    expect(set.hasNumber(canonicalEmail(cols[0]!.values[0]!)!)).toBe(false);
    expect(set.hasEmail(canonicalNumber(cols[1]!.values[0]!)!)).toBe(false);
  });
});

describe("the file", () => {
  const cols: BuildColumn[] = [
    { name: "Mail", kind: "email", values: ["Jane.Doe@Example.com", "jane.doe@example.com", "", "not an address", "jöran@bücher.example"] },
    { name: "Kundenummer", kind: "number", values: ["NO-104 233", "NO104233", "12", "", "NO-555 001"] },
  ];
  const { file, header, report } = buildCustomerSet(cols, KEY, BUILT);

  it("has the header, and nothing of the values in clear", () => {
    expect(header).toEqual({
      keyId: keyIdOf(KEY),
      built: BUILT,
      rows: 5,
      columns: [
        { name: "Mail", kind: "email", count: 2 },
        { name: "Kundenummer", kind: "number", count: 2 },
      ],
      counts: { email: 2, number: 2 },
      shapes: ["L2D6"],
      joiners: "- ",
    });
    expect(report.columns.map((c) => [c.taken, c.duplicates, c.empty, c.invalid])).toEqual([
      [2, 1, 1, 1],
      [2, 1, 1, 1],
    ]);
    const latin1 = Buffer.from(file).toString("latin1");
    for (const v of ["jane", "doe", "example", "bücher", "xn--bcher", "104233", "104 233", "555"]) expect([v, latin1.toLowerCase().includes(v)]).toEqual([v, false]);
  });

  it("refuses another key, a damaged file and foreign bytes, with what is wrong", () => {
    expect(() => openCustomerSet(file, OTHER)).toThrow(new CustomerSetError(`the customer set was built with key ${keyIdOf(KEY)}, but the key given is ${keyIdOf(OTHER)}`));
    const bad = file.slice();
    bad[bad.length - 40] = (bad[bad.length - 40] as number) ^ 1;
    expect(() => openCustomerSet(bad, KEY)).toThrow(/damaged/);
    expect(() => openCustomerSet(file.subarray(0, 100), KEY)).toThrow(/damaged/);
    expect(() => openCustomerSet(new Uint8Array(crypto.randomBytes(200)), KEY)).toThrow(/not a Think First customer set/);
    const v2 = file.slice();
    v2[4] = 2;
    expect(() => openCustomerSet(v2, KEY)).toThrow(/format 2 is not supported/);
  });

  it("the same input and key give the same bytes; another key gives other bytes", () => {
    expect(Buffer.from(buildCustomerSet(cols, KEY, BUILT).file).equals(Buffer.from(file))).toBe(true);
    expect(Buffer.from(buildCustomerSet(cols, OTHER, BUILT).file).equals(Buffer.from(file))).toBe(false);
  });

  it("an empty export gives a set that finds nothing", () => {
    const empty = openCustomerSet(buildCustomerSet([{ name: "email", kind: "email", values: [] }], KEY, BUILT).file, KEY);
    expect(empty.hasEmail("jane@example.com")).toBe(false);
    expect(empty.header.counts).toEqual({ email: 0, number: 0 });
  });
});
