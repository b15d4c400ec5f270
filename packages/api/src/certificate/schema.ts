// certificate — 感謝状 issued to a person, a youth of the juvenile programme (printed without a
// name or code) or a group, numbered per organisation. The PDF is served at
// /api/certificates/:id.pdf (pdf.ts); who may see one is access.ts.
import { z } from "zod";

import { prisma } from "@tsunagu/db/client";

import { audit, auditRestrictedRead } from "../audit/audit.ts";
import { builder } from "../builder.ts";
import { mutationErrors } from "../error-types.ts";
import { InvalidInputError } from "../errors.ts";
import { formatWareki } from "../recognition/dates.ts";
import { RecordNotFoundError } from "../recognition/errors.ts";
import { dayOf, textOf, uuidOf } from "../recognition/validate.ts";
import { juvenileCertificateIds, visibleCertificatesWhere } from "./access.ts";

const CertificateRecipientKindEnum = builder.enumType("CertificateRecipientKind", {
  values: ["PERSON", "JUVENILE_PARTICIPANT", "GROUP"] as const,
});

builder.prismaObject("Certificate", {
  description: "感謝状 — a certificate of thanks, numbered per organisation; download it from pdfUrl",
  fields: (t) => ({
    id: t.exposeID("id"),
    serialNumber: t.exposeInt("serialNumber", { description: "第N号, counted per organisation" }),
    title: t.exposeString("title"),
    body: t.exposeString("body"),
    issuedOn: t.expose("issuedOn", { type: "Date" }),
    issuedOnWareki: t.string({
      description: "the day of issue in 和暦, e.g. 令和8年11月26日",
      select: { issuedOn: true },
      resolve: (c) => formatWareki(c.issuedOn),
    }),
    recipientKind: t.field({
      type: CertificateRecipientKindEnum,
      select: { personId: true, juvenileParticipantId: true },
      resolve: (c) => (c.personId ? "PERSON" : c.juvenileParticipantId ? "JUVENILE_PARTICIPANT" : "GROUP"),
    }),
    person: t.relation("person", { nullable: true }),
    juvenileParticipant: t.relation("juvenileParticipant", { nullable: true }),
    group: t.relation("group", { nullable: true }),
    milestoneAwardId: t.exposeID("milestoneAwardId", { nullable: true }),
    pdfUrl: t.string({
      description: "where the PDF is downloaded (GET, with the session cookie)",
      select: { id: true },
      resolve: (c) => `/api/certificates/${c.id}.pdf`,
    }),
  }),
});

const IssueCertificateInput = builder.inputType("IssueCertificateInput", {
  description: "A certificate for exactly one person, juvenile participant or group",
  fields: (t) => ({
    personId: t.id({ validate: uuidOf({ ja: "個人", en: "person" }) }),
    juvenileParticipantId: t.id({ validate: uuidOf({ ja: "少年院ボランティアの参加者", en: "juvenile participant" }) }),
    groupId: t.id({ validate: uuidOf({ ja: "団体", en: "group" }) }),
    milestoneAwardId: t.id({
      description: "the milestone the certificate honours, if any (same recipient)",
      validate: uuidOf({ ja: "マイルストーン", en: "milestone award" }),
    }),
    title: t.string({ required: true, description: "usually 感謝状", validate: textOf({ ja: "表題", en: "title" }, 30) }),
    body: t.string({
      required: true,
      description: "the text of thanks; the recipient, date and signature are printed by the layout",
      validate: textOf({ ja: "本文", en: "body" }, 800),
    }),
    issuedOn: t.field({
      type: "Date",
      required: true,
      description: "the day of issue (up to a year ahead, for a ceremony)",
      validate: dayOf({ ja: "発行日", en: "day of issue" }, 366),
    }),
  }),
  validate: z
    .looseObject({ personId: z.unknown().optional(), juvenileParticipantId: z.unknown().optional(), groupId: z.unknown().optional() })
    .refine((i) => [i.personId, i.juvenileParticipantId, i.groupId].filter(Boolean).length === 1, {
      message: "宛先は個人・少年院ボランティアの参加者・団体のいずれか一つを指定してください。 / Give exactly one recipient: a person, a juvenile participant or a group.",
      path: ["personId"],
    }),
});

