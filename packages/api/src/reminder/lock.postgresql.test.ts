// PostgreSQL: while another instance scans a kind (it holds the kind's advisory lock, here from a
// second client's open transaction), this instance skips that kind ("busy") without waiting and
// scans the others; once the lock is free the next scan sends the reminder. (The embedded database
// has one process and one connection: there a second scan waits for the first transaction instead.)
import { afterAll, beforeAll, expect, it } from "vitest";

import { openDatabase, Prisma, type Database } from "@tsunagu/db";
import { useDatabase } from "@tsunagu/db/client";
import { createTestDatabaseFrom, type TestDatabase } from "@tsunagu/db/testing";
import { demoTestData } from "@tsunagu/seed";
import { seedEvent, seedShift } from "@tsunagu/seed/factories";

import { createLogger } from "../log.ts";
import { TEST_TODAY } from "../testing.ts";
import { scanReminders } from "./scan.ts";

let db: TestDatabase;
let other: Database;
let shiftId: string;
const log = createLogger("silent");

beforeAll(async () => {
  db = await createTestDatabaseFrom(demoTestData(TEST_TODAY));
  useDatabase(db);
  other = await openDatabase({ url: db.url });
  const chair = await db.prisma.user.findUniqueOrThrow({
    where: { email: "event-bukai@hannan.example" },
    select: { id: true, orgId: true },
  });
  const role = await db.prisma.accessRoleAssignment.findFirstOrThrow({ where: { userId: chair.id }, select: { groupId: true } });
  const event = await seedEvent(
    db.prisma,
    { id: chair.orgId },
    {
      group: { id: role.groupId! },
      startsAt: new Date("2027-02-11T10:00:00+09:00"),
      endsAt: new Date("2027-02-11T12:00:00+09:00"),
      createdById: chair.id,
    },
  );
  shiftId = (await seedShift(db.prisma, { id: chair.orgId }, { event })).id;
});
afterAll(async () => {
  await other?.close();
  await db?.drop();
});

it("skips a kind another instance is scanning, without waiting, and sends it at the next scan", async () => {
  const now = new Date("2027-02-10T09:00:00+09:00");
  let release!: () => void;
  const held = new Promise<void>((resolve) => (release = resolve));
  let locked!: () => void;
  const lockTaken = new Promise<void>((resolve) => (locked = resolve));
  const holder = other.prisma.$transaction(
    async (tx) => {
      await tx.$executeRaw(Prisma.sql`SELECT pg_advisory_xact_lock(hashtext('Reminder'), hashtext('SHIFT_TOMORROW'))`);
      locked();
      await held;
    },
    { timeout: 60_000 },
  );
  await lockTaken;
  try {
    const result = await scanReminders(now, log, { db: db.prisma });
    // (a scan that waited for the lock would wait here for ever: the lock is released only below)
    expect(result.SHIFT_TOMORROW).toBe("busy");
    // the other kinds were scanned (nothing of theirs is due in February)
    expect(result.INVITATION_EXPIRING).toEqual({ sent: 0, skipped: 0 });
    expect(result.CONSENT_OVERDUE_DIGEST).not.toBe("busy");
    expect(await db.prisma.notification.count({ where: { subjectId: shiftId } })).toBe(0);
  } finally {
    release();
    await holder;
  }
  const after = await scanReminders(now, log, { db: db.prisma });
  expect(after.SHIFT_TOMORROW).toEqual({ sent: 1, skipped: 0 });
  expect(await db.prisma.notification.count({ where: { subjectId: shiftId } })).toBe(1);
});
