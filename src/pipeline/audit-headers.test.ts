import fc from "fast-check";
import * as fs from "fs";
import * as path from "path";
import { loadPolicy } from "../engine/policy/load";
import type { Action, Decision, UnscannedReason } from "../engine/types";
import {
  AUDIT_HEADER_NAMES,
  CHECK_HEADER,
  composeAuditHeaders,
  decodeReasonText,
  encodeReasonText,
  formatHeaderField,
  headerId,
  isSafeHeaderValue,
  MAX_HEADER_VALUE,
  parseAuditHeaders,
  REASON_HEADER,
  VERDICT_HEADER,
  type AuditHeaders,
} from "./audit-headers";
import { checkMessage } from "./check-message";
import { REASON_CODES } from "./justification";
import { policyVersion } from "../engine/policy/version";

const policy = loadPolicy(fs.readFileSync(path.join(__dirname, "../../assets/policy/default-policy.yaml"), "utf8"), "default-policy.yaml");
const PV = policyVersion(policy);

function decisionFor(body: string, to = "bob@partner.test"): Decision {
  return checkMessage({ message: { subject: "s", recipients: [{ email: to, field: "to", recipientType: "unknown" }], attachments: [] }, body, attachments: [] }, policy).decision;
}

/** The headers as a reader sees them: lower-case names → values. */
function asRead(h: AuditHeaders): { [name: string]: string[] } {
  const out: { [name: string]: string[] } = {};
  for (const k of Object.keys(h)) out[k.toLowerCase()] = [h[k]!];
  return out;
}

function emptyDecision(action: Action = "allow"): Decision {
  return { action, rules: [], counts: {}, examples: [], fixes: [], unscanned: [], visibleExternalRecipients: 0 };
}

