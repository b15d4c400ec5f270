// Viewer.can tells the web app which screens to offer. For every demo account, each capability that
// stands on an access rule must say yes exactly where the API then answers: the staff-only reads
// are refused (FORBIDDEN) to everyone else, and the group screens are offered exactly when some
// group the account may list carries the matching Group.viewerCan… (organization/capabilities.test.ts
// checks those against the group-scoped reads).
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { demoAccounts, startTestServer, type GraphQLResponse, type TestServer } from "../testing.ts";

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server?.close());

interface Me {
  me: {
    can: Record<
      | "rosters"
      | "activityLogs"
      | "reviewActivityLogs"
      | "childVolunteers"
      | "events"
      | "reports"
      | "audit"
      | "recognition"
      | "insurance"
      | "recordInsurance"
      | "manageGroups"
      | "accounts",
      boolean
    >;
  };
  groups: Array<{
    viewerCanEdit: boolean;
    viewerCanManageRoster: boolean;
    viewerCanLogActivity: boolean;
    viewerCanPlanEvents: boolean;
    viewerCanManageChildVolunteers: boolean;
    kind: { code: string };
    programme: { privacyTier: string };
  }>;
}

const refused = (res: GraphQLResponse) => (res.errors ?? []).some((e) => e.extensions?.code === "FORBIDDEN");

describe("Viewer.can matches what the API allows", () => {
  it.each(demoAccounts.map((a) => [a.key, a.email] as const))("for %s", async (key, email) => {
    const client = await server.as(email);
    const res = await client.graphql<Me>(`{
      me { can { rosters activityLogs reviewActivityLogs childVolunteers events reports audit recognition insurance recordInsurance manageGroups accounts } }
      groups { viewerCanEdit viewerCanManageRoster viewerCanLogActivity viewerCanPlanEvents viewerCanManageChildVolunteers kind { code } programme { privacyTier } }
    }`);
    expect(res.errors).toBeUndefined();
    const { reports, ...can } = res.data!.me.can;
    // the reports screen is for staff and the institution liaison (a choice of audience, not a rule)
    expect(reports).toBe(key === "staff" || key === "liaison");
    const groups = res.data!.groups;
    const someGroup = (test: (g: Me["groups"][number]) => boolean) => groups.some(test);
    const answers = async (query: string) => !refused(await client.graphql(query));
    expect(can).toEqual({
      // rosters are of people: the juvenile programme's cohorts hold codes and have no roster screen
      rosters: someGroup((g) => g.viewerCanManageRoster && g.programme.privacyTier !== "JUVENILE"),
      activityLogs: someGroup((g) => g.viewerCanLogActivity),
      reviewActivityLogs: await answers("{ approvalQueue { id } }"),
      childVolunteers: someGroup((g) => g.viewerCanManageChildVolunteers),
      events: someGroup((g) => g.viewerCanPlanEvents && g.kind.code === "subcommittee"),
      audit: await answers("{ auditEvents(first: 1) { edges { node { id } } } }"),
      recognition: await answers("{ moderationQueue(first: 1) { edges { node { id } } } }"),
      // the lapse list is offered where it lists some group's people (the juvenile programme has codes only)
      insurance: someGroup((g) => g.viewerCanManageRoster && g.programme.privacyTier !== "JUVENILE"),
      recordInsurance: await answers("{ insuranceEnrolments(fiscalYear: 2026) { id } }"),
      // group forms (organization/group.test.ts checks the mutations refuse everyone else)
      manageGroups: someGroup((g) => g.viewerCanEdit),
      accounts: await answers("{ accounts { id } }"),
    });
  });
});
