// Checks of a whole request before anything of it runs (an Apollo Server plugin at didResolveOperation,
// after GraphQL's own validation and before execution): the query limits, then every argument of
// every field the operation selects. A refusal is a client error (HTTP 400) with a code and both
// languages; no resolver, no authorisation and no SQL ran. See docs/api.md, "Errors and validation"
// and "Limits".
import type { ApolloServerPlugin } from "@apollo/server";
import { decodeBase64, decodeCursorChunk } from "@pothos/core";
import { complexityFromQuery } from "@pothos/plugin-complexity";
import {
  getArgumentValues,
  getNamedType,
  getNullableType,
  getVariableValues,
  GraphQLError,
  isInputObjectType,
  isInterfaceType,
  isListType,
  isObjectType,
  Kind,
  type DocumentNode,
  type FragmentDefinitionNode,
  type GraphQLInputType,
  type GraphQLNamedType,
  type GraphQLSchema,
  type OperationDefinitionNode,
  type SelectionSetNode,
} from "graphql";

import type { Context } from "./context.ts";
import { fieldIssue, InvalidInputError, type Bilingual, type FieldIssue } from "./errors.ts";
import { isUuid } from "./validation.ts";

/** The limits of one request, counted by the complexity plugin's estimator (builder.ts sets each field's cost). */
export const QUERY_LIMITS = { depth: 12, breadth: 150, complexity: 20_000 } as const;

/** The most rows a `first` or `last` argument may ask for (connections return at most 100 anyway). */
const MAX_PAGE = 1_000;

/**
 * Fields a request may select at most this many times (counting aliases and fragments), read from the
 * field's `extensions.maxPerRequest` — for example `acceptInvitation`, which anyone may call.
 */
export const MAX_PER_REQUEST = "maxPerRequest";

/** A query over a limit (HTTP 400, `extensions.code` QUERY_TOO_COMPLEX, the measure and the limit). */
function queryTooComplex(text: Bilingual, extensions: Record<string, unknown>): GraphQLError {
  return new GraphQLError(text.ja, {
    extensions: { code: "QUERY_TOO_COMPLEX", messageEn: text.en, ...extensions, http: { status: 400 } },
  });
}

/** Bad arguments (HTTP 400, `extensions.code` INVALID_INPUT and one issue per argument). */
function invalidArguments(issues: FieldIssue[]): GraphQLError {
  const error = new InvalidInputError(issues);
  return new GraphQLError(error.message, {
    originalError: error,
    extensions: { code: error.code, messageEn: error.messageEn, issues, http: { status: 400 } },
  });
}

function limitsOf(schema: GraphQLSchema, document: DocumentNode, operation: OperationDefinitionNode, variables: Record<string, unknown>) {
  // the estimator reads the first operation of a document: give it the one that runs, with the fragments
  const only: DocumentNode = {
    ...document,
    definitions: document.definitions.filter((d) => d === operation || d.kind === Kind.FRAGMENT_DEFINITION),
  };
  let measured;
  try {
    measured = complexityFromQuery(only, { schema, variables });
  } catch {
    return null; // what the estimator cannot read, execution refuses
  }
  const { depth, breadth, complexity } = measured;
  const measures = { depth, breadth, complexity };
  if (depth > QUERY_LIMITS.depth) {
    return queryTooComplex(
      {
        ja: `クエリが深すぎます（深さ ${depth}、上限 ${QUERY_LIMITS.depth}）。`,
        en: `The query is too deep (depth ${depth}, limit ${QUERY_LIMITS.depth}).`,
      },
      { ...measures, limits: QUERY_LIMITS },
    );
  }
  if (breadth > QUERY_LIMITS.breadth) {
    return queryTooComplex(
      {
        ja: `クエリのフィールドが多すぎます（幅 ${breadth}、上限 ${QUERY_LIMITS.breadth}）。`,
        en: `The query selects too many fields (breadth ${breadth}, limit ${QUERY_LIMITS.breadth}).`,
      },
      { ...measures, limits: QUERY_LIMITS },
    );
  }
  if (complexity > QUERY_LIMITS.complexity) {
    return queryTooComplex(
      {
        ja: `クエリの負荷が上限を超えています（複雑さ ${complexity}、上限 ${QUERY_LIMITS.complexity}）。分けて送ってください。`,
        en: `The query costs too much (complexity ${complexity}, limit ${QUERY_LIMITS.complexity}); send it in parts.`,
      },
      { ...measures, limits: QUERY_LIMITS },
    );
  }
  return null;
}

const NUL = "\u0000";

