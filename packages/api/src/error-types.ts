// The schema's error types: one Error interface (message in Japanese, messageEn, code), and the
// classes of errors.ts as object types. Mutations list them in `errors: { types: [...] }`.
import { builder } from "./builder.ts";
import {
  BusyError,
  ConflictError,
  ForbiddenError,
  InvalidInputError,
  NotFoundError,
  StaleVersionError,
  UnavailableError,
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

builder.objectType(BusyError, {
  name: "BusyError",
  description: "The database was busy (BUSY: a held lock, a long statement, no free connection): nothing was saved; try again in a moment",
  interfaces: [ErrorInterface],
  isTypeOf: (e) => e instanceof BusyError,
});
builder.objectType(UnavailableError, {
  name: "UnavailableError",
  description: "The connection to the database was lost (UNAVAILABLE): nothing was saved; try again in a moment",
  interfaces: [ErrorInterface],
  isTypeOf: (e) => e instanceof UnavailableError,
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

/** The error types every mutation reports as data (BUSY and UNAVAILABLE: see database-failures.ts). */
export const mutationErrors = [InvalidInputError, ForbiddenError, NotFoundError, ConflictError, BusyError, UnavailableError];
