/**
 * extractText in a stand-in for classic Outlook's JavaScript-only runtime: every src/extract module (and fflate) is
 * compiled to ES2016 CommonJS and run in a fresh node:vm context with no TextDecoder, atob, Buffer, require or DOM.
 * The input bytes are created inside that realm too.
 */
import * as fs from "fs";
import * as path from "path";
import * as vm from "vm";
import * as ts from "typescript";
import { docx, para, xlsx } from "./test-fixtures";
import { bytesOf, compressRtfLiterals, docFile, msgFile, pptFile, xlsFile } from "./test-fixtures-cfb";

type Extract = (name: string, bytes: Uint8Array) => { text: string; parts: string[]; unscanned: { reason: string }[] };

function loadExtractInVm(): { extractText: Extract; ctx: vm.Context } {
  const ctx = vm.createContext({});
  const cache: { [id: string]: unknown } = {};
  const load = (id: string): unknown => {
    if (cache[id]) return cache[id];
    const mod = { exports: {} as unknown };
    cache[id] = mod.exports;
    let js: string;
    if (id === "fflate") js = fs.readFileSync(path.join(__dirname, "../../node_modules/fflate/lib/browser.cjs"), "utf8");
    else {
      const src = fs.readFileSync(path.join(__dirname, id + ".ts"), "utf8");
      js = ts.transpileModule(src, { compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2016, esModuleInterop: true } }).outputText;
    }
    const req = (n: string) => load(n === "fflate" ? "fflate" : n.replace(/^\.\//, ""));
    vm.runInContext(`(function (exports, require, module) {${js}\n})`, ctx, { filename: id })(mod.exports, req, mod);
    cache[id] = mod.exports;
    return mod.exports;
  };
  return { extractText: (load("index") as { extractText: Extract }).extractText, ctx };
}

it("extracts an xlsx, a docx and a base64 MIME attachment without TextDecoder or atob", () => {
  const { extractText, ctx } = loadExtractInVm();
  expect(vm.runInContext("[typeof TextDecoder, typeof atob, typeof Buffer, typeof require, typeof document].join()", ctx)).toBe(
    "undefined,undefined,undefined,undefined,undefined",
  );
  const inRealm = (b: Uint8Array): Uint8Array => {
    const arr = vm.runInContext(`new Uint8Array(${b.length})`, ctx) as Uint8Array;
    arr.set(b);
    return arr;
  };
  const sheet = xlsx([["Näme", "card"], ["Åsa", { n: "4.111111111111111E+15" }]]);
  const r1 = extractText("a.xlsx", inRealm(sheet));
  expect(r1.text).toBe("Näme\tcard\nÅsa\t4111111111111111");
  const r2 = extractText("b.docx", inRealm(docx({ body: para("Hyvää päivää 😀") })));
  expect(r2.text).toContain("Hyvää päivää 😀");
  const mail = `From: a@example.com\r\nTo: b@example.com\r\nSubject: =?UTF-8?B?w6Rw?=\r\nContent-Type: multipart/mixed; boundary=z\r\n\r\n--z\r\nContent-Type: text/plain; charset=utf-8\r\nContent-Transfer-Encoding: base64\r\n\r\n${Buffer.from("kortti 4111 1111 1111 1111 – ä").toString("base64")}\r\n--z--\r\n`;
  const r3 = extractText("m.eml", inRealm(new Uint8Array(Buffer.from(mail, "latin1"))));
  expect(r3.unscanned).toEqual([]);
  expect(r3.text).toContain("Subject: äp");
  expect(r3.text).toContain("kortti 4111 1111 1111 1111 – ä");
});

it("extracts a .msg (RTF body, embedded message), a .doc, a .xls and a .ppt without TextDecoder or atob", () => {
  const { extractText, ctx } = loadExtractInVm();
  const inRealm = (b: Uint8Array): Uint8Array => {
    const arr = vm.runInContext(`new Uint8Array(${b.length})`, ctx) as Uint8Array;
    arr.set(b);
    return arr;
  };
  const rtf = compressRtfLiterals(bytesOf("{\\rtf1\\ansi\\ansicpg1250 Rodn\\'e9 \\'e8\\'edslo 4111 1111 1111 1111\\par}"));
  const msg = msgFile({ subject: "Vnorená", rtf, attachments: [{ name: "fwd", message: { subject: "inner", body: "Kortti 5555 5555 5555 4444" } }] });
  const r = extractText("m.msg", inRealm(msg));
  expect(r.unscanned).toEqual([]);
  expect(r.text).toContain("Subject: Vnorená");
  expect(r.text).toContain("Rodné číslo 4111 1111 1111 1111");
  expect(r.text).toContain("Kortti 5555 5555 5555 4444");
  expect(extractText("d.doc", inRealm(docFile([{ text: "Grüße ", compressed: true }, { text: "Дмитрий", compressed: false }]))).text).toBe("Grüße Дмитрий");
  expect(extractText("x.xls", inRealm(xlsFile([[["Åsa", 4111111111111111]]]))).text).toBe("Åsa\t4111111111111111");
  expect(extractText("p.ppt", inRealm(pptFile([{ text: "Slide ä" }]))).text).toBe("Slide ä");
});