/** Node types whose connections page on a numeric id (AuditEvent's autoincrement); every other on a UUID. */
const NUMERIC_ID_NODES = new Set(["AuditEvent"]);

/** The node type of a connection (its edges' node), for the kind of cursor it hands out. */
function connectionNode(type: GraphQLNamedType): string | null {
  if (!("getFields" in type)) return null;
  const edges = type.getFields()["edges"];
  const edge = edges ? getNamedType(edges.type) : null;
  if (!edge || !("getFields" in edge)) return null;
  const node = edge.getFields()["node"];
  return node ? getNamedType(node.type).name : null;
}

/**
 * Whether a connection cursor is one this API hands out: an offset, or a Prisma cursor on the id of
 * the connection's node (a UUID, or a whole number for the numeric-id nodes).
 */
function isOurCursor(cursor: string, numericId: boolean): boolean {
  let decoded: string;
  try {
    decoded = decodeBase64(cursor);
  } catch {
    return false;
  }
  const offset = /^OffsetConnection:(\d{1,9})$/.exec(decoded);
  if (offset) return true;
  if (!decoded.startsWith("GPC:")) return false;
  try {
    const value: unknown = decodeCursorChunk(decoded.slice(4));
    const parts = Array.isArray(value) ? (value as unknown[]) : [value];
    return parts.every(
      (part) =>
        (!numericId && typeof part === "string" && isUuid(part)) ||
        (numericId && typeof part === "number" && Number.isSafeInteger(part) && part >= 0) ||
        (numericId && typeof part === "bigint" && part >= 0n && part < 2n ** 63n),
    );
  } catch {
    return false;
  }
}

const ID_ISSUE: Bilingual = { ja: "ID の形式が正しくありません。", en: "Not a valid ID." };
const NUL_ISSUE: Bilingual = { ja: "文字列にNUL文字（\\0）は使えません。", en: "Texts cannot contain the NUL character (\\0)." };
const PAGE_ISSUE: Bilingual = {
  ja: `件数は0以上${MAX_PAGE.toLocaleString("ja")}以下で指定してください。`,
  en: `Ask for 0 to ${MAX_PAGE.toLocaleString("en")} items.`,
};
const CURSOR_ISSUE: Bilingual = { ja: "カーソルの形式が正しくありません。", en: "Not a valid cursor." };
const DIRECTION_ISSUE: Bilingual = {
  ja: "ページ送りは first/after（先へ）か last/before（前へ）のどちらか一方で指定してください。",
  en: "Page forwards with first/after or backwards with last/before, not both.",
};
const LAST_ISSUE: Bilingual = { ja: "last は before と一緒に指定してください。", en: "Use last together with before." };

/** The issues of one argument value of `type` (coerced: lists are arrays, input objects plain objects). */
function valueIssues(type: GraphQLInputType, value: unknown, path: string, issues: FieldIssue[]): void {
  if (value === null || value === undefined) return;
  const nullable = getNullableType(type);
  if (isListType(nullable)) {
    if (Array.isArray(value)) value.forEach((item, i) => valueIssues(nullable.ofType as GraphQLInputType, item, `${path}.${i}`, issues));
    return;
  }
  if (isInputObjectType(nullable)) {
    const fields = nullable.getFields();
    for (const [name, item] of Object.entries(value as Record<string, unknown>)) {
      const field = fields[name];
      if (field) valueIssues(field.type, item, `${path}.${name}`, issues);
    }
    return;
  }
  if (typeof value !== "string") return;
  if (value.includes(NUL)) issues.push(fieldIssue(path, NUL_ISSUE));
  else if (getNamedType(nullable).name === "ID" && !isUuid(value)) issues.push(fieldIssue(path, ID_ISSUE));
}

/** Paging arguments of a field: first/last within 0..MAX_PAGE; on a connection, one direction and a cursor of ours. */
function pagingIssues(args: Record<string, unknown>, path: string, connection: string | null, issues: FieldIssue[]): void {
  for (const name of ["first", "last"] as const) {
    const n = args[name];
    if (typeof n === "number" && (n < 0 || n > MAX_PAGE)) issues.push(fieldIssue(`${path}.${name}`, PAGE_ISSUE));
  }
  if (!connection) return;
  for (const name of ["after", "before"] as const) {
    const cursor = args[name];
    if (typeof cursor === "string" && !cursor.includes(NUL) && !isOurCursor(cursor, NUMERIC_ID_NODES.has(connection)))
      issues.push(fieldIssue(`${path}.${name}`, CURSOR_ISSUE));
  }
  const given = (name: string) => args[name] !== undefined && args[name] !== null;
  if ((given("first") || given("after")) && (given("last") || given("before"))) issues.push(fieldIssue(path, DIRECTION_ISSUE));
  else if (given("last") && !given("before")) issues.push(fieldIssue(`${path}.last`, LAST_ISSUE));
}

