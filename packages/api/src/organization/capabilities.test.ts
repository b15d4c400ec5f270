// Group.viewerCan… tell the web app what the API will let the viewer do with a group. For every
// demo account and every group it may list, each capability must match what the API then does:
// the group-scoped reads answer (roster, activity logs, events) exactly where viewerCanManageRoster,
// viewerCanLogActivity, viewerCanPlanEvents and viewerCanThank say yes, and the children of a school
// group exactly where viewerCanManageChildVolunteers does.
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { demoAccounts, startTestServer, type TestServer } from "../testing.ts";

let server: TestServer;

beforeAll(async () => {
  server = await startTestServer();
});

afterAll(async () => {
  await server?.close();
});

interface ListedGroup {
  id: string;
  name: string;
  viewerCanManageRoster: boolean;
  viewerCanLogActivity: boolean;
  viewerCanPlanEvents: boolean;
  viewerCanThank: boolean;
  viewerCanManageChildVolunteers: boolean;
}

describe("the viewer's capabilities on groups match what the API allows", () => {
  it.each(demoAccounts.map((a) => [a.key, a.email] as const))("for %s, on every group it may list", async (_key, email) => {
    const client = await server.signIn(email);
    const list = await client.graphql<{ groups: ListedGroup[] }>(
      "{ groups { id name viewerCanManageRoster viewerCanLogActivity viewerCanPlanEvents viewerCanThank viewerCanManageChildVolunteers } }",
    );
    expect(list.errors).toBeUndefined();
    const groups = list.data!.groups;
    expect(groups.length).toBeGreaterThan(0);
    // roster and children: ten groups per request, one alias per group (both fields may be null, so a
    // refused alias has FORBIDDEN at its path and the others still answer); activity logs and events
    // are non-null at the root, where one refusal ends the request, so those go one group per request
    // (sent together). Any error other than FORBIDDEN fails the test: a limit is never taken for a no.
    const refusedAliases = async (field: (id: string) => string) => {
      const refused = new Set<string>();
      for (let from = 0; from < groups.length; from += 10) {
        const chunk = groups.slice(from, from + 10);
        const res = await client.graphql(`{ ${chunk.map((g, i) => `g${from + i}: ${field(g.id)}`).join("\n")} }`);
        expect((res.errors ?? []).filter((e) => e.extensions?.code !== "FORBIDDEN")).toEqual([]);
        for (const e of res.errors ?? []) refused.add(String(e.path?.[0]));
      }
      return refused;
    };
    const refusedEach = async (query: string) => {
      const answers = await Promise.all(groups.map((g) => client.graphql(query, { id: g.id })));
      const refused = new Set<string>();
      for (const [i, res] of answers.entries()) {
        expect((res.errors ?? []).filter((e) => e.extensions?.code !== "FORBIDDEN")).toEqual([]);
        if (res.errors?.length) refused.add(`g${i}`);
      }
      return refused;
    };
    const refused = {
      roster: await refusedAliases((id) => `group(id: "${id}") { roster(first: 1) { totalCount } }`),
      childVolunteers: await refusedAliases((id) => `childVolunteers(groupId: "${id}") { id }`),
      activityLogs: await refusedEach("query($id: ID!) { activityLogs(groupId: $id, first: 1) { totalCount } }"),
      events: await refusedEach("query($id: ID!) { events(groupId: $id) { id } }"),
    };
    for (const [i, group] of groups.entries()) {
      const alias = `g${i}`;
      const allowed = {
        roster: !refused.roster.has(alias),
        activityLogs: !refused.activityLogs.has(alias),
        events: !refused.events.has(alias),
        childVolunteers: !refused.childVolunteers.has(alias),
      };
      expect({ group: group.name, ...allowed }).toEqual({
        group: group.name,
        roster: group.viewerCanManageRoster,
        activityLogs: group.viewerCanLogActivity,
        events: group.viewerCanPlanEvents,
        childVolunteers: group.viewerCanManageChildVolunteers,
      });
      // a thank-you to a group is allowed under the same rule as its roster (recognition/access.ts)
      expect(group.viewerCanThank).toBe(group.viewerCanManageRoster);
    }
  });
});

// group(id) asking only what the group's privacy row answers (id, roster, viewerCanManageRoster) is
// answered from that row under isVisibleGroup; anything more is a Prisma read under
// visibleGroupsWhere. The two forms of the rule must find the same groups.
describe("group(id) answered from the privacy row finds exactly the groups the full read finds", () => {
  it.each(demoAccounts.map((a) => [a.key, a.email] as const))("for %s, on every group of the organisation", async (_key, email) => {
    const client = await server.signIn(email);
    const ids = (await server.db.prisma.group.findMany({ select: { id: true }, orderBy: { id: "asc" } })).map((g) => g.id);
    expect(ids.length).toBeGreaterThan(10);
    let found = 0;
    for (let from = 0; from < ids.length; from += 10) {
      const chunk = ids.slice(from, from + 10);
      const res = await client.graphql<Record<string, { id: string } | null>>(
        `{ ${chunk.map((id, i) => `p${i}: group(id: "${id}") { id } f${i}: group(id: "${id}") { id name }`).join("\n")} }`,
      );
      expect(res.errors).toBeUndefined();
      chunk.forEach((id, i) => {
        const [privacy, full] = [res.data![`p${i}`], res.data![`f${i}`]];
        expect({ id, privacy: privacy?.id ?? null }).toEqual({ id, privacy: full?.id ?? null });
        if (full) found++;
      });
    }
    expect(found).toBeGreaterThan(0);
  });
});
