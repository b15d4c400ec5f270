// insurance — ボランティア活動保険 (volunteer-activity insurance), enrolled per person and fiscal year
// (年度). Rosters show each member's cover (Membership.insuredThisYear); insuranceLapses is the
// to-do list across groups: the people with a current membership who are not enrolled for the year,
// for staff (the organisation) and for coordinators, subcommittee members and salon leaders (their
// own groups). Juvenile participants are codes, never Persons, so they never appear; the juvenile
// programme's groups are left out altogether.
import { z } from "zod";

import { currentFiscalYear, todayInJapan, type Prisma } from "@tsunagu/db";
import { prisma } from "@tsunagu/db/client";

import { auditRestrictedRead } from "../audit/audit.ts";
import { builder, EXPENSIVE_FIELD } from "../builder.ts";
import { signedIn, type Viewer } from "../context.ts";
import { scopedGroupIds } from "../organization/access.ts";
import { personNameVisibleWhere } from "../person/access.ts";
import { toHiragana } from "../roster/kana.ts";
import { collator } from "../roster/query.ts";
import { bilingual } from "../validation.ts";

/**
 * The memberships a lapse is listed for: current (not ended, or ending today or later, as rosters
 * count them), outside the juvenile programme, and — for anyone but staff — in a group the viewer's
 * role reaches. Null: the viewer lists no group at all.
 */
function listedMembershipsWhere(viewer: Viewer): Prisma.MembershipWhereInput | null {
  const groups = viewer.isStaff ? null : scopedGroupIds(viewer);
  if (groups && groups.length === 0) return null;
  return {
    orgId: viewer.orgId,
    OR: [{ endedOn: null }, { endedOn: { gte: todayInJapan() } }],
    group: { programme: { privacyTier: { not: "JUVENILE" } } },
    ...(groups ? { groupId: { in: groups } } : {}),
  };
}

// A variant of Person rather than Person itself: its memberships are filtered to the listed groups
// and loaded in the same query, which Person's own field selections (every membership, for the
// privacy rules) would conflict with. Every row is a person whose name the viewer may see.
const InsuranceLapseRef = builder.prismaObject("Person", {
  variant: "InsuranceLapse",
  description: "ボランティア活動保険 未加入: a volunteer with a current membership who is not enrolled for the fiscal year",
  fields: (t) => ({
    id: t.exposeID("id", { description: "the Person's id" }),
    name: t.string({
      description: "表示名: the nickname if the person uses one, else the legal name",
      resolve: (p) => p.displayName ?? p.legalName,
    }),
    usesNickname: t.boolean({ resolve: (p) => p.displayName !== null }),
    memberships: t.relation("memberships", {
      description: "current memberships in the groups the viewer may list, oldest first",
      query: (_args, ctx) => ({
        where: listedMembershipsWhere(signedIn(ctx)) ?? { id: { in: [] } },
        orderBy: [{ startedOn: "asc" }, { id: "asc" }],
      }),
    }),
  }),
});

const fiscalYearArg = z
  .number()
  .int()
  .min(2000, bilingual({ ja: "年度は2000〜2100の範囲で指定してください。", en: "The fiscal year must be between 2000 and 2100." }))
  .max(2100, bilingual({ ja: "年度は2000〜2100の範囲で指定してください。", en: "The fiscal year must be between 2000 and 2100." }));

builder.queryField("insuranceLapses", (t) =>
  t.prismaField({
    type: [InsuranceLapseRef],
    description:
      "保険未加入: people with a current membership in a group the viewer may list (staff: the organisation) who are not enrolled in ボランティア活動保険 for the fiscal year, in 五十音 order. Non-staff reads are audited.",
    complexity: EXPENSIVE_FIELD / 2,
    args: {
      fiscalYear: t.arg.int({ description: "年度 of the enrolment; default the current one", validate: fiscalYearArg }),
    },
    resolve: async (query, _root, args, ctx) => {
      const viewer = signedIn(ctx);
      const memberships = listedMembershipsWhere(viewer);
      if (!memberships) return [];
      const fiscalYear = args.fiscalYear ?? currentFiscalYear();
      const rows = await prisma().person.findMany({
        ...query,
        where: {
          AND: [
            { orgId: viewer.orgId, memberships: { some: memberships }, insuranceEnrolments: { none: { fiscalYear } } },
            personNameVisibleWhere(viewer) ?? {},
          ],
        },
      });
      // 五十音 by ふりがな; for a viewer who may not see the legal name behind a nickname, by the
      // nickname, so the order does not hint at the hidden reading (as rosters do)
      const key = (p: (typeof rows)[number]): [string, string] =>
        viewer.isStaff || p.displayName === null ? [p.legalNameKana, p.legalName] : [toHiragana(p.displayName), p.displayName];
      const sorted = rows
        .map((row) => ({ row, key: key(row) }))
        .sort((a, b) => collator.compare(a.key[0], b.key[0]) || collator.compare(a.key[1], b.key[1]) || (a.row.id < b.row.id ? -1 : 1))
        .map((k) => k.row);
      await auditRestrictedRead(
        ctx,
        "Person",
        sorted.map((p) => p.id),
      );
      return sorted;
    },
  }),
);
