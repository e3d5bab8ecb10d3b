/**
 * One generic test over every registered detector: ids unique and kebab-case, file name = id, export = camelCase id,
 * keyword lists folded and without duplicates, and every example found whole (alone and inside prose) or not found.
 */
import * as fs from "fs";
import * as path from "path";
import { detectors } from "./index";
import { createScanner } from "../scan";
import { testPolicy } from "../test-policy";
import { fold } from "../normalize";

const scanner = createScanner(testPolicy());
const camel = (id: string) => id.replace(/-([a-z0-9])/g, (_m, c: string) => c.toUpperCase());

test("ids are unique kebab-case", () => {
  const ids = detectors.map((d) => d.id);
  expect(new Set(ids).size).toBe(ids.length);
  for (const id of ids) expect(id).toMatch(/^[a-z][a-z0-9]*(-[a-z0-9]+)*$/);
});

describe.each(detectors.map((d) => [d.id, d] as const))("%s", (id, d) => {
  test("file name = id, export = camelCase id", () => {
    const file = path.join(__dirname, id + ".ts");
    expect(fs.existsSync(file)).toBe(true);
    const mod = require(file) as Record<string, unknown>;
    expect(mod[camel(id)]).toBe(d);
  });

  test("pattern has no g/y flag and is ES2016 (no lookbehind, named groups, \\p, s flag)", () => {
    expect(d.pattern.global || d.pattern.sticky || d.pattern.dotAll).toBe(false);
    expect(d.pattern.source).not.toMatch(/\(\?<[=!]|\(\?<[A-Za-z]|\\[pP]\{/);
  });

  test("keyword lists are folded, non-empty and without duplicates", () => {
    const langs = Object.keys(d.keywords) as Array<keyof typeof d.keywords>;
    expect(langs.length).toBeGreaterThan(0);
    for (const l of langs) {
      const list = d.keywords[l] || [];
      expect(list.length).toBeGreaterThan(0);
      for (const k of list) expect([l, k]).toEqual([l, fold(k)]);
      expect([l, list.length]).toEqual([l, new Set(list).size]);
    }
  });

  test("has examples both ways", () => {
    expect(d.examples.match.length).toBeGreaterThan(0);
    expect(d.examples.noMatch.length).toBeGreaterThan(0);
  });

  // An example may carry context ("SSN: 536-22-8726"): it must yield exactly one finding of this detector, inside the
  // example, leaving no digit of the example outside it; a bare identifier must be found exactly.
  test.each(d.examples.match.map((m) => [m]))("finds %s whole, alone and in prose", (m) => {
    const frames: Array<[string, string]> = [["", ""], ["Ref: ", ".\n"], ["(", ")"], ["a\n", "\nb"]];
    for (const [before, after] of frames) {
      const text = before + m + after;
      const found = scanner.scan(text).filter((f) => f.detector === id);
      expect(found.length).toBe(1);
      const f = found[0]!;
      expect(f.start).toBeGreaterThanOrEqual(before.length);
      expect(f.end).toBeLessThanOrEqual(before.length + m.length);
      const outside = text.slice(before.length, f.start) + text.slice(f.end, before.length + m.length);
      expect(outside).not.toMatch(/[0-9]/);
      if (!/\s/.test(m)) expect([f.start, f.end]).toEqual([before.length, before.length + m.length]);
      expect(f.masked).not.toContain(text.slice(f.start, f.end));
    }
  });

  test.each(d.examples.noMatch.map((m) => [m]))("does not find %s", (m) => {
    expect(scanner.scan("Ref: " + m + ".").filter((f) => f.detector === id)).toEqual([]);
  });
});
