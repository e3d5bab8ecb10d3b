/**
 * The recipient checks in the decision, under the default policy (assets/policy/default-policy.yaml) with the
 * organization's domain set to contoso.com: look-alike domains, personal mailboxes, mixed organizations, first-time
 * recipients; and the dialog each gives, in every locale, within Outlook's limits.
 */
import * as fs from "fs";
import * as path from "path";
import type { Finding, MessageInfo, Recipient, SourceResult } from "../types";
import { RecipientHistory } from "../recipients/recipient-history";
import { decide } from "./decide";
import { loadPolicy } from "./load";
import type { Policy } from "./types";
import { renderDialog, renderNotification, DIALOG_LIMIT, NOTIFICATION_LIMIT } from "../../i18n/dialog";
import { LRI, PDI } from "../../i18n/format";
import { personalDomainsOf } from "./recipient-facts";

const YAML = fs.readFileSync(path.resolve(__dirname, "../../../assets/policy/default-policy.yaml"), "utf8").replace("internalDomains: [example.com]", "internalDomains: [contoso.com]");
const policyWith = (change: (yaml: string) => string = (y) => y): Policy => loadPolicy(change(YAML), "p.yaml");
const policy = policyWith();

const DAY = 86400000;
const NOW = Date.UTC(2026, 11, 1);
const bytes = (n: number) => new Uint8Array(n).map((_v, i) => (i * 37 + 11) & 255);

const card: Finding = { detector: "payment-card", start: 0, end: 19, confidence: "medium", reasons: ["luhn ok"], masked: "**** **** **** 1111" };
const list: Finding = { detector: "email-list", start: 0, end: 100, confidence: "high", reasons: [], masked: "12 addresses", count: 12, domains: 5 };
const body = (findings: Finding[]): SourceResult[] => [{ location: { kind: "body" }, findings, unscanned: [], chars: 100 }];
const to = (email: string, field: Recipient["field"] = "to"): Recipient => ({ email, field, recipientType: "user" });
const msg = (recipients: Recipient[], extra: Partial<MessageInfo> = {}): MessageInfo => ({ from: "me@contoso.com", subject: "", recipients, attachments: [], ...extra });
const ruleIds = (sources: SourceResult[], m: MessageInfo, p: Policy = policy) => decide(sources, m, p).rules.map((r) => r.id);

