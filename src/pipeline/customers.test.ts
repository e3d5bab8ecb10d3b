/**
 * Exact customer match end to end through the one pipeline (checkMessage: extract → scan → decide) with the default
 * policy and a customer set built from a generated export, and the dialog it renders.
 */
import * as fs from "fs";
import * as path from "path";
import { loadPolicy } from "../engine/policy/load";
import { buildCustomerSet, openCustomerSet, type CustomerSet } from "../engine/customers/customer-set";
import type { MessageInfo, Recipient } from "../engine/types";
import { renderDialog } from "../i18n";
import { checkMessage, CUSTOMER_SET_PART, type MessageInput } from "./check-message";

const DEFAULT = fs.readFileSync(path.join(__dirname, "../../assets/policy/default-policy.yaml"), "utf8");
const plain = loadPolicy(DEFAULT, "default-policy.yaml");
const withSet = loadPolicy(DEFAULT + "\ncustomers: { set: customers.tfcs }\n", "default-policy.yaml");
const KEY = new Uint8Array(32).fill(42);

const CUSTOMERS = ["anna.korhonen@asiakas.example", "ola.nordmann@kunde.example", "peter.novak@zakaznik.example", "eva.s@mail.example"];
const NUMBERS = ["CN-104233", "CN-104240", "CN-104247", "CN-200001"];
const set: CustomerSet = openCustomerSet(
  buildCustomerSet(
    [
      { name: "email", kind: "email", values: CUSTOMERS },
      { name: "customer_number", kind: "number", values: NUMBERS },
    ],
    KEY,
    "2026-01-01T00:00:00Z",
  ).file,
  KEY,
);
const PARTNERS = Array.from({ length: 12 }, (_, i) => `contact${i}@partner${i}.example`);

function message(body: string, to: string[], cc: string[] = []): MessageInput {
  const recipients: Recipient[] = to
    .map((email): Recipient => ({ email, field: "to", recipientType: "unknown" }))
    .concat(cc.map((email): Recipient => ({ email, field: "cc", recipientType: "unknown" })));
  const info: MessageInfo = { from: "alice@example.com", subject: "Campaign", recipients, attachments: [] };
  return { message: info, body, attachments: [] };
}

describe("the seed case: three customers' addresses sent to a colleague for a campaign", () => {
  const body = `Hi Bob,\n\nfor the spring campaign, please add these customers:\n${CUSTOMERS.slice(0, 3).join("\n")}\n\nThanks, Alice`;
  const input = message(body, ["bob@example.com"]);

  it("warns with the Think First text when the customer set is there", () => {
    const { decision, sources } = checkMessage(input, withSet, { customers: set });
    expect(decision.action).toBe("warn");
    expect(decision.rules.map((r) => r.id)).toEqual(["warn-customer-list"]);
    expect(decision.counts).toEqual({ "email-list": 1 });
    const body = sources.find((s) => s.location.kind === "body")!;
    expect(body.findings.map((f) => f.detector).sort()).toEqual(["customer-email", "customer-email", "customer-email", "email-list"]);
    expect(body.findings.filter((f) => f.detector === "email-address")).toEqual([]);
    expect(body.findings.filter((f) => f.detector === "customer-email").map((f) => f.masked)).toEqual(["a***@asiakas.example", "o***@kunde.example", "p***@zakaznik.example"]);
    const dialog = renderDialog(decision, withSet, "en");
    expect(dialog.errorMessage).toContain("Don't send customer e-mail lists, even to a colleague");
    expect(dialog.errorMessage).toContain("1 customer e-mail list (3 addresses)");
    for (const c of CUSTOMERS) expect(dialog.errorMessage + dialog.errorMessageMarkdown).not.toContain(c);
  });

  it("goes out without a word under the address count alone (why the set exists)", () => {
    expect(checkMessage(input, plain).decision.action).toBe("allow");
  });

  it("two customers are not a list (threshold 3), nor is one customer's address in a reply", () => {
    const two = message(`Please call ${CUSTOMERS[0]} and ${CUSTOMERS[1]}.`, ["bob@example.com"]);
    expect(checkMessage(two, withSet, { customers: set }).decision.action).toBe("allow");
    const reply = message(`Dear Anna, we have your address as ${CUSTOMERS[0]}.`, [CUSTOMERS[0]!]);
    expect(checkMessage(reply, withSet, { customers: set }).decision.action).toBe("allow");
  });

  it("without the set loaded (the policy names one), a text with addresses is unscanned and warns", () => {
    const { decision } = checkMessage(input, withSet);
    expect(decision.action).toBe("warn");
    expect(decision.unscanned).toEqual([{ part: CUSTOMER_SET_PART, reason: "unavailable", detail: "the customer set is not loaded" }]);
    expect(checkMessage(message("No addresses in here.", ["bob@example.com"]), withSet).decision.action).toBe("allow");
  });
});

describe("a mail listing twelve partners (not customers) to a colleague", () => {
  const input = message(`Partner contacts for the fair:\n${PARTNERS.join("\n")}`, ["bob@example.com"]);

  it("does not warn with the customer set: only known customers count", () => {
    const { decision, sources } = checkMessage(input, withSet, { customers: set });
    expect(decision.action).toBe("allow");
    expect(sources.find((s) => s.location.kind === "body")!.findings.filter((f) => f.detector === "email-list")).toEqual([]);
  });

  it("warns under the address count alone (twelve external addresses ≥ 10)", () => {
    expect(checkMessage(input, plain).decision.rules.map((r) => r.id)).toEqual(["warn-customer-list"]);
  });
});

describe("customer numbers", () => {
  it("three customer numbers in one mail warn; one in a mail to the customer does not", () => {
    const list = message(`Open invoices: ${NUMBERS.slice(0, 3).join(", ")}.`, ["bob@example.com"]);
    const d = checkMessage(list, withSet, { customers: set }).decision;
    expect(d.rules.map((r) => r.id)).toEqual(["warn-customer-numbers"]);
    expect(d.counts).toEqual({ "customer-number": 3 });
    expect(renderDialog(d, withSet, "en").errorMessage).toContain("3 customer numbers (**-****33, **-****40)");
    const one = message(`Your customer number is ${NUMBERS[0]}.`, [CUSTOMERS[0]!]);
    expect(checkMessage(one, withSet, { customers: set }).decision.action).toBe("allow");
  });
});

describe("recipients who are known customers", () => {
  it("add no signal of their own: three customers in To is allowed, ten visible external ones warn as before", () => {
    const three = message("Hello all, the shop opens on Monday.", CUSTOMERS.slice(0, 3));
    expect(checkMessage(three, withSet, { customers: set }).decision.action).toBe("allow");
    const ten = message("Hello all.", CUSTOMERS.concat(PARTNERS.slice(0, 6)));
    expect(checkMessage(ten, withSet, { customers: set }).decision.rules.map((r) => r.id)).toEqual(["warn-visible-external-recipients"]);
  });
});
