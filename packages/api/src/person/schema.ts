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
//  - phone, email, address: staff and the person themself (personContacts); notes, updatedAt and
//    history (the record's audit trail): staff only.
//  - updatePerson, mergePeople, possibleDuplicatePeople, personMergePreview: staff (the person master).
// Person.memberships lives in ../roster/schema.ts, beside the Membership type it returns.
import { z } from "zod";

import { prisma } from "@tsunagu/db/client";

import { auditRestrictedRead } from "../audit/audit.ts";
import { builder } from "../builder.ts";
import { signedIn } from "../context.ts";
import { mutationErrors } from "../error-types.ts";
import { collator, searchWords, searchWordWhere } from "../roster/query.ts";
import { minutesToHours } from "../roster/stats.ts";
import { bilingual, uuidOf } from "../validation.ts";
import {
  groupContactsVisible,
  personActivityReach,
  personContacts,
  personLegalName,
  personNameSelect,
  personVisibility,
  personVisibilitySelect,
} from "./access.ts";
import { duplicatePersonIds } from "./duplicates.ts";
import { blankToNull, personFieldRules, storedKana, storedPhone } from "./fields.ts";
import { mergePeople, mergePlan, type MergeCounts } from "./merge-people.ts";
import { loadPersonPart } from "./page.ts";
import { updatePerson } from "./update-person.ts";

const NetworkStatusEnum = builder.enumType("NetworkStatus", {
  values: ["FORMER_TOJISHA", "FAMILY", "SUPPORTER"] as const,
});

