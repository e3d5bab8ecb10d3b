import { randomBytes } from "crypto";
import {
  DEFAULT_MAX_ENTRIES,
  RecipientHistory,
  historyKey,
  openHistory,
  saveHistory,
  weakRandomBytes,
  type HistoryStore,
} from "./recipient-history";

const random = (n: number) => new Uint8Array(randomBytes(n));
const NOW = Date.UTC(2026, 11, 1);
const DAY = 86400000;
/** Addresses made up here (no real person): name.N@domain. */
const addresses = (n: number) => Array.from({ length: n }, (_, i) => `customer.${i}@example-${i % 37}.fi`);

describe("RecipientHistory", () => {
  test("remembers addresses: case, spaces and xn-- forms are the same address", () => {
    const h = RecipientHistory.create(random, NOW);
    expect(h.has("jana.novakova@fabrikam.sk")).toBe(false);
    h.remember(["jana.novakova@fabrikam.sk", "ola@xn--bcher-kva.example"]);
    expect(h.has("Jana.Novakova@FABRIKAM.sk ")).toBe(true);
    expect(h.has("ola@bücher.example")).toBe(true);
    expect(h.has("jana.novakova@fabrikam.cz")).toBe(false);
    expect(historyKey(" Ola@XN--BCHER-KVA.example")).toBe("ola@bücher.example");
  });

  test("round-trips through its serialized form", () => {
    const h = RecipientHistory.create(random, NOW);
    h.remember(addresses(300));
    const back = RecipientHistory.parse(h.serialize())!;
    expect(back.size).toBe(300);
    expect(addresses(300).every((a) => back.has(a))).toBe(true);
    expect(back.has("someone.else@example-1.fi")).toBe(false);
    expect(back.createdDay).toBe(h.createdDay);
    expect(back.serialize()).toBe(h.serialize());
  });

  test("no address, local part or domain appears in clear in what is stored", () => {
    const list = addresses(500).concat(["jana.novakova@fabrikam.sk", "kari.nordmann@xn--nrbo-zra.no"]);
    const h = RecipientHistory.create(random, NOW);
    h.remember(list);
    const stored = h.serialize();
    expect(stored).toMatch(/^tfh1\.[0-9a-z]+\.[A-Za-z0-9_-]{24}\.([A-Za-z0-9_-]{8})+$/);
    const lower = stored.toLowerCase();
    for (const a of list) {
      const [local, domain] = a.split("@") as [string, string];
      expect({ a, found: [a, local, domain, domain.split(".")[0]!].filter((part) => part.length >= 5 && lower.indexOf(part.toLowerCase()) >= 0) }).toEqual({ a, found: [] });
    }
    // The bytes behind the base64 do not hold the addresses either (48-bit hashes, no text).
    const bytes = Buffer.from(stored.split(".")[3]!, "base64url").toString("latin1").toLowerCase();
    expect(list.filter((a) => bytes.indexOf(a.split("@")[0]!.slice(0, 6)) >= 0)).toEqual([]);
  });

  test("the salt makes the same address hash differently per mailbox", () => {
    const a = RecipientHistory.create(random, NOW);
    const b = RecipientHistory.create(random, NOW);
    a.remember(["jana.novakova@fabrikam.sk"]);
    b.remember(["jana.novakova@fabrikam.sk"]);
    expect(a.serialize().split(".")[3]).not.toBe(b.serialize().split(".")[3]);
  });

  test("bounded: least recently used entries go first; remembering again refreshes", () => {
    const h = RecipientHistory.create(random, NOW, 3);
    h.remember(["a1@x.fi", "a2@x.fi", "a3@x.fi"]);
    h.remember(["a1@x.fi"]);
    h.remember(["a4@x.fi"]);
    expect(["a1@x.fi", "a2@x.fi", "a3@x.fi", "a4@x.fi"].map((a) => h.has(a))).toEqual([true, false, true, true]);
    expect(h.size).toBe(3);
    expect(RecipientHistory.parse(h.serialize(), 2)!.size).toBe(2);
  });

  test(`${DEFAULT_MAX_ENTRIES} entries fit in half of roamingSettings' 32 KB`, () => {
    const h = RecipientHistory.create(random, NOW);
    h.remember(addresses(DEFAULT_MAX_ENTRIES + 500));
    expect(h.size).toBe(DEFAULT_MAX_ENTRIES);
    expect(h.serialize().length).toBeLessThanOrEqual(16040);
    expect(h.has(addresses(DEFAULT_MAX_ENTRIES + 500)[0]!)).toBe(false);
  });

  test("a damaged or foreign text is not a history", () => {
    const good = RecipientHistory.create(random, NOW).serialize();
    for (const bad of ["", "tfh1", "tfh2" + good.slice(4), good + "x", good.replace(/\.[^.]*\./, ".!!.") , '{"a":1}', good.slice(0, -1) + "==="]) {
      expect({ bad, parsed: RecipientHistory.parse(bad) }).toEqual({ bad, parsed: undefined });
    }
  });

  test("learning for the first days", () => {
    const h = RecipientHistory.create(random, NOW);
    expect(h.isLearning(NOW, 14)).toBe(true);
    expect(h.isLearning(NOW + 13 * DAY, 14)).toBe(true);
    expect(h.isLearning(NOW + 14 * DAY, 14)).toBe(false);
    expect(h.isLearning(NOW, 0)).toBe(false);
  });

  test("weakRandomBytes gives bytes (the fallback without crypto)", () => {
    const b = weakRandomBytes(18);
    expect(b.length).toBe(18);
    expect(RecipientHistory.create(weakRandomBytes, NOW).serialize()).toMatch(/^tfh1\./);
  });
});

