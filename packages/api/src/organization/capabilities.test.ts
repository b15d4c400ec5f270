// Group.viewerCan… tell the web app what the API will let the viewer do with a group. For every
// demo account and every group it may list, each capability must match what the API then does:
// the group-scoped reads answer (roster, activity logs, events) exactly where viewerCanManageRoster,
// viewerCanLogActivity, viewerCanPlanEvents and viewerCanThank say yes, and the children of a school
// group exactly where viewerCanManageChildVolunteers does.
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { demoAccounts, startTestServer, type GraphQLResponse, type TestServer } from "../testing.ts";

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

const forbidden = (res: GraphQLResponse) => (res.errors ?? []).some((e) => e.extensions?.code === "FORBIDDEN");

describe("the viewer's capabilities on groups match what the API allows", () => {
  it.each(demoAccounts.map((a) => [a.key, a.email] as const))("for %s, on every group it may list", async (_key, email) => {
    const client = await server.signIn(email);
    const list = await client.graphql<{ groups: ListedGroup[] }>(
      "{ groups { id name viewerCanManageRoster viewerCanLogActivity viewerCanPlanEvents viewerCanThank viewerCanManageChildVolunteers } }",
    );
    expect(list.errors).toBeUndefined();
    const groups = list.data!.groups;
    expect(groups.length).toBeGreaterThan(0);
    // the children of every group in one request (a refused one is null with FORBIDDEN at its
    // alias); the others per group (a refused non-null field nulls the whole answer, and rosters
    // by the dozen pass the complexity limit)
    const refusedAliases = async (field: (id: string) => string) => {
      const res = await client.graphql(`{ ${groups.map((g, i) => `g${i}: ${field(g.id)}`).join("\n")} }`);
      return new Set((res.errors ?? []).filter((e) => e.extensions?.code === "FORBIDDEN").map((e) => String(e.path?.[0])));
    };
    const childrenRefused = await refusedAliases((id) => `childVolunteers(groupId: "${id}") { id }`);
    const answers = async (query: string, id: string) => !forbidden(await client.graphql(query, { id }));
    for (const [i, group] of groups.entries()) {
      const allowed = {
        roster: await answers("query($id: ID!) { group(id: $id) { roster(first: 1) { totalCount } } }", group.id),
        activityLogs: await answers("query($id: ID!) { activityLogs(groupId: $id, first: 1) { totalCount } }", group.id),
        events: await answers("query($id: ID!) { events(groupId: $id) { id } }", group.id),
        childVolunteers: !childrenRefused.has(`g${i}`),
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
