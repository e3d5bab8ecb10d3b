/**
 * Public entry of text extraction: bytes → text. Pure, never throws for bad input.
 * PLACEHOLDER from the foundation (plain UTF-8 text only); the extraction issue fills it in.
 */
import type { ExtractResult } from "./types";

export * from "./types";

export interface ExtractOptions {
  /** Absolute deadline in ms, compared with `now()`. */
  deadline?: number;
  now?: () => number;
}

export function extractText(fileName: string, bytes: Uint8Array, _options: ExtractOptions = {}): ExtractResult {
  let text = "";
  for (let i = 0; i < bytes.length; i++) text += String.fromCharCode(bytes[i] as number);
  return { text, parts: [fileName], unscanned: [] };
}
