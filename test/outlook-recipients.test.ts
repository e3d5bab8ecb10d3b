/**
 * The recipient checks through the send handler against the fake mailbox: the first-time history in roamingSettings
 * (salted hashes only, recorded after an allowed send, off where the client has no roamingSettings) and the look-alike
 * warning with its replacement fix in contextData.
 */
import { defaultPolicy, withPolicy } from "./helpers/outlook-policy";
import { fakeEvent, fakeOffice, type FakeMessage } from "./helpers/fake-office";
import { customerAddresses } from "./helpers/outlook-fixtures";
import { handleSend } from "../src/outlook/on-message-send";
import { HISTORY_SETTING } from "../src/outlook/recipient-history-store";
import type { CompletedOptions, PaneContext } from "../src/outlook/completed-options";
import type { Policy } from "../src/engine/policy/types";
import { check } from "../src/outlook/taskpane/fixes";
import { replaceRecipientDomain } from "../src/outlook/taskpane/replace-domain";

const me = "me@example.com";
const ext = (emailAddress: string) => ({ emailAddress, displayName: emailAddress, recipientType: "externalUser" });
const policy: Policy = withPolicy({ recipients: { personalDomains: { add: [], remove: [] }, firstTime: { enabled: true, maxEntries: 2000, learningDays: 0 } } });
const customerList = "Customers:\n" + customerAddresses(12, "kunde.example").join("\n");

function roaming(initial: Record<string, unknown> = {}, failSave = false) {
  const data = new Map<string, unknown>(Object.entries(initial));
  let saves = 0;
  return {
    data,
    saves: () => saves,
    settings: {
      get: (name: string) => data.get(name),
      set: (name: string, value: unknown) => void data.set(name, value),
      remove: (name: string) => void data.delete(name),
      saveAsync: (cb: (r: unknown) => void) => {
        saves++;
        setTimeout(() => cb(failSave ? { status: "failed", error: { name: "9057" } } : { status: "succeeded" }), 1);
      },
    },
  };
}

async function send(msg: FakeMessage, store: ReturnType<typeof roaming> | undefined, p: Policy = policy) {
  const office = fakeOffice({ from: me, ...msg });
  if (store) (office.globals.context as Record<string, unknown>).roamingSettings = store.settings;
  const { event, completed } = fakeEvent();
  const result = await handleSend(event, { office: office.globals, policy: p });
  await new Promise((r) => setTimeout(r, 20));
  expect(completed).toHaveLength(1);
  return result;
}
const rules = (o: CompletedOptions) => (o.contextData ? (JSON.parse(o.contextData) as PaneContext).rules : []);

describe("first-time recipients with roamingSettings", () => {
  it("records an allowed send as salted hashes only; a customer list then warns for a new address, not a known one", async () => {
    const store = roaming();
    const allowed = await send({ to: [ext("Partner.Person@Fabrikam.no")], subject: "Lunch", body: "See you at noon." }, store);
    expect(allowed.allowEvent).toBe(true);
    const stored = store.data.get(HISTORY_SETTING) as string;
    expect(stored).toMatch(/^tfh1\.[0-9a-z]+\.[A-Za-z0-9_-]{24}\.[A-Za-z0-9_-]{8}$/);
    // No address, local part or domain in clear (any case).
    expect(stored.toLowerCase()).not.toMatch(/partner|person|fabrikam|@|\.no/);
    expect(store.saves()).toBe(1);

    const known = await send({ to: [ext("partner.person@fabrikam.no")], subject: "List", body: customerList }, store);
    expect(known.allowEvent).toBe(false);
    expect(rules(known)).not.toContain("warn-first-time-recipient");
    const fresh = await send({ to: [ext("someone.new@fabrikam.no")], subject: "List", body: customerList }, store);
    expect(rules(fresh)).toContain("warn-first-time-recipient");
    expect(fresh.errorMessage).toContain("s***@fabrikam.no");
    // A warned message is not recorded: the user may have chosen Don't Send.
    expect(store.saves()).toBe(1);
    const again = await send({ to: [ext("someone.new@fabrikam.no")], subject: "List", body: customerList }, store);
    expect(rules(again)).toContain("warn-first-time-recipient");
  });

  it("internal recipients are not stored; a save refused by the host (quota) still lets the message go", async () => {
    const store = roaming({}, true);
    const o = await send({ to: [ext("a@fabrikam.no")], cc: [{ emailAddress: "colleague@example.com", displayName: "c", recipientType: "user" }], subject: "Hi", body: "Hello." }, store);
    expect(o.allowEvent).toBe(true);
    expect(store.saves()).toBe(1);
    const internalOnly = roaming();
    await send({ to: [{ emailAddress: "colleague@example.com", displayName: "c", recipientType: "user" }], subject: "Hi", body: "Hello." }, internalOnly);
    expect(internalOnly.saves()).toBe(0);
  });

  it("without roamingSettings, or with the check turned off, there is no first-time warning and nothing is stored", async () => {
    const none = await send({ to: [ext("someone.new@fabrikam.no")], subject: "List", body: customerList }, undefined);
    expect(rules(none)).not.toContain("warn-first-time-recipient");
    const store = roaming();
    const off = withPolicy({ recipients: { personalDomains: { add: [], remove: [] }, firstTime: { enabled: false, maxEntries: 2000, learningDays: 0 } } });
    expect((await send({ to: [ext("a@fabrikam.no")], subject: "Hi", body: "Hello." }, store, off)).allowEvent).toBe(true);
    expect(store.saves()).toBe(0);
    expect(rules(await send({ to: [ext("b@fabrikam.no")], subject: "List", body: customerList }, store, off))).not.toContain("warn-first-time-recipient");
  });

  it("a damaged stored history is started again, and learning days keep a new history quiet", async () => {
    const store = roaming({ [HISTORY_SETTING]: "not a history" });
    const learning = await send({ to: [ext("x@fabrikam.no")], subject: "List", body: customerList }, store, defaultPolicy);
    expect(rules(learning)).not.toContain("warn-first-time-recipient");
  });
});

