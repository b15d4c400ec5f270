// Programmes (事業), group kinds, group roles and activity types for the demo organisation: the
// starting catalog every 社協 gets (../catalog.ts).

import { catalogRows, type ProgrammeCode } from "../catalog.ts";
import { demoId, type DemoContext } from "./context.ts";

type Row<T extends keyof DemoContext["rows"]> = DemoContext["rows"][T][number];

export function seedProgrammes(ctx: DemoContext): void {
  const catalog = catalogRows(ctx.orgId, (table, code) => demoId(ctx, table, code));
  const rows = Object.fromEntries(catalog.plan);
  ctx.rows.programme.push(...(rows.Programme as Array<Row<"programme">>));
  ctx.rows.groupKind.push(...(rows.GroupKind as Array<Row<"groupKind">>));
  ctx.rows.groupRole.push(...(rows.GroupRole as Array<Row<"groupRole">>));
  ctx.rows.groupKindRole.push(...(rows.GroupKindRole as Array<Row<"groupKindRole">>));
  ctx.rows.activityType.push(...(rows.ActivityType as Array<Row<"activityType">>));
  ctx.rows.milestone.push(...(rows.Milestone as Array<Row<"milestone">>));
  for (const [code, id] of Object.entries(catalog.programme)) ctx.programmes.set(code as ProgrammeCode, id);
  for (const [code, id] of Object.entries(catalog.groupKind)) ctx.groupKinds.set(code, id);
  for (const [code, id] of Object.entries(catalog.groupRole)) ctx.groupRoles.set(code, id);
  for (const [code, id] of Object.entries(catalog.activityType)) ctx.activityTypes.set(code, id);
  for (const [code, id] of Object.entries(catalog.milestone)) ctx.milestones.set(code, id);
}
