/** The one mail path: readMail on .eml and .msg, address lists, body selection, no value counted twice. */
import { bodyParts, mailBodyText, parseAddresses, renderEml } from "./mail";
import { readMail } from "./index";
import { base64Lines, enc } from "./test-fixtures";
import { msgFile } from "./test-fixtures-cfb";

const card = "4111 1111 1111 1111";
const CRLF = "\r\n";

describe("address lists (RFC 5322 §3.4)", () => {
  it("names, quoted names with commas, encoded words, bare addresses with comments, groups", () => {
    expect(parseAddresses('"Example, Ann" <ann@example.com>, =?UTF-8?B?SsO2cmc=?= <jorg@example.com>, bob@partner.example (Bob P), team: c@x.example, d@y.example;')).toEqual([
      { address: "ann@example.com", name: "Example, Ann" },
      { address: "jorg@example.com", name: "Jörg" },
      { address: "bob@partner.example", name: "Bob P" },
      { address: "c@x.example" },
      { address: "d@y.example" },
    ]);
    expect(parseAddresses("")).toEqual([]);
    expect(parseAddresses("undisclosed-recipients:;")).toEqual([]);
  });
});

describe("readMail (.eml)", () => {
  const eml = [
    'From: "Ann Example" <ann@example.com>',
    "To: Bob <bob@partner.example>, carol@partner.example",
    "Cc: =?ISO-8859-1?Q?J=F6rg?= <jorg@example.com>",
    "Bcc: hidden@example.net",
    "Subject: =?UTF-8?Q?Kortti_=E2=82=AC?=",
    "MIME-Version: 1.0",
    'Content-Type: multipart/mixed; boundary="m"',
    "",
    "--m",
    'Content-Type: multipart/alternative; boundary="a"',
    "",
    "--a",
    "Content-Type: text/plain; charset=utf-8",
    "",
    "Hello",
    "the card " + card,
    "--a",
    "Content-Type: text/html; charset=utf-8",
    "",
    "<p>Hello</p><p>the card " + card + "</p><table><tr><td>5555</td><td>5555</td></tr></table>",
    "--a--",
    "--m",
    "Content-Type: image/png",
    "Content-ID: <logo>",
    "Content-Transfer-Encoding: base64",
    "",
    base64Lines(Uint8Array.of(1, 2, 3)),
    "--m",
    "Content-Type: message/rfc822",
    'Content-Disposition: attachment; filename="fwd.eml"',
    "",
    "From: x@example.com",
    "Subject: inner",
    "",
    "inner body",
    "--m",
    "Content-Type: application/pkcs7-signature; name=smime.p7s",
    "",
    "sig",
    "--m--",
    "",
  ].join(CRLF);

  it("from, to/cc/bcc with display names, subject, plain body, attachments with inline and message flags", () => {
    const m = readMail(enc(eml));
    expect(m.format).toBe("eml");
    expect(m.from).toEqual({ address: "ann@example.com", name: "Ann Example" });
    expect(m.to).toEqual([{ address: "bob@partner.example", name: "Bob" }, { address: "carol@partner.example" }]);
    expect(m.cc).toEqual([{ address: "jorg@example.com", name: "Jörg" }]);
    expect(m.bcc).toEqual([{ address: "hidden@example.net" }]);
    expect(m.subject).toBe("Kortti €");
    expect(m.body).toBe("Hello\r\nthe card " + card);
    expect(m.attachments.map((a) => [a.name, a.mimeType, a.inline, a.isMessage])).toEqual([
      ["attachment-1", "image/png", true, false],
      ["fwd.eml", "message/rfc822", false, true],
    ]);
    expect(m.unscanned).toEqual([]); // a detached signature holds no content
  });

  it("the HTML alternative adds only what the plain part lacks: the card once, the table cells apart", () => {
    const m = readMail(enc(eml));
    const parts = bodyParts(m);
    expect(parts.map((p) => p.part)).toEqual(["text/plain", "text/html"]);
    expect(parts[1]!.text).toMatch(/^5555\s+5555$/);
    const text = mailBodyText(m);
    expect(text.split(card).length - 1).toBe(1);
  });

  it("an S/MIME envelope in a MIME mail → encrypted part", () => {
    const m = readMail(enc(["From: a@example.com", "To: b@example.com", "Content-Type: application/pkcs7-mime; smime-type=enveloped-data; name=smime.p7m", "Content-Transfer-Encoding: base64", "", "MIAGCSqG"].join(CRLF)));
    expect(m.unscanned).toEqual([{ part: "smime.p7m", reason: "encrypted", detail: "S/MIME encrypted or opaque-signed content" }]);
  });

  it("one mail, two files: the .eml and the .msg of the same message give the same item", () => {
    const fromMsg = readMail(
      msgFile({
        subject: "Same",
        from: { name: "Ann", smtp: "ann@example.com" },
        recipients: [{ type: 1, name: "Bob", smtp: "bob@partner.example" }, { type: 2, smtp: "c@partner.example" }],
        body: "Body with " + card,
        attachments: [{ name: "a.txt", data: enc("attached"), mime: "text/plain" }],
      }),
    );
    const fromEml = readMail(
      enc(["From: Ann <ann@example.com>", "To: Bob <bob@partner.example>", "Cc: c@partner.example", "Subject: Same", 'Content-Type: multipart/mixed; boundary="b"', "", "--b", "Content-Type: text/plain", "", "Body with " + card, "--b", "Content-Type: text/plain", 'Content-Disposition: attachment; filename="a.txt"', "", "attached", "--b--", ""].join(CRLF)),
    );
    const view = (m: typeof fromMsg) => ({ from: m.from, to: m.to, cc: m.cc, subject: m.subject, body: m.body, atts: m.attachments.map((a) => [a.name, Buffer.from(a.bytes).toString()]) });
    expect(view(fromMsg)).toEqual(view(fromEml));
  });

  it("renderEml → readMail is the identity on what a MailItem holds", () => {
    const m = readMail(enc(eml));
    const again = readMail(renderEml(m));
    expect([again.from, again.to, again.cc, again.bcc, again.subject]).toEqual([m.from, m.to, m.cc, m.bcc, m.subject]);
    expect(again.body).toBe(m.body);
    expect(again.attachments.map((a) => [a.name, a.isMessage, a.inline, Array.from(a.bytes).length])).toEqual(m.attachments.map((a) => [a.name, a.isMessage, a.inline, a.bytes.length]));
  });

  it("never throws: a damaged multipart keeps the headers and says why; a passed deadline → timeout", () => {
    const broken = readMail(enc("From: a@example.com\r\nSubject: s\r\nContent-Type: multipart/mixed\r\n\r\nx"));
    expect(broken.subject).toBe("s");
    expect(broken.unscanned).toEqual([{ part: "", reason: "corrupt", detail: "multipart without boundary" }]);
    expect(readMail(enc(eml), { deadline: 0, now: () => 1 }).unscanned[0]!.reason).toBe("timeout");
  });
});
