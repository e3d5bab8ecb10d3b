/**
 * Raw-deflate inflation with an output cap, a ratio check and the clock checked between steps. fflate's inflateSync
 * trusts the size it is given (or grows without bound): a lying zip directory could make it inflate 1 GB. We feed
 * fflate's streaming Inflate INFLATE_CHUNK_BYTES of input at a time and stop as soon as a limit is crossed.
 */
import { Inflate } from "fflate";
import { Context, PartFailure, Stop } from "./context";
import {
  INFLATE_CHUNK_BYTES,
  MAX_COMPRESSION_RATIO,
  MAX_ENTRY_INFLATED_BYTES,
  MAX_TOTAL_INFLATED_BYTES,
  RATIO_CHECK_MIN_BYTES,
} from "./limits";

/**
 * Inflates raw deflate data. With a declared size (zip), output goes straight into a buffer of that size (no chunk list,
 * no final copy) and more output than declared stops the entry. Throws PartFailure (limit/corrupt) or Stop (timeout,
 * total limit).
 */
export function inflateRaw(ctx: Context, data: Uint8Array, expectedSize = -1): Uint8Array {
  const sizeCap = Math.min(MAX_ENTRY_INFLATED_BYTES, MAX_TOTAL_INFLATED_BYTES - ctx.inflated);
  const preset = expectedSize >= 0 && expectedSize <= sizeCap ? new Uint8Array(expectedSize) : null;
  const chunks: Uint8Array[] = [];
  let total = 0;
  let done = false;
  let overflow = false;
  const inf = new Inflate((chunk: Uint8Array, final: boolean) => {
    if (chunk.length) {
      if (preset) {
        if (total + chunk.length > preset.length) overflow = true;
        else preset.set(chunk, total);
      } else chunks.push(chunk);
      total += chunk.length;
    }
    if (final) done = true;
  });
  for (let i = 0; i < data.length && !done; i += INFLATE_CHUNK_BYTES) {
    const end = Math.min(data.length, i + INFLATE_CHUNK_BYTES);
    try {
      inf.push(data.subarray(i, end), end >= data.length);
    } catch (e) {
      throw new PartFailure("corrupt", "deflate data is damaged");
    }
    if (total > RATIO_CHECK_MIN_BYTES && total / end > MAX_COMPRESSION_RATIO) {
      throw new PartFailure("limit", "compression ratio over " + MAX_COMPRESSION_RATIO + ":1 (zip bomb?)");
    }
    if (overflow) throw new PartFailure("limit", "entry inflates past its declared size (lying zip directory)");
    if (total > sizeCap) {
      if (total > MAX_TOTAL_INFLATED_BYTES - ctx.inflated) {
        ctx.inflated = MAX_TOTAL_INFLATED_BYTES;
        throw new Stop("limit", "total inflated size over " + MAX_TOTAL_INFLATED_BYTES + " bytes");
      }
      throw new PartFailure("limit", "entry inflates to more than " + MAX_ENTRY_INFLATED_BYTES + " bytes");
    }
    ctx.checkTime();
  }
  if (!done && data.length > 0) throw new PartFailure("corrupt", "deflate stream is truncated");
  ctx.inflated += total;
  if (preset) return total === preset.length ? preset : preset.subarray(0, total);
  if (chunks.length === 1) return chunks[0] as Uint8Array;
  const out = new Uint8Array(total);
  let o = 0;
  for (let k = 0; k < chunks.length; k++) {
    const c = chunks[k] as Uint8Array;
    out.set(c, o);
    o += c.length;
  }
  return out;
}

/** zlib-wrapped (PDF FlateDecode): skips the 2-byte header when present, tolerates a missing/bad Adler-32 trailer. */
export function inflateZlib(ctx: Context, data: Uint8Array): Uint8Array {
  const b0 = data[0] as number;
  const b1 = data[1] as number;
  const hasHeader = data.length >= 2 && (b0 & 0x0f) === 8 && ((b0 << 8) | b1) % 31 === 0;
  return inflateRaw(ctx, hasHeader ? data.subarray(2) : data);
}
