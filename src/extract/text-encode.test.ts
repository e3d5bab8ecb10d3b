import { encodeUtf8 } from "./text-encode";

it("encodes like Node's Buffer, surrogate pairs and lone surrogates included", () => {
  for (const s of ["", "abc", "rodné číslo", "आधार", "شناختی کارڈ", "😀 ok", "a\ud800b", "\udc00"]) {
    expect(Buffer.from(encodeUtf8(s)).toString("hex")).toBe(Buffer.from(s, "utf8").toString("hex"));
  }
});
