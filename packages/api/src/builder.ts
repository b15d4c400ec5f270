// The Pothos builder: plugins and shared types only; no object types here (see each domain's schema.ts).
import SchemaBuilder from "@pothos/core";
import ComplexityPlugin from "@pothos/plugin-complexity";
import DataloaderPlugin from "@pothos/plugin-dataloader";
import ErrorsPlugin from "@pothos/plugin-errors";
import PrismaPlugin from "@pothos/plugin-prisma";
import RelayPlugin from "@pothos/plugin-relay";
import ScopeAuthPlugin from "@pothos/plugin-scope-auth";
import ValidationPlugin from "@pothos/plugin-validation";

import { prisma } from "@tsunagu/db/client";
import type PrismaTypes from "@tsunagu/db/pothos-types";
import { getDatamodel } from "@tsunagu/db/pothos-types";

import type { Context } from "./context.ts";
import DatabaseFailuresPlugin from "./database-failures.ts";
import { fieldIssue, ForbiddenError, InvalidInputError, retryableError } from "./errors.ts";
import { canAccessGroup, canSeeJuvenileProgramme } from "./organization/access.ts";
import { issueText } from "./validation.ts";

/**
 * The cost of a field that aggregates or parses a lot at once (the fiscal-year report, CSV exports and
 * imports; insurance lapses half of it): 20 of them exceed the complexity limit (QUERY_LIMITS in
 * request-checks.ts), one costs far more than any screen of the web app (limits.test.ts).
 */
export const EXPENSIVE_FIELD = 1_000;

export const builder = new SchemaBuilder<{
  Context: Context;
  PrismaTypes: PrismaTypes;
  DefaultFieldNullability: false;
  Scalars: {
    Date: { Input: Date; Output: Date };
    DateTime: { Input: Date; Output: Date };
  };
  AuthScopes: {
    signedIn: boolean;
    staff: boolean;
    /** staff, or an account whose role reaches this group */
    group: string;
    /** staff, or the institution liaison */
    juvenileProgramme: boolean;
  };
}>({
  // DatabaseFailuresPlugin after ErrorsPlugin: it wraps inside it (database-failures.ts)
  plugins: [
    ScopeAuthPlugin,
    ErrorsPlugin,
    DatabaseFailuresPlugin,
    PrismaPlugin,
    RelayPlugin,
    ValidationPlugin,
    DataloaderPlugin,
    ComplexityPlugin,
  ],
  defaultFieldNullability: false,
  scopeAuth: {
    treatErrorsAsUnauthorized: true,
    // a check that failed because the database was busy or the connection was lost did not decide
    // "not allowed": the caller gets BUSY or UNAVAILABLE (retryable), not FORBIDDEN
    unauthorizedError: (_parent, _ctx, _info, result) => retryableFailureIn(result.failure) ?? new ForbiddenError(),
    authScopes: (ctx) => ({
      signedIn: ctx.viewer !== null,
      staff: ctx.viewer?.isStaff ?? false,
      group: (groupId) => (ctx.viewer ? canAccessGroup(ctx, groupId) : false),
      juvenileProgramme: () => (ctx.viewer ? canSeeJuvenileProgramme(ctx) : false),
    }),
  },
  prisma: {
    client: () => prisma(),
    dmmf: getDatamodel(),
    filterConnectionTotalCount: true,
    onUnusedQuery: null,
  },
  relay: {
    clientMutationId: "omit",
    cursorType: "String",
  },
  validation: {
    validationError: (result) =>
      new InvalidInputError(
        result.issues.map((issue) => {
          const path = (issue.path ?? []).map((p) => (typeof p === "object" ? String(p.key) : String(p))).join(".");
          return fieldIssue(path, issueText(issue.message));
        }),
      ),
  },
  errors: {
    defaultTypes: [],
    // validation failures come back as InvalidInputError results, like every other bad input; they
    // only describe the caller's own input, so returning them before authorisation leaks nothing
    unsafelyHandleInputErrors: true,
  },
  complexity: {
    defaultComplexity: 1,
    defaultListMultiplier: 10,
    // the plugin gives every field its cost; the limits (QUERY_LIMITS) are checked by request-checks.ts
    // before anything runs, not by the plugin at the first root field (after its authorisation)
    disabled: true,
  },
});

/** the retryable error behind an auth-scope failure (scope functions' errors, nested in $any/$all), if any */
function retryableFailureIn(failure: unknown, depth = 0): Error | undefined {
  if (!failure || typeof failure !== "object" || depth > 8) return undefined;
  const { error, failures } = failure as { error?: unknown; failures?: unknown };
  const found = error ? retryableError(error) : undefined;
  if (found) return found;
  if (Array.isArray(failures)) {
    for (const f of failures) {
      const nested = retryableFailureIn(f, depth + 1);
      if (nested) return nested;
    }
  }
  return undefined;
}

builder.queryType({ authScopes: { signedIn: true } });
builder.mutationType({});

builder.scalarType("Date", {
  description: "A calendar day, YYYY-MM-DD (dates of activities, consents, memberships)",
  serialize: (d) => (d as Date).toISOString().slice(0, 10),
  parseValue: (v) => {
    if (typeof v !== "string" || !/^\d{4}-\d{2}-\d{2}$/.test(v) || Number.isNaN(Date.parse(`${v}T00:00:00Z`))) {
      throw new InvalidInputError([fieldIssue("", { ja: "日付は YYYY-MM-DD で指定してください。", en: "Dates are written YYYY-MM-DD." })]);
    }
    return new Date(`${v}T00:00:00Z`);
  },
});

builder.scalarType("DateTime", {
  description: "An instant, ISO 8601",
  serialize: (d) => (d as Date).toISOString(),
  parseValue: (v) => {
    const d = new Date(String(v));
    // four-digit years only: a date beyond year 9999 is stored but cannot be written back as ISO 8601
    if (Number.isNaN(d.getTime()) || d.getUTCFullYear() < 1000 || d.getUTCFullYear() > 9999) {
      throw new InvalidInputError([fieldIssue("", { ja: "日時の形式が正しくありません。", en: "Not a valid date-time." })]);
    }
    return d;
  },
});