describe("look-alike recipient through the send handler", () => {
  it("warns with 'did you mean' and hands the task pane the replacement", async () => {
    const o = await send({ to: [ext("jane@exarnple.com")], subject: "Hi", body: "Hello." }, undefined);
    expect(o.allowEvent).toBe(false);
    expect(o.sendModeOverride).toBe("promptUser");
    expect(o.errorMessage).toContain("did you mean j***@example.com?");
    const ctx = JSON.parse(o.contextData!) as PaneContext;
    expect(ctx.fixes).toEqual([{ kind: "replace-domain", index: 0, field: "to", masked: "j***@exarnple.com", suggestion: "j***@example.com", suggestedDomain: "example.com" }]);
    expect(o.contextData).not.toContain("jane");
  });
});

describe("task pane: replace a look-alike domain", () => {
  it("puts the suggested domain in place, keeps the local part and other recipients, and the check then allows", async () => {
    const office = fakeOffice({
      from: me,
      to: [ext("colleague@example.com")],
      cc: [ext("jane@exarnple.com"), { emailAddress: "jim@exarnple.com", displayName: "Jim Smith", recipientType: "externalUser" }, ext("x@fabrikam.no")],
      subject: "Hi",
      body: "Hello.",
    });
    const before = await check(office.item, office.globals, policy);
    const fixes = before.decision.fixes.filter((f) => f.kind === "replace-domain");
    expect(fixes).toHaveLength(2);
    for (const f of fixes) if (f.kind === "replace-domain") expect((await replaceRecipientDomain(office.item, f)).ok).toBe(true);
    expect(office.state.cc.map((r) => [r.emailAddress, r.displayName])).toEqual([
      ["jane@example.com", "jane@example.com"],
      ["jim@example.com", "Jim Smith"],
      ["x@fabrikam.no", "x@fabrikam.no"],
    ]);
    expect((await check(office.item, office.globals, policy)).decision.action).toBe("allow");
  });

  it("changes nothing when the recipient is gone, and reports an Office failure", async () => {
    const fix = { kind: "replace-domain" as const, index: 0, field: "to" as const, masked: "j***@exarnple.com", suggestion: "j***@example.com", suggestedDomain: "example.com" };
    const gone = fakeOffice({ from: me, to: [ext("other@fabrikam.no")], subject: "", body: "" });
    expect(await replaceRecipientDomain(gone.item, fix)).toEqual({ ok: true, changed: 0 });
    expect(gone.calls).not.toContain("to.setAsync");
    const failing = fakeOffice({ from: me, to: [ext("jane@exarnple.com")], subject: "", body: "" }, { faults: { "to.setAsync": "fail" } });
    expect(await replaceRecipientDomain(failing.item, fix)).toEqual({ ok: false, error: "to.setAsync failed" });
  });
});
