import { matchCustomerListName, fileNameWords } from "./customer-list-name";

describe("customerListName", () => {
  test.each([
    ["Customer list 2025.xlsx", "customer list"],
    ["customer_list.csv", "customer list"],
    ["CustomerList-Q3.xlsx", "customer list"],
    ["customerlist.xlsx", "customer list"],
    ["customers.csv", "customers"],
    ["kundeliste.xlsx", "kundeliste"],
    ["Kundelisten_2024.xlsx", "kundeliste"],
    ["asiakaslista.xlsx", "asiakaslista"],
    ["asiakkaat.csv", "asiakkaat"],
    ["Zoznam zákazníkov.xlsx", "zoznam zakaznikov"],
    ["seznam_zákazníků.xlsx", "seznam zakazniku"],
    ["ग्राहक सूची.xlsx", "ग्राहक सूची"],
    ["گاہکوں کی فہرست.xlsx", "گاہکوں کی فہرست"],
    ["archive.zip/export/kunder.csv", "kunder"],
  ])("%s → %s", (name, keyword) => {
    const f = matchCustomerListName(name);
    expect(f).not.toBeNull();
    expect(f!.detector).toBe("customer-list-name");
    expect(f!.reasons).toEqual(["file name matches '" + keyword + "'"]);
    expect([f!.start, f!.end]).toEqual([0, name.length]);
  });

  test.each(["invoice 2025.pdf", "customer complaint.docx", "report.xlsx", "", "kundeservice.pdf", "klientiúčet.pdf"])("no match: %s", (name) => {
    expect(matchCustomerListName(name)).toBeNull();
  });

  test("file name words", () => {
    expect(fileNameWords("a/b/CustomerList_2025-v2.xlsx")).toBe("Customer List v");
  });
});
