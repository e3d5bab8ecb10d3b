import { lookalikeDomain } from "./lookalike-domain";
import { decide } from "../policy/decide";

import { expectRecipientSignal, msg, recipientPolicy as policy, to } from "./test-recipient-signal";

describe("lookalike-domain", () => {
  it("is registered as a recipient signal with a name and a count in every locale", () => {
    expectRecipientSignal(lookalikeDomain, "lookalike-domain");
  });

  it("is found by the decision from the recipients", () => {
    const d = decide([], msg([to("jane@contoso.co")]), policy);
    expect(d.counts["lookalike-domain"]).toBe(1);
    expect(decide([], msg([to("jane@contoso.com")]), policy).counts["lookalike-domain"]).toBeUndefined();
  });
});
