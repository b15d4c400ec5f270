// The one place that runs a mutation and turns its union result (or a network error) into an
// Outcome. Each hook in src/mutations/ is this plus its document and its cache update.
import type { OperationVariables, TypedDocumentNode } from "@apollo/client";
import { useMutation } from "@apollo/client/react";
import { useCallback } from "react";

import { failureOf, toOutcome, type FieldIssue, type Outcome } from "./result.ts";

type Union<T> = { __typename?: string; data?: T; code?: string; message?: string; messageEn?: string; issues?: readonly FieldIssue[] };

export function useOutcomeMutation<TData, TVariables extends OperationVariables, TResult>(
  document: TypedDocumentNode<TData, TVariables>,
  pick: (data: TData) => Union<TResult> | null | undefined,
  options: Omit<useMutation.Options<TData, TVariables>, "variables"> = {},
) {
  // Apollo's generic option types do not narrow for a generic TVariables: checked at each hook instead
  const [mutate, state] = useMutation(document, options as never);
  const run = useCallback(
    async (variables: TVariables): Promise<Outcome<TResult>> => {
      try {
        const { data } = await mutate({ variables } as never);
        return toOutcome(data ? pick(data) : null);
      } catch (error) {
        return { ok: false, error: failureOf(error) };
      }
    },
    [mutate, pick],
  );
  return [run, state] as const;
}
