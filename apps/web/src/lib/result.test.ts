// failureOf: the API's retryable failures (BUSY, UNAVAILABLE) reach the pages with their code and
// both languages, whether Apollo hands them over as GraphQL errors or as a 503 it did not parse.
import { CombinedGraphQLErrors, ServerError } from "@apollo/client";
import { describe, expect, it } from "vitest";

import { failureOf, isRetryable } from "./result.ts";

const busy = {
  message: "混み合っています。少し待ってからもう一度お試しください。",
  extensions: { code: "BUSY", messageEn: "The server is busy; please try again in a moment." },
};

describe("failureOf", () => {
  it("a BUSY GraphQL error is a retryable failure in both languages", () => {
    const failure = failureOf(new CombinedGraphQLErrors({ errors: [busy] }));
    expect(failure).toEqual({ code: "BUSY", message: busy.message, messageEn: busy.extensions.messageEn, issues: [] });
    expect(isRetryable(failure)).toBe(true);
  });

  it("a 503 answered as plain JSON (UNAVAILABLE) is read from its body", () => {
    const body = JSON.stringify({
      errors: [{ message: "データベースに一時的に接続できませんでした。", extensions: { code: "UNAVAILABLE", messageEn: "Lost." } }],
    });
    const error = new ServerError("Response not successful: Received status code 503", {
      response: new Response(body, { status: 503 }),
      bodyText: body,
    });
    const failure = failureOf(error);
    expect(failure.code).toBe("UNAVAILABLE");
    expect(isRetryable(failure)).toBe(true);
  });

  it("a refusal or a network failure is not retryable as such", () => {
    const forbidden = { message: "権限がありません。", extensions: { code: "FORBIDDEN", messageEn: "Not allowed." } };
    expect(isRetryable(failureOf(new CombinedGraphQLErrors({ errors: [forbidden] })))).toBe(false);
    expect(failureOf(new TypeError("Failed to fetch")).code).toBe("NETWORK");
  });
});
