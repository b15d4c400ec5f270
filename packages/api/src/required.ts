/**
 * A value the code guarantees (a regex group of a pattern that matched, a row just written, an input
 * already validated): returns it, or throws an internal error naming `what` if the guarantee is broken.
 */
export function required<T>(value: T | null | undefined, what: string): T {
  if (value === null || value === undefined) throw new Error(`Internal error: ${what} is missing`);
  return value;
}
