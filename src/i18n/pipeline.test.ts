/**
 * The real pipeline (default policy → checkMessage → decide) into the dialog, in every locale: what employees see for
 * the product's main cases. Test numbers only (4111 1111 1111 1111 is the published Visa test number).
 */
import * as fs from "fs";
import * as path from "path";
import { loadPolicy } from "../engine/policy/load";
import type { Recipient } from "../engine/types";
import { checkMessage } from "../pipeline/check-message";
import { DIALOG_LIMIT, NOTIFICATION_LIMIT, renderDialog, renderNotification } from "./dialog";
import { LOCALES } from "./locale";
import { CATALOG } from "./messages";
import { formatPlural } from "./index";

const yamlPath = path.join(__dirname, "../../assets/policy/default-policy.yaml");
const policy = loadPolicy(fs.readFileSync(yamlPath, "utf8"), "default-policy.yaml");

const ext = (email: string): Recipient => ({ email, field: "to", recipientType: "externalUser" });
const int = (email: string): Recipient => ({ email, field: "to", recipientType: "user" });

function run(body: string, recipients: Recipient[], subject = "Hello") {
  return checkMessage({ message: { from: "me@example.com", subject, recipients, attachments: [] }, body, attachments: [] }, policy).decision;
}

describe.each(LOCALES.map((l) => [l]))("%s", (locale) => {
  const m = CATALOG[locale];

  test("a card number to an external recipient: blocked, masked, never the raw number", () => {
    const decision = run("Hi, my card number is 4111 1111 1111 1111, thanks.", [ext("partner@other.example")]);
    expect(decision.action).toBe("block");
    const d = renderDialog(decision, policy, locale);
    for (const t of [d.errorMessage, d.errorMessageMarkdown, renderNotification(decision, policy, locale)]) {
      expect(t).not.toContain("4111 1111 1111 1111");
      expect(t).not.toContain("4111111111111111");
      expect(t.length).toBeLessThanOrEqual(t === d.errorMessage || t === d.errorMessageMarkdown ? DIALOG_LIMIT : NOTIFICATION_LIMIT);
    }
    expect(d.errorMessage).toContain("1111");
    expect(d.errorMessage).toContain(m.advice["remove-or-mask"]);
    expect(d.errorMessage).toContain(m.dialog.intro.block);
  });

  test("a customer e-mail list sent to a colleague: the Think First warning", () => {
    const list = Array.from({ length: 40 }, (_, i) => `customer${i}@client${i % 7}.example`).join("\n");
    const decision = run("Here is the list you asked for:\n" + list, [int("colleague@example.com")]);
    expect(decision.action).toBe("warn");
    const d = renderDialog(decision, policy, locale);
    expect(d.errorMessage).toContain(m.advice["dont-share-customer-list"]);
    expect(d.errorMessage).toContain(m.dialog.intro.warn);
    expect(d.errorMessage).not.toContain("customer0@client0.example");
    // The engine's English summary of the list is said in the user's language.
    expect(d.errorMessage).toContain(formatPlural(locale, m.dialog.addresses, 40));
    if (locale !== "en") expect(d.errorMessage).not.toMatch(/addresses|domains/);
    expect(d.errorMessageMarkdown.length).toBeLessThanOrEqual(DIALOG_LIMIT);
  });
});
