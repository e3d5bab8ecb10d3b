import * as zlib from "zlib";
import { noTextKind } from "./media";
import { detectFormat, extractText } from "./index";
import * as media from "./test-fixtures-media";

const ascii = (s: string) => Uint8Array.from(s, (c) => c.charCodeAt(0));

describe("noTextKind: pictures and recordings by content", () => {
  test.each([
    ["png", media.png()],
    ["jpeg (JFIF)", media.jpg()],
    ["jpeg (Exif, a camera's)", media.jpg(3, true)],
    ["gif", media.gif()],
    ["bmp", media.bmp()],
    ["tiff", media.tiff()],
    ["ico", media.ico()],
    ["webp", media.webp()],
    ["heic", media.heic()],
    ["heif (major brand mif1)", media.heifMif1()],
    ["avif", media.avif()],
  ])("%s → image", (_name, bytes) => {
    expect(noTextKind(bytes)).toBe("image");
    expect(detectFormat("upload.bin", bytes)).toBe("image");
  });

  test.each([
    ["mp4", media.mp4()],
    ["m4a", media.m4a()],
    ["quicktime without ftyp", media.quicktime()],
    ["wav", media.wav()],
    ["mp3 with an ID3 tag", media.mp3(3, true)],
    ["mp3 frames only", media.mp3(3, false)],
    ["ogg", media.ogg()],
    ["webm", media.webm()],
  ])("%s → media", (_name, bytes) => {
    expect(noTextKind(bytes)).toBe("media");
    expect(detectFormat("upload.bin", bytes)).toBe("media");
  });

  test("the fixtures are real files: the PNG inflates to its rows, the JPEG has its segments in order (Chromium decodes both: playground browser test)", () => {
    const p = media.png(16, 12);
    const idatAt = Buffer.from(p).indexOf("IDAT");
    const len = (p[idatAt - 4]! << 24) | (p[idatAt - 3]! << 16) | (p[idatAt - 2]! << 8) | p[idatAt - 1]!;
    expect(zlib.inflateSync(Buffer.from(p.subarray(idatAt + 4, idatAt + 4 + len))).length).toBe(12 * (1 + 16 * 3));
    const j = media.jpg();
    const markers: number[] = [];
    for (let o = 2; o < j.length && j[o] === 0xff; ) {
      markers.push(j[o + 1]!);
      if (j[o + 1] === 0xda) break;
      o += 2 + ((j[o + 2]! << 8) | j[o + 3]!);
    }
    expect(markers).toEqual([0xe0, 0xdb, 0xc0, 0xc4, 0xc4, 0xda]);
    expect(Array.from(j.subarray(-2))).toEqual([0xff, 0xd9]);
  });

  test("the name does not matter: a JPEG named report.pdf, a PNG named .docx", () => {
    expect(detectFormat("report.pdf", media.jpg())).toBe("image");
    expect(detectFormat("contract.docx", media.png())).toBe("image");
  });

  test.each([
    ["a note that starts like a GIF", ascii("GIF89a is the format of animated pictures. Card 4111 1111 1111 1111")],
    ["a CSV that starts with ID3", ascii("ID3,name\n1,Alice\n")],
    ["RIFF in prose", ascii("RIFF....WAVE is how a WAV file starts")],
    ["an SVG (XML text: read as text)", ascii('<svg xmlns="http://www.w3.org/2000/svg"><text>IBAN GB82 WEST 1234 5698 7654 32</text></svg>')],
  ])("text is text: %s", (_name, bytes) => {
    expect(["text", "xml", "html"]).toContain(detectFormat("x.txt", bytes));
    expect(extractText("x.txt", bytes).noText).toEqual([]);
  });

  test.each([
    ["a lone MPEG sync without a second frame", Uint8Array.of(0xff, 0xfb, 0x90, 0x64, 0, 0, 0, 0, 0, 0)],
    ["ftyp too short to hold a brand", media.concat([Uint8Array.of(0, 0, 0, 8), ascii("ftyp"), new Uint8Array(8)])],
    ["BM without a DIB header", media.concat([ascii("BM"), new Uint8Array(30).fill(1)])],
    ["an ICO header claiming no images", Uint8Array.of(0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)],
    ["random binary", Uint8Array.from({ length: 64 }, (_v, i) => (i * 37 + 11) & 255)],
    ["EMF (vector picture with text records): not claimed", media.concat([Uint8Array.of(1, 0, 0, 0, 0x6c, 0, 0, 0), new Uint8Array(32), ascii(" EMF"), new Uint8Array(64)])],
  ])("not a picture: %s", (_name, bytes) => {
    expect(noTextKind(bytes)).toBeNull();
  });
});

