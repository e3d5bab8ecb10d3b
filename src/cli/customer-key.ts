/**
 * The tenant's customer-set key file (Node only). A JSON file the admin keeps and never hosts:
 *   { "format": "think-first-customer-key", "version": 1, "id": "<key id>", "key": "<32 bytes, base64>", "created": "…" }
 * `dlp customers build` creates it when it is absent (mode 0600); build:tenant reads it and compiles the key into the
 * bundle (the add-in needs it to look values up). See docs/customers.md for rotation.
 */
import * as crypto from "crypto";
import * as fs from "fs";
import * as path from "path";
import { keyIdOf } from "../engine/customers/customer-set";

export const KEY_FORMAT = "think-first-customer-key";
export const KEY_BYTES = 32;

export interface CustomerKey {
  id: string;
  key: Uint8Array;
  file: string;
  created: boolean;
}

export class CustomerKeyError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "CustomerKeyError";
  }
}

/** Where the key of a set file lives when no --key-file is given: beside it, named like it with ".key". */
export function keyFileFor(setFile: string): string {
  const ext = path.extname(setFile);
  return (ext ? setFile.slice(0, -ext.length) : setFile) + ".key";
}

/** Reads a key file; throws CustomerKeyError with what is wrong. */
export function readKeyFile(file: string): CustomerKey {
  let raw: unknown;
  try {
    raw = JSON.parse(fs.readFileSync(file, "utf8"));
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw new CustomerKeyError(code ? `cannot read the key file ${file}: ${code}` : `the key file ${file} is not JSON`);
  }
  const k = raw as { format?: unknown; version?: unknown; id?: unknown; key?: unknown };
  if (!k || k.format !== KEY_FORMAT || k.version !== 1 || typeof k.key !== "string") throw new CustomerKeyError(`${file} is not a Think First customer key file`);
  const key = new Uint8Array(Buffer.from(k.key, "base64"));
  if (key.length !== KEY_BYTES) throw new CustomerKeyError(`the key in ${file} is not ${KEY_BYTES} bytes`);
  const id = keyIdOf(key);
  if (typeof k.id === "string" && k.id !== id) throw new CustomerKeyError(`the key file ${file} says id ${k.id}, but its key has id ${id}: it was edited`);
  return { id, key, file, created: false };
}

/** The key in `file`, or a new random key written there (mode 0600) when the file does not exist. */
export function loadOrCreateKey(file: string): CustomerKey {
  if (fs.existsSync(file)) return readKeyFile(file);
  const key = new Uint8Array(crypto.randomBytes(KEY_BYTES));
  const id = keyIdOf(key);
  const body = { format: KEY_FORMAT, version: 1, id, key: Buffer.from(key).toString("base64"), created: new Date().toISOString() };
  fs.mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
  fs.writeFileSync(file, JSON.stringify(body, null, 2) + "\n", { mode: 0o600, flag: "wx" });
  return { id, key, file, created: true };
}
