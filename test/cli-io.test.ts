/**
 * The `dlp` process and what it reads and writes: all of its output reaches a pipe, and whatever it cannot read
 * (missing, vanished, no permission, a folder where a file is needed, a FIFO, a socket, a device) is exit 3 with a
 * message naming the path, never "allow". Every test spawns the built CLI (bin/dlp.js → build/cli, built by the jest
 * global setup) as a real process.
 */
import { spawn, spawnSync } from "child_process";
import * as fs from "fs";
import * as net from "net";
import * as os from "os";
import * as path from "path";
import { luhn } from "../src/engine/checksums/luhn";

const ROOT = path.resolve(__dirname, "..");
const BIN = path.join(ROOT, "bin/dlp.js");
/** Distinct valid card numbers: enough findings that every output format is far past a pipe's 64 KB buffer. */
const CARDS = 3000;
let dir: string;

function write(name: string, content: string | Uint8Array): string {
  const file = path.join(dir, name);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, content);
  return file;
}

function dlp(args: string[], options: { uid?: number; gid?: number; bin?: string } = {}) {
  const r = spawnSync(process.execPath, [options.bin || BIN, ...args], { cwd: dir, encoding: "utf8", timeout: 60000, uid: options.uid, gid: options.gid });
  return { code: r.status, signal: r.signal, out: r.stdout, err: r.stderr };
}

/** Runs a bash pipeline in the temp folder, with `dlp` a shell function that runs the CLI. */
function sh(script: string) {
  const r = spawnSync("bash", ["-c", `dlp() { "$DLP_NODE" "$DLP_BIN" "$@"; }; ${script}`], { cwd: dir, encoding: "utf8", timeout: 60000, env: { ...process.env, DLP_NODE: process.execPath, DLP_BIN: BIN } });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

function cardNumber(i: number): string {
  const body = "4" + String(100000000000000 + i * 7919).slice(0, 14);
  for (let d = 0; d <= 9; d++) if (luhn(body + d)) return (body + d).replace(/(\d{4})(?=\d)/g, "$1 ");
  throw new Error("no check digit");
}

beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "dlp-io-"));
  fs.chmodSync(dir, 0o755);
  write("cards.txt", Array.from({ length: CARDS }, (_, i) => `row ${i}: Visa card ${cardNumber(i)}`).join("\n") + "\n");
});
afterAll(() => {
  for (const p of ["locked", "secret.txt"]) if (fs.existsSync(path.join(dir, p))) fs.chmodSync(path.join(dir, p), 0o755);
  fs.rmSync(dir, { recursive: true, force: true });
});

describe("output on a pipe is complete", () => {
  it.each(["text", "json", "jsonl"])("--format %s: `| cat > file` gets exactly what a file gets, and every finding", (format) => {
    const r = sh(`dlp scan --format ${format} cards.txt > direct.out; dlp scan --format ${format} cards.txt | cat > piped.out; echo "\${PIPESTATUS[0]}"`);
    const direct = fs.readFileSync(path.join(dir, "direct.out"), "utf8");
    const piped = fs.readFileSync(path.join(dir, "piped.out"), "utf8");
    expect(r.out).toBe("2\n");
    expect(piped.length).toBeGreaterThan(2 * 64 * 1024);
    expect(piped).toBe(direct);
    const findings =
      format === "json" ? JSON.parse(piped)[0].findings.length
      : format === "jsonl" ? piped.trim().split("\n").map((l) => JSON.parse(l))[0].findings.length
      : piped.split("\n").filter((l) => / {2}payment-card {2}/.test(l)).length;
    expect(findings).toBe(CARDS);
  });

  it("--format json over several files is one JSON array, as JSON.stringify prints it", () => {
    write("two/a.txt", "nothing here\n");
    write("two/b.txt", `card ${cardNumber(1)}\n`);
    const r = dlp(["scan", "--format", "json", "two"]);
    const parsed = JSON.parse(r.out);
    expect(parsed.map((x: { action: string }) => x.action)).toEqual(["allow", "block"]);
    expect(r.out).toBe(JSON.stringify(parsed, null, 2) + "\n");
  });

  it("`| head -c 1`: one byte arrives, dlp stops without a stack trace, exit 3 (its output was cut off)", () => {
    const r = sh(`dlp scan cards.txt | head -c 1; echo " \${PIPESTATUS[0]}"`);
    expect(r.out).toBe("c 3\n");
    expect(r.err).toBe("");
  });
});

