import { v5 as uuidv5 } from "uuid";

// Seeded rows get ids derived from a natural key (uuid v5), so a second run of the seed finds the
// same rows and inserts nothing (createMany + skipDuplicates = INSERT … ON CONFLICT DO NOTHING).
const NAMESPACE = "6f1d9a3e-2b7c-4e51-9a0d-7c3b1e5f2a64";

/** A stable uuid for a seeded row: seedId("person", "hannan", "salon-3", 2). */
export function seedId(...key: Array<string | number>): string {
  return uuidv5(key.join("/"), NAMESPACE);
}
