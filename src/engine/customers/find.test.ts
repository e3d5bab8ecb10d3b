import { buildCustomerSet, openCustomerSet, type BuildColumn, type CustomerSet } from "./customer-set";
import { findCustomerEmails, findCustomerNumbers, type CustomerMatch } from "./find";

const KEY = new Uint8Array(32).fill(3);

function setOf(emails: string[], numbers: string[]): CustomerSet {
  const cols: BuildColumn[] = [
    { name: "email", kind: "email", values: emails },
    { name: "number", kind: "number", values: numbers },
  ];
  return openCustomerSet(buildCustomerSet(cols, KEY, "2026-01-01T00:00:00Z").file, KEY);
}

const spans = (t: string, found: CustomerMatch[]) => found.map((m) => t.slice(m.start, m.end));

describe("findCustomerEmails", () => {
  const set = setOf(["jane.doe@example.com", "jöran@bücher.example", "ola@kunde.example", "ivan@пример.рф"], []);
  const find = (t: string) => {
    const out: CustomerMatch[] = [];
    findCustomerEmails(t, set, out);
    return spans(t, out);
  };

  it.each([
    ["Write to Jane.Doe@EXAMPLE.com.", ["Jane.Doe@EXAMPLE.com"]],
    ["<jane.doe@example.com>, ola@kunde.example; other@example.com", ["jane.doe@example.com", "ola@kunde.example"]],
    ["mailto:jane.doe@example.com?subject=x", ["jane.doe@example.com"]],
    ["jane.doe@example.com.2", ["jane.doe@example.com"]],
    ["Jöran: jöran@bücher.example, also JÖRAN@xn--bcher-kva.example", ["jöran@bücher.example", "JÖRAN@xn--bcher-kva.example"]],
    ["«jöran@bücher.example»", ["jöran@bücher.example"]],
    ["jöran@bücher。example", ["jöran@bücher。example"]],
    ["ivan@пример.рф and IVAN@xn--e1afmkfd.xn--p1ai.", ["ivan@пример.рф", "IVAN@xn--e1afmkfd.xn--p1ai"]],
  ])("%s", (t, want) => {
    expect(find(t)).toEqual(want);
  });

  it.each(["xjane.doe@example.com", "jane.doe@example.co", "jane.doe+x@example.com", "janedoe@example.com", "jane.doe@example.com.au", "jane.doe@example.com.Thanks"])("not %s", (t) => {
    expect(find(t)).toEqual([]);
  });
});

describe("findCustomerNumbers", () => {
  it("finds numbers written as the export wrote them, or without separators, never cut out of a longer token", () => {
    const set = setOf([], ["C-104233", "C-104-777", "55500123"]);
    const find = (t: string) => {
      const out: CustomerMatch[] = [];
      findCustomerNumbers(t, set, out);
      return spans(t, out);
    };
    expect(set.header.joiners).toBe("-");
    expect(find("Kunde C-104233 og c104233, C-104-777 og C104777.")).toEqual(["C-104233", "c104233", "C-104-777", "C104777"]);
    expect(find("Order 55500123 paid; ref X-55500123 and 55500123-2 are other things; 555 00123 too.")).toEqual(["55500123"]);
    expect(find("C-1042331 C-10423 XC-104233")).toEqual([]);
  });

  it("with an export that writes numbers with spaces, space-joined groups are tried too (up to four)", () => {
    const set = setOf([], ["104 233 567", "12 34 56 78 90"]);
    expect(set.header.joiners).toBe(" ");
    const t = "Numbers 104 233 567, 104233567 and 12 34 56 78 90 (five groups: not tried) and 1 104 233 567 9.";
    const out: CustomerMatch[] = [];
    findCustomerNumbers(t, set, out);
    expect(spans(t, out)).toEqual(["104 233 567", "104233567", "104 233 567"]);
  });

  it("hashes only tokens of the recorded shapes", () => {
    const set = setOf([], ["AB-123456"]);
    let lookups = 0;
    const counting: CustomerSet = { ...set, hasNumber: (c) => (lookups++, set.hasNumber(c)) };
    const out: CustomerMatch[] = [];
    findCustomerNumbers("Invoice 2025-11 of 1234,50 EUR for order 123456 and AB-123456 and CD-654321 on 12/11/2025.", counting, out);
    expect(out.length).toBe(1);
    expect(lookups).toBe(2);
  });
});
