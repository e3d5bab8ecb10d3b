import * as fs from "fs";
import * as path from "path";
import { loadPolicy } from "../engine/policy/load";
import { checkMessage, scannerFor } from "./check-message";
import {
  codePointLength,
  longestDigitRun,
  MAX_REASON_TEXT,
  normalizeReasonText,
  REASON_CODES,
  rulesNeedingReason,
  validateJustification,
} from "./justification";

const DEFAULT_YAML = fs.readFileSync(path.join(__dirname, "../../assets/policy/default-policy.yaml"), "utf8");
const policy = loadPolicy(DEFAULT_YAML, "default-policy.yaml");

describe("validateJustification", () => {
  it("accepts every code without text, except other", () => {
    for (const code of REASON_CODES) {
      const r = validateJustification({ code }, policy);
      if (code === "other") expect(r).toEqual({ ok: false, problems: [{ kind: "text-required" }] });
      else expect(r).toEqual({ ok: true, justification: { code } });
    }
  });

  it("accepts a short plain text and returns it normalized", () => {
    const r = validateJustification({ code: "business-need", text: "  Approved by the team lead,\n\tticket INC-4411  " }, policy);
    expect(r).toEqual({ ok: true, justification: { code: "business-need", text: "Approved by the team lead, ticket INC-4411" } });
  });

  it("refuses an unknown code", () => {
    expect(validateJustification({ code: "because" }, policy)).toEqual({ ok: false, problems: [{ kind: "unknown-code", code: "because" }] });
  });

  it("refuses a text over the cap, counting code points", () => {
    const ok = "ä".repeat(MAX_REASON_TEXT);
    expect(validateJustification({ code: "other", text: ok }, policy).ok).toBe(true);
    const astral = "😀".repeat(MAX_REASON_TEXT); // 200 UTF-16 units, 100 characters
    expect(validateJustification({ code: "other", text: astral }, policy).ok).toBe(true);
    expect(validateJustification({ code: "other", text: ok + "x" }, policy)).toEqual({
      ok: false,
      problems: [{ kind: "too-long", max: MAX_REASON_TEXT, length: MAX_REASON_TEXT + 1 }],
    });
  });

  it("refuses identifiers the scanner finds, naming the detector and never the value", () => {
    // A PAN has only four digits in a row: the scanner, not the digit rule, must catch it.
    const r = validateJustification({ code: "customer-consent", text: "customer ABCPE1234F agreed" }, policy);
    expect(r).toEqual({ ok: false, problems: [{ kind: "identifier", detectors: ["in-pan"] }] });
    expect(JSON.stringify(r)).not.toContain("1234");
    const card = validateJustification({ code: "other", text: "card 4111 1111 1111 1111" }, policy);
    expect(card.ok).toBe(false);
    if (!card.ok) expect(card.problems).toEqual(expect.arrayContaining([{ kind: "identifier", detectors: ["payment-card"] }]));
  });

  it("refuses identifiers even when the policy disables their detector or allowlists the value", () => {
    const lax = JSON.parse(JSON.stringify(policy)) as typeof policy;
    lax.detectors["in-pan"]!.enabled = false;
    lax.allowlists.values.push({ detector: "in-pan", value: "ABCPE1234F", reason: "test" });
    expect(scannerFor(lax).scan("for ABCPE1234F")).toEqual([]);
    expect(lax.detectors["in-pan"]!.enabled).toBe(false);
    expect(validateJustification({ code: "other", text: "for ABCPE1234F" }, lax)).toEqual({ ok: false, problems: [{ kind: "identifier", detectors: ["in-pan"] }] });
  });

  it("refuses e-mail addresses and any @", () => {
    expect(validateJustification({ code: "other", text: "asked by bob@partner.test" }, policy)).toEqual({ ok: false, problems: [{ kind: "email-address" }] });
    expect(validateJustification({ code: "other", text: "see @legal" }, policy)).toEqual({ ok: false, problems: [{ kind: "email-address" }] });
    expect(validateJustification({ code: "other", text: "see ＠legal" }, policy)).toEqual({ ok: false, problems: [{ kind: "email-address" }] });
  });

  it("refuses numbers of 6 or more digits in any script, grouped or not", () => {
    for (const text of ["ticket 1234567", "on 2026-01-15", "ref 12 34 56", "ref ١٢٣٤٥٦", "ref १२३४५६", "ref １２３４５６", "amount 1,234,567"]) {
      const r = validateJustification({ code: "other", text }, policy);
      expect({ text, problems: r.ok ? [] : r.problems }).toEqual({ text, problems: expect.arrayContaining([{ kind: "long-number", max: 5 }]) });
    }
    for (const text of ["ticket 12345", "room 12, floor 3456", "12 - 3456"]) {
      expect({ text, ok: validateJustification({ code: "other", text }, policy).ok }).toEqual({ text, ok: true });
    }
  });

  it("refuses a masked value copied from the warning", () => {
    for (const text of ["card **** **** **** 1111", "card 1111 •••• ••••", "j***@"]) {
      const r = validateJustification({ code: "other", text }, policy);
      expect({ text, problems: r.ok ? [] : r.problems }).toEqual({ text, problems: expect.arrayContaining([{ kind: "masked-value" }]) });
    }
  });
});

describe("helpers", () => {
  it("longestDigitRun joins digit groups across one separator", () => {
    expect(longestDigitRun("")).toBe(0);
    expect(longestDigitRun("a1b22c333")).toBe(3);
    expect(longestDigitRun("12 34-56.78/90")).toBe(10);
    expect(longestDigitRun("12  34")).toBe(2);
    expect(longestDigitRun("12 a 34")).toBe(2);
  });

  it("normalizeReasonText collapses white space and drops control characters", () => {
    expect(normalizeReasonText("a\u0000b\r\n\r\nc\u200b d\u0085")).toBe("ab c\u200b d");
  });

  it("codePointLength counts surrogate pairs once", () => {
    expect(codePointLength("a😀b")).toBe(3);
    expect(codePointLength("\ud800")).toBe(1);
  });
});

describe("rulesNeedingReason", () => {
  const withReason = loadPolicy(
    DEFAULT_YAML.replace("    action: warn\n    message: remove-or-mask\n", "    action: warn\n    message: remove-or-mask\n    requireReason: true\n"),
    "reason.yaml",
  );
  const external = (body: string) =>
    checkMessage(
      {
        message: { subject: "s", recipients: [{ email: "bob@partner.test", field: "to", recipientType: "unknown" }], attachments: [] },
        body,
        attachments: [],
      },
      withReason,
    ).decision;

  it("names the fired warn rules that require a reason", () => {
    expect(withReason.rules.filter((r) => r.requireReason).map((r) => r.id)).toEqual(["warn-identifiers-external-low"]);
    const lowCard = external("number 4111111111111111 in a sentence without any context");
    expect(lowCard.rules.map((r) => r.id)).toContain("warn-identifiers-external-low");
    expect(rulesNeedingReason(lowCard, withReason)).toEqual(["warn-identifiers-external-low"]);
    expect(rulesNeedingReason(lowCard, policy)).toEqual([]);
    expect(rulesNeedingReason(external("hello"), withReason)).toEqual([]);
  });
});