describe("openHistory / saveHistory", () => {
  const memory = (initial?: string): HistoryStore & { value?: string } => {
    const s: HistoryStore & { value?: string } = { value: initial, load: () => Promise.resolve(s.value), save: (v) => Promise.resolve(void (s.value = v)) };
    return s;
  };

  test("no store, a failing load (rejected or thrown): unavailable, never a rejection", async () => {
    await expect(openHistory(undefined, random, NOW)).resolves.toEqual({ history: undefined, state: "unavailable" });
    await expect(openHistory({ load: () => Promise.reject(new Error("9057")), save: () => Promise.resolve() }, random, NOW)).resolves.toEqual({ history: undefined, state: "unavailable" });
    const throwing: HistoryStore = { load: () => { throw new Error("no roamingSettings"); }, save: () => Promise.resolve() };
    await expect(openHistory(throwing, random, NOW)).resolves.toEqual({ history: undefined, state: "unavailable" });
    await expect(openHistory(memory(), () => new Uint8Array(0), NOW)).resolves.toEqual({ history: undefined, state: "unavailable" });
  });

  test("empty store: new; damaged: reset; saved: loaded with its entries", async () => {
    const store = memory();
    const first = await openHistory(store, random, NOW);
    expect(first.state).toBe("new");
    first.history!.remember(["jana.novakova@fabrikam.sk"]);
    expect(await saveHistory(store, first.history!)).toBe(true);
    const again = await openHistory(store, random, NOW + DAY);
    expect(again.state).toBe("loaded");
    expect(again.history!.has("jana.novakova@fabrikam.sk")).toBe(true);
    store.value = "garbage";
    expect((await openHistory(store, random, NOW)).state).toBe("reset");
  });

  test("a store that refuses to save: false, not a rejection", async () => {
    const h = RecipientHistory.create(random, NOW);
    expect(await saveHistory({ load: () => Promise.resolve(undefined), save: () => Promise.reject(new Error("quota")) }, h)).toBe(false);
    expect(await saveHistory({ load: () => Promise.resolve(undefined), save: () => { throw new Error("gone"); } }, h)).toBe(false);
  });
});