describe("extractText reports pictures and recordings as no text, not as unscanned", () => {
  test("a screenshot: no text, nothing unscanned", () => {
    const r = extractText("Screenshot 2025-03-01 101500.png", media.png());
    expect(r).toEqual({ text: "", parts: [], unscanned: [], noText: [{ part: "Screenshot 2025-03-01 101500.png", kind: "image" }] });
  });

  test("a zip of photos and a voice note: each inner file is no text; the text file beside them is read", () => {
    const { zipSync } = require("fflate") as typeof import("fflate");
    const zip = zipSync({ "holiday/IMG_0001.JPG": media.jpg(), "holiday/IMG_0002.HEIC": media.heic(), "voice.m4a": media.m4a(), "notes.txt": ascii("IBAN GB82 WEST 1234 5698 7654 32") });
    const r = extractText("photos.zip", zip);
    expect(r.unscanned).toEqual([]);
    expect(r.noText).toEqual([
      { part: "photos.zip!holiday/IMG_0001.JPG", kind: "image" },
      { part: "photos.zip!holiday/IMG_0002.HEIC", kind: "image" },
      { part: "photos.zip!voice.m4a", kind: "media" },
    ]);
    expect(r.text).toContain("GB82 WEST");
  });

  test("in a mail: an inline logo is marked inline, an attached photo is not", () => {
    const b64 = (b: Uint8Array) => Buffer.from(b).toString("base64");
    const eml = [
      "From: a@example.com",
      "To: b@partner.example",
      "Subject: Photos",
      'Content-Type: multipart/mixed; boundary="m"',
      "",
      "--m",
      'Content-Type: multipart/related; boundary="r"',
      "",
      "--r",
      "Content-Type: text/html",
      "",
      '<p>Hello</p><img src="cid:logo">',
      "--r",
      "Content-Type: image/png",
      "Content-ID: <logo>",
      "Content-Disposition: inline; filename=logo.png",
      "Content-Transfer-Encoding: base64",
      "",
      b64(media.png()),
      "--r--",
      "--m",
      "Content-Type: image/jpeg",
      "Content-Disposition: attachment; filename=site.jpg",
      "Content-Transfer-Encoding: base64",
      "",
      b64(media.jpg()),
      "--m--",
      "",
    ].join("\r\n");
    const r = extractText("fwd.eml", ascii(eml));
    expect(r.unscanned).toEqual([]);
    expect(r.noText).toEqual([
      { part: "fwd.eml!logo.png", kind: "image", inline: true },
      { part: "fwd.eml!site.jpg", kind: "image" },
    ]);
  });

  test("in an Outlook .msg: a photo attachment is no text", () => {
    const { msgFile } = require("./test-fixtures-cfb") as typeof import("./test-fixtures-cfb");
    const r = extractText("fwd.msg", msgFile({ subject: "Site visit", body: "See the photo.", attachments: [{ name: "site.jpg", data: media.jpg(), mime: "image/jpeg" }] }));
    expect(r.unscanned).toEqual([]);
    expect(r.noText).toEqual([{ part: "fwd.msg!site.jpg", kind: "image" }]);
  });
});
