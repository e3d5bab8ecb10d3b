import type { Decision } from "../engine/types";
import {
  CANCEL_LABEL_LIMIT,
  DIALOG_LIMIT,
  dialogKind,
  fitDialog,
  NOTIFICATION_LIMIT,
  renderDialog,
  renderNotification,
} from "./dialog";
import { LRI, PDI } from "./format";
import { LOCALES, type Locale } from "./locale";
import { CATALOG } from "./messages";
import * as fx from "./fixtures";

const KINDS: fx.Kind[] = ["warn", "block", "unscanned"];
const CASES = LOCALES.reduce<[Locale, fx.Kind][]>((all, l) => all.concat(KINDS.map((k) => [l, k] as [Locale, fx.Kind])), []);

/** Outlook's Markdown subset: bold pairs balance, list items end with \r, links are https. */
function checkMarkdown(md: string): void {
  expect((md.match(/\*\*/g) || []).length % 2).toBe(0);
  for (const line of md.split("\n\n")) {
    if (line.indexOf("- ") === 0) {
      expect(line.endsWith("\r")).toBe(true);
      for (const item of line.split("\r").filter(Boolean)) expect(item.indexOf("- ")).toBe(0);
    }
  }
  const links = md.match(/\]\(([^)]*)\)/g) || [];
  for (const l of links) expect(l).toMatch(/^\]\(https:\/\/[^\s)]+\)$/);
}

describe.each(CASES)("%s × %s with worst-case placeholders", (locale, kind) => {
  const decision = fx.worstCase(kind);
  const policy = fx.longTitlePolicy();
  const text = renderDialog(decision, policy, locale);
  const m = CATALOG[locale];

  test("errorMessage and errorMessageMarkdown fit in 500 characters without the emergency cut", () => {
    expect(text.errorMessage.length).toBeLessThanOrEqual(DIALOG_LIMIT);
    expect(text.errorMessageMarkdown.length).toBeLessThanOrEqual(DIALOG_LIMIT);
    expect(fitDialog(decision, policy, locale, false).truncated).toBe(false);
    expect(fitDialog(decision, policy, locale, true).truncated).toBe(false);
  });

  test("cancelLabel ≤ 20 and the notification ≤ 150", () => {
    expect(text.cancelLabel.length).toBeLessThanOrEqual(CANCEL_LABEL_LIMIT);
    const n = renderNotification(decision, policy, locale);
    expect(n.length).toBeGreaterThan(0);
    expect(n.length).toBeLessThanOrEqual(NOTIFICATION_LIMIT);
  });

  test("says Think First, why and what to do, in the locale's words", () => {
    for (const t of [text.errorMessage, text.errorMessageMarkdown]) {
      expect(t).toContain(m.dialog.heading);
      expect(t).toContain(m.dialog.intro[kind]);
      expect(t).toContain(m.dialog.whatLabel);
      expect(t).toContain(m.dialog.whyLabel);
      expect(t).not.toMatch(/\{[A-Za-z]+\}/); // every placeholder filled
    }
    checkMarkdown(text.errorMessageMarkdown);
  });

  test("keeps the Markdown safe and the plain text free of Markdown", () => {
    expect(text.errorMessage).not.toContain("**");
    expect(text.errorMessage).not.toContain("](");
  });
});

