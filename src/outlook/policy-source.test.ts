import { defaultPolicy } from "../../test/helpers/outlook-policy";
import { currentPolicy, loadCachedPolicy, refreshPolicy, resetPolicySourceForTests, usePolicyStore, type PolicyStore } from "./policy-source";

const URL_ = "https://addins.contoso.test/think-first/policy.json";
const g = globalThis as Record<string, unknown>;
const realFetch = g.fetch;

function memoryStore(): PolicyStore & { data: Map<string, string> } {
  const data = new Map<string, string>();
  return { data, getItem: (k) => Promise.resolve(data.has(k) ? data.get(k)! : null), setItem: (k, v) => void data.set(k, v) };
}

function remotePolicy(name = "Contoso Remote") {
  return { ...JSON.parse(JSON.stringify(defaultPolicy)), organization: { name, internalDomains: ["contoso.test"] } };
}

/** A fake fetch answering with `body` (string) or an HTTP status, counting calls. */
function fakeFetch(answer: { body?: string; status?: number; never?: boolean; fail?: string }) {
  const calls: { url: string; init: unknown }[] = [];
  g.fetch = (url: string, init: unknown) => {
    calls.push({ url, init });
    if (answer.never) return new Promise(() => undefined);
    if (answer.fail) return Promise.reject(new Error(answer.fail));
    const status = answer.status || 200;
    return Promise.resolve({ ok: status < 300, status, text: () => Promise.resolve(answer.body || "") });
  };
  return calls;
}

let warnings: string[];
beforeEach(() => {
  warnings = [];
  jest.spyOn(console, "warn").mockImplementation((m: string) => void warnings.push(m));
  resetPolicySourceForTests(URL_);
  delete g.OfficeRuntime;
});
afterEach(() => {
  g.fetch = realFetch;
  delete g.OfficeRuntime;
  jest.restoreAllMocks();
});

describe("policy-source", () => {
  it("without a policy URL: the bundled policy, and no network at all", async () => {
    resetPolicySourceForTests("");
    const calls = fakeFetch({ body: JSON.stringify(remotePolicy()) });
    expect(currentPolicy()).toBe(defaultPolicy);
    await expect(refreshPolicy()).resolves.toBe(defaultPolicy);
    expect(calls).toHaveLength(0);
  });

  it("a valid download replaces the bundled policy and is cached for the next runtime", async () => {
    const store = memoryStore();
    usePolicyStore(store);
    const calls = fakeFetch({ body: JSON.stringify(remotePolicy()) });
    expect(currentPolicy().organization.name).toBe(defaultPolicy.organization.name);
    const p = await refreshPolicy();
    expect(p.organization.name).toBe("Contoso Remote");
    expect(currentPolicy().organization.name).toBe("Contoso Remote");
    expect(calls).toEqual([{ url: URL_, init: expect.objectContaining({ cache: "no-cache" }) }]);
    expect(store.data.size).toBe(1);

    // a fresh runtime (classic Outlook starts one per event): the cache, read without network
    resetPolicySourceForTests(URL_);
    usePolicyStore(store);
    const none = fakeFetch({ fail: "must not be called" });
    expect(currentPolicy()).toBe(defaultPolicy);
    expect((await loadCachedPolicy()).organization.name).toBe("Contoso Remote");
    expect(currentPolicy().organization.name).toBe("Contoso Remote");
    // and a refresh within maxAge does not download again
    await refreshPolicy();
    expect(none).toHaveLength(0);
    expect(warnings).toEqual([]);
  });

  it.each([
    ["not JSON", { body: "<html>oops</html>" }, /not JSON/],
    ["the wrong shape", { body: JSON.stringify({ version: 1, rules: [] }) }, /ignoring the policy at .*organization/],
    ["an HTTP error", { status: 404 }, /HTTP 404/],
    ["a network failure", { fail: "offline" }, /offline/],
  ])("ignores %s with a warning and keeps the previous policy", async (_name, answer, expected) => {
    usePolicyStore(memoryStore());
    fakeFetch(answer);
    await expect(refreshPolicy()).resolves.toBe(defaultPolicy);
    expect(currentPolicy()).toBe(defaultPolicy);
    expect(warnings.join("\n")).toMatch(expected);
  });

  it("keeps a good downloaded policy when a later download is bad", async () => {
    usePolicyStore(null);
    fakeFetch({ body: JSON.stringify(remotePolicy("First")) });
    await refreshPolicy({ maxAgeMs: 0 });
    fakeFetch({ body: JSON.stringify({ ...remotePolicy(), onUnscanned: "allow" }) });
    await refreshPolicy({ maxAgeMs: 0 });
    expect(currentPolicy().organization.name).toBe("First");
    expect(warnings.join("\n")).toMatch(/onUnscanned/);
  });

  it("gives up on a download that never answers, within its timeout", async () => {
    usePolicyStore(null);
    fakeFetch({ never: true });
    await expect(refreshPolicy({ timeoutMs: 30 })).resolves.toBe(defaultPolicy);
    expect(warnings.join("\n")).toMatch(/no answer within 30 ms/);
  });

  it("shares one download between concurrent calls", async () => {
    usePolicyStore(null);
    const calls = fakeFetch({ body: JSON.stringify(remotePolicy()) });
    const [a, b] = await Promise.all([refreshPolicy(), refreshPolicy()]);
    expect(calls).toHaveLength(1);
    expect(a).toBe(b);
  });

  it("uses OfficeRuntime.storage when the host has it", async () => {
    const store = memoryStore();
    g.OfficeRuntime = { storage: store };
    fakeFetch({ body: JSON.stringify(remotePolicy()) });
    await refreshPolicy();
    expect(JSON.parse(store.data.get("think-first.policy")!).policy.organization.name).toBe("Contoso Remote");
  });

  it("ignores a cached policy from another bundle, another URL or a broken entry", async () => {
    const store = memoryStore();
    usePolicyStore(store);
    fakeFetch({ body: JSON.stringify(remotePolicy()) });
    await refreshPolicy();
    const entry = JSON.parse(store.data.get("think-first.policy")!);
    for (const bad of [{ ...entry, bundle: "other" }, { ...entry, url: "https://addins.contoso.test/old.json" }, "{not json"]) {
      store.data.set("think-first.policy", typeof bad === "string" ? bad : JSON.stringify(bad));
      resetPolicySourceForTests(URL_);
      usePolicyStore(store);
      await expect(loadCachedPolicy()).resolves.toBe(defaultPolicy);
    }
  });
});
