import { extractText } from "./index";
import { decodeHeader, decodeQuotedPrintable, headerParams, looksLikeMessage } from "./mime";
import { base64Lines, docx, enc, para } from "./test-fixtures";

const CRLF = "\r\n";
const mail = (lines: string[]) => enc(lines.join(CRLF));

describe("MIME helpers", () => {
  it("decodes RFC 2047 encoded words (B and Q), joining adjacent ones", () => {
    expect(decodeHeader("=?UTF-8?B?SMOkbGzDtg==?= =?ISO-8859-1?Q?w=F6rld_!?=")).toBe("Hällöwörld !");
    expect(decodeHeader("plain")).toBe("plain");
  });
  it("decodes quoted-printable with soft line breaks", () => {
    expect(Buffer.from(decodeQuotedPrintable("a=3Db=\r\nc=C3=A4")).toString()).toBe("a=bcä");
  });
  it("parses parameters: quoted, RFC 2231 continuations and charsets", () => {
    const p = headerParams("attachment; filename*0*=UTF-8''Kunden%C3; filename*1*=%A4liste.xlsx; size=12");
    expect(p.value).toBe("attachment");
    expect(p.params["filename"]).toBe("Kundenäliste.xlsx");
    expect(headerParams('text/plain; charset="utf-8"; format=flowed').params["charset"]).toBe("utf-8");
  });
  it("sniffs a message by its header block", () => {
    expect(looksLikeMessage("Received: x\r\nFrom: a@example.com\r\n\r\nhi")).toBe(true);
    expect(looksLikeMessage("Name: Ann\nAge: 3\n")).toBe(false);
  });
});

describe("eml", () => {
  it("reads headers, text and html parts, and attachments recursively", () => {
    const doc = docx({ body: para("Attached letter with 4111 1111 1111 1111") });
    const inner = ["From: c@example.com", "To: d@example.com", "Subject: inner", "", "Inner body with GB82 WEST 1234 5698 7654 32"].join(CRLF);
    const r = extractText(
      "msg.eml",
      mail([
        "From: =?UTF-8?Q?J=C3=B6rg?= <jorg@example.com>",
        "To: ann@example.com,",
        " bob@example.org",
        "Subject: Customer list",
        "MIME-Version: 1.0",
        'Content-Type: multipart/mixed; boundary="outer"',
        "",
        "preamble",
        "--outer",
        'Content-Type: multipart/alternative; boundary="alt"',
        "",
        "--alt",
        "Content-Type: text/plain; charset=iso-8859-1",
        "Content-Transfer-Encoding: quoted-printable",
        "",
        "Hall=E5 plain",
        "--alt",
        "Content-Type: text/html; charset=utf-8",
        "",
        "<p>Hello <b>html</b> &amp; more</p>",
        "--alt--",
        "--outer",
        "Content-Type: application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        'Content-Disposition: attachment; filename="letter.docx"',
        "Content-Transfer-Encoding: base64",
        "",
        base64Lines(doc),
        "--outer",
        "Content-Type: message/rfc822",
        "",
        inner,
        "--outer--",
        "",
      ]),
    );
    expect(r.unscanned).toEqual([]);
    expect(r.text).toContain("From: Jörg <jorg@example.com>");
    expect(r.text).toContain("To: ann@example.com, bob@example.org");
    expect(r.text).toContain("Subject: Customer list");
    expect(r.text).toContain("Hallå plain");
    expect(r.text).toContain("Hello html & more");
    expect(r.text).toContain("Attached letter with 4111 1111 1111 1111");
    expect(r.text).toContain("Inner body with GB82 WEST 1234 5698 7654 32");
    expect(r.text).not.toContain("preamble");
    expect(r.parts).toEqual(
      expect.arrayContaining(["msg.eml!headers", "msg.eml!text/plain", "msg.eml!text/html", "msg.eml!letter.docx!word/document.xml", "msg.eml!message-2.eml!headers", "msg.eml!message-2.eml!text/plain"]),
    );
  });
  it("a single-part base64 mail with LF line ends", () => {
    const r = extractText("x.eml", enc("From: a@example.com\nSubject: s\nContent-Transfer-Encoding: base64\n\n" + Buffer.from("secret body").toString("base64") + "\n"));
    expect(r.text).toContain("secret body");
  });
  it("a multipart without its boundary parameter is corrupt, the headers are still read", () => {
    const r = extractText("x.eml", mail(["From: a@example.com", "Subject: s", "Content-Type: multipart/mixed", "", "x"]));
    expect(r.text).toContain("Subject: s");
    expect(r.unscanned).toEqual([{ part: "x.eml", reason: "corrupt", detail: "multipart without boundary" }]);
  });
});

it("multiparts nested 200 deep → limit, and what was read before is kept", () => {
  let body = "Content-Type: text/plain\r\n\r\ndeepest\r\n";
  for (let i = 0; i < 200; i++) body = `Content-Type: multipart/mixed; boundary=b${i}\r\n\r\n--b${i}\r\n${body}--b${i}--\r\n`;
  const r = extractText("deep.eml", enc(`From: a@example.com\r\nSubject: nest\r\n${body}`));
  expect(r.text).toContain("Subject: nest");
  expect(r.text).not.toContain("deepest");
  expect(r.unscanned).toEqual([{ part: "deep.eml", reason: "limit", detail: "multiparts nested deeper than 50" }]);
});