describe("composeAuditHeaders on real decisions", () => {
  it("a card number to an external recipient: block, the rule and the count, nothing of the card", () => {
    const d = decisionFor("The Visa card number is 4111 1111 1111 1111.");
    expect(d.action).toBe("block");
    const h = composeAuditHeaders({ decision: d, policy, product: "1.0.0", client: "PC" });
    expect(h).toEqual({
      [VERDICT_HEADER]: "block",
      [CHECK_HEADER]: `v=1; product=1.0.0; policy=${PV}; rules=block-identifiers-external,warn-identifiers-external-low; counts=payment-card:1; unscanned=-; client=pc`,
      [REASON_HEADER]: "code=none",
    });
    expect(Object.keys(h)).toEqual(AUDIT_HEADER_NAMES);
  });

  it("a clean message: allow, empty lists", () => {
    const h = composeAuditHeaders({ decision: decisionFor("Lunch at noon?"), policy, product: "1.0.0" });
    expect(h[VERDICT_HEADER]).toBe("allow");
    expect(h[CHECK_HEADER]).toBe(`v=1; product=1.0.0; policy=${PV}; rules=-; counts=-; unscanned=-`);
  });

  it("unscanned parts count per reason, never by name", () => {
    const d: Decision = {
      ...emptyDecision("warn"),
      rules: [{ id: "warn-unscanned", action: "warn", message: "check-unscanned", detectors: ["unscanned"] }],
      unscanned: [
        { part: "Salary of Jane Roe 131052-308T.xlsx", reason: "encrypted" },
        { part: "b.zip", reason: "timeout" },
        { part: "c.zip", reason: "timeout", detail: "time budget exhausted" },
      ],
    };
    const h = composeAuditHeaders({ decision: d, policy, product: "1.0.0" });
    expect(h[CHECK_HEADER]).toContain("; unscanned=encrypted:1,timeout:2");
    expect(JSON.stringify(h)).not.toMatch(/Jane|xlsx|zip|131052/);
  });

  it("a valid reason is stamped with its text, percent-encoded, and reads back exactly", () => {
    const text = "Kunden godkjente det, sak «INC-4411» ; 50% = ok";
    const h = composeAuditHeaders({ decision: emptyDecision("warn"), policy, product: "1.0.0", justification: { code: "customer-consent", text } });
    expect(h[REASON_HEADER]).toBe("code=customer-consent; text=" + encodeReasonText(text));
    expect(h[REASON_HEADER]).toMatch(/^[\x20-\x7e]+$/);
    expect(encodeReasonText(text)).toBe("Kunden godkjente det, sak %C2%ABINC-4411%C2%BB %3B 50%25 %3D ok");
    expect(parseAuditHeaders(asRead(h))!.reason).toEqual({ code: "customer-consent", text });
  });

  it("a reason text that fails the checks is dropped, the code kept", () => {
    for (const text of ["card 4111 1111 1111 1111", "ask bob@partner.test", "ticket 1234567", "x".repeat(101)]) {
      const h = composeAuditHeaders({ decision: emptyDecision("warn"), policy, product: "1.0.0", justification: { code: "other", text } });
      expect({ text, header: h[REASON_HEADER] }).toEqual({ text, header: "code=other; dropped=text" });
    }
    const bad = composeAuditHeaders({ decision: emptyDecision("warn"), policy, product: "1.0.0", justification: { code: "because" as "other" } });
    expect(bad[REASON_HEADER]).toBe("code=none");
  });

  it("odd ids are stamped as a hash; long lists are cut with +N and the value fits", () => {
    expect(headerId("warn-customer-list")).toBe("warn-customer-list");
    expect(headerId("block-4111111111111111")).toMatch(/^x-[bcdfghjklmnpqrst]{8}$/);
    expect(headerId("Bob@partner.test")).toMatch(/^x-[bcdfghjklmnpqrst]{8}$/);
    expect(headerId("000-00-0000")).toMatch(/^x-[bcdfghjklmnpqrst]{8}$/);
    expect(headerId("abc-123-456")).toMatch(/^x-[bcdfghjklmnpqrst]{8}$/);
    expect(headerId("rule-12-345")).toBe("rule-12-345");
    const rules = Array.from({ length: 60 }, (_, i) => ({ id: `rule-number-${i}-with-a-rather-long-descriptive-name`, action: "warn" as const, message: "default", detectors: [] }));
    const counts: Record<string, number> = {};
    for (let i = 0; i < 60; i++) counts[`custom-pattern-${i}-long-name`] = 100000 + i;
    const h = composeAuditHeaders({ decision: { ...emptyDecision("warn"), rules, counts }, policy, product: "1.0.0" });
    const check = h[CHECK_HEADER]!;
    expect(check.length).toBeLessThanOrEqual(MAX_HEADER_VALUE);
    expect(isSafeHeaderValue(check)).toBe(true);
    const back = parseAuditHeaders(asRead(h))!;
    expect(back.problems).toEqual([]);
    expect(back.rules.length + back.rulesOmitted).toBe(60);
    expect(back.rules.length).toBeGreaterThan(5);
    expect(Object.values(back.counts).every((n) => n === 9999)).toBe(true);
  });

  it("an unknown product version is stamped as unknown", () => {
    expect(composeAuditHeaders({ decision: emptyDecision(), policy, product: "1.0.0-beta+4111111111111111" })[CHECK_HEADER]).toContain("product=unknown;");
  });
});

describe("formatHeaderField", () => {
  it("folds at spaces within 78 characters and unfolds to the same value", () => {
    const d = decisionFor("The Visa card number is 4111 1111 1111 1111 and IBAN GB82 WEST 1234 5698 7654 32.");
    const h = composeAuditHeaders({ decision: d, policy, product: "1.0.0", justification: { code: "other", text: "a fairly long explanation that goes on and on so that the header must fold" } });
    for (const name of AUDIT_HEADER_NAMES) {
      const field = formatHeaderField(name, h[name]!);
      for (const line of field.split("\r\n")) expect(line.length).toBeLessThanOrEqual(78);
      expect(field.replace(/\r\n/g, "")).toBe(`${name}: ${h[name]}`);
      // RFC 5322 field: name, colon, then lines that are either the first or start with white space
      expect(field).toMatch(/^[!-9;-~]+:( [^\r\n]*)(\r\n [^\r\n]+)*$/);
    }
  });
});

