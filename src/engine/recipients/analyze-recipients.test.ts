import { randomBytes } from "crypto";
import type { Recipient } from "../types";
import { RecipientAnalyzer, analyzeRecipients, replacementAddress, type RecipientPolicyInputs } from "./analyze-recipients";
import { RecipientHistory } from "./recipient-history";

const POLICY: RecipientPolicyInputs = {
  internalDomains: ["contoso.com", "contoso.sk"],
  partnerDomains: ["fabrikam.no", "northwind-traders.fi"],
  lookalikeAllow: ["fabrikam.nu"],
};
const to = (email: string, field: Recipient["field"] = "to", recipientType: Recipient["recipientType"] = "user"): Recipient => ({ email, field, recipientType });
const NOW = Date.UTC(2026, 11, 1);
const random = (n: number) => new Uint8Array(randomBytes(n));

describe("analyzeRecipients", () => {
  test("a message to colleagues, a partner and nobody else: no signal", () => {
    const s = analyzeRecipients([to("eva@contoso.com"), to("jan@contoso.sk", "cc"), to("ola@fabrikam.no")], "me@contoso.com", POLICY);
    expect(s.classes).toEqual(["internal", "internal", "external"]);
    expect(s.lookalikes).toEqual([]);
    expect(s.personal).toEqual([]);
    expect(s.externalOrganizations).toEqual({ count: 1, domains: ["fabrikam.no"], personal: 0 });
    expect(s.firstTime).toEqual([]);
    expect(s.firstTimeCheck).toBe("unavailable");
  });

  test("lookalikes of an internal, a partner, the sender's and a consumer domain, each with its suggestion", () => {
    const s = analyzeRecipients(
      [to("eva@contoso.co"), to("ola@fabrikarn.no", "cc"), to("kari@sales.northwind-trader.fi", "bcc"), to("jana@gmial.com"), to("lars@partner-example.se")],
      "me@partner-example.de",
      POLICY,
    );
    expect(s.lookalikes.map((l) => [l.index, l.field, l.masked, l.resembles, l.kind, l.reason, l.suggestedDomain, l.suggestion])).toEqual([
      [0, "to", "e***@contoso.co", "contoso.com", "internal", "tld-swap", "contoso.com", "e***@contoso.com"],
      [1, "cc", "o***@fabrikarn.no", "fabrikam.no", "partner", "letter-lookalike", "fabrikam.no", "o***@fabrikam.no"],
      [2, "bcc", "k***@sales.northwind-trader.fi", "northwind-traders.fi", "partner", "edit-distance", "sales.northwind-traders.fi", "k***@sales.northwind-traders.fi"],
      [3, "to", "j***@gmial.com", "gmail.com", "personal", "edit-distance", "gmail.com", "j***@gmail.com"],
      [4, "to", "l***@partner-example.se", "partner-example.de", "sender", "tld-swap", "partner-example.de", "l***@partner-example.de"],
    ]);
  });

  test("an IDN homoglyph domain (Cyrillic а in fabrikam) is reported with its scripts, in its xn-- form", () => {
    const s = analyzeRecipients([to("jana@xn--fbrikam-2fg.no")], "me@contoso.com", POLICY);
    expect(s.lookalikes).toEqual([
      expect.objectContaining({ domain: "xn--fbrikam-2fg.no", resembles: "fabrikam.no", reason: "mixed-script", distance: 0, scripts: ["Latn", "Cyrl"], suggestion: "j***@fabrikam.no" }),
    ]);
  });

  test("the allowlisted look-alike partner is not reported", () => {
    expect(analyzeRecipients([to("ola@fabrikam.nu")], "me@contoso.com", POLICY).lookalikes).toEqual([]);
    expect(analyzeRecipients([to("ola@fabrikam.nu")], "me@contoso.com", { ...POLICY, lookalikeAllow: [] }).lookalikes).toHaveLength(1);
  });

  test("consumer mailboxes, each its own organization", () => {
    const s = analyzeRecipients([to("a@gmail.com"), to("b@gmail.com"), to("c@azet.sk"), to("d@fabrikam.no"), to("e@contoso.com")], "me@contoso.com", POLICY);
    expect(s.personal.map((p) => p.masked)).toEqual(["a***@gmail.com", "b***@gmail.com", "c***@azet.sk"]);
    expect(s.externalOrganizations).toEqual({ count: 4, domains: ["fabrikam.no"], personal: 3 });
  });

  test("the same address in To and Bcc counts once, as the visible one", () => {
    const s = analyzeRecipients([to("ola@fabrikarn.no", "bcc"), to("OLA@fabrikarn.no", "to")], "me@contoso.com", POLICY);
    expect(s.lookalikes.map((l) => [l.index, l.field])).toEqual([[1, "to"]]);
    expect(s.classes).toEqual(["external", "external"]);
  });

  test("first-time recipients: only external ones the history does not know, and only once it has learnt", () => {
    const history = RecipientHistory.create(random, NOW - 30 * 86400000);
    history.remember(["ola@fabrikam.no", "a@gmail.com"]);
    const recipients = [to("ola@fabrikam.no"), to("kari@fabrikam.no"), to("a@gmail.com"), to("b@gmail.com"), to("eva@contoso.com")];
    const s = analyzeRecipients(recipients, "me@contoso.com", POLICY, { history, now: NOW, learningDays: 14 });
    expect(s.firstTimeCheck).toBe("checked");
    expect(s.firstTime.map((f) => f.masked)).toEqual(["k***@fabrikam.no", "b***@gmail.com"]);
    const young = RecipientHistory.create(random, NOW - 3 * 86400000);
    const learning = analyzeRecipients(recipients, "me@contoso.com", POLICY, { history: young, now: NOW, learningDays: 14 });
    expect([learning.firstTimeCheck, learning.firstTime]).toEqual(["learning", []]);
    const none = analyzeRecipients(recipients, "me@contoso.com", POLICY, { history: undefined, now: NOW, learningDays: 14 });
    expect([none.firstTimeCheck, none.firstTime]).toEqual(["unavailable", []]);
  });

  test("recipients without an address are external, never a crash", () => {
    const s = analyzeRecipients([{ email: "", name: "Sales team", field: "to", recipientType: "distributionList" }, to("x")], undefined, POLICY);
    expect(s.classes).toEqual(["external", "external"]);
    expect(s.externalOrganizations.count).toBe(2);
    expect(s.lookalikes).toEqual([]);
  });

  test("lookalikeOfPersonal: false leaves consumer domains out of the references", () => {
    expect(analyzeRecipients([to("jana@gmial.com")], "me@contoso.com", { ...POLICY, lookalikeOfPersonal: false }).lookalikes).toEqual([]);
  });

  test("the signals hold no raw address", () => {
    const recipients = [to("jana.novakova@contoso.co"), to("peter.horvath@gmail.com"), to("kari.nordmann@fabrikarn.no")];
    const history = RecipientHistory.create(random, NOW - 30 * 86400000);
    const text = JSON.stringify(analyzeRecipients(recipients, "me@contoso.com", POLICY, { history, now: NOW, learningDays: 14 }));
    for (const r of recipients) expect(text.indexOf(r.email.split("@")[0]!)).toBe(-1);
  });

  test("one analyzer serves many senders and messages", () => {
    const a = new RecipientAnalyzer(POLICY);
    expect(a.analyze([to("x@partner-example.se")], "me@partner-example.de").lookalikes).toHaveLength(1);
    expect(a.analyze([to("x@partner-example.se")], "me@contoso.com").lookalikes).toHaveLength(0);
  });
});

describe("replacementAddress", () => {
  test("keeps the local part, replaces the domain", () => {
    expect(replacementAddress(" Jana.Novakova@contoso.co ", "contoso.com")).toBe("Jana.Novakova@contoso.com");
  });
});

describe("organizations in the signals", () => {
  test("an IDN look-alike and the real domain are two organizations, shown in their written forms", () => {
    const s = analyzeRecipients([to("a@xn--fbrikam-2fg.no"), to("b@fabrikam.no")], "me@contoso.com", POLICY);
    expect(s.externalOrganizations).toEqual({ count: 2, domains: ["fabrikam.no", "xn--fbrikam-2fg.no"], personal: 0 });
  });
});