describe.each(LOCALES.map((l) => [l]))("%s: typical dialogs", (locale) => {
  const m = CATALOG[locale as Locale];
  const policy = fx.policy();

  test("a card number in the body: count, masked examples, the localized policy title and its link", () => {
    const d = renderDialog(fx.simpleBlock(), policy, locale as Locale);
    const title = policy.citation.title[locale] as string;
    expect(d.errorMessage).toContain("1111");
    expect(d.errorMessage).toContain("4444");
    expect(d.errorMessage).toContain(title);
    expect(d.errorMessage).toContain(m.advice["remove-or-mask"]);
    expect(d.errorMessage).toContain(m.dialog.where.body);
    expect(d.errorMessageMarkdown).toContain("(" + policy.citation.url + ")");
    expect(d.errorMessageMarkdown).toContain("- " + m.advice["remove-or-mask"] + "\r");
    expect(d.errorMessage).not.toContain(m.dialog.sendAnyway); // block: no Send Anyway
    expect(d.cancelLabel).toBe(m.labels.cancelLabel);
  });

  test("the seed's Think First case: a customer e-mail list, even internally, with Send Anyway allowed", () => {
    const d = renderDialog(fx.customerListWarn(), policy, locale as Locale);
    expect(d.errorMessage).toContain(m.advice["dont-share-customer-list"]);
    expect(d.errorMessage).toContain(m.dialog.sendAnyway);
    expect(d.errorMessage).toContain("customers.csv");
    expect(d.errorMessageMarkdown).toContain(m.advice["dont-share-customer-list"]);
  });

  test("many external recipients: move to Bcc, in the notification too", () => {
    const d = renderDialog(fx.recipientsWarn(25), policy, locale as Locale);
    expect(d.errorMessage).toContain(m.advice["move-to-bcc"]);
    expect(d.errorMessage).toContain("25");
    const n = renderNotification(fx.recipientsWarn(25), policy, locale as Locale);
    expect(n).toContain("25");
    expect(n.length).toBeLessThanOrEqual(NOTIFICATION_LIMIT);
  });

  test("links no rule counted ride along as one line: the hosts, never a URL", () => {
    const d = renderDialog(fx.blockWithLinks(), policy, locale as Locale);
    for (const t of [d.errorMessage, d.errorMessageMarkdown]) {
      expect(t).not.toContain("https://contoso");
      expect(t.length).toBeLessThanOrEqual(DIALOG_LIMIT);
    }
    // The line is the first optional part to go: the plain text has room for it (the Markdown one, longer, may not).
    expect(d.errorMessage).toContain(m.dialog.linkedLabel);
    expect(d.errorMessage).toContain("contoso-my.sharepoint.com");
    // What the dialog showed without the links it still shows: the masked examples are kept before the hosts.
    const without = renderDialog(fx.simpleBlock(), policy, locale as Locale);
    if (without.errorMessage.indexOf("1111") >= 0) expect(d.errorMessage).toContain("1111");
    checkMarkdown(d.errorMessageMarkdown);
    // A message with no links has no such line.
    expect(renderDialog(fx.simpleBlock(), policy, locale as Locale).errorMessage).not.toContain(m.dialog.linkedLabel);
  });

  test("a rule on links alone: the linked files are on the Found line with their hosts, and its advice", () => {
    const d = renderDialog(fx.linkedCounted(), policy, locale as Locale);
    expect(d.errorMessage).toContain("contoso-my.sharepoint.com");
    expect(d.errorMessage).toContain(m.advice["check-links"]);
    expect(d.errorMessage).not.toContain(m.dialog.linkedLabel + ":");
    const n = renderNotification(fx.linkedCounted(), policy, locale as Locale);
    expect(n.length).toBeGreaterThan(0);
    expect(n.length).toBeLessThanOrEqual(NOTIFICATION_LIMIT);
  });

  test("pictures a policy counts (images: warn): not checked, with the no-text reason and the advice", () => {
    const d: Decision = {
      action: "warn",
      rules: [{ id: "on-no-text", action: "warn", message: "check-no-text", detectors: ["unscanned"] }],
      counts: { unscanned: 1 },
      examples: [],
      fixes: [{ kind: "remove-attachment", name: "site.jpg", attachmentId: "a" }],
      unscanned: [{ part: "site.jpg", reason: "no-text", detail: "image" }],
      visibleExternalRecipients: 0,
      noText: [{ part: "site.jpg", kind: "image" }],
    };
    const text = renderDialog(d, policy, locale as Locale).errorMessage;
    expect(text).toContain(m.dialog.intro.unscanned);
    expect(text).toMatch(new RegExp("site\\.jpg\\u2069? \\(" + m.unscannedReasons["no-text"] + "\\)"));
    expect(text).toContain(m.advice["check-no-text"]);
    expect(text).not.toContain(m.advice["check-unscanned"]);
    expect(renderNotification(d, policy, locale as Locale)).toContain(m.unscannedReasons["no-text"]);
  });

  test("allow renders nothing", () => {
    const d = renderDialog(fx.allowDecision(), policy, locale as Locale);
    expect(d.errorMessage).toBe("");
    expect(d.errorMessageMarkdown).toBe("");
    expect(renderNotification(fx.allowDecision(), policy, locale as Locale)).toBe("");
  });

  test("the policy title falls back to English when the policy has none in this locale", () => {
    const p = fx.policy({ title: { en: "Customer Information Privacy" } });
    expect(renderDialog(fx.simpleBlock(), p, locale as Locale).errorMessage).toContain("Customer Information Privacy");
  });

  test("no link for a non-https policy URL", () => {
    const p = fx.policy({ url: "javascript:alert(1)" });
    const md = renderDialog(fx.simpleBlock(), p, locale as Locale).errorMessageMarkdown;
    expect(md).not.toContain("](");
    expect(md).not.toContain("javascript:");
  });
});

