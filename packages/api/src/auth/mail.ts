// Outgoing mail goes through the MailOutbox table: written in the caller's transaction, then
// delivered by the loop of ./mail-delivery.ts (SMTP, or a file outside production).
import type { Prisma } from "@tsunagu/db";
import { prisma } from "@tsunagu/db/client";

export interface Mail {
  orgId?: string | null;
  to: string;
  subject: string;
  text: string;
}

export async function enqueueMail(mail: Mail, tx?: Prisma.TransactionClient): Promise<string> {
  const row = await (tx ?? prisma()).mailOutbox.create({
    data: { orgId: mail.orgId ?? null, to: mail.to, subject: mail.subject, text: mail.text },
    select: { id: true },
  });
  return row.id;
}

/** Several mails in one statement (e.g. the notifications of a bulk approval), in the caller's transaction. */
export async function enqueueMails(mails: readonly Mail[], tx: Prisma.TransactionClient): Promise<number> {
  if (mails.length === 0) return 0;
  const { count } = await tx.mailOutbox.createMany({
    data: mails.map((mail) => ({ orgId: mail.orgId ?? null, to: mail.to, subject: mail.subject, text: mail.text })),
  });
  return count;
}
