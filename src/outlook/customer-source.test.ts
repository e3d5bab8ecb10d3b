import { defaultPolicy, withPolicy } from "../../test/helpers/outlook-policy";
import { fakeEvent, fakeOffice } from "../../test/helpers/fake-office";
import { buildCustomerSet } from "../engine/customers/customer-set";
import { decodeBase64 } from "../extract/base64";
import { resetPolicySourceForTests, type PolicyStore } from "./policy-source";
import {
  CUSTOMER_CACHE_KEY,
  currentCustomers,
  customersUrl,
  loadCachedCustomers,
  refreshCustomers,
  resetCustomerSourceForTests,
  useCustomerStore,
} from "./customer-source";
import { handleSend, onMessageSendHandler } from "./on-message-send";

const BASE = "https://addins.contoso.test/think-first";
const KEY = new Uint8Array(32).fill(5);
const KEY_HEX = Buffer.from(KEY).toString("hex");
const CUSTOMERS = ["anna.k@asiakas.example", "ola.n@kunde.example", "peter.n@zakaznik.example"];
const FILE = buildCustomerSet([{ name: "email", kind: "email", values: CUSTOMERS }], KEY, "2026-01-01T00:00:00Z").file;
const policy = withPolicy({ customers: { set: "customers.tfcs" } });
const g = globalThis as Record<string, unknown>;
const realFetch = g.fetch;

function memoryStore(): PolicyStore & { data: Map<string, string> } {
  const data = new Map<string, string>();
  return { data, getItem: (k) => Promise.resolve(data.has(k) ? data.get(k)! : null), setItem: (k, v) => void data.set(k, v) };
}

function fakeFetch(answer: { bytes?: Uint8Array; status?: number; noBinary?: boolean }) {
  const calls: string[] = [];
  g.fetch = (url: string) => {
    calls.push(url);
    const status = answer.status || 200;
    const res: Record<string, unknown> = { ok: status < 300, status };
    if (!answer.noBinary) res.arrayBuffer = () => Promise.resolve((answer.bytes || new Uint8Array(0)).slice().buffer);
    return Promise.resolve(res);
  };
  return calls;
}

let warnings: string[];
beforeEach(() => {
  warnings = [];
  jest.spyOn(console, "warn").mockImplementation((m: string) => void warnings.push(m));
  resetCustomerSourceForTests({ keyHex: KEY_HEX, baseUrl: BASE });
  delete g.OfficeRuntime;
});
afterEach(() => {
  g.fetch = realFetch;
  delete g.OfficeRuntime;
  jest.restoreAllMocks();
});

