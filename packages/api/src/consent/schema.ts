// consent — a guardian's consent for a 子ども福祉委員 (保護者同意 for activity, 写真掲載同意 for
// photos): who gave it, when, for what, under which version of the form. Seen and recorded by staff
// and the coordinators of the child's school. Consents are never deleted: withdrawal sets
// withdrawnAt, and recording a new consent of a kind closes (withdraws) the one it replaces, so at
// most one consent per kind is in force and "granted and not withdrawn" is the child's answer.
import { z } from "zod";

import { prisma } from "@tsunagu/db/client";

import { builder } from "../builder.ts";
import { canSeeChild, canSeeConsentOf, findChild, findConsent } from "../child-volunteer/access.ts";
import { consentFormSchema } from "../child-volunteer/validation.ts";
import { mutationErrors } from "../error-types.ts";
import { recordConsent } from "./record-consent.ts";
import { withdrawConsent } from "./withdraw-consent.ts";

const ConsentKindEnum = builder.enumType("ConsentKind", {
  description: "GUARDIAN_ACTIVITY 保護者同意（活動参加）, PHOTO_PUBLICATION 写真掲載同意",
  values: ["GUARDIAN_ACTIVITY", "PHOTO_PUBLICATION"] as const,
});

builder.prismaObject("Consent", {
  description: "保護者同意 — a guardian's consent for a child volunteer; never deleted, withdrawal sets withdrawnAt",
  runScopesOnType: true,
  authScopes: (consent, ctx) => canSeeConsentOf(ctx, consent),
  fields: (t) => ({
    id: t.exposeID("id"),
    kind: t.expose("kind", { type: ConsentKindEnum }),
    granted: t.exposeBoolean("granted", { description: "true: 同意, false: 不同意 (refused)" }),
    givenBy: t.exposeString("givenBy", { description: "who gave it, as written on the form" }),
    givenOn: t.expose("givenOn", { type: "Date" }),
    scope: t.exposeString("scope"),
    policyVersion: t.exposeString("policyVersion"),
    recordedAt: t.expose("recordedAt", { type: "DateTime" }),
    recordedByName: t.string({
      nullable: true,
      description: "the account that recorded it",
      select: { recordedBy: { select: { name: true } } },
      resolve: (c) => c.recordedBy?.name ?? null,
    }),
    withdrawnAt: t.expose("withdrawnAt", { type: "DateTime", nullable: true }),
    inForce: t.boolean({
      description: "granted and not withdrawn",
      select: { granted: true, withdrawnAt: true },
      resolve: (c) => c.granted && c.withdrawnAt === null,
    }),
    childVolunteer: t.relation("childVolunteer"),
  }),
});

export const ConsentStateEnum = builder.enumType("ConsentState", {
  description:
    "A child's answer for one kind of consent, from its latest record: NOT_SUBMITTED 未提出 (no form back), GRANTED 同意, DECLINED 不同意 (the form came back refused), WITHDRAWN 撤回 (granted, then withdrawn)",
  values: ["NOT_SUBMITTED", "GRANTED", "DECLINED", "WITHDRAWN"] as const,
});

type ConsentRecordFlags = { kind: string; granted: boolean; withdrawnAt: Date | null };

/** The state of one kind from a child's consents, oldest first (the latest record is the answer). */
export function consentState(consents: readonly ConsentRecordFlags[], kind: "GUARDIAN_ACTIVITY" | "PHOTO_PUBLICATION") {
  const latest = consents.filter((c) => c.kind === kind).at(-1);
  if (!latest) return "NOT_SUBMITTED" as const;
  if (!latest.granted) return "DECLINED" as const;
  return latest.withdrawnAt === null ? ("GRANTED" as const) : ("WITHDRAWN" as const);
}

/** A consent form as the guardian filled it in (also used when registering a child). */
export const ConsentFormInput = builder.inputType("ConsentFormInput", {
  description: "A consent form: granted or refused, by whom, on which day, for what, which version of the form",
  fields: (t) => ({
    granted: t.boolean({ required: true }),
    givenBy: t.string({ required: true }),
    givenOn: t.field({ type: "Date", required: true }),
    scope: t.string({ required: true }),
    policyVersion: t.string({ required: true }),
  }),
  validate: consentFormSchema,
});

const RecordConsentInput = builder.inputType("RecordConsentInput", {
  fields: (t) => ({
    childVolunteerId: t.id({ required: true }),
    kind: t.field({ type: ConsentKindEnum, required: true }),
    granted: t.boolean({ required: true }),
    givenBy: t.string({ required: true }),
    givenOn: t.field({ type: "Date", required: true }),
    scope: t.string({ required: true }),
    policyVersion: t.string({ required: true }),
  }),
  validate: consentFormSchema.extend({ childVolunteerId: z.string(), kind: z.enum(["GUARDIAN_ACTIVITY", "PHOTO_PUBLICATION"]) }),
});

builder.mutationFields((t) => ({
  recordConsent: t.prismaField({
    type: "Consent",
    description: "Records a guardian's consent (or refusal); the consent of that kind it replaces is withdrawn, never deleted",
    errors: { types: mutationErrors },
    args: { input: t.arg({ type: RecordConsentInput, required: true }) },
    // an unknown child passes here so the resolver can say NOT_FOUND
    authScopes: async (_root, { input }, ctx) => {
      const child = await findChild(ctx, String(input.childVolunteerId));
      return child === null ? ctx.viewer !== null : canSeeChild(ctx, child);
    },
    resolve: async (query, _root, { input }, ctx) => {
      const consentId = await recordConsent(ctx, { ...input, childVolunteerId: String(input.childVolunteerId) });
      return prisma().consent.findUniqueOrThrow({ ...query, where: { id: consentId } });
    },
  }),

  withdrawConsent: t.prismaField({
    type: "Consent",
    description: "Withdraws a consent as of a day (default today); the record is kept",
    errors: { types: mutationErrors },
    args: {
      consentId: t.arg.id({ required: true }),
      on: t.arg({ type: "Date", description: "the day the withdrawal takes effect (today or before); default today" }),
    },
    // an unknown consent passes here so the resolver can say NOT_FOUND
    authScopes: async (_root, args, ctx) => {
      const consent = await findConsent(ctx, String(args.consentId));
      return consent === null ? ctx.viewer !== null : canSeeConsentOf(ctx, consent);
    },
    resolve: async (query, _root, args, ctx) => {
      const consentId = await withdrawConsent(ctx, String(args.consentId), args.on ?? null);
      return prisma().consent.findUniqueOrThrow({ ...query, where: { id: consentId } });
    },
  }),
}));
