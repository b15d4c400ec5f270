// Sign-in is limited per account as well as per address. Better Auth counts attempts per client
// address (rateLimit in auth.ts), so many addresses could keep guessing one account's password; this
// counts failed sign-ins per account, from every address, with rate-limiter-flexible in the
// database (the SignInFailure table, so every server instance sees the same count).
//
// After FAILURES_ALLOWED failed sign-ins within the window, the account's sign-in is refused for the
// rest of the window with a clear message. Nobody is locked out for good: the window ends, a
// successful sign-in clears the count, and so does a password reset (the message says so).
//
// Each attempt takes its point before the password is checked (one atomic increment in the
// database), not after it failed: otherwise a burst of concurrent guesses — at one instance or
// spread over several — would all pass the check before any failure was counted. A sign-in that
// succeeds clears the count; one that ends for another reason than a wrong password gets its point back.
import { APIError } from "better-auth/api";
import { RateLimiterPrisma, RateLimiterRes } from "rate-limiter-flexible";

import { prisma } from "@tsunagu/db/client";

const FAILURES_ALLOWED = 10;
const WINDOW_MINUTES = 15;

export function accountSignInLimit() {
  const counter = new RateLimiterPrisma({
    storeClient: prisma(),
    tableName: "signInFailure",
    keyPrefix: "account",
    points: FAILURES_ALLOWED,
    duration: WINDOW_MINUTES * 60,
    // expired rows are replaced on the next failure; no timer in the background
    clearExpiredByTimeout: false,
  });
  const keyOf = (email: unknown) => (typeof email === "string" && email.trim() ? email.trim().toLowerCase() : null);
  return {
    /** counts an attempt before its password is checked; throws 429 when the account has used up its failures in this window */
    async attempt(email: unknown): Promise<void> {
      const key = keyOf(email);
      if (!key) return;
      try {
        await counter.consume(key, 1);
      } catch (refused) {
        if (!(refused instanceof RateLimiterRes)) throw refused;
        const minutes = Math.max(1, Math.ceil(refused.msBeforeNext / 60_000));
        throw new APIError("TOO_MANY_REQUESTS", {
          code: "ACCOUNT_SIGN_IN_LIMITED",
          message: `このアカウントへのログインの失敗が続いたため、あと${minutes}分間ログインできません。パスワードを再設定すると、すぐにログインできます。`,
          messageEn: `Too many failed sign-ins to this account: signing in is paused for ${minutes} more minute(s). Resetting the password lifts the pause at once.`,
        });
      }
    },
    /** a wrong password (for any address given, existing or not: the answer must not tell them apart): its point stays */
    async failed(): Promise<void> {
      // counts of ended windows are of no use: each failure sweeps them, so the table stays small
      await prisma()
        .signInFailure.deleteMany({ where: { expire: { lt: new Date() } } })
        .catch(() => undefined);
    },
    /** an attempt that ended for another reason than a wrong password (e.g. a malformed request) */
    async notCounted(email: unknown): Promise<void> {
      const key = keyOf(email);
      if (key) await counter.reward(key, 1);
    },
    async cleared(email: unknown): Promise<void> {
      const key = keyOf(email);
      if (key) await counter.delete(key);
    },
  };
}
