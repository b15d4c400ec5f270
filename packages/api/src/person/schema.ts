// person — a volunteer or member, with docs/domain.md's privacy tiers at field level (access.ts):
//  - name (表示名, or the legal name when no nickname): staff, the person themself, and accounts
//    whose role reaches one of the person's groups — except a child's name, which only staff and
//    the coordinators of the child's current school see;
//  - legal name and kana behind a nickname, 当事者/family status: staff only.
// A field the viewer may not see is null with a FORBIDDEN error.
//  - Query.person: one person, under the same rule as `name` (the person page), null outside it as
//    for an unknown id; a non-staff read of someone in a tier-restricted group (or of a child) is audited.
//  - Query.people: staff look people up by name or ふりがな in 五十音 order (roster forms).
//  - Person.hoursByFiscalYear (and milestoneAwards, ../milestone/schema.ts): under the rule of `name`;
//    other than staff and the person, only what was earned in the groups the viewer's role reaches.
// Every field has an explicit rule (usesNickname too: it says whether a legal name hides behind the name).
// Person.memberships lives in ../roster/schema.ts, beside the Membership type it returns.
import { z } from "zod";

import { prisma } from "@tsunagu/db/client";

import { auditRestrictedRead } from "../audit/audit.ts";
import { builder } from "../builder.ts";
import { signedIn } from "../context.ts";
import { collator, searchWords, searchWordWhere } from "../roster/query.ts";
import { minutesToHours } from "../roster/stats.ts";
import { bilingual, uuidOf } from "../validation.ts";
import { personActivityReach, personVisibility, personVisibilitySelect } from "./access.ts";

const NetworkStatusEnum = builder.enumType("NetworkStatus", {
  values: ["FORMER_TOJISHA", "FAMILY", "SUPPORTER"] as const,
});

builder.prismaObject("Person", {
  description: "A volunteer or member (not a juvenile participant: those are codes only)",
  fields: (t) => ({
    id: t.exposeID("id"),
    name: t.string({
      nullable: true,
      description: "表示名: the nickname if the person uses one, else the legal name",
      select: { ...personVisibilitySelect, legalName: true },
      authScopes: (person, _args, ctx) => personVisibility(ctx, person).name,
      resolve: (person) => person.displayName ?? person.legalName,
    }),
    legalName: t.string({
      nullable: true,
      select: { ...personVisibilitySelect, legalName: true },
      authScopes: (person, _args, ctx) => personVisibility(ctx, person).legalName,
      resolve: (person) => person.legalName,
    }),
    legalNameKana: t.string({
      nullable: true,
      description: "ふりがな (hiragana), for 五十音 order",
      select: { ...personVisibilitySelect, legalNameKana: true },
      authScopes: (person, _args, ctx) => personVisibility(ctx, person).legalName,
      resolve: (person) => person.legalNameKana,
    }),
    usesNickname: t.boolean({
      nullable: true,
      description: "Whether the person uses a nickname (表示名): under the rule of `name`",
      select: personVisibilitySelect,
      authScopes: (person, _args, ctx) => personVisibility(ctx, person).name,
      resolve: (p) => p.displayName !== null,
    }),
    networkStatus: t.field({
      type: NetworkStatusEnum,
      nullable: true,
      description: "当事者・家族 status: staff only",
      authScopes: { staff: true },
      select: { networkStatus: true },
      resolve: (person) => person.networkStatus,
    }),
  }),
});

interface FiscalYearHours {
  fiscalYear: number;
  hours: number;
  activityCount: number;
}

const FiscalYearHoursRef = builder.objectRef<FiscalYearHours>("PersonFiscalYearHours").implement({
  description:
    "A person's approved activity in one 年度: in every group for staff and the person, else in the groups the viewer's role reaches",
  fields: (t) => ({
    fiscalYear: t.exposeInt("fiscalYear"),
    hours: t.exposeFloat("hours", { description: "hours with two decimals" }),
    activityCount: t.exposeInt("activityCount", { description: "approved activity logs the person took part in" }),
  }),
});

