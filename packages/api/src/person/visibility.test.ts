// The person-visibility rule has two forms in access.ts: personVisibility checks one loaded person
// (Person.name, Person.legalName, …) and personNameVisibleWhere / personLegalNameVisibleWhere filter
// lists and searches in SQL. For every demo account and every person of the demo organisation, the
// people each filter admits must be exactly the people the check allows.
import { pino } from "pino";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { prisma } from "@tsunagu/db/client";

import { loadViewer } from "../auth/viewer.ts";
import type { Context, Viewer } from "../context.ts";
import { demoAccounts, startTestServer, type TestServer } from "../testing.ts";
import { personLegalNameVisibleWhere, personNameVisibleWhere, personVisibility, personVisibilitySelect } from "./access.ts";

let server: TestServer;

beforeAll(async () => {
  server = await startTestServer();
});

afterAll(async () => {
  await server?.close();
});

async function viewerOf(email: string): Promise<Viewer> {
  const user = await prisma().user.findUniqueOrThrow({ where: { email }, select: { id: true } });
  const viewer = await loadViewer(user.id);
  if (!viewer) throw new Error(`no viewer for ${email}`);
  return viewer;
}

const contextOf = (viewer: Viewer): Context => ({
  requestId: "visibility-test",
  viewer,
  viewers: { announce: async () => undefined, forgetUser: () => undefined },
  log: pino({ level: "silent" }),
  memo: new Map(),
});

describe("the person-visibility filter and field check agree", () => {
  it.each(demoAccounts.map((a) => [a.key, a.email] as const))("for %s, on every person of the organisation", async (_key, email) => {
    const viewer = await viewerOf(email);
    const ctx = contextOf(viewer);
    const people = await prisma().person.findMany({ where: { orgId: viewer.orgId }, select: personVisibilitySelect });
    expect(people.length).toBeGreaterThan(50);
    const admitted = async (where: ReturnType<typeof personNameVisibleWhere>) =>
      (await prisma().person.findMany({ where: { AND: [{ orgId: viewer.orgId }, where ?? {}] }, select: { id: true } }))
        .map((p) => p.id)
        .sort();

    const nameAllowed = people
      .filter((p) => personVisibility(ctx, p).name)
      .map((p) => p.id)
      .sort();
    const legalNameAllowed = people
      .filter((p) => personVisibility(ctx, p).legalName)
      .map((p) => p.id)
      .sort();
    expect(await admitted(personNameVisibleWhere(viewer))).toEqual(nameAllowed);
    expect(await admitted(personLegalNameVisibleWhere(viewer))).toEqual(legalNameAllowed);
    // the comparison means something: staff see everyone, every other account some but not all
    if (viewer.isStaff) expect(nameAllowed).toHaveLength(people.length);
    else expect(nameAllowed.length).toBeLessThan(people.length);
  });
});
