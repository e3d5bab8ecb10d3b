import fc from "fast-check";
import { decodeBase64, decodeBase64Bytes, encodeBase64 } from "./base64";

const node = (s: string) => new Uint8Array(Buffer.from(s, "base64"));

describe("decodeBase64", () => {
  it("decodes the RFC 4648 test vectors", () => {
    const vectors: [string, string][] = [["", ""], ["Zg==", "f"], ["Zm8=", "fo"], ["Zm9v", "foo"], ["Zm9vYg==", "foob"], ["Zm9vYmE=", "fooba"], ["Zm9vYmFy", "foobar"]];
    for (const [b64, plain] of vectors) expect(Buffer.from(decodeBase64(b64)).toString("latin1")).toBe(plain);
  });
  it("ignores MIME line breaks and whitespace, accepts missing padding and the URL-safe alphabet", () => {
    expect(Buffer.from(decodeBase64("Zm9v\r\nYmFy\n")).toString()).toBe("foobar");
    expect(Buffer.from(decodeBase64("Zm9vYg")).toString()).toBe("foob");
    expect(decodeBase64("-_-_")).toEqual(node("+/+/"));
  });
  it("agrees with Node's Buffer on random bytes, with and without line breaks", () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 3000 }), fc.boolean(), (bytes, wrap) => {
        let b64 = Buffer.from(bytes).toString("base64");
        if (wrap) b64 = (b64.match(/.{1,76}/g) || []).join("\r\n");
        expect(decodeBase64(b64)).toEqual(new Uint8Array(bytes));
        expect(decodeBase64Bytes(new Uint8Array(Buffer.from(b64, "latin1")))).toEqual(new Uint8Array(bytes));
      }),
    );
  });
  it("never throws on junk", () => {
    fc.assert(fc.property(fc.string(), (s) => void decodeBase64(s)));
  });
});

describe("encodeBase64", () => {
  it("agrees with Buffer for every length around the block boundaries and across its 8 KB chunks", () => {
    for (let n = 0; n < 40; n++) {
      const b = new Uint8Array(Array.from({ length: n }, (_, i) => (i * 37 + n) & 255));
      expect(encodeBase64(b)).toBe(Buffer.from(b).toString("base64"));
    }
    for (const n of [6143, 6144, 6145, 100001]) {
      const b = new Uint8Array(Array.from({ length: n }, (_, i) => (i * 131 + (i >> 8)) & 255));
      expect(encodeBase64(b)).toBe(Buffer.from(b).toString("base64"));
    }
  });
});
