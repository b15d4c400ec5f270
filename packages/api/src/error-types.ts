// The schema's error types: one Error interface (message in Japanese, messageEn, code), and the
// classes of errors.ts as object types. Mutations list them in `errors: { types: [...] }`.
import { builder } from "./builder.ts";
import {
  ConflictError,
  ForbiddenError,
  InvalidInputError,
  NotFoundError,
  StaleVersionError,
  type AppError,
  type FieldIssue,
} from "./errors.ts";

const ErrorInterface = builder.interfaceRef<AppError>("Error").implement({
  description: "A failure the client can show: message in Japanese, messageEn in English",
  fields: (t) => ({
    message: t.exposeString("message"),
    messageEn: t.exposeString("messageEn"),
    code: t.exposeString("code"),
  }),
});

builder.objectType(ForbiddenError, { name: "ForbiddenError", interfaces: [ErrorInterface], isTypeOf: (e) => e instanceof ForbiddenError });
builder.objectType(NotFoundError, { name: "NotFoundError", interfaces: [ErrorInterface], isTypeOf: (e) => e instanceof NotFoundError });
builder.objectType(ConflictError, { name: "ConflictError", interfaces: [ErrorInterface], isTypeOf: (e) => e instanceof ConflictError });
builder.objectType(StaleVersionError, {
  name: "StaleVersionError",
  description: "The record changed since it was read (STALE_VERSION): nothing was saved; reload and try again",
  interfaces: [ErrorInterface],
  isTypeOf: (e) => e instanceof StaleVersionError,
});

const FieldIssueRef = builder.objectRef<FieldIssue>("FieldIssue").implement({
  description: "What is wrong with one input field (or CSV row)",
  fields: (t) => ({
    path: t.exposeString("path"),
    message: t.exposeString("message"),
    messageEn: t.exposeString("messageEn"),
  }),
});

builder.objectType(InvalidInputError, {
  name: "InvalidInputError",
  interfaces: [ErrorInterface],
  isTypeOf: (e) => e instanceof InvalidInputError,
  fields: (t) => ({
    issues: t.field({ type: [FieldIssueRef], resolve: (e) => e.issues }),
  }),
});

/** The error types every mutation reports as data. */
export const mutationErrors = [InvalidInputError, ForbiddenError, NotFoundError, ConflictError];