builder.prismaObject("Person", {
  description: "A volunteer or member (not a juvenile participant: those are codes only)",
  // only the columns the asked fields select (not every column of the row: contact details and
  // notes are not read unless asked, and Query.person leaves out what the viewer may not see)
  select: { id: true },
  fields: (t) => ({
    id: t.exposeID("id"),
    name: t.string({
      nullable: true,
      description: "表示名: the nickname if the person uses one, else the legal name",
      select: (_args, ctx) => personNameSelect(ctx.viewer, "legalName"),
      authScopes: (person, _args, ctx) => personVisibility(ctx, person).name,
      resolve: (person, _args, ctx) => person.displayName ?? personLegalName(ctx, person, "legalName"),
    }),
    legalName: t.string({
      nullable: true,
      select: (_args, ctx) => personNameSelect(ctx.viewer, "legalName"),
      authScopes: (person, _args, ctx) => personVisibility(ctx, person).legalName,
      resolve: (person, _args, ctx) => personLegalName(ctx, person, "legalName"),
    }),
    legalNameKana: t.string({
      nullable: true,
      description: "ふりがな (hiragana), for 五十音 order",
      select: (_args, ctx) => personNameSelect(ctx.viewer, "legalNameKana"),
      authScopes: (person, _args, ctx) => personVisibility(ctx, person).legalName,
      resolve: (person, _args, ctx) => personLegalName(ctx, person, "legalNameKana"),
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

/**
 * The person page's planned selection as far as the viewer may see: the legal name and ふりがな
 * only if the legal name is visible (then read here, as `name` needs it: no nickname — the name
 * fields of a viewer other than staff select neither, personNameSelect), and the contact details
 * unless personContacts refuses them. Staff-only columns (notes, updatedAt, 当事者 status) are not
 * asked by a non-staff screen; they are left out too.
 */
function onlySeenColumns<Q extends { select?: object; include?: object }>(query: Q, legalName: boolean, contacts: boolean): Q {
  if (!query.select) return query;
  const select: Record<string, unknown> = { ...query.select };
  const hidden = ["notes", "updatedAt", "networkStatus", "birthYear"];
  if (legalName) Object.assign(select, { legalName: true, legalNameKana: true });
  else hidden.push("legalName", "legalNameKana");
  if (!contacts) hidden.push("phone", "email", "address");
  for (const column of hidden) delete select[column];
  return { ...query, select };
}

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
      // staff see everyone of their organisation, and their reads are not audited: the person is
      // read in the statement that reads the page's thank-yous and certificates (./page.ts)
      if (viewer.isStaff) return loadPersonPart(ctx, id, query.select ?? { id: true });
      // for anyone else what decides the person's visibility is read first (in that statement)
      const seen = await loadPersonPart(ctx, id, {
        ...personVisibilitySelect,
        memberships: { select: { groupId: true, group: { select: { programme: { select: { privacyTier: true } } } } } },
      });
      // outside the viewer's reach the same answer as an unknown id: null, no error (no existence oracle)
      const visible = seen && personVisibility(ctx, seen);
      if (!seen || !visible || !visible.name) return null;
      // a child's record, or a member of a network or salon roster: a tier-restricted read (docs/domain.md)
      const restricted = seen.childVolunteer !== null || seen.memberships.some((m) => m.group.programme.privacyTier !== "OPEN");
      if (restricted && viewer.personId !== id) await auditRestrictedRead(ctx, "Person", [id]);
      return prisma().person.findUniqueOrThrow({
        ...onlySeenColumns(query, visible.legalName, personContacts(viewer, id)),
        where: { id },
      });
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

// ── the person master: contact details, staff's edit, duplicates, merge (docs/domain.md, "The person master")

builder.prismaObjectFields("Person", (t) => ({
  phone: t.string({
    nullable: true,
    description: "電話番号: staff and the person themself only (personContacts)",
    select: { id: true, phone: true },
    authScopes: (person, _args, ctx) => personContacts(ctx.viewer, person.id),
    resolve: (person) => person.phone,
  }),
  email: t.string({
    nullable: true,
    description: "メールアドレス: staff and the person themself only (personContacts)",
    select: { id: true, email: true },
    authScopes: (person, _args, ctx) => personContacts(ctx.viewer, person.id),
    resolve: (person) => person.email,
  }),
  address: t.string({
    nullable: true,
    description: "住所: staff and the person themself only (personContacts)",
    select: { id: true, address: true },
    authScopes: (person, _args, ctx) => personContacts(ctx.viewer, person.id),
    resolve: (person) => person.address,
  }),
  viewerCanSeeContacts: t.boolean({
    description: "Whether the viewer may see this person's phone, e-mail and address (personContacts)",
    resolve: (person, _args, ctx) => personContacts(ctx.viewer, person.id),
  }),
  viewerCanEdit: t.boolean({
    description: "Whether the viewer may edit and merge this person (updatePerson, mergePeople): staff",
    resolve: (_person, _args, ctx) => Boolean(ctx.viewer?.isStaff),
  }),
  notes: t.string({
    nullable: true,
    description: "staff's notes on the person: staff only",
    authScopes: { staff: true },
    select: { notes: true },
    resolve: (person) => person.notes,
  }),
  updatedAt: t.field({
    type: "DateTime",
    nullable: true,
    description: "when the details last changed (send it back as updatePerson's expectedUpdatedAt): staff only",
    authScopes: { staff: true },
    select: { updatedAt: true },
    resolve: (person) => person.updatedAt,
  }),
  history: t.prismaField({
    type: ["AuditEvent"],
    nullable: true,
    description: "The audit trail of this person record (edits, merges), newest first, at most 50: staff only",
    authScopes: { staff: true },
    resolve: (query, person, _args, ctx) =>
      prisma().auditEvent.findMany({
        ...query,
        where: { orgId: signedIn(ctx).orgId, entity: "Person", entityId: person.id },
        orderBy: { id: "desc" },
        take: 50,
      }),
  }),
}));

builder.prismaObjectFields("Group", (t) => ({
  viewerCanSeeContacts: t.boolean({
    description: "Whether the viewer may print this group's 連絡網 (its members' phone and e-mail): staff (personContacts)",
    resolve: (_group, _args, ctx) => groupContactsVisible(ctx.viewer),
  }),
}));

const UpdatePersonInput = builder.inputType("UpdatePersonInput", {
  fields: (t) => ({
    personId: t.id({ required: true }),
    expectedUpdatedAt: t.field({
      type: "DateTime",
      required: true,
      description: "the Person.updatedAt the form loaded: if the person changed since, nothing is saved (CONFLICT)",
    }),
    legalName: t.string({ required: true, description: "氏名" }),
    legalNameKana: t.string({ required: true, description: "ふりがな in hiragana or katakana; stored in hiragana" }),
    displayName: t.string({ description: "表示名・ニックネーム; blank: the person uses no nickname" }),
    phone: t.string(),
    email: t.string(),
    address: t.string(),
    notes: t.string(),
  }),
  validate: z.object({ personId, expectedUpdatedAt: z.date(), ...personFieldRules }),
});

const MergePeopleInput = builder.inputType("MergePeopleInput", {
  fields: (t) => ({
    survivorId: t.id({ required: true, description: "the record that stays" }),
    mergedId: t.id({ required: true, description: "the duplicate: its records move to the survivor, then it is deleted" }),
  }),
  validate: z.object({ survivorId: personId, mergedId: personId }),
});

const MergeCountsRef = builder.objectRef<MergeCounts>("PersonMergeCounts").implement({
  description: "What a merge moves to the survivor, by kind of record",
  fields: (t) => ({
    memberships: t.exposeInt("memberships"),
    participations: t.exposeInt("participations", { description: "activity-log participations" }),
    signUps: t.exposeInt("signUps"),
    thankYous: t.exposeInt("thankYous"),
    milestoneAwards: t.exposeInt("milestoneAwards"),
    certificates: t.exposeInt("certificates"),
    insuranceEnrolments: t.exposeInt("insuranceEnrolments"),
    tasks: t.exposeInt("tasks", { description: "event tasks assigned" }),
    childVolunteer: t.exposeInt("childVolunteer", { description: "1 if the child-volunteer record moves" }),
    account: t.exposeInt("account", { description: "1 if the sign-in account moves" }),
  }),
});

interface MergePreview {
  counts: MergeCounts;
  conflicts: Array<{ ja: string; en: string }>;
}

const MergePreviewRef = builder.objectRef<MergePreview>("PersonMergePreview").implement({
  description: "What mergePeople would do: what moves, and why it would be refused (empty: it may go ahead)",
  fields: (t) => ({
    counts: t.field({ type: MergeCountsRef, resolve: (p) => p.counts }),
    conflicts: t.stringList({ description: "in Japanese", resolve: (p) => p.conflicts.map((c) => c.ja) }),
    conflictsEn: t.stringList({ description: "the same in English", resolve: (p) => p.conflicts.map((c) => c.en) }),
  }),
});

builder.queryFields((t) => ({
  possibleDuplicatePeople: t.prismaField({
    type: ["Person"],
    description:
      "Staff: people already registered who are likely the person about to be registered (same ふりがな, or the same name and phone or birth year), in 五十音 order",
    authScopes: { staff: true },
    args: {
      legalName: t.arg.string({ required: true, validate: personFieldRules.legalName }),
      legalNameKana: t.arg.string({ required: true, validate: personFieldRules.legalNameKana }),
      phone: t.arg.string({ validate: personFieldRules.phone }),
    },
    resolve: async (query, _root, args, ctx) => {
      const viewer = signedIn(ctx);
      const ids = await duplicatePersonIds(prisma(), viewer.orgId, {
        legalName: args.legalName,
        legalNameKana: storedKana(args.legalNameKana),
        phone: args.phone,
      });
      const rows = await prisma().person.findMany({ ...query, where: { id: { in: ids }, orgId: viewer.orgId } });
      const keys = await prisma().person.findMany({ where: { id: { in: ids } }, select: { id: true, legalNameKana: true } });
      const kana = new Map(keys.map((k) => [k.id, k.legalNameKana]));
      return rows.sort((a, b) => collator.compare(kana.get(a.id) ?? "", kana.get(b.id) ?? ""));
    },
  }),
  personMergePreview: t.field({
    type: MergePreviewRef,
    description: "Staff: what merging mergedId into survivorId would move, and what would refuse it (nothing changes)",
    authScopes: { staff: true },
    args: {
      survivorId: t.arg.id({ required: true, validate: personId }),
      mergedId: t.arg.id({ required: true, validate: personId }),
    },
    errors: { types: mutationErrors },
    resolve: async (_root, args, ctx) => {
      const plan = await mergePlan(prisma(), signedIn(ctx).orgId, { survivorId: String(args.survivorId), mergedId: String(args.mergedId) });
      return { counts: plan.counts, conflicts: plan.conflicts };
    },
  }),
}));

builder.mutationFields((t) => ({
  updatePerson: t.prismaField({
    type: "Person",
    description:
      "Staff edit a person's details (names, contact, notes); refused with CONFLICT if the person changed since expectedUpdatedAt",
    authScopes: { staff: true },
    errors: { types: mutationErrors },
    args: { input: t.arg({ type: UpdatePersonInput, required: true }) },
    resolve: (query, _root, { input }, ctx) =>
      updatePerson(
        ctx,
        {
          personId: String(input.personId),
          expectedUpdatedAt: input.expectedUpdatedAt,
          legalName: input.legalName.trim(),
          legalNameKana: storedKana(input.legalNameKana),
          displayName: blankToNull(input.displayName),
          phone: storedPhone(input.phone),
          email: blankToNull(input.email),
          address: blankToNull(input.address),
          notes: blankToNull(input.notes),
        },
        query,
      ),
  }),
  mergePeople: t.prismaField({
    type: "Person",
    description:
      "Staff merge a duplicate record into the survivor: everything moves in one transaction and the duplicate is deleted; refused when both hold what only one may (docs/domain.md)",
    authScopes: { staff: true },
    errors: { types: mutationErrors },
    args: { input: t.arg({ type: MergePeopleInput, required: true }) },
    resolve: (query, _root, { input }, ctx) =>
      mergePeople(ctx, { survivorId: String(input.survivorId), mergedId: String(input.mergedId) }, query),
  }),
}));
