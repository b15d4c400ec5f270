// A Pothos plugin: a mutation that meets a busy or lost database (lock or statement timeout, no
// free connection, the connection ended; see @tsunagu/db failures.ts) answers BusyError or
// UnavailableError as its typed result, like any other expected failure, instead of a GraphQL error
// carrying Prisma's text. It wraps the resolver inside the errors plugin (it is listed after it in
// builder.ts), so the errors plugin turns the mapped error into the result. Queries and other fields
// get the same codes from http.ts formatError; permission checks from builder.ts unauthorizedError.
import SchemaBuilder, { BasePlugin, type PothosOutputFieldConfig, type SchemaTypes } from "@pothos/core";
import type { GraphQLFieldResolver } from "graphql";

import type { Context } from "./context.ts";
import { retryableError } from "./errors.ts";
import { causeOf } from "./log.ts";

const pluginName = "databaseFailures";

class DatabaseFailuresPlugin<Types extends SchemaTypes> extends BasePlugin<Types> {
  override wrapResolve(
    resolver: GraphQLFieldResolver<unknown, Types["Context"], object>,
    fieldConfig: PothosOutputFieldConfig<Types>,
  ): GraphQLFieldResolver<unknown, Types["Context"], object> {
    if (fieldConfig.kind !== "Mutation") return resolver;
    return async (parent, args, context, info) => {
      try {
        return await resolver(parent, args, context, info);
      } catch (err) {
        const retryable = retryableError(err);
        if (!retryable) throw err;
        (context as Context).log.warn({ code: retryable.code, path: [info.fieldName], cause: causeOf(err) }, "database failure");
        throw retryable;
      }
    };
  }
}

declare global {
  // eslint-disable-next-line @typescript-eslint/no-namespace -- Pothos plugins are declared in its global namespace
  export namespace PothosSchemaTypes {
    interface Plugins<Types extends SchemaTypes> {
      databaseFailures: DatabaseFailuresPlugin<Types>;
    }
  }
}

SchemaBuilder.registerPlugin(pluginName, DatabaseFailuresPlugin);

export default pluginName;
