import { readFileSync } from "node:fs";

import { expect, it } from "vitest";

import { printApiSchema, sdlPath } from "./sdl.ts";

it("schema.graphql is the schema the API serves (run `npm run -w @tsunagu/api schema` after changing it)", () => {
  expect(readFileSync(sdlPath, "utf8")).toBe(printApiSchema());
});
