import { isAscii, prototypeOf, skeleton } from "./skeleton";

describe("skeleton", () => {
  test.each([
    // Whole-script homoglyph of apple.com registered to show the attack (xn--80ak6aa92e.com): all Cyrillic. Its palochka
    // "ӏ" has the prototype "i" in confusables.txt, so the skeleton is one letter from apple's (the matcher allows that).
    ["аррӏе", "appie"],
    // Mixed Latin + Cyrillic / Greek.
    ["pаypal", "paypal"],
    ["gοοgle", "google"],
    ["соntoso", "contoso"],
    // ASCII tricks: m ≈ rn, 0 ≈ o, 1 ≈ l, vv ≈ w, cl ≈ d.
    ["microsoft", "rnicrosoft"],
    ["rnicrosoft", "rnicrosoft"],
    ["c0nt0so", "contoso"],
    ["paypa1", "paypal"],
    ["vvalmart", "walrnart"],
    ["walmart", "walrnart"],
    ["clropbox", "dropbox"],
    // Diacritics, precomposed and combining; dotless i.
    ["contosó", "contoso"],
    ["contoso\u0301", "contoso"],
    ["bölgen", "bolgen"],
    ["ınfo", "info"],
    // Zero-width joiner (Inherited) disappears.
    ["con\u200dtoso", "contoso"],
    // Nothing to fold.
    ["fabrikam", "fabrikarn"],
    ["example-1", "exarnple-l"],
    // Not every letter has a prototype: "ø" does not decompose, Cyrillic п, и, м are not confusable with ASCII.
    ["bølgen", "bølgen"],
    ["пример", "пpимep"],
  ])("%s → %s", (label, expected) => {
    expect(skeleton(label)).toBe(expected);
  });

  test("distinct real labels keep distinct skeletons", () => {
    const labels = ["gmail", "gmx", "email", "mail", "seznam", "azet", "centrum", "online", "suomi24", "rediffmail"];
    const skeletons = labels.map(skeleton);
    expect(new Set(skeletons).size).toBe(labels.length);
  });

  test("prototypes come from confusables.txt: Cyrillic а, Greek ο, Cherokee Ꮪ have one; plain ASCII letters but m do not", () => {
    expect(prototypeOf(0x430)).toBe("a");
    expect(prototypeOf(0x3bf)).toBe("o");
    expect(prototypeOf(0x6d)).toBe("rn");
    expect(prototypeOf(0x61)).toBeUndefined();
    expect(prototypeOf(0x7a)).toBeUndefined();
  });
});

describe("isAscii", () => {
  test.each([["contoso", true], ["xn--80ak6aa92e", true], ["аррӏе", false], ["bücher", false]])("%s → %s", (s, e) => {
    expect(isAscii(s)).toBe(e);
  });
});
