import { createHmac } from "crypto";
import fc from "fast-check";
import { KeyedHash, utf8 } from "./keyed-hash";

const hex = (b: Uint8Array) => Buffer.from(b).toString("hex");

describe("KeyedHash (HMAC-SHA-256)", () => {
  // RFC 4231 test cases 1 and 2.
  test("RFC 4231 §4.2: key 0x0b × 20, 'Hi There'", () => {
    expect(hex(new KeyedHash(new Uint8Array(20).fill(0x0b)).digest("Hi There"))).toBe("b0344c61d8db38535ca8afceaf0bf12b881dc200c9833da726e9376c2e32cff7");
  });
  test("RFC 4231 §4.3: key 'Jefe', 'what do ya want for nothing?'", () => {
    expect(hex(new KeyedHash(utf8("Jefe")).digest("what do ya want for nothing?"))).toBe("5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843");
  });
  test("one key, many texts: each digest equals Node's HMAC (the reset restores the keyed state)", () => {
    const key = utf8("a per-mailbox salt");
    const h = new KeyedHash(key);
    fc.assert(
      fc.property(fc.string({ unit: "grapheme", maxLength: 80 }), (text) => {
        expect(hex(h.digest(text))).toBe(createHmac("sha256", Buffer.from(key)).update(text, "utf8").digest("hex"));
      }),
      { numRuns: 500 },
    );
  });
});

describe("utf8", () => {
  test("matches Node's encoder, astral characters and lone surrogates included", () => {
    for (const s of ["jana@contoso.com", "jána@bücher.example", "राम@उदाहरण.भारत", "😀", "\ud800x"]) expect(hex(utf8(s))).toBe(Buffer.from(s, "utf8").toString("hex"));
  });
});
