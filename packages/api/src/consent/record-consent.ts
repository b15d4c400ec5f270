// Recording a guardian's consent (or refusal) for a child volunteer: the consent of that kind it
// replaces is withdrawn in the same transaction, never deleted, so at most one is in force.
import type { ConsentKind } from "@tsunagu/db";
import { prisma } from "@tsunagu/db/client";

import { audit } from "../audit/audit.ts";
import { findChild } from "../child-volunteer/access.ts";
import { signedIn, type Context } from "../context.ts";
import { NotFoundError } from "../errors.ts";
import { guardFreeText } from "../juvenile/code-in-text.ts";

export interface RecordConsentInput {
  childVolunteerId: string;
  kind: ConsentKind;
  granted: boolean;
  givenBy: string;
  givenOn: Date;
  scope: string;
  policyVersion: string;
}

/** Records the consent; returns its id. */
export async function recordConsent(ctx: Context, input: RecordConsentInput): Promise<string> {
  const viewer = signedIn(ctx);
  const child = await findChild(ctx, input.childVolunteerId);
  if (!child) throw new NotFoundError({ ja: "子ども福祉委員", en: "child volunteer" });
  return prisma().$transaction(async (tx) => {
    // read by the school's coordinators: never a juvenile code (../juvenile/code-in-text.ts)
    await guardFreeText(tx, viewer.orgId, { juvenile: false }, [
      { path: "input.givenBy", text: input.givenBy, what: { ja: "同意した人", en: "consenting guardian" } },
      { path: "input.scope", text: input.scope, what: { ja: "同意の範囲", en: "scope" } },
    ]);
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
    return consent.id;
  });
}
