// Saves a file the API produced (CSV) in the browser, without a second round trip through the server.
import type { OperationVariables, TypedDocumentNode } from "@apollo/client";
import { useApolloClient } from "@apollo/client/react";
import { useState } from "react";

export function downloadText(filename: string, content: string, type = "text/csv;charset=utf-8"): void {
  const url = URL.createObjectURL(new Blob([content], { type }));
  const a = document.createElement("a");
  a.href = url;
  a.download = filename;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1_000);
}

/** A file as the API's CSV queries answer it (the mime type carries its charset). */
interface ApiFile {
  filename: string;
  mimeType: string;
  text: string;
}

/**
 * Runs a query whose answer is a file, afresh each time, and saves it: `busy` while it runs,
 * `failure` (the error's message, for the page to word) when it did not.
 */
export function useFileDownload() {
  const client = useApolloClient();
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  async function download<TData, TVariables extends OperationVariables>(
    query: TypedDocumentNode<TData, TVariables>,
    variables: TVariables,
    pick: (data: TData) => ApiFile | null | undefined,
  ): Promise<void> {
    setBusy(true);
    setFailure(null);
    try {
      // Apollo's option types do not narrow for a generic TVariables (as in mutation.ts)
      const res = await client.query({ query, variables, fetchPolicy: "no-cache" } as never);
      const file = res.data ? pick(res.data as TData) : null;
      if (!file) throw new Error(res.error?.message ?? "no file in the answer");
      downloadText(file.filename, file.text, file.mimeType);
    } catch (e) {
      setFailure(e instanceof Error ? e.message : String(e));
    } finally {
      setBusy(false);
    }
  }
  return { download, busy, failure };
}
