// databaseFailure tells a busy or lost database from every other error: a constraint violation (on
// either database) is neither (the busy and lost cases: failures.postgresql.test.ts). The limits
// come from the settings the server reads.
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { readDatabaseEnv } from "./env.ts";
import { databaseFailure } from "./failures.ts";
import { createProbeDatabase, failureOf } from "./fixtures/probe-database.ts";
import { testDatabaseKind, type TestDatabase } from "./testing.ts";

const kind = testDatabaseKind();
let db: TestDatabase;

beforeAll(async () => {
  db = await createProbeDatabase(kind);
});
afterAll(() => db?.drop());

describe("databaseFailure", () => {
  it("a constraint violation is no database failure", async () => {
    const err = await failureOf(db.prisma.$executeRawUnsafe(`INSERT INTO "Probe" VALUES (1)`));
    expect(databaseFailure(err)).toBeUndefined();
    expect(databaseFailure(new Error("something else"))).toBeUndefined();
  });
});

describe("the limits the server reads", () => {
  it("TSUNAGU_DB_LOCK_TIMEOUT_MS, _STATEMENT_TIMEOUT_MS and _POOL_MAX: whole positive numbers or unset", () => {
    expect(readDatabaseEnv({}).limits).toEqual({ lockTimeoutMs: undefined, statementTimeoutMs: undefined, poolMax: undefined });
    expect(
      readDatabaseEnv({ TSUNAGU_DB_LOCK_TIMEOUT_MS: "2500", TSUNAGU_DB_STATEMENT_TIMEOUT_MS: "12000", TSUNAGU_DB_POOL_MAX: "20" }).limits,
    ).toEqual({ lockTimeoutMs: 2500, statementTimeoutMs: 12000, poolMax: 20 });
    expect(() => readDatabaseEnv({ TSUNAGU_DB_LOCK_TIMEOUT_MS: "3s" })).toThrow(
      /TSUNAGU_DB_LOCK_TIMEOUT_MS must be a positive whole number/,
    );
    expect(() => readDatabaseEnv({ TSUNAGU_DB_POOL_MAX: "0" })).toThrow(/TSUNAGU_DB_POOL_MAX/);
  });
});
