// certificate — 感謝状 issued to a person, a youth of the juvenile programme (printed without a
// name or code) or a group, numbered per organisation. The PDF is served at
// /api/certificates/:id.pdf (pdf.ts); who may see one is access.ts; issuing is issue.ts.
import { z } from "zod";

import { prisma } from "@tsunagu/db/client";

import { auditRestrictedRead } from "../audit/audit.ts";
import { builder } from "../builder.ts";
import { signedIn } from "../context.ts";
import { mutationErrors } from "../error-types.ts";
import { loadPersonCertificates } from "../person/page.ts";
import { bilingual, dayOf, textOf, uuidOf } from "../validation.ts";
import { juvenileCertificateIds, visibleCertificatesWhere } from "./access.ts";
import { issueCertificate } from "./issue.ts";
import { formatWareki } from "./wareki.ts";

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
      message: bilingual({
        ja: "宛先は個人・少年院ボランティアの参加者・団体のいずれか一つを指定してください。",
        en: "Give exactly one recipient: a person, a juvenile participant or a group.",
      }),
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
      const viewer = signedIn(ctx);
      const read = {
        ...query,
        where: {
          AND: [
            visibleCertificatesWhere(viewer),
            args.personId ? { personId: String(args.personId) } : {},
            args.juvenileParticipantId ? { juvenileParticipantId: String(args.juvenileParticipantId) } : {},
            args.groupId ? { groupId: String(args.groupId) } : {},
          ],
        },
        orderBy: { serialNumber: "desc" as const },
      };
      // a person's (the person page's): read through the person, with the page's other reads (../person/page.ts)
      const rows = args.personId
        ? await loadPersonCertificates(ctx, String(args.personId), read)
        : await prisma().certificate.findMany(read);
      await auditRestrictedRead(ctx, "Certificate", juvenileCertificateIds(viewer, rows));
      return rows;
    },
  }),
);

builder.mutationField("issueCertificate", (t) =>
  t.prismaField({
    type: "Certificate",
    description: "Issues a certificate with the organisation's next serial number (staff)",
    authScopes: { staff: true },
    errors: { types: mutationErrors },
    args: { input: t.arg({ type: IssueCertificateInput, required: true }) },
    resolve: async (query, _root, { input }, ctx) => {
      const certificateId = await issueCertificate(ctx, {
        ...input,
        personId: input.personId ? String(input.personId) : null,
        juvenileParticipantId: input.juvenileParticipantId ? String(input.juvenileParticipantId) : null,
        groupId: input.groupId ? String(input.groupId) : null,
        milestoneAwardId: input.milestoneAwardId ? String(input.milestoneAwardId) : null,
      });
      return prisma().certificate.findUniqueOrThrow({ ...query, where: { id: certificateId } });
    },
  }),
);
