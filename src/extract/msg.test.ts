/** Outlook .msg files built per [MS-OXMSG] (written by SheetJS cfb), read through readMail and extractText. */
import { extractText, readMail } from "./index";
import { MAX_NESTING_DEPTH } from "./limits";
import { bytesOf, compressRtfLiterals, docFile, msgFile, type MsgSpec, utf8 } from "./test-fixtures-cfb";

const card = "4111 1111 1111 1111";
const iban = "GB82 WEST 1234 5698 7654 32";

const basic: MsgSpec = {
  subject: "Quarterly numbers",
  from: { name: "Ann Example", email: "/O=EXCHANGELABS/OU=EXCHANGE/CN=RECIPIENTS/CN=ANN", smtp: "ann@example.com" },
  recipients: [
    { type: 1, name: "Bob Partner", smtp: "bob@partner.example", email: "bob@partner.example" },
    { type: 2, email: "carol@partner.example" },
    { type: 3, name: "Dan", email: "/O=EX/CN=DAN", addressType: "EX" },
  ],
  body: "Hello,\r\nthe card is " + card + ".\r\n",
  attachments: [
    { name: "iban.txt", data: bytesOf("IBAN " + iban), mime: "text/plain" },
    { name: "logo.png", data: Uint8Array.of(0x89, 0x50, 0x4e, 0x47), mime: "image/png", hidden: true, contentId: "logo@x" },
  ],
};

