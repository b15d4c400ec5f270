// The one place that runs a mutation and turns its union result (or a network error) into an
// Outcome. Each hook in src/mutations/ is `mutationHook` given its document, where its union is in
// the answer, and its cache work.
import type { OperationVariables, TypedDocumentNode } from "@apollo/client";
import { useMutation } from "@apollo/client/react";
import { useCallback } from "react";

import { failureOf, toOutcome, type FieldIssue, type Outcome } from "./result.ts";

type Union<T> = { __typename?: string; data?: T; code?: string; message?: string; messageEn?: string; issues?: readonly FieldIssue[] };

type Options<TData, TVariables extends OperationVariables> = Omit<
  useMutation.Options<TData, TVariables>,
  "variables" | "refetchQueries"
> & {
  /** names of the queries to refetch, only those a screen shows while the mutation runs (checked by mutations.test.ts) */
  refetchQueries?: readonly string[];
};

/**
 * A mutation hook: `const [run, state] = useXMutation()`, `await run(variables)` gives an Outcome.
 * The answer is written to the cache (objects by `__typename` and `id`); `options` add what that
 * does not cover: an `update` of a list, or the queries to refetch.
 */
export function mutationHook<TData, TVariables extends OperationVariables, TResult>(
  document: TypedDocumentNode<TData, TVariables>,
  pick: (data: TData) => Union<TResult> | null | undefined,
  options: Options<TData, TVariables> = {},
) {
  const refetchQueries = options.refetchQueries ?? [];
  const apolloOptions = { ...options, refetchQueries: [...refetchQueries] };
  function useOutcomeMutation() {
    // Apollo's generic option types do not narrow for a generic TVariables: options are checked where each hook is made
    const [mutate, state] = useMutation(document, apolloOptions as never);
    const run = useCallback(
      async (variables: TVariables): Promise<Outcome<TResult>> => {
        try {
          const { data } = await mutate({ variables } as never);
          return toOutcome(data ? pick(data) : null);
        } catch (error) {
          return { ok: false, error: failureOf(error) };
        }
      },
      [mutate],
    );
    return [run, state] as const;
  }
  return Object.assign(useOutcomeMutation, { refetchQueries });
}