describe("parseAuditHeaders", () => {
  it("null when none of the headers is there", () => {
    expect(parseAuditHeaders({ subject: ["x"] })).toBeNull();
  });

  it("reports malformed headers without throwing, and keeps what it can read", () => {
    const r = parseAuditHeaders({
      "x-thinkfirst-verdict": ["maybe"],
      "x-thinkfirst-check": ["v=2; product=1.0.0; policy=XYZ; rules=ok-rule,Bad Rule,,+3; counts=iban:2,broken; junk"],
      "x-thinkfirst-reason": ["code=other; text=%ZZ"],
    })!;
    expect(r.verdict).toBeUndefined();
    expect(r.rules).toEqual(["ok-rule"]);
    expect(r.rulesOmitted).toBe(3);
    expect(r.counts).toEqual({ iban: 2 });
    expect(r.reason).toEqual({ code: "other" });
    expect(r.problems).toEqual([
      "X-ThinkFirst-Verdict is not allow, warn or block",
      "X-ThinkFirst-Check: a field without key=value",
      "X-ThinkFirst-Check: format v=2 is not known to this version",
      "X-ThinkFirst-Check: policy is not an 8-letter version",
      "X-ThinkFirst-Check: an empty item in rules",
      "X-ThinkFirst-Check: a rule id is not kebab-case",
      "X-ThinkFirst-Check: counts item is not id:count",
      "X-ThinkFirst-Reason: text has a broken %-escape",
    ]);
  });

  it("a missing verdict or check header, or a header given twice, is a problem", () => {
    expect(parseAuditHeaders({ "x-thinkfirst-reason": ["code=none"] })!.problems).toEqual(["X-ThinkFirst-Verdict is missing", "X-ThinkFirst-Check is missing"]);
    const twice = parseAuditHeaders({ "x-thinkfirst-verdict": ["warn", "allow"], "x-thinkfirst-check": ["v=1"] })!;
    expect(twice.verdict).toBe("warn");
    expect(twice.problems).toEqual(["X-ThinkFirst-Verdict appears 2 times"]);
  });
});

// ---- the property: nothing from the message reaches a header ----------------------------------------------------------

/** Luhn check digit appended to `digits` (generated card-like numbers, not real ones). */
function withLuhn(digits: string): string {
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let d = Number(digits[digits.length - 1 - i]);
    if (i % 2 === 0) d *= 2;
    sum += d > 9 ? d - 9 : d;
  }
  return digits + ((10 - (sum % 10)) % 10);
}

const digits = (min: number, max: number) => fc.stringMatching(new RegExp(`^[0-9]{${min},${max}}$`));
/** Raw values as they appear in mail: cards (grouped or not), IBAN-like, SSN-like, hetu-like, long numbers. */
const rawValue = fc.oneof(
  digits(15, 15).map(withLuhn),
  digits(15, 15).map((d) => withLuhn(d).replace(/(\d{4})(?=\d)/g, "$1 ")),
  fc.tuple(fc.constantFrom("FI", "NO", "SK", "GB", "DE"), digits(16, 22)).map(([cc, d]) => cc + d.slice(0, 2) + " " + d.slice(2).replace(/(\d{4})(?=\d)/g, "$1 ")),
  digits(9, 9).map((d) => `${d.slice(0, 3)}-${d.slice(3, 5)}-${d.slice(5)}`),
  fc.tuple(digits(6, 6), fc.constantFrom("-", "+", "A"), digits(3, 3), fc.constantFrom("T", "X", "4")).map((p) => p.join("")),
  digits(6, 20),
);
const address = fc.tuple(fc.stringMatching(/^[a-z][a-z0-9.]{0,12}$/), fc.stringMatching(/^[a-z]{2,10}\.(com|test|fi|no)$/)).map(([l, d]) => `${l}@${d}`);
const planted = fc.oneof(rawValue, address, rawValue.map((v) => v.replace(/\d(?=.*\d{4})/g, "*")));
/** An id as a policy author (or a hostile input) might write it, raw values included. */
const anyId = fc.oneof(
  fc.stringMatching(/^[a-z]+(-[a-z0-9]+){0,3}$/).map((id) => ({ id, secret: false })),
  planted.map((id) => ({ id, secret: true })),
  fc.string({ maxLength: 30 }).map((id) => ({ id, secret: false })),
);
const reasons: UnscannedReason[] = ["encrypted", "too-large", "unsupported", "corrupt", "limit", "timeout", "unavailable"];

