// The schema as SDL, for the web client's typed operations (gql.tada reads packages/api/schema.graphql).
// `npm run -w @tsunagu/api schema` rewrites the file; sdl.test.ts fails when it is stale.
import { writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";

import { lexicographicSortSchema, printSchema } from "graphql";

import { schema } from "./schema.ts";

export const sdlPath = fileURLToPath(new URL("../schema.graphql", import.meta.url));

export function printApiSchema(): string {
  return `${printSchema(lexicographicSortSchema(schema))}\n`;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  writeFileSync(sdlPath, printApiSchema());
  console.log(`wrote ${sdlPath}`);
}
