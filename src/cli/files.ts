/**
 * The inputs of `dlp`: files as given, folders recursively (sorted; hidden entries skipped), and reading them. Whatever
 * cannot be read (missing, vanished, no permission, a folder where a file is needed, a FIFO, socket or device) is an
 * InputError naming the path, which `dlp` reports with exit 3: never an empty file that passes as "allow".
 */
import * as fs from "fs";
import * as path from "path";

/** A path that could not be read: "cannot read PATH: REASON". */
export class InputError extends Error {
  constructor(
    readonly file: string,
    readonly reason: string,
    what = "",
  ) {
    super(`cannot read ${what ? what + " " : ""}${file}: ${reason}`);
  }
}

function why(e: unknown): string {
  const err = e as NodeJS.ErrnoException;
  switch (err.code) {
    case "ENOENT":
      return "no such file or folder";
    case "EACCES":
    case "EPERM":
      return "permission denied";
    case "EISDIR":
      return "a folder, not a file";
    case "ENOTDIR":
      return "a part of the path is not a folder";
    case "ELOOP":
      return "too many levels of symbolic links";
    case "ERR_FS_FILE_TOO_LARGE":
      return "too large to read (over 2 GiB)";
    default:
      return err.code ? `${err.code} (${err.message})` : String(err.message || e);
  }
}

function inputError(file: string, e: unknown): InputError {
  return e instanceof InputError ? e : new InputError(file, why(e));
}

/** What a path that is neither a file nor a folder is. */
function special(st: fs.Stats): string {
  if (st.isFIFO()) return "a FIFO (named pipe)";
  if (st.isSocket()) return "a socket";
  if (st.isCharacterDevice()) return "a character device";
  if (st.isBlockDevice()) return "a block device";
  return "not a regular file";
}

/** Every file to scan, in order. Throws InputError for the first input (or folder entry) that cannot be read. */
export function expandInputs(inputs: string[]): string[] {
  const out: string[] = [];
  const walk = (p: string) => {
    let st: fs.Stats;
    try {
      st = fs.statSync(p);
    } catch (e) {
      throw inputError(p, e);
    }
    if (st.isDirectory()) {
      let names: string[];
      try {
        names = fs.readdirSync(p);
      } catch (e) {
        throw inputError(p, e);
      }
      for (const name of names.sort()) if (!name.startsWith(".")) walk(path.join(p, name));
    } else if (st.isFile()) out.push(p);
    else throw new InputError(p, `${special(st)}, not a regular file`);
  };
  for (const input of inputs) walk(input);
  return out;
}

/**
 * The bytes of a regular file. Opened without blocking and checked on the open descriptor, so a path swapped for a FIFO
 * or a device after expandInputs cannot hang or flood the read. Throws InputError naming the path.
 */
export function readRegularFile(file: string): Uint8Array {
  let fd: number;
  try {
    fd = fs.openSync(file, fs.constants.O_RDONLY | (fs.constants.O_NONBLOCK || 0));
  } catch (e) {
    throw inputError(file, e);
  }
  try {
    const st = fs.fstatSync(fd);
    if (st.isDirectory()) throw new InputError(file, "a folder, not a file");
    if (!st.isFile()) throw new InputError(file, `${special(st)}, not a regular file`);
    const buf = fs.readFileSync(fd);
    return new Uint8Array(buf.buffer, buf.byteOffset, buf.byteLength);
  } catch (e) {
    throw inputError(file, e);
  } finally {
    fs.closeSync(fd);
  }
}

/** A regular file as UTF-8 text (a policy). Throws InputError naming the path. */
export function readTextFile(file: string): string {
  const bytes = readRegularFile(file);
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString("utf8");
}
