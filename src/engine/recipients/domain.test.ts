import { domainOfAddress, inDomain, localPartOfAddress, normalizeDomain } from "./domain";

describe("normalizeDomain", () => {
  test.each([
    ["Contoso.COM", "contoso.com", "contoso.com", false],
    [" contoso.com. ", "contoso.com", "contoso.com", false],
    // RFC 3492 §7.1 sample (Russian) and a real IDN homoglyph of apple.com (all-Cyrillic а, р, р, ӏ, е).
    ["xn--b1abfaaepdrnnbgefbaDotcwatmq2g4l.example", "xn--b1abfaaepdrnnbgefbadotcwatmq2g4l.example", "почемужеонинеговорятпорусски.example", false],
    ["xn--80ak6aa92e.com", "xn--80ak6aa92e.com", "аррӏе.com", false],
    ["mail.xn--bcher-kva.example", "mail.xn--bcher-kva.example", "mail.bücher.example", false],
    ["xn--zz-ÿ.com", "xn--zz-ÿ.com", "xn--zz-ÿ.com", true],
    ["", "", "", false],
  ])("%j", (input, ascii, unicode, invalid) => {
    expect(normalizeDomain(input)).toEqual({ ascii, unicode, invalidPunycode: invalid });
  });
});

describe("address parts", () => {
  test.each([
    ["jane@contoso.com", "jane", "contoso.com"],
    ['"a@b"@contoso.com', '"a@b"', "contoso.com"],
    ["no-at-sign", "no-at-sign", ""],
  ])("%s", (address, local, domain) => {
    expect([localPartOfAddress(address), domainOfAddress(address)]).toEqual([local, domain]);
  });
});

describe("inDomain", () => {
  test.each([
    ["contoso.com", "contoso.com", true],
    ["mail.contoso.com", "contoso.com", true],
    ["badcontoso.com", "contoso.com", false],
    ["contoso.com.evil.net", "contoso.com", false],
  ])("%s in %s → %s", (d, p, expected) => {
    expect(inDomain(d, p)).toBe(expected);
  });
});