const decisionArb = fc
  .record({
    action: fc.constantFrom<Action>("allow", "warn", "block"),
    ruleIds: fc.array(anyId, { maxLength: 30 }),
    counts: fc.array(fc.tuple(anyId, fc.oneof(fc.nat(20), fc.nat(), fc.double())), { maxLength: 40 }),
    examples: fc.array(fc.tuple(anyId, planted), { maxLength: 10 }),
    unscanned: fc.array(fc.tuple(planted, fc.constantFrom(...reasons), fc.option(planted)), { maxLength: 8 }),
    text: fc.option(
      fc.oneof(
        planted.map((p) => ({ text: p, secret: p as string | null })),
        fc.tuple(fc.string({ maxLength: 40 }), planted).map(([a, b]) => ({ text: `${a} ${b}`, secret: b as string | null })),
        fc.string({ maxLength: 60 }).map((t) => ({ text: t, secret: null as string | null })),
      ),
    ),
    code: fc.constantFrom(...REASON_CODES),
    client: fc.option(fc.oneof(planted, fc.constantFrom("PC", "OfficeOnline", "Mac"))),
  })
  .map((r) => {
    const counts: Record<string, number> = {};
    for (const [{ id }, n] of r.counts) counts[id] = n;
    const decision: Decision = {
      action: r.action,
      rules: r.ruleIds.map(({ id }) => ({ id, action: r.action, message: "default", detectors: [id] })),
      counts,
      examples: r.examples.map(([{ id: detector }, masked]) => ({ detector, masked, location: { kind: "attachment" as const, name: masked }, confidence: "high" as const })),
      fixes: [],
      unscanned: r.unscanned.map(([part, reason, detail]) => (detail === null ? { part, reason } : { part, reason, detail })),
      visibleExternalRecipients: 0,
    };
    const secrets = [...r.examples.map((e) => e[1]), ...r.unscanned.flatMap(([p, , d]) => (d ? [p, d] : [p])), ...(r.text && r.text.secret ? [r.text.secret] : [])];
    for (const { id, secret } of [...r.ruleIds, ...r.counts.map((c) => c[0]), ...r.examples.map((e) => e[0])]) if (secret) secrets.push(id);
    return { decision, secrets, justification: r.text === null ? undefined : { code: r.code, text: r.text.text }, client: r.client === null ? undefined : r.client };
  });

describe("the audit headers never carry a value or an address (property)", () => {
  it("holds for random decisions with raw values, masked values and addresses planted everywhere", () => {
    fc.assert(
      fc.property(decisionArb, ({ decision, secrets, justification, client }) => {
        const h = composeAuditHeaders({ decision, policy, product: "1.0.0", justification, client });
        expect(Object.keys(h)).toEqual(AUDIT_HEADER_NAMES);
        const leaks: string[] = [];
        for (const name of AUDIT_HEADER_NAMES) {
          const v = h[name]!;
          if (!isSafeHeaderValue(v) || /[@*]/.test(v) || /\d{6}/.test(v)) leaks.push(`${name} unsafe: ${v}`);
          for (const s of secrets) {
            const needle = s.trim();
            // a long enough planted string never appears, neither as written nor percent-encoded
            if (needle.length >= 6 && /[0-9@]/.test(needle) && (v.includes(needle) || v.includes(encodeReasonText(needle)))) leaks.push(`${name} holds ${needle}`);
          }
        }
        expect(leaks).toEqual([]);
        // and what is stamped reads back without problems
        expect(parseAuditHeaders(asRead(h))!.problems).toEqual([]);
      }),
      { numRuns: 1000 },
    );
  });

  it("the check can fail: a header that carried a planted value would be caught", () => {
    expect(isSafeHeaderValue("rules=card-4111111111111111")).toBe(false);
    expect(isSafeHeaderValue("text=bob%40partner.test")).toBe(true); // encoded @: why the test also checks the encoded form
    expect(encodeReasonText("bob@partner.test")).toBe("bob%40partner.test");
    expect(decodeReasonText("bob%40partner.test")).toBe("bob@partner.test");
  });
});
