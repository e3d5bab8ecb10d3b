/** The part of punycode.js (Mathias Bynens; the same code as Node's deprecated `punycode` module) that we use. */
declare module "punycode.js" {
  /** RFC 3492 decode of one label's ASCII part (without "xn--"); throws RangeError on invalid input. */
  export function decode(input: string): string;
  export function encode(input: string): string;
  export function toASCII(domain: string): string;
  export function toUnicode(domain: string): string;
}
