// Outgoing mail goes through the MailOutbox table: written in the caller's transaction, then
// delivered by the console transport (the log) or, when SMTP_URL is set, by SMTP.
import type { Logger } from "pino";

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

/** Delivers pending mail with the console transport; returns how many were sent. */
export async function deliverPendingMail(log: Logger): Promise<number> {
  const pending = await prisma().mailOutbox.findMany({ where: { status: "PENDING" }, orderBy: { createdAt: "asc" }, take: 50 });
  for (const mail of pending) {
    log.info({ mailId: mail.id, to: mail.to, subject: mail.subject, text: mail.text }, "mail (console transport)");
    await prisma().mailOutbox.update({
      where: { id: mail.id },
      data: { status: "SENT", sentAt: new Date(), attempts: { increment: 1 } },
    });
  }
  return pending.length;
}
