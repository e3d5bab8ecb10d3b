import { externalOrganizations, type ClassifiedAddress } from "./external-organizations";

const ext = (email: string): ClassifiedAddress => ({ email, cls: "external" });

describe("externalOrganizations", () => {
  test("one organization however many people and subdomains", () => {
    expect(externalOrganizations([ext("a@fabrikam.no"), ext("b@sales.fabrikam.no"), ext("c@FABRIKAM.NO")])).toEqual({ count: 1, domains: ["fabrikam.no"], personal: 0 });
  });
  test("two organizations, internal recipients not counted", () => {
    const r = [ext("a@fabrikam.no"), ext("b@northwind.co.uk"), { email: "me@contoso.com", cls: "internal" as const }];
    expect(externalOrganizations(r)).toEqual({ count: 2, domains: ["fabrikam.no", "northwind.co.uk"], personal: 0 });
  });
  test("registrable domains under two-label suffixes stay apart", () => {
    expect(externalOrganizations([ext("a@fabrikam.co.uk"), ext("b@northwind.co.uk")]).count).toBe(2);
  });
  test("each consumer mailbox is its own organization; the same address twice is one", () => {
    const r: ClassifiedAddress[] = [
      { email: "jana@gmail.com", cls: "personal" },
      { email: "peter@gmail.com", cls: "personal" },
      { email: "Jana@GMAIL.com", cls: "personal" },
      ext("a@fabrikam.no"),
    ];
    expect(externalOrganizations(r)).toEqual({ count: 3, domains: ["fabrikam.no"], personal: 2 });
  });
  test("an external recipient without a readable domain is one more organization each", () => {
    expect(externalOrganizations([ext(""), ext("no-domain"), ext("a@fabrikam.no")]).count).toBe(3);
  });
  test("nobody external: zero", () => {
    expect(externalOrganizations([{ email: "me@contoso.com", cls: "internal" }])).toEqual({ count: 0, domains: [], personal: 0 });
  });
});

describe("organization domains are shown as written", () => {
  test("an IDN look-alike stays in its xn-- form, so it cannot pass for the real one", () => {
    expect(externalOrganizations([ext("a@xn--fbrikam-2fg.no"), ext("b@fabrikam.no")]).domains).toEqual(["fabrikam.no", "xn--fbrikam-2fg.no"]);
  });
});
