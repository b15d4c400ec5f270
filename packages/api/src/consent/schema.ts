// consent — a guardian's consent for a 子ども福祉委員 (保護者同意 for activity, 写真掲載同意 for
// photos): who gave it, when, for what, under which version of the form. Seen and recorded by staff
// and the coordinators of the child's school. Consents are never deleted: withdrawal sets
// withdrawnAt, and recording a new consent of a kind closes (withdraws) the one it replaces, so at
// most one consent per kind is in force and "granted and not withdrawn" is the child's answer.
import { z } from "zod";

import { startOfDayInJapan, todayInJapan } from "@tsunagu/db";
import { prisma } from "@tsunagu/db/client";

import { audit } from "../audit/audit.ts";
import { builder } from "../builder.ts";
import { canSeeChild, canSeeConsentOf, findChild, findConsent } from "../child-volunteer/access.ts";
import { consentFormSchema } from "../child-volunteer/validation.ts";
import { mutationErrors } from "../error-types.ts";
import { ConflictError, InvalidInputError, NotFoundError } from "../errors.ts";

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
      const viewer = ctx.viewer!;
      const child = await findChild(ctx, String(input.childVolunteerId));
      if (!child) throw new NotFoundError("子ども福祉委員 / child volunteer");
      return prisma().$transaction(async (tx) => {
        const replaced = await tx.consent.findMany({
          where: { orgId: viewer.orgId, childVolunteerId: child.id, kind: input.kind, withdrawnAt: null },
          select: { id: true },
        });
        if (replaced.length > 0) {
          await tx.consent.updateMany({ where: { id: { in: replaced.map((c) => c.id) } }, data: { withdrawnAt: new Date() } });
        }
        const consent = await tx.consent.create({
          data: {
            orgId: viewer.orgId,
            childVolunteerId: child.id,
            kind: input.kind,
            granted: input.granted,
            givenBy: input.givenBy,
            givenOn: input.givenOn,
            scope: input.scope,
            policyVersion: input.policyVersion,
            recordedById: viewer.userId,
          },
          select: { id: true },
        });
        await audit(
          ctx,
          {
            action: "create",
            entity: "Consent",
            entityId: consent.id,
            details: {
              childVolunteerId: child.id,
              kind: input.kind,
              granted: input.granted,
              policyVersion: input.policyVersion,
              replaced: replaced.map((c) => c.id),
            },
          },
          tx,
        );
        return tx.consent.findUniqueOrThrow({ ...query, where: { id: consent.id } });
      });
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
      const consent = await findConsent(ctx, String(args.consentId));
      if (!consent) throw new NotFoundError("同意 / consent");
      if (consent.withdrawnAt) {
        throw new ConflictError(
          `この同意は既に撤回されています（${consent.withdrawnAt.toISOString().slice(0, 10)}）。`,
          `This consent was already withdrawn (${consent.withdrawnAt.toISOString().slice(0, 10)}).`,
        );
      }
      const today = todayInJapan();
      const on = args.on ?? today;
      if (on.getTime() > today.getTime()) {
        throw new InvalidInputError([{ path: "on", message: "撤回日が未来の日付です。", messageEn: "The withdrawal date is in the future." }]);
      }
      if (on.getTime() < consent.givenOn.getTime()) {
        throw new InvalidInputError([
          { path: "on", message: "撤回日が同意日より前です。", messageEn: "The withdrawal date is before the consent was given." },
        ]);
      }
      // today: from now on; an earlier day: from the start of that day in Japan
      const withdrawnAt = on.getTime() === today.getTime() ? new Date() : startOfDayInJapan(on);
      return prisma().$transaction(async (tx) => {
        const { count } = await tx.consent.updateMany({ where: { id: consent.id, withdrawnAt: null }, data: { withdrawnAt } });
        if (count === 0) throw new ConflictError("この同意は既に撤回されています。", "This consent was already withdrawn.");
        await audit(
          ctx,
          { action: "update", entity: "Consent", entityId: consent.id, details: { withdrawn: true, on: on.toISOString().slice(0, 10) } },
          tx,
        );
        return tx.consent.findUniqueOrThrow({ ...query, where: { id: consent.id } });
      });
    },
  }),
}));
