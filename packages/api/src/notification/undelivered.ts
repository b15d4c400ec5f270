// Mail the outbox could not deliver (auth/mail-delivery.ts): given up (FAILED: an SMTP refusal or the
// 10th failed attempt) or still being retried after a failure. Staff see them on お知らせ so that
// someone phones the people a notice or an invitation did not reach. The body is never shown (it is
// erased once a mail is given up, and a waiting one may hold a link with a token).
import { prisma } from "@tsunagu/db/client";

import { signedIn, type Context } from "../context.ts";

export interface UndeliveredMail {
  id: string;
  to: string;
  subject: string;
  status: "FAILED" | "RETRYING";
  attempts: number;
  lastError: string | null;
  createdAt: Date;
  nextAttemptAt: Date | null;
}

/** the organisation's undelivered mail, newest first (at most `limit`) */
export async function undeliveredMails(ctx: Context, limit = 100): Promise<UndeliveredMail[]> {
  const rows = await prisma().mailOutbox.findMany({
    where: {
      orgId: signedIn(ctx).orgId,
      OR: [{ status: "FAILED" }, { status: "PENDING", attempts: { gt: 0 }, lastError: { not: null } }],
    },
    select: { id: true, to: true, subject: true, status: true, attempts: true, lastError: true, createdAt: true, nextAttemptAt: true },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: limit,
  });
  return rows.map((r) => ({
    ...r,
    status: r.status === "FAILED" ? "FAILED" : "RETRYING",
    nextAttemptAt: r.status === "FAILED" ? null : r.nextAttemptAt,
  }));
}
