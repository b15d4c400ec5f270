import { describe, expect, it } from "vitest";

import { withoutEmptySelects } from "./database.ts";

describe("withoutEmptySelects", () => {
  it("drops an empty top-level select and turns empty relation selections into true", () => {
    expect(withoutEmptySelects({ where: { id: "x" }, select: {} })).toEqual({ where: { id: "x" } });
    expect(withoutEmptySelects({ select: { id: true, memberships: { select: {} } } })).toEqual({ select: { id: true, memberships: true } });
    expect(withoutEmptySelects({ include: { group: { select: {} }, person: { select: { id: true } } } })).toEqual({
      include: { group: true, person: { select: { id: true } } },
    });
  });

  it("leaves non-empty selections, filters and orders as they are", () => {
    const args = { select: { id: true, memberships: { where: { endedOn: null }, orderBy: { startedOn: "asc" }, select: {} } } };
    expect(withoutEmptySelects(args)).toEqual({
      select: { id: true, memberships: { where: { endedOn: null }, orderBy: { startedOn: "asc" } } },
    });
    expect(withoutEmptySelects(undefined)).toBeUndefined();
  });
});
