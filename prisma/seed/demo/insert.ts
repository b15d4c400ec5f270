// Writes the built rows: one createMany({ skipDuplicates: true }) per table, parents first.
// skipDuplicates is INSERT … ON CONFLICT DO NOTHING, so rows already there (same seedId) are left
// exactly as they are and a second run inserts nothing.

import { DEMO_TABLES, type DemoRows, type DemoTable, type SeedClient } from "./context.ts";

type Writer<K extends DemoTable> = (prisma: SeedClient, data: DemoRows[K]) => Promise<{ count: number }>;

const WRITERS: { [K in DemoTable]: Writer<K> } = {
  area: (p, data) => p.area.createMany({ data, skipDuplicates: true }),
  schoolDistrict: (p, data) => p.schoolDistrict.createMany({ data, skipDuplicates: true }),
  school: (p, data) => p.school.createMany({ data, skipDuplicates: true }),
  programme: (p, data) => p.programme.createMany({ data, skipDuplicates: true }),
  groupKind: (p, data) => p.groupKind.createMany({ data, skipDuplicates: true }),
  groupRole: (p, data) => p.groupRole.createMany({ data, skipDuplicates: true }),
  activityType: (p, data) => p.activityType.createMany({ data, skipDuplicates: true }),
  group: (p, data) => p.group.createMany({ data, skipDuplicates: true }),
  person: (p, data) => p.person.createMany({ data, skipDuplicates: true }),
  childVolunteer: (p, data) => p.childVolunteer.createMany({ data, skipDuplicates: true }),
  user: (p, data) => p.user.createMany({ data, skipDuplicates: true }),
  account: (p, data) => p.account.createMany({ data, skipDuplicates: true }),
  accessRoleAssignment: (p, data) => p.accessRoleAssignment.createMany({ data, skipDuplicates: true }),
  consent: (p, data) => p.consent.createMany({ data, skipDuplicates: true }),
  juvenileParticipant: (p, data) => p.juvenileParticipant.createMany({ data, skipDuplicates: true }),
  membership: (p, data) => p.membership.createMany({ data, skipDuplicates: true }),
  insuranceEnrolment: (p, data) => p.insuranceEnrolment.createMany({ data, skipDuplicates: true }),
  activityLog: (p, data) => p.activityLog.createMany({ data, skipDuplicates: true }),
  activityLogParticipant: (p, data) => p.activityLogParticipant.createMany({ data, skipDuplicates: true }),
  event: (p, data) => p.event.createMany({ data, skipDuplicates: true }),
  eventTask: (p, data) => p.eventTask.createMany({ data, skipDuplicates: true }),
  shift: (p, data) => p.shift.createMany({ data, skipDuplicates: true }),
  signUp: (p, data) => p.signUp.createMany({ data, skipDuplicates: true }),
  meetingMinutes: (p, data) => p.meetingMinutes.createMany({ data, skipDuplicates: true }),
  thankYouMessage: (p, data) => p.thankYouMessage.createMany({ data, skipDuplicates: true }),
  milestone: (p, data) => p.milestone.createMany({ data, skipDuplicates: true }),
  milestoneAward: (p, data) => p.milestoneAward.createMany({ data, skipDuplicates: true }),
  groupAchievement: (p, data) => p.groupAchievement.createMany({ data, skipDuplicates: true }),
  certificate: (p, data) => p.certificate.createMany({ data, skipDuplicates: true }),
};

export interface TableResult {
  /** rows the seed wants to exist */
  ensured: number;
  /** rows this run actually inserted (0 on a second run) */
  inserted: number;
}

async function writeTable<K extends DemoTable>(prisma: SeedClient, table: K, rows: DemoRows): Promise<TableResult> {
  const data = rows[table];
  if (data.length === 0) return { ensured: 0, inserted: 0 };
  const writer = WRITERS[table] as Writer<K>;
  const { count } = await writer(prisma, data);
  return { ensured: data.length, inserted: count };
}

/** Inserts every table in dependency order; returns, per table, rows ensured and inserted. */
export async function insertDemoRows(
  prisma: SeedClient,
  rows: DemoRows,
  log: (line: string) => void = () => {},
): Promise<Record<DemoTable, TableResult>> {
  const result = {} as Record<DemoTable, TableResult>;
  for (const table of DEMO_TABLES) {
    const started = performance.now();
    result[table] = await writeTable(prisma, table, rows);
    const r = result[table];
    log(`  ${table.padEnd(24)} ${String(r.ensured).padStart(6)} ensured ${String(r.inserted).padStart(6)} inserted  ${Math.round(performance.now() - started)} ms`);
  }
  return result;
}
