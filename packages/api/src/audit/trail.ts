// Reading the audit trail (staff): the filter every read shares (Japan days, actor, action, target)
// and the CSV export — UTF-8 with a BOM, CRLF, Japanese headers, built with csv-stringify as the
// other exports are, and itself audited as an export. No row's details go into the file, and a
// juvenile participant appears only by its code (少年法61条).
import { stringify } from "csv-stringify/sync";

import { addDays, startOfDayInJapan, warekiDate, type Prisma } from "@tsunagu/db";
import { prisma } from "@tsunagu/db/client";

import { signedIn, type Context } from "../context.ts";
import { fieldIssue, InvalidInputError } from "../errors.ts";
import type { CsvFile } from "../roster/csv.ts";
import { audit, type AuditEntry } from "./audit.ts";
import { auditTargets } from "./targets.ts";

/** The actions audit() writes, in the order an office would look for them. */
export const AUDIT_ACTIONS = [
  "read",
  "create",
  "update",
  "delete",
  "approve",
  "reject",
  "import",
  "export",
  "sign-in",
] as const satisfies readonly AuditEntry["action"][];

export interface AuditFilter {
  /** first Japan day, inclusive */
  from: Date | null;
  /** last Japan day, inclusive */
  to: Date | null;
  actorId: string | null;
  action: string | null;
  entity: string | null;
  entityId: string | null;
}

export function auditWhere(orgId: string, f: AuditFilter): Prisma.AuditEventWhereInput {
  return {
    orgId,
    ...(f.from || f.to
      ? {
          at: {
            ...(f.from ? { gte: startOfDayInJapan(f.from) } : {}),
            ...(f.to ? { lt: startOfDayInJapan(addDays(f.to, 1)) } : {}),
          },
        }
      : {}),
    ...(f.actorId ? { actorId: f.actorId } : {}),
    ...(f.action ? { action: f.action } : {}),
    ...(f.entity ? { entity: f.entity } : {}),
    ...(f.entityId ? { entityId: f.entityId } : {}),
  };
}

const ACTION_JA: Record<string, string> = {
  read: "閲覧",
  create: "登録",
  update: "変更",
  delete: "削除",
  approve: "承認",
  reject: "却下・差し戻し",
  import: "取り込み",
  export: "書き出し",
  "sign-in": "ログイン",
};

/** The kinds in Japanese, as the audit screen names them (apps/web …/ja/audit.json). */
const ENTITY_JA: Record<string, string> = {
  ActivityLog: "活動記録",
  ThankYouMessage: "ありがとうメッセージ",
  Certificate: "感謝状",
  Milestone: "マイルストーン",
  Person: "個人",
  Membership: "名簿（所属）",
  ChildVolunteer: "子ども福祉委員",
  Consent: "保護者同意",
  Group: "団体",
  GroupAchievement: "団体の成果",
  Event: "イベント",
  EventTask: "イベントのタスク",
  Shift: "シフト",
  SignUp: "申し込み",
  MeetingMinutes: "議事録",
  JuvenileCohort: "少年院ボランティア（受入れ期）",
  JuvenileParticipant: "少年院ボランティア（参加者）",
  FiscalYearReport: "活動実績報告",
  Invitation: "招待",
  AccessRoleAssignment: "アカウントの権限",
  SchoolYearRollover: "年度替わり（学年更新）",
  InsuranceEnrolment: "ボランティア活動保険",
  InsuranceRollover: "保険の年度更新",
  AuditEvent: "監査ログ",
};

/** The most rows one file holds; a longer period is refused (narrow the dates). */
const AUDIT_CSV_MAX_ROWS = 20_000;

/** Excel runs a cell starting with = + - @ as a formula; names are data, so neutralise them. */
const cell = (text: string) => (/^[=+\-@\t\r]/.test(text) ? `'${text}` : text);

/** An instant as Japan's wall clock: 2026-11-29 19:30:05. */
const japanTime = (at: Date) => new Date(at.getTime() + 9 * 3_600_000).toISOString().slice(0, 19).replace("T", " ");

function csvFilename(f: AuditFilter): string {
  if (f.from && f.to) return `監査ログ_${warekiDate(f.from)}_${warekiDate(f.to)}.csv`;
  if (f.from) return `監査ログ_${warekiDate(f.from)}から.csv`;
  if (f.to) return `監査ログ_${warekiDate(f.to)}まで.csv`;
  return "監査ログ_全期間.csv";
}

export async function auditCsv(ctx: Context, filter: AuditFilter): Promise<CsvFile> {
  const orgId = signedIn(ctx).orgId;
  const events = await prisma().auditEvent.findMany({
    where: auditWhere(orgId, filter),
    orderBy: { id: "desc" },
    take: AUDIT_CSV_MAX_ROWS + 1,
  });
  if (events.length > AUDIT_CSV_MAX_ROWS) {
    throw new InvalidInputError([
      fieldIssue("from", {
        ja: `記録が${AUDIT_CSV_MAX_ROWS.toLocaleString("ja")}件を超えます。期間を短くしてください。`,
        en: `More than ${AUDIT_CSV_MAX_ROWS.toLocaleString("en")} records: choose a shorter period.`,
      }),
    ]);
  }
  const actorIds = [...new Set(events.flatMap((e) => (e.actorId ? [e.actorId] : [])))];
  const [actors, targets] = await Promise.all([
    actorIds.length > 0
      ? prisma().user.findMany({ where: { orgId, id: { in: actorIds } }, select: { id: true, name: true, email: true } })
      : [],
    auditTargets(ctx, orgId, events),
  ]);
  const actorById = new Map(actors.map((a) => [a.id, a]));
  const rows = events.map((e, i) => {
    const target = targets[i] ?? { name: null, deleted: false };
    const kind = ENTITY_JA[e.entity] ?? e.entity;
    const actor = e.actorId ? actorById.get(e.actorId) : undefined;
    return [
      japanTime(e.at),
      e.actorId === null ? "システム" : (actor?.name ?? "（削除されたアカウント）"),
      actor?.email ?? "",
      ACTION_JA[e.action] ?? e.action,
      kind,
      target.deleted ? `（削除済み）${kind}` : cell(target.name ?? ""),
      // a juvenile participant is its code only
      e.entity === "JuvenileParticipant" ? "" : (e.entityId ?? ""),
      e.requestId ?? "",
    ];
  });
  const text = stringify(
    [["日時", "操作したアカウント", "メールアドレス", "操作", "対象の種類", "対象", "対象ID", "リクエストID"], ...rows],
    {
      bom: true,
      record_delimiter: "\r\n",
    },
  );
  await audit(ctx, {
    action: "export",
    entity: "AuditEvent",
    details: {
      rows: events.length,
      from: filter.from?.toISOString().slice(0, 10) ?? null,
      to: filter.to?.toISOString().slice(0, 10) ?? null,
      actorId: filter.actorId,
      action: filter.action,
      entity: filter.entity,
      entityId: filter.entityId,
    },
  });
  return { filename: csvFilename(filter), mimeType: "text/csv; charset=utf-8", text };
}