describe("what dlp cannot read is exit 3 naming the path, never allow", () => {
  beforeAll(() => {
    fs.mkdirSync(path.join(dir, "a-folder"), { recursive: true });
    write("a-folder/inside.txt", "x");
    spawnSync("mkfifo", [path.join(dir, "fifo")]);
    write("with-fifo/ok.txt", "nothing");
    spawnSync("mkfifo", [path.join(dir, "with-fifo/pipe")]);
    fs.symlinkSync(path.join(dir, "was-here.txt"), path.join(dir, "gone.txt"));
    fs.mkdirSync(path.join(dir, "empty"));
    write("empty/.hidden", "x");
  });

  let server: net.Server;
  beforeAll(() => new Promise<void>((resolve) => (server = net.createServer().listen(path.join(dir, "sock"), resolve))));
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  it.each([
    [["scan", "nope.txt"], "dlp: cannot read nope.txt: no such file or folder"],
    [["scan", "gone.txt"], "dlp: cannot read gone.txt: no such file or folder"],
    [["scan", "cards.txt/inner.txt"], "dlp: cannot read cards.txt/inner.txt: a part of the path is not a folder"],
    [["scan", "fifo"], "dlp: cannot read fifo: a FIFO (named pipe), not a regular file"],
    [["scan", "sock"], "dlp: cannot read sock: a socket, not a regular file"],
    [["scan", "/dev/zero"], "dlp: cannot read /dev/zero: a character device, not a regular file"],
    [["scan", "with-fifo"], "dlp: cannot read with-fifo/pipe: a FIFO (named pipe), not a regular file"],
    [["scan", "empty"], "dlp: cannot read empty: no files to scan in it (hidden entries are skipped)"],
    [["scan", "--policy", "a-folder", "cards.txt"], "dlp: cannot read the policy a-folder: a folder, not a file"],
    [["scan", "--policy", "/dev/zero", "cards.txt"], "dlp: cannot read the policy /dev/zero: a character device, not a regular file"],
    [["scan", "--policy", "fifo", "cards.txt"], "dlp: cannot read the policy fifo: a FIFO (named pipe), not a regular file"],
    [["check-policy", "a-folder"], "a-folder: cannot read: a folder, not a file"],
    [["check-policy", "/dev/zero"], "/dev/zero: cannot read: a character device, not a regular file"],
  ])("%j", (args, message) => {
    const r = dlp(args);
    expect([r.code, r.err.split("\n")[0]]).toEqual([3, message]);
    expect(r.out).not.toMatch(/ALLOW/);
  });

  describe("without permission (as an unprivileged user: root reads everything)", () => {
    // The built CLI needs nothing but itself and the default policy: a copy outside the checkout, which the user can
    // read wherever the checkout is, runs the same code.
    let bin: string;
    const asUser = () => (process.getuid && process.getuid() === 0 ? { uid: 65534, gid: 65534 } : {});
    beforeAll(() => {
      const app = path.join(dir, "app");
      fs.cpSync(path.join(ROOT, "build/cli"), path.join(app, "build/cli"), { recursive: true });
      fs.cpSync(path.join(ROOT, "bin/dlp.js"), path.join(app, "bin/dlp.js"));
      fs.cpSync(path.join(ROOT, "assets/policy/default-policy.yaml"), path.join(app, "assets/policy/default-policy.yaml"));
      bin = path.join(app, "bin/dlp.js");
      write("secret.txt", `card ${cardNumber(2)}\n`);
      fs.chmodSync(path.join(dir, "secret.txt"), 0o000);
      write("locked/inside.txt", `card ${cardNumber(3)}\n`);
      fs.chmodSync(path.join(dir, "locked"), 0o000);
    });

    it("the copy runs without node_modules", () => {
      const r = dlp(["scan", "cards.txt"], { ...asUser(), bin });
      expect([r.code, r.out.split("\n")[0]]).toEqual([2, "cards.txt: BLOCK (as an attachment to someone@external.invalid)"]);
    });

    it("a default policy edited after the build is compiled from the file, not taken from the build", () => {
      const file = path.join(dir, "app/assets/policy/default-policy.yaml");
      const original = fs.readFileSync(file, "utf8");
      const line = original.split("\n").indexOf("version: 1") + 1;
      expect(line).toBeGreaterThan(0);
      fs.writeFileSync(file, original.replace(/^version: 1$/m, "version: 2"));
      try {
        const r = dlp(["scan", "cards.txt"], { ...asUser(), bin });
        expect([r.code, r.err.split("\n")[0]]).toEqual([3, `default-policy.yaml: version: must be 1, got the number 2 (line ${line})`]);
      } finally {
        fs.writeFileSync(file, original);
      }
    });

    it.each([
      [["scan", "secret.txt"], "dlp: cannot read secret.txt: permission denied"],
      [["scan", "locked"], "dlp: cannot read locked: permission denied"],
      [["scan", "--policy", "secret.txt", "cards.txt"], "dlp: cannot read the policy secret.txt: permission denied"],
    ])("%j", (args, message) => {
      const r = dlp(args, { ...asUser(), bin });
      expect([r.code, r.err.split("\n")[0]]).toEqual([3, message]);
      expect(r.out).not.toMatch(/ALLOW/);
    });
  });

  it("a file that vanishes after the folder was listed: reported, exit 3, the other files still scanned", async () => {
    // The first file is large enough to take a while; the second is removed as soon as the scan of the first starts.
    write("race/1-large.txt", ("nothing to see here, just words and more words\n").repeat(100000));
    write("race/2-small.txt", `card ${cardNumber(4)}\n`);
    const child = spawn(process.execPath, [BIN, "scan", "--progress", "race"], { cwd: dir });
    let out = "";
    let err = "";
    child.stdout.on("data", (d) => (out += d));
    child.stderr.on("data", (d) => {
      err += d;
      if (err.indexOf("1/2") >= 0 && fs.existsSync(path.join(dir, "race/2-small.txt"))) fs.unlinkSync(path.join(dir, "race/2-small.txt"));
    });
    const code = await new Promise<number | null>((resolve) => child.on("close", resolve));
    expect(code).toBe(3);
    expect(err).toContain(`dlp: cannot read ${path.join("race", "2-small.txt")}: no such file or folder`);
    expect(out).toContain(`${path.join("race", "1-large.txt")}: ALLOW`);
    expect(out).toContain(`${path.join("race", "2-small.txt")}: WARN`);
    expect(out).toContain("not scanned: 2-small.txt: unavailable (cannot read race/2-small.txt: no such file or folder)");
  });
});