builder.prismaObjectFields("Person", (t) => ({
  hoursByFiscalYear: t.field({
    type: [FiscalYearHoursRef],
    nullable: true,
    description:
      "Approved activity per 年度, newest first: visible to whoever may see the person's name; other than staff and the person, counted in the groups the viewer's role reaches only",
    select: {
      ...personVisibilitySelect,
      // loaded with the person in the same query plan (no statement per person)
      participations: {
        where: { activityLog: { status: "APPROVED" } },
        select: { minutes: true, activityLog: { select: { fiscalYear: true, groupId: true } } },
      },
    },
    authScopes: (person, _args, ctx) => personVisibility(ctx, person).name,
    resolve: (person, _args, ctx) => {
      const counted = personActivityReach(signedIn(ctx), person.id);
      const byYear = new Map<number, { minutes: number; count: number }>();
      for (const p of person.participations) {
        if (!counted(p.activityLog.groupId)) continue;
        const fy = p.activityLog.fiscalYear;
        const sum = byYear.get(fy) ?? { minutes: 0, count: 0 };
        byYear.set(fy, { minutes: sum.minutes + p.minutes, count: sum.count + 1 });
      }
      return [...byYear]
        .sort(([a], [b]) => b - a)
        .map(([fiscalYear, { minutes, count }]) => ({ fiscalYear, hours: minutesToHours(minutes), activityCount: count }));
    },
  }),
}));

const personId = uuidOf({ ja: "人", en: "person" });

builder.queryFields((t) => ({
  person: t.prismaField({
    type: "Person",
    nullable: true,
    description:
      "One person (the person page): staff; the person; accounts whose role reaches one of the person's groups — a child only staff and the coordinators of the child's school. Null otherwise, as for an unknown id",
    authScopes: { signedIn: true },
    args: { id: t.arg.id({ required: true, validate: personId }) },
    resolve: async (query, _root, args, ctx) => {
      const viewer = signedIn(ctx);
      const id = String(args.id);
      const seen = await prisma().person.findFirst({
        where: { id, orgId: viewer.orgId },
        select: {
          ...personVisibilitySelect,
          memberships: { select: { groupId: true, group: { select: { programme: { select: { privacyTier: true } } } } } },
        },
      });
      // outside the viewer's reach the same answer as an unknown id: null, no error (no existence oracle)
      if (!seen || !personVisibility(ctx, seen).name) return null;
      // a child's record, or a member of a network or salon roster: a tier-restricted read (docs/domain.md)
      const restricted = seen.childVolunteer !== null || seen.memberships.some((m) => m.group.programme.privacyTier !== "OPEN");
      if (restricted && viewer.personId !== id) await auditRestrictedRead(ctx, "Person", [id]);
      return prisma().person.findUniqueOrThrow({ ...query, where: { id } });
    },
  }),
  people: t.prismaField({
    type: ["Person"],
    description: "Staff: people of the organisation in 五十音 order, by name, ふりがな (hiragana or katakana) or 表示名",
    authScopes: { staff: true },
    args: {
      search: t.arg.string({
        description: "several words must all match",
        validate: z
          .string()
          .max(100, bilingual({ ja: "検索語は100文字以内にしてください。", en: "The search is limited to 100 characters." })),
      }),
      first: t.arg.int({
        defaultValue: 20,
        validate: z
          .number()
          .int()
          .min(1, bilingual({ ja: "件数は1以上にしてください。", en: "Ask for at least one." }))
          .max(50, bilingual({ ja: "件数は50件までです。", en: "At most 50." })),
      }),
    },
    resolve: async (query, _root, args, ctx) => {
      const viewer = signedIn(ctx);
      // 五十音 order by the API's collation (as rosters): the matching names, then the page's rows
      const names = await prisma().person.findMany({
        where: { orgId: viewer.orgId, AND: searchWords(args.search).map((w) => searchWordWhere(viewer, w)) },
        select: { id: true, legalName: true, legalNameKana: true },
      });
      names.sort(
        (a, b) =>
          collator.compare(a.legalNameKana, b.legalNameKana) ||
          collator.compare(a.legalName, b.legalName) ||
          (a.id < b.id ? -1 : a.id > b.id ? 1 : 0),
      );
      const ids = names.slice(0, args.first ?? 20).map((p) => p.id);
      const rows = await prisma().person.findMany({ ...query, where: { id: { in: ids } } });
      const byId = new Map(rows.map((r) => [r.id, r]));
      return ids.flatMap((id) => byId.get(id) ?? []);
    },
  }),
}));
