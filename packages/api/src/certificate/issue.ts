// Issuing a certificate (感謝状): the recipient must be of the organisation, a milestone it honours
// the recipient's own, and nothing printed may carry a youth's code in any form (少年法61条;
// ../juvenile/code-in-text.ts). Serial numbers count per organisation, one issuer at a time.
import { prisma } from "@tsunagu/db/client";

import { audit } from "../audit/audit.ts";
import { signedIn, type Context } from "../context.ts";
import { fieldIssue, InvalidInputError, NotFoundError } from "../errors.ts";
import { guardFreeText } from "../juvenile/code-in-text.ts";

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

    if (personId) {
      if ((await tx.person.count({ where: { id: personId, orgId } })) === 0) throw new NotFoundError({ ja: "個人", en: "person" });
    } else if (juvenileParticipantId) {
      if ((await tx.juvenileParticipant.count({ where: { id: juvenileParticipantId, orgId } })) === 0) {
        throw new NotFoundError({ ja: "少年院ボランティアの参加者", en: "juvenile participant" });
      }
    } else if (groupId) {
      if ((await tx.group.count({ where: { id: groupId, orgId } })) === 0) throw new NotFoundError({ ja: "団体", en: "group" });
    }
    // a certificate is printed and handed over, whoever it is for: it never carries a youth's code
    // in any form (少年法61条), neither a youth's or a cohort's nor a person's or another group's
    await guardFreeText(tx, orgId, { juvenile: false }, [
      { path: "input.title", text: title, what: { ja: "表題", en: "title" } },
      { path: "input.body", text: body, what: { ja: "本文", en: "body" } },
    ]);
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
