// Accounts and sessions: Better Auth over our Prisma client. Sign-up is closed — staff invite
// accounts (see ../account/schema.ts); sessions and rate-limit counters live in the database, so
// several server instances can share one PostgreSQL. A password reset ends every session of the
// account; an account's name, e-mail and existence change only through Tsunagu's own audited
// mutations (Better Auth's update-user, change-email and delete-user are switched off); sign-in is
// limited per address (Better Auth) and per account (sign-in-limit.ts); a successful sign-in is
// recorded on the account (lastSignInAt).
import { betterAuth } from "better-auth";
import { prismaAdapter } from "better-auth/adapters/prisma";
import { createAuthMiddleware, isAPIError } from "better-auth/api";
import type { Logger } from "pino";

import { prisma } from "@tsunagu/db/client";

import type { ApiEnv } from "../env.ts";
import { enqueueMail } from "./mail.ts";
import { accountSignInLimit } from "./sign-in-limit.ts";

/** the request header carrying the client's address to Better Auth (see http.ts) */
export const CLIENT_ADDRESS_HEADER = "x-tsunagu-client-address";

/** What Better Auth tells the viewer cache (auth/viewer.ts ViewerCache). */
export interface SessionChanges {
  /** a session of the account ended (sign-out, revocation, password reset or change, expiry), committed */
  sessionEnded(userId: string): Promise<void>;
}

export function createAuth(env: ApiEnv, log: Logger, sessions: SessionChanges) {
  const signInLimit = accountSignInLimit();
  return betterAuth({
    appName: "Tsunagu",
    baseURL: env.publicUrl,
    basePath: "/api/auth",
    secret: env.authSecret,
    database: prismaAdapter(prisma(), { provider: "postgresql" }),
    emailAndPassword: {
      enabled: true,
      disableSignUp: true,
      minPasswordLength: 10,
      resetPasswordTokenExpiresIn: 60 * 60,
      // whoever knew the old password is signed out everywhere
      revokeSessionsOnPasswordReset: true,
      onPasswordReset: async ({ user }) => {
        await signInLimit.cleared(user.email);
      },
      sendResetPassword: async ({ user, url }) => {
        await enqueueMail({
          to: user.email,
          subject: "【ツナグ】パスワードの再設定 / Reset your Tsunagu password",
          text: `次のリンクからパスワードを再設定してください（1時間有効）。\n${url}\n\nReset your password with this link (valid for one hour):\n${url}\n`,
        });
      },
    },
    user: {
      additionalFields: {
        orgId: { type: "string", required: true, input: false },
        personId: { type: "string", required: false, input: false },
        locale: { type: "string", required: false, input: false, defaultValue: "ja" },
      },
    },
    session: { expiresIn: 60 * 60 * 24 * 7, updateAge: 60 * 60 * 24 },
    rateLimit: {
      enabled: true,
      storage: "database",
      window: 60,
      max: 100,
      customRules: {
        "/sign-in/email": { window: 60, max: 5 },
        "/request-password-reset": { window: 300, max: 3 },
      },
    },
    advanced: {
      useSecureCookies: env.production,
      // set by http.ts from the connection (or a trusted proxy), overwriting anything the client sent
      ipAddress: { ipAddressHeaders: [CLIENT_ADDRESS_HEADER] },
      database: { generateId: () => crypto.randomUUID() },
    },
    trustedOrigins: [env.publicUrl],
    disabledPaths: ["/update-user", "/change-email", "/delete-user"],
    // every deleted session — sign-out, revoke-session(s), a password reset or change that ends
    // sessions, expiry — is forgotten by the viewer cache of every instance once the delete has
    // committed (Better Auth runs after-hooks after its transaction)
    databaseHooks: {
      session: {
        delete: {
          after: async (session) => {
            await sessions.sessionEnded(session.userId);
          },
        },
      },
    },
    hooks: {
      before: createAuthMiddleware(async (ctx) => {
        if (ctx.path === "/sign-in/email") await signInLimit.attempt((ctx.body as { email?: unknown } | undefined)?.email);
      }),
      after: createAuthMiddleware(async (ctx) => {
        if (ctx.path !== "/sign-in/email") return;
        const email = (ctx.body as { email?: unknown } | undefined)?.email;
        const returned = ctx.context.returned;
        if (isAPIError(returned)) {
          if (returned.statusCode === 401) await signInLimit.failed();
          else if (returned.statusCode !== 429) await signInLimit.notCounted(email);
        } else {
          await signInLimit.cleared(email);
          // the accounts screen shows each account's last sign-in
          const userId = ctx.context.newSession?.user.id;
          if (userId) await prisma().user.update({ where: { id: userId }, data: { lastSignInAt: new Date() } });
        }
      }),
    },
    // Better Auth's own messages go to our logger (redacted like every line), not to the console
    logger: {
      level: "warn",
      log: (level, message, ...args: unknown[]) => {
        const err = args.find((arg) => arg instanceof Error);
        log[level]({ err, details: args.filter((arg) => arg !== err) }, `better-auth: ${message}`);
      },
    },
  });
}

export type Auth = ReturnType<typeof createAuth>;