describe("customer-source", () => {
  it("resolves the policy's file name against the base URL, and nothing else", () => {
    expect(customersUrl(policy)).toBe(`${BASE}/customers.tfcs`);
    expect(customersUrl(defaultPolicy)).toBe("");
    expect(customersUrl(withPolicy({ customers: { set: "https://evil.example/x.tfcs" } }))).toBe("");
    expect(customersUrl(withPolicy({ customers: { set: "../x.tfcs" } }))).toBe("");
  });

  it("downloads the set on refresh, caches it as base64 and the next runtime loads it from the cache without network", async () => {
    const store = memoryStore();
    useCustomerStore(store);
    const calls = fakeFetch({ bytes: FILE });
    expect(currentCustomers(policy)).toBeNull();
    const set = await refreshCustomers(policy);
    expect(calls).toEqual([`${BASE}/customers.tfcs`]);
    expect(set!.header.counts.email).toBe(3);
    expect(currentCustomers(policy)).toBe(set);
    const entry = JSON.parse(store.data.get(CUSTOMER_CACHE_KEY)!);
    expect(Buffer.from(decodeBase64(entry.data)).equals(Buffer.from(FILE))).toBe(true);
    expect(store.data.get(CUSTOMER_CACHE_KEY)).not.toContain(KEY_HEX);
    // A fresh runtime (classic Outlook): memory empty, the cache is read, no fetch.
    resetCustomerSourceForTests({ keyHex: KEY_HEX, baseUrl: BASE });
    useCustomerStore(store);
    const again = fakeFetch({ bytes: FILE });
    const cached = await loadCachedCustomers(policy);
    expect(cached!.digest).toBe(set!.digest);
    expect(again).toEqual([]);
    // Within maxAge a refresh does not download again.
    await refreshCustomers(policy);
    expect(again).toEqual([]);
  });

  it("keeps the previous set when a download is damaged, built with another key, missing or not binary", async () => {
    useCustomerStore(memoryStore());
    fakeFetch({ bytes: FILE });
    const good = await refreshCustomers(policy);
    const other = buildCustomerSet([{ name: "email", kind: "email", values: ["x@y.example"] }], new Uint8Array(32).fill(6), "2026-01-01T00:00:00Z").file;
    const broken = FILE.slice(0, FILE.length - 3);
    for (const answer of [{ bytes: other }, { bytes: broken }, { status: 404 }, { noBinary: true }]) {
      fakeFetch(answer);
      await expect(refreshCustomers(policy, { maxAgeMs: 0 })).resolves.toBe(good);
    }
    expect(warnings.join("\n")).toMatch(/built with key/);
    expect(warnings.join("\n")).toMatch(/damaged/);
    expect(warnings.join("\n")).toMatch(/HTTP 404/);
    expect(warnings.join("\n")).toMatch(/no binary body/);
  });

  it("a build without a customer key never uses a set", async () => {
    resetCustomerSourceForTests({ keyHex: "", baseUrl: BASE });
    fakeFetch({ bytes: FILE });
    await expect(refreshCustomers(policy)).resolves.toBeNull();
    expect(warnings.join("\n")).toMatch(/this build has no customer key/);
  });
});

describe("the send handler with a customer set", () => {
  const seed = { from: "me@example.com", to: [{ emailAddress: "bob@example.com", displayName: "Bob", recipientType: "user" }], subject: "Campaign", body: `For the campaign:\n${CUSTOMERS.join("\n")}` };

  it("reads the set from the cache only (no fetch at send time) and warns on the seed case", async () => {
    const store = memoryStore();
    g.OfficeRuntime = { storage: store };
    fakeFetch({ bytes: FILE });
    await refreshCustomers(policy);
    resetCustomerSourceForTests({ keyHex: KEY_HEX, baseUrl: BASE });
    const calls = fakeFetch({ bytes: FILE });
    await loadCachedCustomers(policy);
    const office = fakeOffice(seed);
    const { event, completed } = fakeEvent();
    const options = await handleSend(event, { office: office.globals, policy });
    expect(calls).toEqual([]);
    expect(completed).toHaveLength(1);
    expect(options.allowEvent).toBe(false);
    expect(options.errorMessage).toContain("Don't send customer e-mail lists, even to a colleague");
  });

  it("the set not loaded yet: the message is unscanned (warn), not allowed", async () => {
    const office = fakeOffice(seed);
    const { event } = fakeEvent();
    const options = await handleSend(event, { office: office.globals, policy, customers: null });
    expect(options.allowEvent).toBe(false);
    expect(options.errorMessage).toContain("customer list");
  });

  it("onMessageSendHandler completes once even with a cache that never answers", async () => {
    resetPolicySourceForTests(`${BASE}/policy.json`);
    let reads = 0;
    g.OfficeRuntime = { storage: { getItem: () => (reads++, new Promise(() => undefined)), setItem: () => undefined } };
    const office = fakeOffice(seed);
    (g as Record<string, unknown>).Office = office.globals;
    const { event, completed } = fakeEvent();
    onMessageSendHandler(event);
    await new Promise((r) => setTimeout(r, 600));
    delete (g as Record<string, unknown>).Office;
    resetPolicySourceForTests("");
    expect(reads).toBe(1);
    expect(completed).toHaveLength(1);
  });
});
