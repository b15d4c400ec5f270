// One Apollo Client for the app. The session is Better Auth's HTTP-only cookie, sent with every
// request to the same origin; nothing about the session is kept in JavaScript.
import { ApolloClient, HttpLink, InMemoryCache } from "@apollo/client";

/** the schema's types implementing `interface Error` (checked against the schema by apollo.test.ts) */
export const ERROR_TYPES = [
  "BusyError",
  "ConflictError",
  "ForbiddenError",
  "InvalidInputError",
  "NotFoundError",
  "StaleVersionError",
  "UnavailableError",
] as const;

/** the app's one client (signed-in pages; loaded lazily, so the sign-in page does without it) */
export const apolloClient = new ApolloClient({
  link: new HttpLink({ uri: "/graphql", credentials: "same-origin" }),
  cache: new InMemoryCache({
    // every mutation answers with a union of its Success type and these; without the list the
    // cache cannot match "... on Error" and a failure would lose its message (src/lib/result.ts)
    possibleTypes: { Error: [...ERROR_TYPES] },
    typePolicies: {
      // singletons: one per signed-in account
      Viewer: { keyFields: [] },
      Organization: { keyFields: [] },
    },
  }),
  defaultOptions: { watchQuery: { fetchPolicy: "cache-and-network" } },
});
