// Errors every client can read in its language: `message` is Japanese (the UI's first language),
// `messageEn` English, `code` stable for programs. Expected failures are typed results in the
// schema (plugin-errors); FORBIDDEN also appears as a GraphQL error on fields the viewer may not see.
import { databaseFailure } from "@tsunagu/db";

/** A text in both languages, written as a pair where it is written: `ja` becomes `message`, `en` `messageEn`. */
export interface Bilingual {
  ja: string;
  en: string;
}

export class AppError extends Error {
  readonly code: string;
  readonly messageEn: string;
  constructor(code: string, text: Bilingual) {
    super(text.ja);
    this.name = "AppError";
    this.code = code;
    this.messageEn = text.en;
  }
}

export class ForbiddenError extends AppError {
  constructor(text: Bilingual = { ja: "この操作・情報へのアクセス権限がありません。", en: "You are not allowed to see or do this." }) {
    super("FORBIDDEN", text);
  }
}

export class NotFoundError extends AppError {
  /** `what` names the missing thing in both languages, e.g. `{ ja: "団体", en: "group" }`. */
  constructor(what: Bilingual = { ja: "記録", en: "record" }) {
    super("NOT_FOUND", { ja: `対象（${what.ja}）が見つかりません。`, en: `The ${what.en} was not found.` });
  }
}

export class ConflictError extends AppError {
  constructor(text: Bilingual) {
    super("CONFLICT", text);
  }
}

/**
 * Optimistic concurrency: the record changed since the caller read it (another edit, an approval or
 * a return). Nothing was written; reload and edit again.
 */
export class StaleVersionError extends AppError {
  constructor(text: Bilingual) {
    super("STALE_VERSION", text);
  }
}

export interface FieldIssue {
  /** the input path, e.g. "input.rows.3.grade" */
  path: string;
  message: string;
  messageEn: string;
}

/** The issue of one input field: `text` in both languages. */
export function fieldIssue(path: string, text: Bilingual): FieldIssue {
  return { path, message: text.ja, messageEn: text.en };
}

/**
 * Bad input: one issue per field (or CSV row), in both languages. Nothing was written. Code
 * CONFIRMATION_REQUIRED: the input may be right, but the caller must confirm it (the issues say
 * what to check) by sending it again with the mutation's acknowledgement flag.
 */
export class InvalidInputError extends AppError {
  readonly issues: FieldIssue[];
  constructor(issues: FieldIssue[], code: "INVALID_INPUT" | "CONFIRMATION_REQUIRED" = "INVALID_INPUT") {
    super(
      code,
      code === "INVALID_INPUT"
        ? {
            ja: `入力内容に誤りがあります（${issues.length}件）。何も保存していません。`,
            en: `The input has ${issues.length} problem(s). Nothing was saved.`,
          }
        : {
            ja: `保存する前に確認が必要です（${issues.length}件）。まだ何も保存していません。`,
            en: `Please confirm before saving (${issues.length} item(s)). Nothing was saved yet.`,
          },
    );
    this.issues = issues;
  }
}

/**
 * The database was too busy for this request: a lock it needed stayed held, a statement ran too
 * long, or no connection came free in time (lock_timeout, statement_timeout, the pool's wait: see
 * docs/data-model.md). Nothing was saved; the same request may simply be sent again.
 */
export class BusyError extends AppError {
  constructor() {
    super("BUSY", {
      ja: "混み合っています。少し待ってからもう一度お試しください。",
      en: "The server is busy; please try again in a moment.",
    });
  }
}

/**
 * The connection to the database was lost during the request (the database restarted or ended
 * the connection). Whatever the request was writing was not saved; try again in a moment.
 */
export class UnavailableError extends AppError {
  constructor() {
    super("UNAVAILABLE", {
      ja: "データベースに一時的に接続できませんでした。少し待ってからもう一度お試しください。",
      en: "The database could not be reached for a moment; please try again shortly.",
    });
  }
}

/** The retryable AppError for a database failure (busy or lost connection), or undefined for any other error. */
export function retryableError(err: unknown): BusyError | UnavailableError | undefined {
  if (err instanceof BusyError || err instanceof UnavailableError) return err;
  const failure = databaseFailure(err);
  if (failure === "busy") return new BusyError();
  if (failure === "unavailable") return new UnavailableError();
  return undefined;
}