describe(".msg → MailItem", () => {
  it("subject, sender (SMTP over the Exchange DN), To/Cc/Bcc with names, plain body, attachments with flags", () => {
    const m = readMail(msgFile(basic));
    expect(m.format).toBe("msg");
    expect(m.unscanned).toEqual([]);
    expect(m.subject).toBe("Quarterly numbers");
    expect(m.from).toEqual({ address: "ann@example.com", name: "Ann Example" });
    expect(m.to).toEqual([{ address: "bob@partner.example", name: "Bob Partner" }]);
    expect(m.cc).toEqual([{ address: "carol@partner.example" }]);
    expect(m.bcc).toEqual([{ address: "", name: "Dan" }]);
    expect(m.body).toBe(basic.body);
    expect(m.attachments.map((a) => [a.name, a.mimeType, a.inline, a.isMessage, a.bytes.length])).toEqual([
      ["iban.txt", "text/plain", false, false, 5 + iban.length],
      ["logo.png", "image/png", true, false, 4],
    ]);
  });

  it("8-bit strings (PT_STRING8) in the message code page", () => {
    const m = readMail(msgFile({ subject: "Gr\u00fc\u00dfe", body: "K\u00e4rtti " + card, string8Codepage: 1252 }));
    expect(m.subject).toBe("Grüße");
    expect(m.body).toBe("Kärtti " + card);
  });

  it("no plain body: the HTML body (PidTagHtml) through htmlToText, table cells kept apart", () => {
    const m = readMail(msgFile({ subject: "s", html: "<html><body><table><tr><td>4111</td><td>1111</td></tr></table><p>x &amp; y</p></body></html>" }));
    expect(m.texts.map((t) => t.part)).toEqual(["text/html"]);
    expect(m.body).toMatch(/^4111\s+1111\s+x & y$/);
  });

  it("no plain or HTML body: the compressed RTF body, with HTML encapsulated in it", () => {
    const rtf = "{\\rtf1\\ansi\\ansicpg1252\\fromhtml1 {\\*\\htmltag64 <p>}Card " + card + "{\\htmlrtf \\par }{\\*\\htmltag </p>}}";
    const m = readMail(msgFile({ subject: "s", rtf: compressRtfLiterals(bytesOf(rtf)) }));
    expect(m.texts.map((t) => t.part)).toEqual(["text/rtf"]);
    expect(m.body).toBe("Card " + card);
  });

  it("an embedded message (attach method 5) becomes an attached RFC 822 message, read recursively by extractText", () => {
    const inner: MsgSpec = { subject: "Inner", from: { smtp: "in@example.com" }, body: "inner " + card, attachments: [{ name: "n.txt", data: bytesOf("nested " + iban) }] };
    const file = msgFile({ ...basic, attachments: [{ name: "Forwarded.msg", message: inner }] });
    const m = readMail(file);
    expect(m.attachments.map((a) => [a.name, a.mimeType, a.isMessage])).toEqual([["Forwarded.eml", "message/rfc822", true]]);
    const inMail = readMail(m.attachments[0]!.bytes);
    expect(inMail.format).toBe("eml");
    expect([inMail.subject, inMail.body, inMail.from]).toEqual(["Inner", "inner " + card, { address: "in@example.com" }]);
    const r = extractText("mail.msg", file);
    expect(r.unscanned).toEqual([]);
    expect(r.parts).toEqual(["mail.msg!headers", "mail.msg!text/plain", "mail.msg!Forwarded.eml!headers", "mail.msg!Forwarded.eml!text/plain", "mail.msg!Forwarded.eml!n.txt"]);
    expect(r.text).toContain("To: Bob Partner <bob@partner.example>");
    expect(r.text).toContain("inner " + card);
    expect(r.text).toContain("nested " + iban);
  });

  it("an OLE attachment holding a Word document is read in place; a reference attachment is unscanned", () => {
    const doc = docFile([{ text: "Word object with " + card, compressed: true }]);
    // The OLE storage's streams, taken from a real compound file laid out by docFile.
    const CFB = require("cfb");
    const c = CFB.read(Buffer.from(doc), { type: "buffer" });
    const ole: { [p: string]: Uint8Array } = {};
    c.FileIndex.forEach((f: { type: number; name: string; content: Buffer }) => {
      if (f.type === 2 && /WordDocument|1Table/.test(f.name)) ole["/" + f.name] = new Uint8Array(f.content);
    });
    const r = extractText("ole.msg", msgFile({ subject: "s", body: "b", attachments: [{ name: "Document", ole }, { name: "on the share", method: 2 }] }));
    expect(r.text).toContain("Word object with " + card);
    expect(r.parts).toContain("ole.msg!Document!WordDocument");
    expect(r.unscanned).toEqual([{ part: "ole.msg!on the share", reason: "unsupported", detail: "attachment by reference (link only)" }]);
  });

  it("S/MIME encrypted or opaque-signed (IPM.Note.SMIME) → encrypted; clear-signed is read from its MIME attachment", () => {
    const enc = extractText("secret.msg", msgFile({ subject: "s", messageClass: "IPM.Note.SMIME", attachments: [{ name: "smime.p7m", data: Uint8Array.of(0x30, 0x80), mime: "application/pkcs7-mime" }] }));
    expect(enc.unscanned).toEqual([{ part: "secret.msg", reason: "encrypted", detail: "S/MIME encrypted or opaque-signed message (IPM.Note.SMIME)" }]);
    const signed =
      'Content-Type: multipart/signed; protocol="application/pkcs7-signature"; boundary="s"\r\n\r\n--s\r\nContent-Type: text/plain\r\n\r\nsigned body ' +
      card +
      "\r\n--s\r\nContent-Type: application/pkcs7-signature; name=smime.p7s\r\nContent-Transfer-Encoding: base64\r\n\r\nMIAGCSqGSIb3DQEHAqCAMIACAQEx\r\n--s--\r\n";
    const m = readMail(msgFile({ subject: "s", messageClass: "IPM.Note.SMIME.MultipartSigned", attachments: [{ name: "smime.p7m", data: utf8(signed), mime: "multipart/signed" }] }));
    expect(m.unscanned).toEqual([]);
    expect(m.body).toBe("signed body " + card);
    expect(m.attachments).toEqual([]);
  });

  it(`embedded messages nested deeper than MAX_NESTING_DEPTH (${MAX_NESTING_DEPTH}) → limit, the levels above are read`, () => {
    let spec: MsgSpec = { subject: "level 12", body: "deepest " + card };
    for (let i = 11; i >= 0; i--) spec = { subject: "level " + i, body: "body of level " + i, attachments: [{ name: "level " + (i + 1), message: spec }] };
    const t0 = Date.now();
    const r = extractText("deep.msg", msgFile(spec));
    expect(Date.now() - t0).toBeLessThan(3000);
    expect(r.text).toContain("body of level " + MAX_NESTING_DEPTH);
    expect(r.text).not.toContain("body of level " + (MAX_NESTING_DEPTH + 1));
    expect(r.text).not.toContain("deepest");
    expect(r.unscanned).toHaveLength(1);
    expect(r.unscanned[0]!.reason).toBe("limit");
    expect(r.unscanned[0]!.detail).toBe("nested deeper than " + MAX_NESTING_DEPTH + " containers");
  });

  it("a truncated .msg → corrupt with a reason; garbage is never a mail", () => {
    const file = msgFile(basic);
    for (const cut of [600, 1100, file.length - 700]) {
      const r = extractText("cut.msg", file.subarray(0, cut));
      expect(r.unscanned.length).toBeGreaterThan(0);
      expect(["corrupt"]).toContain(r.unscanned[0]!.reason);
    }
    const junk = readMail(bytesOf("not a mail at all"));
    expect(junk.unscanned).toEqual([{ part: "", reason: "unsupported", detail: "not a mail file (.eml or .msg)" }]);
  });
});
