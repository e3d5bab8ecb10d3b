/**
 * Display-safe forms of identifiers. Separators are kept so the reader recognises the shape ("***-**-6789",
 * "**** **** **** 1111", "GB82 **** **** **** **** 32", "j***@example.com"); every other letter or digit becomes "*".
 */

function isAlnum(c: number): boolean {
  return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c > 127;
}

/** Keeps the first `keepFirst` and the last `keepLast` letters/digits, stars the others, keeps separators. */
export function mask(value: string, keepFirst: number, keepLast: number): string {
  let total = 0;
  for (let i = 0; i < value.length; i++) if (isAlnum(value.charCodeAt(i))) total++;
  // Never reveal more than half of the characters, whatever the caller asked for.
  const budget = Math.floor(total / 2);
  let first = Math.min(keepFirst, budget);
  let last = Math.min(keepLast, budget - first);
  if (last < 0) last = 0;
  if (first < 0) first = 0;
  let out = "";
  let n = 0;
  for (let i = 0; i < value.length; i++) {
    const ch = value.charAt(i);
    if (!isAlnum(value.charCodeAt(i))) {
      out += ch;
      continue;
    }
    out += n < first || n >= total - last ? ch : "*";
    n++;
  }
  return out;
}

/** "***-**-6789", "**** **** **** 1111": everything but the last four. */
export function maskLast4(value: string): string {
  return mask(value, 0, 4);
}

/** "j***@example.com": the first letter of the local part, the domain in full (domains are not personal). */
export function maskEmail(address: string): string {
  const at = address.lastIndexOf("@");
  if (at <= 0) return "***";
  return address.charAt(0) + "***" + address.slice(at);
}
