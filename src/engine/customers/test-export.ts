/**
 * A generated customer export (addresses and numbers that belong to nobody), shared by the customer-set tests and
 * `npm run bench -- customers`, so the sizes the test asserts and the bench prints are of the same export.
 */
import type { BuildColumn } from "./customer-set";

export function generatedExport(rows: number): BuildColumn[] {
  const emails: string[] = [];
  const numbers: string[] = [];
  for (let i = 0; i < rows; i++) {
    emails.push(`customer.${i}.${(i * 7919) % 1000}@mail${i % 89}.example`);
    numbers.push(`C-${String(1000000 + i * 3)}`);
  }
  return [
    { name: "email", kind: "email", values: emails },
    { name: "customer_number", kind: "number", values: numbers },
  ];
}
