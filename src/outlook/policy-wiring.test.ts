import { defaultPolicy } from "../../test/helpers/outlook-policy";
import { fakeOffice } from "../../test/helpers/fake-office";
import { onMessageRecipientsChangedHandler, onMessageSendHandler, settleWithin } from "./on-message-send";
import { currentPolicy, resetPolicySourceForTests } from "./policy-source";

describe("settleWithin", () => {
  beforeEach(() => jest.useFakeTimers());
  afterEach(() => jest.useRealTimers());

  it("runs next once when the promise settles first", async () => {
    const next = jest.fn();
    settleWithin(Promise.resolve(1), 1000, next);
    await Promise.resolve();
    await Promise.resolve();
    expect(next).toHaveBeenCalledTimes(1);
    jest.advanceTimersByTime(2000);
    expect(next).toHaveBeenCalledTimes(1);
  });

  it("runs next once on time when the promise never settles, and once only if it rejects later", async () => {
    const next = jest.fn();
    let reject: (e: unknown) => void = () => undefined;
    settleWithin(new Promise((_r, j) => (reject = j)), 250, next);
    jest.advanceTimersByTime(249);
    expect(next).not.toHaveBeenCalled();
    jest.advanceTimersByTime(1);
    expect(next).toHaveBeenCalledTimes(1);
    reject(new Error("late"));
    await Promise.resolve();
    await Promise.resolve();
    expect(next).toHaveBeenCalledTimes(1);
  });
});

describe("the tenant policy URL in the event handlers", () => {
  const g = globalThis as Record<string, unknown>;
  const URL_ = "https://addins.contoso.test/think-first/policy.json";
  const remote = { ...JSON.parse(JSON.stringify(defaultPolicy)), organization: { name: "Contoso Remote", internalDomains: ["contoso.test"] } };
  let fetched: string[];

  beforeEach(() => {
    fetched = [];
    resetPolicySourceForTests(URL_);
    g.fetch = (url: string) => {
      fetched.push(url);
      return Promise.resolve({ ok: true, status: 200, text: () => Promise.resolve(JSON.stringify(remote)) });
    };
  });
  afterEach(() => {
    delete g.fetch;
    delete g.Office;
    resetPolicySourceForTests("");
  });

  const completion = () => {
    const calls: unknown[] = [];
    let resolve: () => void = () => undefined;
    const done = new Promise<void>((r) => (resolve = r));
    return { calls, done, event: { completed: (o?: unknown) => (calls.push(o), resolve()) } };
  };

  it("a recipients change downloads the policy, then pre-scans and completes once", async () => {
    g.Office = fakeOffice({ to: [{ emailAddress: "a@contoso.test" }], subject: "hi", body: "hello" }).globals;
    const c = completion();
    onMessageRecipientsChangedHandler(c.event);
    await c.done;
    await new Promise((r) => setTimeout(r, 50));
    expect(fetched).toEqual([URL_]);
    expect(currentPolicy().organization.name).toBe("Contoso Remote");
    expect(c.calls).toHaveLength(1);
  });

  it("Send never touches the network", async () => {
    g.Office = fakeOffice({ to: [{ emailAddress: "a@contoso.test" }], subject: "hi", body: "hello" }).globals;
    const c = completion();
    onMessageSendHandler(c.event);
    await c.done;
    expect(fetched).toEqual([]);
    expect(c.calls).toHaveLength(1);
    expect(c.calls[0]).toMatchObject({ allowEvent: true });
  });
});