builder.queryField("certificates", (t) =>
  t.prismaConnection({
    type: "Certificate",
    cursor: "id",
    description: "Certificates the viewer may see, newest number first (optionally of one recipient)",
    args: {
      personId: t.arg.id({ validate: uuidOf({ ja: "個人", en: "person" }) }),
      juvenileParticipantId: t.arg.id({ validate: uuidOf({ ja: "少年院ボランティアの参加者", en: "juvenile participant" }) }),
      groupId: t.arg.id({ validate: uuidOf({ ja: "団体", en: "group" }) }),
    },
    resolve: async (query, _root, args, ctx) => {
      const viewer = ctx.viewer!;
      const rows = await prisma().certificate.findMany({
        ...query,
        where: {
          AND: [
            visibleCertificatesWhere(viewer),
            args.personId ? { personId: String(args.personId) } : {},
            args.juvenileParticipantId ? { juvenileParticipantId: String(args.juvenileParticipantId) } : {},
            args.groupId ? { groupId: String(args.groupId) } : {},
          ],
        },
        orderBy: { serialNumber: "desc" },
      });
      await auditRestrictedRead(ctx, "Certificate", juvenileCertificateIds(viewer, rows));
      return rows;
    },
  }),
);

const codeInText = (ja: string, en: string) =>
  new InvalidInputError([
    {
      path: "input.body",
      message: `${ja}に少年院ボランティアの参加者コードは書けません（少年法61条）。`,
      messageEn: `The ${en} may not contain a juvenile participant's code (Juvenile Act, art. 61).`,
    },
  ]);

builder.mutationField("issueCertificate", (t) =>
  t.prismaField({
    type: "Certificate",
    description: "Issues a certificate with the organisation's next serial number (staff)",
    authScopes: { staff: true },
    errors: { types: mutationErrors },
    args: { input: t.arg({ type: IssueCertificateInput, required: true }) },
    resolve: async (query, _root, { input }, ctx) => {
      const viewer = ctx.viewer!;
      const orgId = viewer.orgId;
      const personId = input.personId ? String(input.personId) : null;
      const juvenileParticipantId = input.juvenileParticipantId ? String(input.juvenileParticipantId) : null;
      const groupId = input.groupId ? String(input.groupId) : null;
      const milestoneAwardId = input.milestoneAwardId ? String(input.milestoneAwardId) : null;
      const title = input.title.trim();
      const body = input.body.trim();

      return prisma().$transaction(async (tx) => {
        // serial numbers: one issuer at a time per organisation (the row lock), then max + 1
        await tx.$queryRaw`SELECT "id" FROM "Organization" WHERE "id" = ${orgId}::uuid FOR UPDATE`;

        let juvenileText = false;
        if (personId) {
          if ((await tx.person.count({ where: { id: personId, orgId } })) === 0) throw new RecordNotFoundError("個人", "person");
        } else if (juvenileParticipantId) {
          if ((await tx.juvenileParticipant.count({ where: { id: juvenileParticipantId, orgId } })) === 0) {
            throw new RecordNotFoundError("少年院ボランティアの参加者", "juvenile participant");
          }
          juvenileText = true;
        } else if (groupId) {
          const group = await tx.group.findFirst({ where: { id: groupId, orgId }, select: { programme: { select: { privacyTier: true } } } });
          if (!group) throw new RecordNotFoundError("団体", "group");
          juvenileText = group.programme.privacyTier === "JUVENILE";
        }
        if (juvenileText) {
          // nothing printed may identify a youth (少年法61条): no participant code in the text
          const codes = await tx.juvenileParticipant.findMany({ where: { orgId }, select: { code: true } });
          if (codes.some(({ code }) => body.includes(code))) throw codeInText("本文", "body");
          if (codes.some(({ code }) => title.includes(code))) throw codeInText("表題", "title");
        }
        if (milestoneAwardId) {
          const award = await tx.milestoneAward.findFirst({
            where: { id: milestoneAwardId, orgId },
            select: { personId: true, juvenileParticipantId: true },
          });
          if (!award) throw new RecordNotFoundError("マイルストーン", "milestone award");
          const sameRecipient =
            (personId !== null && award.personId === personId) ||
            (juvenileParticipantId !== null && award.juvenileParticipantId === juvenileParticipantId);
          if (!sameRecipient) {
            throw new InvalidInputError([
              {
                path: "input.milestoneAwardId",
                message: "マイルストーンは感謝状の宛先と同じ方のものを指定してください。",
                messageEn: "The milestone award must belong to the certificate's recipient.",
              },
            ]);
          }
        }

        const { _max } = await tx.certificate.aggregate({ where: { orgId }, _max: { serialNumber: true } });
        const serialNumber = (_max.serialNumber ?? 0) + 1;
        const certificate = await tx.certificate.create({
          ...query,
          data: {
            orgId,
            serialNumber,
            personId,
            juvenileParticipantId,
            groupId,
            milestoneAwardId,
            title,
            body,
            issuedOn: input.issuedOn,
            issuedById: viewer.userId,
          },
        });
        await audit(ctx, { action: "create", entity: "Certificate", entityId: certificate.id, details: { serialNumber } }, tx);
        return certificate;
      });
    },
  }),
);
