// What the browser build resolves `graphql` to (vite.config.ts): graphql-js, except its printer,
// which comes from @0no-co/graphql.web (the small client-side GraphQL gql.tada already brings):
// Apollo Client prints every request with it, and graphql-js's printer is ~3 KB gzip more on every
// signed-in page (issue 9). graphql.web's `visit` is not a drop-in for Apollo's visitors (a kind
// with only `leave`), so the visitor stays graphql-js's.
export { print } from "@0no-co/graphql.web";
export { BREAK, visit } from "graphql/language/visitor";
export { Kind } from "graphql/language/kinds";
export { OperationTypeNode } from "graphql/language/ast";
export { isSelectionNode } from "graphql/language/predicates";
export { parse } from "graphql/language/parser";
