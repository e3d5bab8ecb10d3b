/**
 * The recipient checks in the BUILT dist/launchevent.js, in the JavaScript-only runtime stand-in (node:vm with only
 * Office, console and timers; no crypto, no TextDecoder): an IDN homoglyph recipient warns with "did you mean", a
 * customer list to a personal mailbox is blocked, and an allowed send records salted hashes in roamingSettings.
 */
import { fakeOffice, type FakeMessage } from "./helpers/fake-office";
import { loadLaunchevent, runToCompletion } from "./helpers/js-runtime";
import { customerAddresses } from "./helpers/outlook-fixtures";

const ext = (emailAddress: string) => ({ emailAddress, displayName: emailAddress, recipientType: "externalUser" });

async function sendInRuntime(msg: FakeMessage, roaming?: Map<string, unknown>) {
  const office = fakeOffice({ from: "me@example.com", ...msg });
  if (roaming) {
    (office.globals.context as Record<string, unknown>).roamingSettings = {
      get: (k: string) => roaming.get(k),
      set: (k: string, v: unknown) => void roaming.set(k, v),
      remove: (k: string) => void roaming.delete(k),
      saveAsync: (cb: (r: unknown) => void) => setTimeout(() => cb({ status: "succeeded" }), 1),
    };
  }
  const { calls } = await runToCompletion(loadLaunchevent(office.globals), "onMessageSendHandler");
  expect(calls).toHaveLength(1);
  return calls[0] as Record<string, unknown>;
}

describe("recipient checks in launchevent.js (node:vm)", () => {
  it("a Cyrillic homoglyph of the sender's domain (xn--xample-2of.com for еxample.com) warns with the real domain", async () => {
    const options = await sendInRuntime({ to: [ext("jane@xn--xample-2of.com")], subject: "Hi", body: "Hello." });
    expect(options).toMatchObject({ allowEvent: false, sendModeOverride: "promptUser" });
    expect(options.errorMessage).toContain("did you mean j***@example.com?");
    expect(JSON.parse(options.contextData as string).fixes[0]).toMatchObject({ kind: "replace-domain", suggestedDomain: "example.com" });
  });

  it("a customer list to a personal mailbox is blocked", async () => {
    const options = await sendInRuntime({ to: [ext("me.at.home@gmail.com")], subject: "List", body: customerAddresses(12, "kunde.example").join("\n") });
    expect(options.allowEvent).toBe(false);
    expect(options.sendModeOverride).toBeUndefined();
    expect(JSON.parse(options.contextData as string).rules).toContain("block-customer-data-personal");
  });

  it("an allowed send records the recipient in roamingSettings as a salted hash, without crypto in the runtime", async () => {
    const roaming = new Map<string, unknown>();
    expect(await sendInRuntime({ to: [ext("partner@fabrikam.no")], subject: "Lunch", body: "See you." }, roaming)).toEqual({ allowEvent: true });
    const stored = roaming.get("thinkfirst.recipients") as string;
    expect(stored).toMatch(/^tfh1\.[0-9a-z]+\.[A-Za-z0-9_-]{24}\.[A-Za-z0-9_-]{8}$/);
    expect(stored.toLowerCase()).not.toMatch(/partner|fabrikam/);
  });
});
