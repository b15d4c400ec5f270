/**
 * A value that an earlier check already guarantees (a field the form validated as required, an
 * element of index.html, a theme shade): returned as non-null, or a clear Error if it is missing
 * after all. Used instead of the non-null assertion `x!`, which would let the mistake travel on.
 */
export function required<T>(value: T | null | undefined, what: string): T {
  if (value === null || value === undefined) throw new Error(`${what} is missing`);
  return value;
}
