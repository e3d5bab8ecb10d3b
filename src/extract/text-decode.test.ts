import * as fs from "fs";
import * as path from "path";
import * as vm from "vm";
import * as ts from "typescript";
import fc from "fast-check";
import {
  decodeText,
  decodeUtf16,
  decodeUtf8,
  decodeWindows1252,
  hasNativeDecoder,
  isValidUtf8,
  setNativeDecoderEnabled,
  utf8DecodeFallback,
} from "./text-decode";

const utf8 = (s: string) => new Uint8Array(Buffer.from(s, "utf8"));

describe("UTF-8 fallback decoder", () => {
  it("matches TextDecoder on valid text, including astral characters", () => {
    const s = "Hei! Ääkköset, 漢字, emoji 😀 and 4111 1111 1111 1111";
    expect(utf8DecodeFallback(utf8(s))).toBe(s);
  });
  it("matches TextDecoder (replacement characters included) on arbitrary bytes", () => {
    const td = new TextDecoder("utf-8");
    fc.assert(fc.property(fc.uint8Array({ maxLength: 400 }), (b) => expect(utf8DecodeFallback(b)).toBe(td.decode(b))));
  });
  it("decodes texts longer than one fromCharCode chunk", () => {
    const s = "åbc€".repeat(10000);
    expect(utf8DecodeFallback(utf8(s))).toBe(s);
  });
  it("is used when the native decoder is disabled", () => {
    setNativeDecoderEnabled(false);
    try {
      expect(hasNativeDecoder()).toBe(false);
      expect(decodeUtf8(utf8("ä😀"))).toBe("ä😀");
      expect(decodeUtf16(new Uint8Array([0x41, 0, 0x3d, 0xd8, 0, 0xde]), true)).toBe("A😀");
    } finally {
      setNativeDecoderEnabled(true);
    }
    expect(hasNativeDecoder()).toBe(true);
  });
});

describe("decodeText", () => {
  it("honours BOMs: UTF-8, UTF-16 LE and BE", () => {
    expect(decodeText(new Uint8Array([0xef, 0xbb, 0xbf, 0x61, 0xc3, 0xa4]))).toBe("aä");
    expect(decodeText(new Uint8Array([0xff, 0xfe, 0x61, 0, 0xe4, 0]))).toBe("aä");
    expect(decodeText(new Uint8Array([0xfe, 0xff, 0, 0x61, 0, 0xe4]))).toBe("aä");
  });
  it("guesses BOM-less UTF-16 from NUL bytes", () => {
    expect(decodeText(new Uint8Array(Buffer.from("card 4111 1111 1111 1111", "utf16le")))).toBe("card 4111 1111 1111 1111");
  });
  it("falls back to Windows-1252 for invalid UTF-8 (smart quotes, euro sign)", () => {
    expect(decodeText(new Uint8Array([0x93, 0x80, 0x20, 0xe4, 0x94]))).toBe("\u201c\u20ac ä\u201d");
    expect(isValidUtf8(new Uint8Array([0xe4, 0x20]))).toBe(false);
  });
  it("uses a declared charset", () => {
    expect(decodeText(new Uint8Array([0xe4]), "ISO-8859-1")).toBe("ä");
    expect(decodeText(utf8("ä"), "utf-8")).toBe("ä");
    expect(decodeWindows1252(new Uint8Array([0x80]))).toBe("€");
  });
});

describe("in a runtime without TextDecoder (node:vm, like classic Outlook)", () => {
  /** Compiles the decoder modules to CommonJS and runs them in a context that has no TextDecoder, atob or Buffer. */
  function loadInVm(): { decodeUtf8: (b: Uint8Array) => string; decodeBase64: (s: string) => Uint8Array; hasNativeDecoder: () => boolean; ctx: vm.Context } {
    const ctx = vm.createContext({});
    const modules: { [name: string]: unknown } = {};
    const load = (name: string) => {
      const src = fs.readFileSync(path.join(__dirname, name + ".ts"), "utf8");
      const js = ts.transpileModule(src, { compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2016 } }).outputText;
      const exports = {};
      vm.runInContext(`(function (exports, require) {${js}\n})`, ctx)(exports, (n: string) => modules[n.replace("./", "")]);
      modules[name] = exports;
      return exports as never;
    };
    const td = load("text-decode") as { decodeUtf8: (b: Uint8Array) => string; hasNativeDecoder: () => boolean };
    const b64 = load("base64") as { decodeBase64: (s: string) => Uint8Array };
    return { decodeUtf8: td.decodeUtf8, decodeBase64: b64.decodeBase64, hasNativeDecoder: td.hasNativeDecoder, ctx };
  }

  it("has no TextDecoder there, and still decodes base64 and UTF-8 exactly", () => {
    const m = loadInVm();
    expect(vm.runInContext("typeof TextDecoder + typeof atob", m.ctx)).toBe("undefinedundefined");
    expect(m.hasNativeDecoder()).toBe(false);
    const text = "Kortti 4111 1111 1111 1111 – ÅÄÖ 😀 ".repeat(2000);
    const b64 = Buffer.from(text, "utf8").toString("base64");
    const bytes = m.decodeBase64(b64);
    expect(Buffer.from(bytes).toString("base64")).toBe(b64);
    expect(m.decodeUtf8(bytes)).toBe(text);
  });
});

describe("Central European code pages without TextDecoder", () => {
  it("windows-1250 and iso-8859-2 decode every byte as the WHATWG decoder does", () => {
    const all = Uint8Array.from({ length: 256 }, (_x, i) => i);
    for (const label of ["windows-1250", "iso-8859-2"]) {
      setNativeDecoderEnabled(false);
      const ours = decodeText(all, label);
      setNativeDecoderEnabled(true);
      expect(ours).toBe(new TextDecoder(label).decode(all));
    }
    expect(decodeText(Uint8Array.from([0x52, 0x6f, 0x64, 0x6e, 0xe9, 0x20, 0xe8, 0xed, 0x73, 0x6c, 0x6f]), "iso-8859-2")).toBe("Rodné číslo");
  });
});
