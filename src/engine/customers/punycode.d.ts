/** The two functions of punycode.js (RFC 3492) that the customer set uses; the package ships no types. */
declare module "punycode.js" {
  /** A domain or an e-mail address with its non-ASCII domain labels as "xn--" A-labels; the local part is kept. */
  export function toASCII(input: string): string;
  /** The A-label domain back in Unicode (for messages and tests). */
  export function toUnicode(input: string): string;
}