test("the found line names each identifier in the language's own term", () => {
  const one = (id: string): Decision => ({
    action: "block",
    rules: [{ id: "r", action: "block", message: "remove-or-mask", detectors: [id] }],
    counts: { [id]: 1 },
    examples: [],
    fixes: [],
    unscanned: [],
    visibleExternalRecipients: 0,
  });
  const p = fx.policy();
  expect(renderDialog(one("fi-hetu"), p, "fi").errorMessage).toMatch(/henkilötunnus/i);
  expect(renderDialog(one("no-fnr"), p, "nb").errorMessage).toMatch(/fødselsnummer/i);
  expect(renderDialog(one("sk-rc"), p, "sk").errorMessage).toMatch(/rodné číslo/i);
  expect(renderDialog(one("in-aadhaar"), p, "hi").errorMessage).toContain("आधार");
  expect(renderDialog(one("pk-cnic"), p, "ur").errorMessage).toContain("شناختی کارڈ");
  expect(renderDialog(one("payment-card"), p, "en").errorMessage).toContain("1 card number");
});

test("plural forms follow the language: Slovak 1 / 3 / 5 card numbers", () => {
  const cards = (n: number): Decision => ({
    action: "block",
    rules: [{ id: "r", action: "block", message: "remove-or-mask", detectors: ["payment-card"] }],
    counts: { "payment-card": n },
    examples: [],
    fixes: [],
    unscanned: [],
    visibleExternalRecipients: 0,
  });
  const p = fx.policy();
  expect(renderDialog(cards(1), p, "sk").errorMessage).toContain("1 číslo karty");
  expect(renderDialog(cards(3), p, "sk").errorMessage).toContain("3 čísla kariet");
  expect(renderDialog(cards(5), p, "sk").errorMessage).toContain("5 čísel kariet");
  expect(renderDialog(cards(1), p, "fi").errorMessage).toContain("1 maksukortin numero");
  expect(renderDialog(cards(2), p, "fi").errorMessage).toContain("2 maksukortin numeroa");
});

describe("Urdu: left-to-right fragments are isolated", () => {
  const p = fx.policy();
  test("masked numbers and file names sit inside LRI … PDI; other locales carry no isolates", () => {
    const d = renderDialog(fx.simpleBlock(), p, "ur");
    expect(d.errorMessage).toContain(LRI + "**** **** **** 1111" + PDI);
    const list = renderDialog(fx.customerListWarn(), p, "ur");
    expect(list.errorMessage).toContain(LRI + "customers.csv" + PDI);
    for (const l of LOCALES.filter((x) => x !== "ur")) {
      expect(renderDialog(fx.simpleBlock(), p, l).errorMessage).not.toMatch(/[\u2066-\u2069]/);
    }
  });
  test("isolates are balanced in every Urdu text", () => {
    for (const kind of KINDS) {
      const d = renderDialog(fx.worstCase(kind), fx.longTitlePolicy(), "ur");
      for (const t of [d.errorMessage, d.errorMessageMarkdown, renderNotification(fx.worstCase(kind), p, "ur")]) {
        const opens = (t.match(/[\u2066\u2067\u2068]/g) || []).length;
        const closes = (t.match(/\u2069/g) || []).length;
        expect(opens).toBe(closes);
      }
      expect(d.errorMessage).toMatch(/\u2066[^\u2069]+\u2069/);
      expect(d.errorMessageMarkdown).toMatch(/\u2066[^\u2069]+\u2069/);
    }
  });
});

