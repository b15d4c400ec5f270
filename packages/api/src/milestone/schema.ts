// milestone — マイルストーン: first activity, hours and years of service, earned automatically when
// logs are approved (see award.ts). The definitions are data a 社協 changes (staff, definition.ts);
// a person's awards are seen by whoever may see the person's name.
import { z } from "zod";

import { prisma } from "@tsunagu/db/client";

import { builder } from "../builder.ts";
import { signedIn } from "../context.ts";
import { mutationErrors } from "../error-types.ts";
import { personActivityReachWhere, personVisibility, personVisibilitySelect } from "../person/access.ts";
import { bilingual } from "../validation.ts";
import { createMilestone, updateMilestone } from "./definition.ts";

const MilestoneKindEnum = builder.enumType("MilestoneKind", {
  values: {
    FIRST_ACTIVITY: { description: "はじめての活動" },
    HOURS: { description: "活動時間 (threshold: hours)" },
    YEARS_OF_SERVICE: { description: "活動年数 (threshold: years since the first membership)" },
  } as const,
});

const MilestoneRef = builder.prismaObject("Milestone", {
  description: "A milestone the organisation recognises (data: name, threshold and whether it is awarded)",
  fields: (t) => ({
    id: t.exposeID("id"),
    code: t.exposeString("code"),
    kind: t.expose("kind", { type: MilestoneKindEnum }),
    threshold: t.exposeInt("threshold", { description: "hours or years; 1 for the first activity" }),
    name: t.exposeString("name"),
    nameEn: t.exposeString("nameEn"),
    active: t.exposeBoolean("active", { description: "awarded from now on (past awards are kept either way)" }),
  }),
});

const MilestoneAwardRef = builder.prismaObject("MilestoneAward", {
  description: "A milestone earned by a person or a juvenile participant, once",
  fields: (t) => ({
    id: t.exposeID("id"),
    milestone: t.relation("milestone"),
    person: t.relation("person", { nullable: true }),
    juvenileCode: t.string({
      nullable: true,
      description: "仮名コード of a juvenile participant: staff and the institution liaison only",
      authScopes: (a) => (a.juvenileParticipantId === null ? true : { juvenileProgramme: true }),
      select: { juvenileParticipantId: true, juvenileParticipant: { select: { code: true } } },
      resolve: (a) => a.juvenileParticipant?.code ?? null,
    }),
    activityLogId: t.exposeID("activityLogId", { nullable: true, description: "the approved log that earned it" }),
    awardedAt: t.expose("awardedAt", { type: "DateTime" }),
  }),
});

// (prismaObjectFields: prismaObjectField's FieldRef typing clashes with the validation plugin's)
builder.prismaObjectFields("Person", (t) => ({
  milestoneAwards: t.field({
    type: [MilestoneAwardRef],
    nullable: true,
    description:
      "Milestones the person has earned: visible to whoever may see the person's name; other than staff and the person, those earned in the groups the viewer's role reaches",
    select: (_args, ctx, nestedSelection) => {
      const reach = personActivityReachWhere(ctx.viewer);
      return {
        ...personVisibilitySelect,
        milestoneAwards: nestedSelection({
          ...(reach ? { where: reach } : {}),
          orderBy: [{ awardedAt: "asc" as const }, { id: "asc" as const }],
        }),
      };
    },
    authScopes: (person, _args, ctx) => personVisibility(ctx, person).name,
    resolve: (person) => person.milestoneAwards,
  }),
}));

builder.queryField("milestones", (t) =>
  t.prismaField({
    type: ["Milestone"],
    description: "The organisation's milestone definitions",
    authScopes: { signedIn: true },
    resolve: (query, _root, _args, ctx) =>
      prisma().milestone.findMany({
        ...query,
        where: { orgId: signedIn(ctx).orgId },
        orderBy: [{ kind: "asc" }, { threshold: "asc" }],
      }),
  }),
);

const nameSchema = z
  .string()
  .trim()
  .min(1, bilingual({ ja: "名称を入力してください。", en: "Enter a name." }))
  .max(100, bilingual({ ja: "名称は100文字以内です。", en: "A name has at most 100 characters." }));
const thresholdSchema = z
  .number()
  .int()
  .min(1, bilingual({ ja: "しきい値は1以上です。", en: "The threshold is at least 1." }))
  .max(100_000, bilingual({ ja: "しきい値が大きすぎます。", en: "The threshold is too large." }));

const CreateMilestoneInput = builder.inputType("CreateMilestoneInput", {
  fields: (t) => ({
    code: t.string({
      required: true,
      validate: z.string().regex(
        /^[a-z0-9-]{1,40}$/,
        bilingual({
          ja: "コードは半角英小文字・数字・ハイフン（40文字以内）です。",
          en: "A code is lower-case letters, digits and hyphens (up to 40).",
        }),
      ),
    }),
    kind: t.field({ type: MilestoneKindEnum, required: true }),
    threshold: t.int({ required: true, validate: thresholdSchema }),
    name: t.string({ required: true, validate: nameSchema }),
    nameEn: t.string({ required: true, validate: nameSchema }),
    active: t.boolean({ defaultValue: true }),
  }),
});

const UpdateMilestoneInput = builder.inputType("UpdateMilestoneInput", {
  fields: (t) => ({
    name: t.string({ validate: nameSchema.nullish() }),
    nameEn: t.string({ validate: nameSchema.nullish() }),
    threshold: t.int({ validate: thresholdSchema.nullish() }),
    active: t.boolean(),
  }),
});

builder.mutationFields((t) => ({
  createMilestone: t.field({
    type: MilestoneRef,
    description: "マイルストーンを追加する (staff)",
    errors: { types: mutationErrors },
    authScopes: { staff: true },
    args: { input: t.arg({ type: CreateMilestoneInput, required: true }) },
    resolve: (_root, { input }, ctx) => createMilestone(ctx, input),
  }),
  updateMilestone: t.field({
    type: MilestoneRef,
    description: "マイルストーンの名称・しきい値・有効/無効を変える (staff); earned awards are kept",
    errors: { types: mutationErrors },
    authScopes: { staff: true },
    args: { id: t.arg.id({ required: true }), input: t.arg({ type: UpdateMilestoneInput, required: true }) },
    resolve: (_root, { id, input }, ctx) => updateMilestone(ctx, String(id), input),
  }),
}));
