// "Your access changed": the mail an account's holder gets through the outbox when staff grant,
// revoke or hand over one of its roles. It names the role's kind and nothing else — no group, no
// link with a token, nobody else's name — and asks them to sign in to see what they can reach.
import type { AccessRole, Prisma } from "@tsunagu/db";

import { enqueueMail } from "../auth/mail.ts";
import { readApiEnv } from "../env.ts";
import { roleName } from "./scope.ts";

export async function mailAccessChanged(
  tx: Prisma.TransactionClient,
  to: { orgId: string; email: string; name: string },
  change: "granted" | "revoked",
  role: AccessRole,
): Promise<void> {
  const { publicUrl } = readApiEnv();
  const name = roleName[role];
  const ja = change === "granted" ? `「${name.ja}」の役割が付与されました。` : `「${name.ja}」の役割が終了しました。`;
  const en = change === "granted" ? `You were given the role of ${name.en}.` : `Your role of ${name.en} has ended.`;
  await enqueueMail(
    {
      orgId: to.orgId,
      to: to.email,
      subject: "【ツナグ】アクセス権が変わりました / Your Tsunagu access changed",
      text:
        `${to.name} 様\n\nツナグでのアクセス権が変わりました。${ja}\n` +
        `サインインすると、今ご覧いただける内容を確認できます。${publicUrl}\n` +
        `お心当たりがない場合は、社会福祉協議会の担当者へご連絡ください。\n\n` +
        `Your access in Tsunagu changed. ${en}\n` +
        `Sign in to see what you can reach now: ${publicUrl}\n` +
        `If you did not expect this, please contact the council's staff.\n`,
    },
    tx,
  );
}