interface Walk {
  schema: GraphQLSchema;
  fragments: Map<string, FragmentDefinitionNode>;
  variables: Record<string, unknown>;
  issues: FieldIssue[];
  /** how often each limited field (Type.field) is selected */
  counts: Map<string, { count: number; max: number; name: string }>;
  visiting: Set<string>;
}

function walkSelections(walk: Walk, selectionSet: SelectionSetNode, type: GraphQLNamedType, path: string): void {
  for (const selection of selectionSet.selections) {
    if (selection.kind === Kind.FRAGMENT_SPREAD) {
      const fragment = walk.fragments.get(selection.name.value);
      if (!fragment || walk.visiting.has(fragment.name.value)) continue;
      walk.visiting.add(fragment.name.value);
      walkSelections(walk, fragment.selectionSet, walk.schema.getType(fragment.typeCondition.name.value) ?? type, path);
      walk.visiting.delete(fragment.name.value);
      continue;
    }
    if (selection.kind === Kind.INLINE_FRAGMENT) {
      const condition = selection.typeCondition ? walk.schema.getType(selection.typeCondition.name.value) : type;
      walkSelections(walk, selection.selectionSet, condition ?? type, path);
      continue;
    }
    if (!isObjectType(type) && !isInterfaceType(type)) continue;
    const field = type.getFields()[selection.name.value];
    if (!field) continue; // __typename and introspection
    const at = path ? `${path}.${(selection.alias ?? selection.name).value}` : (selection.alias ?? selection.name).value;
    const max = field.extensions[MAX_PER_REQUEST];
    if (typeof max === "number") {
      const key = `${type.name}.${field.name}`;
      const seen = walk.counts.get(key) ?? { count: 0, max, name: field.name };
      seen.count++;
      walk.counts.set(key, seen);
    }
    let args: Record<string, unknown>;
    try {
      args = getArgumentValues(field, selection, walk.variables);
    } catch {
      continue; // execution reports it (BAD_USER_INPUT)
    }
    for (const arg of field.args) valueIssues(arg.type, args[arg.name], `${at}.${arg.name}`, walk.issues);
    const names = new Set(field.args.map((a) => a.name));
    if (names.has("first") || names.has("last"))
      pagingIssues(
        args,
        at,
        names.has("after") && names.has("before") ? (connectionNode(getNamedType(field.type)) ?? "") : null,
        walk.issues,
      );
    if (selection.selectionSet) walkSelections(walk, selection.selectionSet, getNamedType(field.type), at);
  }
}

function argumentErrors(
  schema: GraphQLSchema,
  document: DocumentNode,
  operation: OperationDefinitionNode,
  variables: Record<string, unknown>,
) {
  const root = schema.getRootType(operation.operation);
  if (!root) return null;
  const walk: Walk = {
    schema,
    fragments: new Map(
      document.definitions.filter((d): d is FragmentDefinitionNode => d.kind === Kind.FRAGMENT_DEFINITION).map((d) => [d.name.value, d]),
    ),
    variables,
    issues: [],
    counts: new Map(),
    visiting: new Set(),
  };
  walkSelections(walk, operation.selectionSet, root, "");
  for (const { count, max, name } of walk.counts.values()) {
    if (count > max) {
      return queryTooComplex(
        {
          ja: `${name} は1回のリクエストで${max}回までです（${count}回）。`,
          en: `${name} can be called ${max} time(s) per request (asked ${count}).`,
        },
        { field: name, count, limit: max },
      );
    }
  }
  return walk.issues.length ? invalidArguments(walk.issues.slice(0, 50)) : null;
}

/** The Apollo Server plugin: limits, then arguments, before execution. */
export function requestChecks(): ApolloServerPlugin<Context> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ schema, document, operation, request }) {
          if (!operation) return;
          const coerced = getVariableValues(schema, operation.variableDefinitions ?? [], request.variables ?? {});
          // variables that do not fit their types are refused by execution itself (BAD_USER_INPUT)
          if (coerced.errors) return;
          const raw = request.variables ?? {};
          const error = limitsOf(schema, document, operation, raw) ?? argumentErrors(schema, document, operation, coerced.coerced);
          if (error) throw error;
        },
      };
    },
  };
}
