import fs from "node:fs";
import { fileURLToPath } from "node:url";

import { buildSchema, isObjectType } from "graphql";
import { describe, expect, it } from "vitest";

import { ERROR_TYPES } from "./apollo.ts";

describe("Apollo cache", () => {
  it("knows every type implementing the schema's Error interface", () => {
    const sdl = fs.readFileSync(fileURLToPath(new URL("../../../../packages/api/schema.graphql", import.meta.url)), "utf8");
    const schema = buildSchema(sdl);
    const implementers = Object.values(schema.getTypeMap())
      .filter((type) => isObjectType(type) && type.getInterfaces().some((i) => i.name === "Error"))
      .map((type) => type.name)
      .sort();
    expect(implementers.length).toBeGreaterThan(0);
    expect([...ERROR_TYPES].sort()).toEqual(implementers);
  });
});
