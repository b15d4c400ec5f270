// Every mutation answers with a union: `Mutation…Success { data }` or a typed error carrying a
// Japanese and an English message (InvalidInputError also names each bad field). Mutation hooks
// select ErrorFields and turn the union into an Outcome the forms can show.
import { CombinedGraphQLErrors, ServerError } from "@apollo/client";

import { graphql } from "../graphql.ts";

export const ErrorFields = graphql(`
  fragment ErrorFields on Error @_unmask {
    __typename
    code
    message
    messageEn
    ... on InvalidInputError {
      issues {
        path
        message
        messageEn
      }
    }
  }
`);

export interface FieldIssue {
  path: string;
  message: string;
  messageEn: string;
}

export interface Failure {
  code: string;
  message: string;
  messageEn: string;
  issues: FieldIssue[];
}

export type Outcome<T> = { ok: true; data: T } | { ok: false; error: Failure };

type Union<T> = { __typename?: string; data?: T; code?: string; message?: string; messageEn?: string; issues?: readonly FieldIssue[] };

/** a mutation's union result → Outcome */
export function toOutcome<T>(result: Union<T> | null | undefined): Outcome<T> {
  if (result && "data" in result && result.data !== undefined) return { ok: true, data: result.data };
  return {
    ok: false,
    error: {
      code: result?.code ?? "INTERNAL_SERVER_ERROR",
      message: result?.message ?? "処理できませんでした。",
      messageEn: result?.messageEn ?? "The request could not be completed.",
      issues: [...(result?.issues ?? [])],
    },
  };
}

/**
 * A network or GraphQL error thrown by Apollo → Failure. A request the API refused as a whole (HTTP
 * 400: a malformed id or argument, a query over the limits — see the API's request checks) carries
 * its code and both languages in the error's `extensions`, and an INVALID_INPUT its issues: those are
 * shown like a mutation's own typed error. Anything else is "could not reach the server".
 */
export function failureOf(error: unknown): Failure {
  const errors = CombinedGraphQLErrors.is(error) ? error.errors : ServerError.is(error) ? errorsInBody(error.bodyText) : [];
  const typed = errors.find((e) => typeof e.extensions?.messageEn === "string");
  if (typed) {
    const issues = Array.isArray(typed.extensions?.issues) ? (typed.extensions.issues as FieldIssue[]) : [];
    return {
      code: typeof typed.extensions?.code === "string" ? typed.extensions.code : "INTERNAL_SERVER_ERROR",
      message: typed.message,
      messageEn: typed.extensions?.messageEn as string,
      issues: issues.map(({ path, message, messageEn }) => ({ path, message, messageEn })),
    };
  }
  const message = error instanceof Error ? error.message : String(error);
  return {
    code: "NETWORK",
    message: `通信できませんでした（${message}）`,
    messageEn: `Could not reach the server (${message})`,
    issues: [],
  };
}

/**
 * A failure that says nothing about the request itself: the database was busy (BUSY) or the
 * connection to it was lost (UNAVAILABLE). Nothing was saved; the same request may be sent again.
 */
export function isRetryable(failure: Failure): boolean {
  return failure.code === "BUSY" || failure.code === "UNAVAILABLE";
}

/** the GraphQL errors of a non-2xx answer sent as plain JSON (a 503 BUSY/UNAVAILABLE), if it has any */
function errorsInBody(bodyText: string): ReadonlyArray<{ message: string; extensions?: Record<string, unknown> }> {
  try {
    const body = JSON.parse(bodyText) as { errors?: unknown };
    return Array.isArray(body.errors) ? (body.errors as Array<{ message: string; extensions?: Record<string, unknown> }>) : [];
  } catch {
    return [];
  }
}

/** the message in the current language */
export function localized(item: { message: string; messageEn: string }, language: string): string {
  return language === "en" ? item.messageEn : item.message;
}

/** field errors for a Mantine form: "input.legalNameKana" → { legalNameKana: "…" } */
export function fieldErrors(failure: Failure, language: string, prefix = "input."): Record<string, string> {
  const errors: Record<string, string> = {};
  for (const issue of failure.issues) {
    const key = issue.path.startsWith(prefix) ? issue.path.slice(prefix.length) : issue.path;
    errors[key] ??= localized(issue, language);
  }
  return errors;
}
