/** The sample files in samples/ decide as samples/README.md says (the README's CLI examples rely on them). */
import { spawnSync } from "child_process";
import * as fs from "fs";
import * as path from "path";

const ROOT = path.resolve(__dirname, "..");
const table = fs
  .readFileSync(path.join(ROOT, "samples/README.md"), "utf8")
  .split("\n")
  .map((line) => /^\| ([\w.-]+) \|.*\| (\d) \|$/.exec(line))
  .filter((m): m is RegExpExecArray => m !== null)
  .map((m) => ({ file: m[1]!, exit: Number(m[2]) }));

it("documents every sample file", () => {
  const files = fs.readdirSync(path.join(ROOT, "samples")).filter((f) => f !== "README.md");
  expect(table.map((r) => r.file).sort()).toEqual(files.sort());
});

it.each(table)("dlp scan samples/$file exits $exit", ({ file, exit }) => {
  const r = spawnSync(process.execPath, [path.join(ROOT, "bin/dlp.js"), "scan", path.join(ROOT, "samples", file)], { encoding: "utf8" });
  expect({ file, status: r.status }).toEqual({ file, status: exit });
  // Masked output only: no sample's raw number is printed.
  expect(r.stdout).not.toMatch(/4111 1111 1111 1111|GB82 WEST 1234 5698 7654 32|131052-308T/);
});

it("shows a customer list as one finding with a few masked addresses; --explain lists every address", () => {
  const run = (...args: string[]) => spawnSync(process.execPath, [path.join(ROOT, "bin/dlp.js"), ...args], { encoding: "utf8" }).stdout;
  const plain = run("scan", path.join(ROOT, "samples/customer-list-internal.eml"));
  expect(plain).toMatch(/email-list {2}high {2}40 addresses \(12 domains\)/);
  expect(plain.match(/^ +body:\d+:\d+ {2}email-address /gm)).toHaveLength(3);
  expect(plain).toContain("… 37 more email-address in body");
  const explained = run("explain", path.join(ROOT, "samples/customer-list-internal.eml"));
  expect(explained.match(/^ +body:\d+:\d+ {2}email-address /gm)).toHaveLength(40);
  expect(explained).not.toContain("more email-address");
});