describe("outside text cannot break the dialog", () => {
  const p = fx.policy();
  const withName = (name: string): Decision => ({
    ...fx.customerListWarn(),
    examples: [{ detector: "email-list", masked: "40 addresses", location: { kind: "attachment", name }, confidence: "high" }],
    fixes: [{ kind: "remove-attachment", name }],
  });
  test("Markdown characters in a file name are made inert", () => {
    const md = renderDialog(withName("**urgent** [list](https://evil.example) `x`.csv"), p, "en").errorMessageMarkdown;
    expect(md).not.toContain("evil.example)");
    expect(md).not.toContain("**urgent**");
    checkMarkdown(md);
  });
  test("line breaks and bidi overrides in a file name are removed", () => {
    const d = renderDialog(withName("inv\u202Etxt.exe\r\n- fake item"), p, "en");
    expect(d.errorMessage).not.toMatch(/[\u202a-\u202e\r]/);
    expect(d.errorMessageMarkdown).not.toContain("\n- fake");
  });
  test("a detector id the locale does not know is shown as a custom pattern", () => {
    const d: Decision = { ...fx.simpleBlock(), counts: { "employee-id": 2 }, rules: [{ id: "c", action: "block", message: "remove-or-mask", detectors: ["employee-id"] }] };
    expect(renderDialog(d, p, "en").errorMessage).toContain("2 matches of employee-id");
  });
  test("an unknown advice id falls back to the default advice", () => {
    const d: Decision = { ...fx.simpleBlock(), rules: [{ id: "c", action: "block", message: "no-such-id", detectors: ["payment-card"] }] };
    expect(renderDialog(d, p, "fi").errorMessage).toContain(CATALOG.fi.advice.default);
  });
});

test("the emergency cut still respects a tiny limit", () => {
  const r = fitDialog(fx.worstCase("block"), fx.longTitlePolicy(), "sk", true, 80);
  expect(r.truncated).toBe(true);
  expect(r.text.length).toBeLessThanOrEqual(80);
});

test("richer layouts are used when there is room: the simple case keeps its examples", () => {
  expect(fitDialog(fx.simpleBlock(), fx.policy(), "en", false).level).toBe(0);
  expect(fitDialog(fx.worstCase("block"), fx.longTitlePolicy(), "en", false).level).toBeGreaterThan(0);
});

test("dialogKind: allow, warn, block and unscanned-only", () => {
  expect(dialogKind(fx.allowDecision())).toBe("allow");
  expect(dialogKind(fx.simpleBlock())).toBe("block");
  expect(dialogKind(fx.customerListWarn())).toBe("warn");
  expect(dialogKind(fx.worstCase("unscanned"))).toBe("unscanned");
  expect(dialogKind({ ...fx.worstCase("unscanned"), action: "block" })).toBe("unscanned");
});

test("without Intl (as classic Outlook may be) the dialog is the same", () => {
  const withIntl = LOCALES.map((l) => renderDialog(fx.worstCase("block"), fx.longTitlePolicy(), l).errorMessage);
  const g = globalThis as { Intl?: unknown };
  const saved = g.Intl;
  let without: string[] = [];
  try {
    delete g.Intl;
    jest.isolateModules(() => {
      const fresh = require("./dialog") as typeof import("./dialog");
      const freshFx = require("./fixtures") as typeof fx;
      without = LOCALES.map((l) => fresh.renderDialog(freshFx.worstCase("block"), freshFx.longTitlePolicy(), l).errorMessage);
    });
  } finally {
    g.Intl = saved;
  }
  expect(without).toEqual(withIntl);
});

test("a display language passed where a locale is expected is resolved, never a crash", () => {
  const p = fx.policy();
  expect(renderDialog(fx.simpleBlock(), p, "fi-FI" as Locale).errorMessage).toContain(CATALOG.fi.dialog.heading);
  expect(renderDialog(fx.simpleBlock(), p, "xx" as Locale).errorMessage).toContain(CATALOG.en.dialog.heading);
  expect(renderNotification(fx.simpleBlock(), p, undefined as unknown as Locale)).toContain("Think First");
});

test("a decision without examples, fixes or a policy title still renders", () => {
  const bare: Decision = { action: "warn", rules: [], counts: { iban: 1 }, examples: [], fixes: [], unscanned: [], visibleExternalRecipients: 0 };
  const p = fx.policy({ title: {} as Record<string, string>, url: undefined });
  for (const l of LOCALES) {
    const d = renderDialog(bare, p, l);
    expect(d.errorMessage).toContain(CATALOG[l].dialog.heading);
    expect(d.errorMessage).toContain(CATALOG[l].advice.default);
    expect(d.errorMessage).not.toContain(CATALOG[l].dialog.whyLabel + ":");
  }
});

test("an unscanned-only decision without the parts listed still says what could not be checked", () => {
  const d: Decision = { ...fx.worstCase("unscanned"), unscanned: [], counts: { unscanned: 2 } };
  for (const l of LOCALES) {
    const n = renderNotification(d, fx.policy(), l);
    expect(n).toContain("2");
    expect(n).not.toMatch(/\{|\(\)/);
  }
});
