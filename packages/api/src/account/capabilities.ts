// What the signed-in account uses the app for: the screens its navigation offers and the
// dashboard's cards (Viewer.can). The web app reads these instead of working them out from roles.
// Where a screen stands on an access rule, the capability is that rule, so a screen is offered
// exactly where the API answers (account/capabilities.test.ts checks each against the API); the
// reports screen is a choice of audience (every account may read the totals).
import type { Viewer } from "../context.ts";
import { recordsInsurance, seesInsurance } from "../insurance/access.ts";
import { scopedGroupIds } from "../organization/access.ts";

export interface ViewerCapabilities {
  /** the groups screen: a group the viewer's role reaches outside the juvenile programme (Group.viewerCanManageRoster) */
  rosters: boolean;
  /** activity logs: a group the viewer logs for (Group.viewerCanLogActivity) */
  activityLogs: boolean;
  /** the approval queue (Query.approvalQueue, staff) */
  reviewActivityLogs: boolean;
  /** child volunteers: a school group the viewer manages (Group.viewerCanManageChildVolunteers) */
  childVolunteers: boolean;
  /** events: a 部会 the viewer plans for (Group.viewerCanPlanEvents) */
  events: boolean;
  /** the reports screen: staff, and the institution liaison for the juvenile programme's figures */
  reports: boolean;
  /** the audit trail (Query.auditEvents, staff) */
  audit: boolean;
  /** moderating thank-yous, issuing certificates and awarding milestones (staff) */
  recognition: boolean;
  /** the insurance screen: the lapse list of the viewer's groups (Query.insuranceLapses lists someone's groups) */
  insurance: boolean;
  /** recording enrolments, the rollover and the 加入申込 CSV (staff) */
  recordInsurance: boolean;
  /** creating, editing and closing groups (createGroup / updateGroup / closeGroup, staff; Group.viewerCanEdit per group) */
  manageGroups: boolean;
  /** the accounts screen: accounts, invitations and access roles (Query.accounts, staff) */
  accounts: boolean;
}

export function viewerCapabilities(viewer: Viewer): ViewerCapabilities {
  const scoped = scopedGroupIds(viewer).length > 0;
  const liaison = viewer.liaisonProgrammeIds.length > 0;
  return {
    rosters: viewer.isStaff || scoped,
    activityLogs: viewer.isStaff || scoped || liaison,
    reviewActivityLogs: viewer.isStaff,
    childVolunteers: viewer.isStaff || viewer.schoolGroupIds.length > 0,
    events: viewer.isStaff || viewer.subcommitteeIds.length > 0,
    reports: viewer.isStaff || liaison,
    audit: viewer.isStaff,
    recognition: viewer.isStaff,
    insurance: seesInsurance(viewer),
    recordInsurance: recordsInsurance(viewer),
    manageGroups: viewer.isStaff,
    accounts: viewer.isStaff,
  };
}
