/**
 * Luhn (ISO/IEC 7812-1 mod 10) over the digits of a string; every other character is ignored, so "4111 1111 1111 1111"
 * and "4111-1111-1111-1111" check the same. Hand-written (ten lines): no npm package is smaller than this loop, and the
 * engine calls it on every card candidate, so it must not allocate.
 */
export function luhn(value: string): boolean {
  let sum = 0;
  let count = 0;
  let double = false;
  for (let i = value.length - 1; i >= 0; i--) {
    const d = value.charCodeAt(i) - 48;
    if (d < 0 || d > 9) continue;
    count++;
    let x = double ? d * 2 : d;
    if (x > 9) x -= 9;
    sum += x;
    double = !double;
  }
  return count > 0 && sum % 10 === 0;
}
