// Cache updates for mutations that take items out of a list on screen (a queue once its items are
// decided): the list loses them in place, without being fetched again.
import type { ApolloCache, Reference, StoreObject } from "@apollo/client";

/** drops the objects with these ids from a list field of the root query (under every argument) */
export function dropFromList(cache: ApolloCache, fieldName: string, ids: readonly string[]): void {
  const gone = new Set(ids);
  cache.modify({
    id: "ROOT_QUERY",
    fields: {
      [fieldName]: (list: readonly Reference[], { readField }) => list.filter((item) => !gone.has(readField<string>("id", item) ?? "")),
    },
  });
}

/** the same for a connection field: the edges whose node is one of them */
export function dropFromConnection(cache: ApolloCache, fieldName: string, ids: readonly string[]): void {
  const gone = new Set(ids);
  cache.modify({
    id: "ROOT_QUERY",
    fields: {
      [fieldName]: (connection: Reference | StoreObject, { readField }) => {
        const edges = readField<ReadonlyArray<{ node: Reference }>>("edges", connection) ?? [];
        return { ...connection, edges: edges.filter((edge) => !gone.has(readField<string>("id", edge.node) ?? "")) };
      },
    },
  });
}
