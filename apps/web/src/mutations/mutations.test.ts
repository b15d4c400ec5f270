// A name in a hook's refetchQueries that no query carries refetches nothing: Apollo only warns in
// development and the screen stays stale. Every name must be a `query` operation of the app.
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

import { Kind, parse } from "graphql";
import { describe, expect, it } from "vitest";

const src = fileURLToPath(new URL("..", import.meta.url));

/** every operation document in src: the text of each graphql(`…`) call, parsed */
function operations() {
  const found: Array<{ file: string; operation: string; name: string | undefined }> = [];
  const files = fs.readdirSync(src, { recursive: true, encoding: "utf8" }).filter((f) => /\.tsx?$/.test(f) && !/\.(test|d)\.ts$/.test(f));
  for (const file of files) {
    const text = fs.readFileSync(path.join(src, file), "utf8");
    // documents are plain template literals (fragments come in the second argument, not as ${…})
    for (const [, body] of text.matchAll(/\bgraphql\(\s*`([^`]*)`/g)) {
      for (const definition of parse(body!).definitions) {
        if (definition.kind === Kind.OPERATION_DEFINITION)
          found.push({ file, operation: definition.operation, name: definition.name?.value });
      }
    }
  }
  return found;
}

const hooks = import.meta.glob<Record<string, { refetchQueries?: readonly string[] }>>("./use*Mutation.ts", { eager: true });
const refetches = Object.entries(hooks).map(([file, exports]) => {
  const hook = Object.values(exports)[0]!;
  return [path.basename(file), hook.refetchQueries ?? []] as const;
});

describe("mutation hooks", () => {
  const all = operations();
  const queries = all.filter((o) => o.operation === "query").map((o) => o.name);

  it("finds the app's documents", () => {
    expect(Object.keys(hooks).length).toBeGreaterThan(20);
    expect(all.filter((o) => o.operation === "mutation")).toHaveLength(Object.keys(hooks).length);
    expect(queries).toContain("EventDetail");
  });

  it("names each query once (a refetch by name takes every query of that name)", () => {
    expect(queries.filter((name, i) => !name || queries.indexOf(name) !== i)).toEqual([]);
  });

  it.each(refetches)("%s refetches only queries that exist", (_file, names) => {
    expect(names.filter((name) => !queries.includes(name))).toEqual([]);
  });
});
