import { checksumById, checksums } from "./index";

test("built-in checksums by id", () => {
  expect(checksumById("luhn")!("4111 1111 1111 1111")).toBe(true);
  expect(checksumById("iban")!("GB82WEST12345698765432")).toBe(true);
  expect(checksumById("mod97")!("539007547034RF18")).toBe(true);
  expect(checksumById("nope")).toBeUndefined();
  expect(checksumById("toString")).toBeUndefined();
  for (const id of Object.keys(checksums)) expect(id).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
});