describe("lookalike-domain", () => {
  it("warns on contoso.co for contoso.com, says which domain it resembles and offers the replacement", () => {
    const d = decide(body([]), msg([to("alice@contoso.com"), to("jane.doe@contoso.co", "cc")]), policy);
    expect(d.action).toBe("warn");
    expect(d.rules.map((r) => r.id)).toEqual(["warn-lookalike-domain"]);
    expect(d.counts).toEqual({ "lookalike-domain": 1 });
    expect(d.recipients!.lookalikes).toEqual([
      expect.objectContaining({ index: 1, field: "cc", masked: "j***@contoso.co", resembles: "contoso.com", kind: "internal", suggestedDomain: "contoso.com", suggestion: "j***@contoso.com" }),
    ]);
    expect(d.fixes).toEqual([{ kind: "replace-domain", index: 1, field: "cc", masked: "j***@contoso.co", suggestion: "j***@contoso.com", suggestedDomain: "contoso.com" }]);
    const text = renderDialog(d, policy, "en");
    expect(text.errorMessage).toContain("did you mean j***@contoso.com?");
    expect(text.errorMessage).toContain("Found: 1 recipient at a look-alike domain (j***@contoso.co)");
    expect(text.errorMessageMarkdown).toMatch(/did you mean j\u2022\u2022\u2022[@\uff20]contoso\.com\?/);
    // No address in clear anywhere in the decision.
    expect(JSON.stringify(d)).not.toMatch(/jane|doe|alice/);
  });

  it("catches a real IDN homoglyph: pаypal.com with a Cyrillic а, written xn--pypal-4ve.com", () => {
    const p = policyWith((y) => y.replace("partnerDomains: []", "partnerDomains: [paypal.com]"));
    const d = decide(body([]), msg([to("billing@xn--pypal-4ve.com")]), p);
    expect(d.action).toBe("warn");
    const l = d.recipients!.lookalikes[0]!;
    expect(l).toMatchObject({ domain: "xn--pypal-4ve.com", resembles: "paypal.com", kind: "partner", reason: "mixed-script", suggestion: "b***@paypal.com" });
    expect(l.scripts).toEqual(expect.arrayContaining(["Cyrl", "Latn"]));
    // The Unicode form arrives too (a client that decodes the domain).
    expect(decide(body([]), msg([to("billing@p\u0430ypal.com")]), p).recipients!.lookalikes[0]!.resembles).toBe("paypal.com");
  });

  it("leaves a real partner that looks alike alone when it is on allowlists.lookalikeDomains", () => {
    const p = policyWith((y) =>
      y.replace("partnerDomains: []", "partnerDomains: [fabrikam.no]").replace("  lookalikeDomains:\n", "  lookalikeDomains:\n    - { domain: fabrikan.no, reason: 'Fabrikan AS, a real supplier' }\n"),
    );
    expect(decide(body([]), msg([to("ola@fabrikan.no")]), policy).action).toBe("allow"); // not a reference under the default policy
    expect(decide(body([]), msg([to("ola@fabrikarn.no")]), p).rules.map((r) => r.id)).toEqual(["warn-lookalike-domain"]);
    const allowed = decide(body([]), msg([to("ola@fabrikan.no")]), p);
    expect(allowed.action).toBe("allow");
    expect(allowed.recipients).toBeUndefined();
  });

  it("the sender allowlist and a recipient-domain allowlist naming lookalike-domain silence it", () => {
    const bySender = policyWith((y) => y.replace("senders: []", "senders: [{ address: me@contoso.com, detectors: [lookalike-domain], reason: test }]"));
    expect(decide(body([]), msg([to("j@contoso.co")]), bySender).action).toBe("allow");
    const byDomain = policyWith((y) => y.replace("recipientDomains: []", "recipientDomains: [{ domain: contoso.co, detectors: [recipients], reason: test }]"));
    expect(decide(body([]), msg([to("j@contoso.co")]), byDomain).action).toBe("allow");
  });

  it("the default policy's reserved example domains are on the allowlist, so contoso.org is reported only when it is not", () => {
    const p = policyWith((y) => y.replace("internalDomains: [contoso.com]", "internalDomains: [example.com]"));
    expect(decide(body([]), msg([to("a@example.org")], { from: "me@example.com" }), p).action).toBe("allow");
    expect(decide(body([]), msg([to("a@contoso.org")]), policy).rules.map((r) => r.id)).toEqual(["warn-lookalike-domain"]);
  });

  it("is no alarm for ordinary recipients: internal, partners, unrelated companies, consumer mailboxes", () => {
    for (const r of ["a@contoso.com", "b@mail.contoso.com", "c@fabrikam.no", "d@gmail.com", "e@azet.sk", "f@example.org"]) {
      expect([r, decide(body([]), msg([to(r)]), policy).action]).toEqual([r, "allow"]);
    }
  });
});

describe("recipients: personal", () => {
  it("blocks a customer list to a personal mailbox; to a company it only warns", () => {
    const personal = decide(body([list]), msg([to("me.private@gmail.com")]), policy);
    expect(personal.action).toBe("block");
    expect(personal.rules.map((r) => r.id)).toContain("block-customer-data-personal");
    expect(personal.recipients!.personal).toEqual([expect.objectContaining({ masked: "m***@gmail.com", domain: "gmail.com" })]);
    expect(renderDialog(personal, policy, "en").errorMessage).toContain("personal mailbox (m***@gmail.com)");
    expect(decide(body([list]), msg([to("buyer@fabrikam.no")]), policy).action).toBe("warn");
  });

  it("covers the countries served and follows personalDomains add/remove", () => {
    for (const r of ["x@azet.sk", "x@seznam.cz", "x@online.no", "x@suomi24.fi", "x@rediffmail.com"]) expect(ruleIds(body([card]), msg([to(r)]))).toContain("block-customer-data-personal");
    const p = policyWith((y) => y.replace("add: []             # - mail.example.net", "add: [mail.example.net]").replace("    remove: []\n  # Addresses", "    remove: [gmail.com]\n  # Addresses"));
    expect(personalDomainsOf(p)).toContain("mail.example.net");
    expect(personalDomainsOf(p)).not.toContain("gmail.com");
    expect(ruleIds(body([card]), msg([to("x@mail.example.net")]), p)).toContain("block-customer-data-personal");
    expect(ruleIds(body([card]), msg([to("x@gmail.com")]), p)).not.toContain("block-customer-data-personal");
  });
});

