// Issuing a certificate (感謝状): the recipient must be of the organisation, a milestone it honours
// the recipient's own, and nothing printed for the juvenile programme may carry a youth's code
// (少年法61条). Serial numbers count per organisation, one issuer at a time.
import { prisma } from "@tsunagu/db/client";

import { audit } from "../audit/audit.ts";
import { signedIn, type Context } from "../context.ts";
import { fieldIssue, InvalidInputError, NotFoundError } from "../errors.ts";

export interface IssueCertificateInput {
  /** exactly one recipient: a person, a youth of the juvenile programme or a group */
  personId: string | null;
  juvenileParticipantId: string | null;
  groupId: string | null;
  milestoneAwardId: string | null;
  title: string;
  body: string;
  issuedOn: Date;
}

const codeInText = (ja: string, en: string) =>
  new InvalidInputError([
    fieldIssue("input.body", {
      ja: `${ja}に少年院ボランティアの参加者コードは書けません（少年法61条）。`,
      en: `The ${en} may not contain a juvenile participant's code (Juvenile Act, art. 61).`,
    }),
  ]);

/** Issues the certificate with the organisation's next serial number; returns its id. */
export function issueCertificate(ctx: Context, input: IssueCertificateInput): Promise<string> {
  const viewer = signedIn(ctx);
  const orgId = viewer.orgId;
  const { personId, juvenileParticipantId, groupId, milestoneAwardId } = input;
  const title = input.title.trim();
  const body = input.body.trim();
  return prisma().$transaction(async (tx) => {
    // serial numbers: one issuer at a time per organisation (the row lock), then max + 1
    await tx.$queryRaw`SELECT "id" FROM "Organization" WHERE "id" = ${orgId}::uuid FOR UPDATE`;

    let juvenileText = false;
    if (personId) {
      if ((await tx.person.count({ where: { id: personId, orgId } })) === 0) throw new NotFoundError({ ja: "個人", en: "person" });
    } else if (juvenileParticipantId) {
      if ((await tx.juvenileParticipant.count({ where: { id: juvenileParticipantId, orgId } })) === 0) {
        throw new NotFoundError({ ja: "少年院ボランティアの参加者", en: "juvenile participant" });
      }
      juvenileText = true;
    } else if (groupId) {
      const group = await tx.group.findFirst({ where: { id: groupId, orgId }, select: { programme: { select: { privacyTier: true } } } });
      if (!group) throw new NotFoundError({ ja: "団体", en: "group" });
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
      if (!award) throw new NotFoundError({ ja: "マイルストーン", en: "milestone award" });
      const sameRecipient =
        (personId !== null && award.personId === personId) ||
        (juvenileParticipantId !== null && award.juvenileParticipantId === juvenileParticipantId);
      if (!sameRecipient) {
        throw new InvalidInputError([
          fieldIssue("input.milestoneAwardId", {
            ja: "マイルストーンは感謝状の宛先と同じ方のものを指定してください。",
            en: "The milestone award must belong to the certificate's recipient.",
          }),
        ]);
      }
    }

    const { _max } = await tx.certificate.aggregate({ where: { orgId }, _max: { serialNumber: true } });
    const serialNumber = (_max.serialNumber ?? 0) + 1;
    const certificate = await tx.certificate.create({
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
      select: { id: true },
    });
    await audit(ctx, { action: "create", entity: "Certificate", entityId: certificate.id, details: { serialNumber } }, tx);
    return certificate.id;
  });
}
