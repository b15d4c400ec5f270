// The roster in ONE statement, the way the roster screens ask for it: every row of the roster (the
// group's memberships under the filter) with its role, the person's names as far as the viewer may
// see them, and — when asked — the person's insurance and approved minutes of the fiscal year. The
// rows are then put in 五十音 order here (query.ts sortRoster) and paged, so totalCount, the order
// and the page come from the same read. Used when every field asked under the roster is one this
// statement answers (rosterFieldsCovered); anything else (a person's history, contacts …) takes the
// general path (query.ts rosterOrder and Prisma).
//
// What the viewer may not see is not read: for a viewer other than staff, the legal name and
// ふりがな only of people whose legal name they may see, the nickname only of people whose name they
// may see, and of a person's groups only those the viewer's role reaches (what
// ../person/access.ts personVisibility needs) — the same rule, written in SQL.
import type { FieldNode, FragmentDefinitionNode, GraphQLResolveInfo, SelectionSetNode } from "graphql";

import { Prisma, todayInJapan } from "@tsunagu/db";
import { prisma } from "@tsunagu/db/client";

import type { Viewer } from "../context.ts";
import { scopedGroupIds } from "../organization/access.ts";
import type { RosterFilter } from "./query.ts";

/** The fields (by position under Group.roster) that the one-statement read answers. */
const COVERED: Record<string, ReadonlySet<string>> = {
  connection: new Set(["totalCount", "pageInfo", "edges", "__typename"]),
  pageInfo: new Set(["hasNextPage", "hasPreviousPage", "startCursor", "endCursor", "__typename"]),
  edge: new Set(["cursor", "node", "__typename"]),
  node: new Set([
    "id",
    "startedOn",
    "joinedOn",
    "endedOn",
    "endReason",
    "isCurrent",
    "insuredThisYear",
    "hoursThisYear",
    "groupRole",
    "person",
    "__typename",
  ]),
  groupRole: new Set(["id", "code", "name", "nameEn", "isLeader", "singleHolder", "__typename"]),
  person: new Set(["id", "name", "legalName", "legalNameKana", "usesNickname", "__typename"]),
};
const CHILD: Record<string, Record<string, string>> = {
  connection: { pageInfo: "pageInfo", edges: "edge" },
  edge: { node: "node" },
  node: { groupRole: "groupRole", person: "person" },
};

/** What the roster's GraphQL selection asks: whether the one statement answers it all, and whether figures are asked. */
export function rosterFieldsCovered(info: GraphQLResolveInfo): { covered: boolean; figures: boolean } {
  let covered = true;
  let figures = false;
  const walk = (set: SelectionSetNode | undefined, level: string) => {
    for (const s of set?.selections ?? []) {
      if (s.kind === "InlineFragment") walk(s.selectionSet, level);
      else if (s.kind === "FragmentSpread") walk((info.fragments[s.name.value] as FragmentDefinitionNode | undefined)?.selectionSet, level);
      else {
        const name = (s as FieldNode).name.value;
        if (!COVERED[level]?.has(name)) covered = false;
        if (level === "node" && (name === "insuredThisYear" || name === "hoursThisYear")) figures = true;
        const child = CHILD[level]?.[name];
        if (child) walk(s.selectionSet, child);
      }
    }
  };
  for (const node of info.fieldNodes) walk(node.selectionSet, "connection");
  return { covered, figures };
}

/** A roster row as Prisma would give it, with the columns the covered fields read (the person: as far as the viewer may see). */
export interface RosterRow {
  id: string;
  orgId: string;
  groupId: string;
  personId: string;
  groupRoleId: string;
  startedOn: Date;
  joinedOn: Date | null;
  endedOn: Date | null;
  endReason: string | null;
  groupRole: {
    id: string;
    orgId: string;
    code: string;
    name: string;
    nameEn: string;
    isLeader: boolean;
    singleHolder: boolean;
  };
  person: {
    id: string;
    orgId: string;
    /** null where the viewer may not see the name */
    displayName: string | null;
    /** "" where the viewer may not see it */
    legalName: string;
    /** "" where the viewer may not see it */
    legalNameKana: string;
    /** the person's groups that the viewer's role reaches (all that personVisibility needs); [] for staff */
    memberships: Array<{ groupId: string }>;
    childVolunteer: { id: string; schoolId: string } | null;
  };
}