describe("recipients: mixed-organizations", () => {
  it("warns when a customer list goes to two external organizations, and names them", () => {
    const d = decide(body([list]), msg([to("a@fabrikam.no"), to("b@sales.fabrikam.no"), to("c@northwind.fi")]), policy);
    expect(d.rules.map((r) => r.id)).toEqual(["warn-customer-list", "warn-mixed-organizations"]);
    expect(d.rules[1]!.detectors).toEqual(["email-list", "mixed-organizations"]);
    expect(d.counts["mixed-organizations"]).toBe(2);
    expect(d.recipients!.organizationDomains).toEqual(["fabrikam.no", "northwind.fi"]);
    expect(renderDialog(d, policy, "en").errorMessage).toContain("2 external organizations");
  });

  it("is silent for one organization (subdomains included), internal copies, or no customer data", () => {
    expect(ruleIds(body([list]), msg([to("a@fabrikam.no"), to("b@sales.fabrikam.no"), to("me@contoso.com")]))).not.toContain("warn-mixed-organizations");
    expect(ruleIds(body([]), msg([to("a@fabrikam.no"), to("c@northwind.fi")]))).toEqual([]);
  });
});

describe("recipients: first-time", () => {
  const history = (created: number, known: string[]) => {
    const h = RecipientHistory.create(bytes, created);
    h.remember(known);
    return h;
  };
  const old = () => history(NOW - 60 * DAY, ["known@fabrikam.no"]);

  it("warns when identifiers or a customer list go to an address never written to", () => {
    const d = decide(body([list]), msg([to("new.person@fabrikam.no")], { firstTime: { history: old(), now: NOW, learningDays: 14 } }), policy);
    expect(d.rules.map((r) => r.id)).toContain("warn-first-time-recipient");
    expect(d.counts["first-time-recipient"]).toBe(1);
    expect(d.recipients!.firstTimeCheck).toBe("checked");
    expect(renderDialog(d, policy, "en").errorMessage).toContain("You have not written to n***@fabrikam.no before");
  });

  it("is silent for a known address, while learning, without a history, when turned off, and without customer data", () => {
    const ft = (h: RecipientHistory | undefined) => ({ firstTime: { history: h, now: NOW, learningDays: 14 } });
    expect(ruleIds(body([list]), msg([to("Known@Fabrikam.no")], ft(old())))).not.toContain("warn-first-time-recipient");
    expect(ruleIds(body([list]), msg([to("new@fabrikam.no")], ft(history(NOW - 2 * DAY, []))))).not.toContain("warn-first-time-recipient");
    const none = decide(body([list]), msg([to("new@fabrikam.no")], ft(undefined)), policy);
    expect(none.rules.map((r) => r.id)).not.toContain("warn-first-time-recipient");
    const off = policyWith((y) => y.replace("    enabled: true\n    maxEntries", "    enabled: false\n    maxEntries"));
    expect(ruleIds(body([list]), msg([to("new@fabrikam.no")], ft(old())), off)).not.toContain("warn-first-time-recipient");
    expect(ruleIds(body([]), msg([to("new@fabrikam.no")], ft(old())))).toEqual([]);
  });
});

describe("the dialogs of the recipient rules", () => {
  const p = policyWith((y) => y.replace("partnerDomains: []", "partnerDomains: [paypal.com]"));
  const h = RecipientHistory.create(bytes, NOW - 60 * DAY);
  const long = "a-very-long-local-part-of-an-address-" + "x".repeat(40);
  const cases: [string, MessageInfo, SourceResult[]][] = [
    ["lookalike", msg([to(long + "@xn--pypal-4ve.com"), to("j@contoso.co")]), body([])],
    ["personal", msg([to(long + "@gmail.com")]), body([card, list])],
    ["mixed", msg([to("a@fabrikam.no"), to("b@northwind.fi"), to("c@" + "sub.".repeat(20) + "litware.sk")]), body([list])],
    ["first-time + lookalike", msg([to(long + "@fabrikam.no"), to("z@contoso.co")], { firstTime: { history: h, now: NOW, learningDays: 14 } }), body([list, card])],
  ];
  const locales = ["en", "sk", "nb", "fi", "hi", "ur"] as const;
  test.each(cases)("%s: within the limits in every locale, addresses isolated in Urdu", (_name, m, sources) => {
    const d = decide(sources, m, p);
    expect(d.action).not.toBe("allow");
    for (const locale of locales) {
      const text = renderDialog(d, p, locale);
      expect([locale, text.errorMessage.length <= DIALOG_LIMIT, text.errorMessageMarkdown.length <= DIALOG_LIMIT]).toEqual([locale, true, true]);
      expect(text.errorMessage).not.toMatch(/\{[a-z]+\}/);
      expect(renderNotification(d, p, locale).length).toBeLessThanOrEqual(NOTIFICATION_LIMIT);
    }
    // Every address in the Urdu text sits inside an LTR isolate.
    const ur = renderDialog(d, p, "ur").errorMessage;
    for (let at = ur.indexOf("@"); at >= 0; at = ur.indexOf("@", at + 1)) expect(ur.lastIndexOf(LRI, at)).toBeGreaterThan(ur.lastIndexOf(PDI, at));
  });
});
