import { firstTimeRecipient } from "./first-time-recipient";
import { decide } from "../policy/decide";
import { RecipientHistory } from "../recipients/recipient-history";
import { aloneRule, expectRecipientSignal, msg, to } from "./test-recipient-signal";

describe("first-time-recipient", () => {
  it("is registered as a recipient signal with a name and a count in every locale", () => {
    expectRecipientSignal(firstTimeRecipient, "first-time-recipient");
  });

  it("is found by the decision from the recipients", () => {
    const alone = aloneRule("first-time-recipient", "check-first-time-recipient");
    const history = RecipientHistory.create((n) => new Uint8Array(n).fill(7), 0);
    history.remember(["old@fabrikam.no"]);
    const firstTime = { history, now: 100 * 86400000, learningDays: 14 };
    expect(decide([], msg([to("new@fabrikam.no"), to("old@fabrikam.no")], { firstTime }), alone).counts["first-time-recipient"]).toBe(1);
    expect(decide([], msg([to("old@fabrikam.no")], { firstTime }), alone).action).toBe("allow");
  });
});
