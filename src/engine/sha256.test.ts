import * as crypto from "crypto";
import { hmacKey, hmacSha256, hmacWords, sha256, utf8Into } from "./sha256";

const hex = (b: Uint8Array) => Buffer.from(b).toString("hex");
const bytes = (s: string) => new Uint8Array(Buffer.from(s, "utf8"));

describe("sha256 (FIPS 180-4 examples)", () => {
  it.each([
    ["", "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"],
    ["abc", "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"],
    ["abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq", "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1"],
    ["a".repeat(1000000), "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0"],
  ])("%#", (msg, digest) => {
    expect(hex(sha256(bytes(msg)))).toBe(digest);
  });

  it("agrees with node:crypto on every length around the block and padding boundaries", () => {
    for (let n = 0; n <= 200; n++) {
      const d = new Uint8Array(crypto.randomBytes(n));
      expect([n, hex(sha256(d))]).toEqual([n, crypto.createHash("sha256").update(d).digest("hex")]);
    }
  });
});

describe("HMAC-SHA-256 (RFC 4231 test cases 1-4, 6, 7)", () => {
  const ks = (n: number, b: number) => new Uint8Array(n).fill(b);
  it.each([
    [ks(20, 0x0b), bytes("Hi There"), "b0344c61d8db38535ca8afceaf0bf12b881dc200c9833da726e9376c2e32cff7"],
    [bytes("Jefe"), bytes("what do ya want for nothing?"), "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843"],
    [ks(20, 0xaa), ks(50, 0xdd), "773ea91e36800e46854db8ebd09181a72959098b3ef8c122d9635514ced565fe"],
    [Uint8Array.from({ length: 25 }, (_, i) => i + 1), ks(50, 0xcd), "82558a389a443c0ea4cc819899f2083a85f0faa3e578f8077a2e3ff46729665b"],
    [ks(131, 0xaa), bytes("Test Using Larger Than Block-Size Key - Hash Key First"), "60e431591ee0b67f0d8a26aacbf5b77f8e0bc6213728c5140546040f0ee37f54"],
    [
      ks(131, 0xaa),
      bytes("This is a test using a larger than block-size key and a larger than block-size data. The key needs to be hashed before being used by the HMAC algorithm."),
      "9b09ffa71b942fcb27635fbcd5b0e944bfdc63644f0713938a7f51535c3a35e2",
    ],
  ])("case %#", (key, data, mac) => {
    expect(hex(hmacSha256(key, data))).toBe(mac);
  });

  it("a pre-keyed hmacWords with one reused buffer agrees with node:crypto for many messages", () => {
    const key = new Uint8Array(crypto.randomBytes(32));
    const k = hmacKey(key);
    const out = new Int32Array(8);
    const buf = new Uint8Array(256);
    for (let n = 0; n < 150; n++) {
      const d = crypto.randomBytes(n);
      buf.set(d);
      hmacWords(k, buf, n, out);
      const words = Array.from(out, (w) => (w >>> 0).toString(16).padStart(8, "0")).join("");
      expect([n, words]).toEqual([n, crypto.createHmac("sha256", key).update(d).digest("hex")]);
    }
  });
});

describe("utf8Into", () => {
  it.each(["", "jane@example.com", "jöran@bücher.example", "ग्राहक", "😀 emoji", "lone \ud800 surrogate", "\udc00 first"])("%s", (s) => {
    const r = utf8Into(s, new Uint8Array(1));
    expect(Buffer.from(r.buf.subarray(0, r.length)).toString("hex")).toBe(Buffer.from(s, "utf8").toString("hex"));
  });
});
