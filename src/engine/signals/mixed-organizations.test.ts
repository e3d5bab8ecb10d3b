import { mixedOrganizations } from "./mixed-organizations";
import { decide } from "../policy/decide";

import { aloneRule, expectRecipientSignal, msg, to } from "./test-recipient-signal";

describe("mixed-organizations", () => {
  it("is registered as a recipient signal with a name and a count in every locale", () => {
    expectRecipientSignal(mixedOrganizations, "mixed-organizations");
  });

  it("is found by the decision from the recipients", () => {
    const alone = aloneRule("mixed-organizations", "check-mixed-organizations");
    expect(decide([], msg([to("a@fabrikam.no"), to("b@northwind.fi")]), alone).counts["mixed-organizations"]).toBe(2);
    expect(decide([], msg([to("a@fabrikam.no"), to("b@sales.fabrikam.no")]), alone).action).toBe("allow");
  });
});
