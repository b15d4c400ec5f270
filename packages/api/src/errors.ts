// Errors every client can read in its language: `message` is Japanese (the UI's first language),
// `messageEn` English, `code` stable for programs. Expected failures are typed results in the
// schema (plugin-errors); FORBIDDEN also appears as a GraphQL error on fields the viewer may not see.
import { GraphQLError } from "graphql";

export class AppError extends Error {
  readonly code: string;
  readonly messageEn: string;
  constructor(code: string, messageJa: string, messageEn: string) {
    super(messageJa);
    this.name = "AppError";
    this.code = code;
    this.messageEn = messageEn;
  }
}

export class ForbiddenError extends AppError {
  constructor(
    messageJa = "この操作・情報へのアクセス権限がありません。",
    messageEn = "You are not allowed to see or do this.",
  ) {
    super("FORBIDDEN", messageJa, messageEn);
  }
}

export class NotFoundError extends AppError {
  /** `what` in both languages as "日本語 / English", e.g. "団体 / group" */
  constructor(what = "記録 / record") {
    const [ja, en] = what.includes(" / ") ? what.split(" / ", 2) : [what, what];
    super("NOT_FOUND", `対象（${ja}）が見つかりません。`, `The ${en} was not found.`);
  }
}

export class ConflictError extends AppError {
  constructor(messageJa: string, messageEn: string) {
    super("CONFLICT", messageJa, messageEn);
  }
}

export interface FieldIssue {
  /** the input path, e.g. "input.rows.3.grade" */
  path: string;
  message: string;
  messageEn: string;
}

/** Bad input: one issue per field (or CSV row), in both languages. Nothing was written. */
export class InvalidInputError extends AppError {
  readonly issues: FieldIssue[];
  constructor(issues: FieldIssue[]) {
    super(
      "INVALID_INPUT",
      `入力内容に誤りがあります（${issues.length}件）。何も保存していません。`,
      `The input has ${issues.length} problem(s). Nothing was saved.`,
    );
    this.issues = issues;
  }
}

/** A GraphQL error with our code and the English message in its extensions. */
export function toGraphQLError(err: AppError): GraphQLError {
  return new GraphQLError(err.message, { extensions: { code: err.code, messageEn: err.messageEn } });
}