export interface RosterFigures {
  insured: boolean;
  minutes: number;
}

interface RawRow {
  id: string;
  orgId: string;
  groupId: string;
  personId: string;
  groupRoleId: string;
  startedOn: string;
  joinedOn: string | null;
  endedOn: string | null;
  endReason: string | null;
  roleCode: string;
  roleName: string;
  roleNameEn: string;
  roleIsLeader: boolean;
  roleSingleHolder: boolean;
  displayName: string | null;
  legalName: string | null;
  legalNameKana: string | null;
  childId: string | null;
  childSchoolId: string | null;
  reach: string | null;
  insured: boolean | null;
  minutes: number | null;
}

const day = (text: string) => new Date(`${text}T00:00:00Z`);
const uuids = (ids: readonly string[]) => (ids.length ? Prisma.join(ids.map((id) => Prisma.sql`${id}::uuid`)) : null);

/** Every row of a group's roster under the filter (not searched: search takes the general path), in one statement. */
export async function readRoster(
  viewer: Viewer,
  groupId: string,
  filter: RosterFilter,
  withFigures: boolean,
): Promise<Array<{ row: RosterRow; figures: RosterFigures | null }>> {
  const today = todayInJapan().toISOString().slice(0, 10);
  const fy = filter.fiscalYear;
  const insuredSql = Prisma.sql`EXISTS (SELECT 1 FROM "InsuranceEnrolment" i
    WHERE i."orgId" = m."orgId" AND i."personId" = m."personId" AND i."fiscalYear" = ${fy}::int)`;
  // what of the person the viewer may see (../person/access.ts personVisibility, in SQL)
  let reach: Prisma.Sql;
  let nameVisible: Prisma.Sql;
  let legalVisible: Prisma.Sql;
  if (viewer.isStaff) {
    reach = Prisma.sql`NULL::text`;
    nameVisible = Prisma.sql`true`;
    legalVisible = Prisma.sql`true`;
  } else {
    const scoped = uuids(scopedGroupIds(viewer));
    const schools = uuids(viewer.coordinatedSchoolIds);
    const self = viewer.personId ? Prisma.sql`m."personId" = ${viewer.personId}::uuid` : Prisma.sql`false`;
    reach = scoped
      ? Prisma.sql`(SELECT string_agg(DISTINCT pm."groupId"::text, ',') FROM "Membership" pm
          WHERE pm."orgId" = m."orgId" AND pm."personId" = m."personId" AND pm."groupId" IN (${scoped}))`
      : Prisma.sql`NULL::text`;
    const reached = scoped
      ? Prisma.sql`EXISTS (SELECT 1 FROM "Membership" pm
          WHERE pm."orgId" = m."orgId" AND pm."personId" = m."personId" AND pm."groupId" IN (${scoped}))`
      : Prisma.sql`false`;
    const childSeen = schools ? Prisma.sql`cv."schoolId" IN (${schools})` : Prisma.sql`false`;
    nameVisible = Prisma.sql`(${self} OR CASE WHEN cv.id IS NOT NULL THEN ${childSeen} ELSE ${reached} END)`;
    legalVisible = Prisma.sql`(${self} OR (p."displayName" IS NULL AND ${nameVisible}))`;
  }
  const where: Prisma.Sql[] = [Prisma.sql`m."orgId" = ${viewer.orgId}::uuid`, Prisma.sql`m."groupId" = ${groupId}::uuid`];
  if (!filter.includeEnded) where.push(Prisma.sql`(m."endedOn" IS NULL OR m."endedOn" >= ${today}::date)`);
  if (filter.roleCode) where.push(Prisma.sql`gr.code = ${filter.roleCode}`);
  if (filter.insured != null) where.push(filter.insured ? insuredSql : Prisma.sql`NOT ${insuredSql}`);
  const figures = withFigures
    ? Prisma.sql`${insuredSql} AS insured,
        (SELECT COALESCE(sum(ap.minutes), 0)::int FROM "ActivityLogParticipant" ap
          JOIN "ActivityLog" l ON l."orgId" = ap."orgId" AND l.id = ap."activityLogId"
          WHERE ap."orgId" = m."orgId" AND ap."personId" = m."personId"
            AND l.status = 'APPROVED' AND l."fiscalYear" = ${fy}::int) AS minutes`
    : Prisma.sql`NULL::boolean AS insured, NULL::int AS minutes`;
  // one JSON text of every row: a single value for the driver and Prisma to pass on, parsed here
  // at once (row by row and column by column they cost more CPU than the rows' SQL)
  const [read] = await prisma().$queryRaw<Array<{ rows: string }>>`
    SELECT COALESCE(json_agg(r), '[]')::text AS rows FROM (
    SELECT m.id::text, m."orgId"::text, m."groupId"::text, m."personId"::text, m."groupRoleId"::text,
      to_char(m."startedOn", 'YYYY-MM-DD') AS "startedOn",
      to_char(m."joinedOn", 'YYYY-MM-DD') AS "joinedOn",
      to_char(m."endedOn", 'YYYY-MM-DD') AS "endedOn",
      m."endReason",
      gr.code AS "roleCode", gr.name AS "roleName", gr."nameEn" AS "roleNameEn", gr."isLeader" AS "roleIsLeader",
      gr."singleHolder" AS "roleSingleHolder",
      CASE WHEN ${nameVisible} THEN p."displayName" END AS "displayName",
      CASE WHEN ${legalVisible} THEN p."legalName" END AS "legalName",
      CASE WHEN ${legalVisible} THEN p."legalNameKana" END AS "legalNameKana",
      cv.id::text AS "childId", cv."schoolId"::text AS "childSchoolId",
      ${reach} AS reach,
      ${figures}
    FROM "Membership" m
    JOIN "GroupRole" gr ON gr."orgId" = m."orgId" AND gr.id = m."groupRoleId"
    JOIN "Person" p ON p."orgId" = m."orgId" AND p.id = m."personId"
    LEFT JOIN "ChildVolunteer" cv ON cv."orgId" = p."orgId" AND cv."personId" = p.id
    WHERE ${Prisma.join(where, " AND ")}) r`;
  const rows = JSON.parse(read?.rows ?? "[]") as RawRow[];
  return rows.map((r) => ({
    row: {
      id: r.id,
      orgId: r.orgId,
      groupId: r.groupId,
      personId: r.personId,
      groupRoleId: r.groupRoleId,
      startedOn: day(r.startedOn),
      joinedOn: r.joinedOn ? day(r.joinedOn) : null,
      endedOn: r.endedOn ? day(r.endedOn) : null,
      endReason: r.endReason,
      groupRole: {
        id: r.groupRoleId,
        orgId: r.orgId,
        code: r.roleCode,
        name: r.roleName,
        nameEn: r.roleNameEn,
        isLeader: r.roleIsLeader,
        singleHolder: r.roleSingleHolder,
      },
      person: {
        id: r.personId,
        orgId: r.orgId,
        displayName: r.displayName,
        legalName: r.legalName ?? "",
        legalNameKana: r.legalNameKana ?? "",
        memberships: r.reach ? r.reach.split(",").map((groupId) => ({ groupId })) : [],
        childVolunteer: r.childId && r.childSchoolId ? { id: r.childId, schoolId: r.childSchoolId } : null,
      },
    },
    figures: withFigures ? { insured: Boolean(r.insured), minutes: r.minutes ?? 0 } : null,
  }));
}
