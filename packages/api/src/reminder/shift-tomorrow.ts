// SHIFT_TOMORROW: the day before a shift (its day in Japan), from 09:00 JST, every account of a
// person with a confirmed sign-up is told, and the event's organiser (the account that created the
// event, Event.createdById) once per event and day, with the first shift still to come. notify keeps only those whose access role reaches the event's group
// (staff, that 部会's members, that salon's leaders, the school's coordinators; for a cohort the
// liaison): a signed-up volunteer whose account has no such role is not told, as the event's screen
// is closed to them too (docs/domain.md, privacy tiers).
//
// Due from 09:00 JST of the day before the shift's day until the shift starts: a scan after a
// downtime still sends it (the text names the day and time, not "tomorrow", so it reads right on the
// day itself); a shift that started before any scan could send it is skipped with an info line.
// Key: `<shiftId>:<the shift's day>`: a shift moved to another day reminds again; a person who
// signs up after the reminder went out is told at the next scan.
import { addDays, startOfDayInJapan, todayInJapan } from "@tsunagu/db";

import { notify } from "../notification/notify.ts";
import { eventGroupTier, eventTitles } from "../notification/text.ts";
import { isoDay, notToldYet, sendingHoursBegun, toldKeys, type Finder } from "./due.ts";

const KIND = "SHIFT_TOMORROW";

const shiftSelect = {
  id: true,
  title: true,
  startsAt: true,
  event: { select: { id: true, title: true, createdById: true, ...eventGroupTier } },
  signUps: { where: { status: "CONFIRMED" }, select: { person: { select: { user: { select: { id: true } } } } } },
} as const;

type FoundShift = {
  id: string;
  title: string;
  startsAt: Date;
  event: { id: string; title: string; createdById: string | null; group: { programme: { privacyTier: string } } | null };
  signUps: Array<{ person: { user: { id: string } | null } }>;
};

const dayOf = (shift: FoundShift) => isoDay(todayInJapan(shift.startsAt));

/** the reminder of a shift: its volunteers, and the organiser too unless told of an earlier shift of the event that day */
const due = (shift: FoundShift, withOrganiser = true) => ({
  shift,
  dedupeKey: `${shift.id}:${dayOf(shift)}`,
  recipients: [withOrganiser ? shift.event.createdById : null, ...shift.signUps.map((s) => s.person.user?.id)].filter((id): id is string =>
    Boolean(id),
  ),
});

export const remindShifts: Finder = async (tx, { now, since }, log) => {
  // shifts of today (not started yet) and, from 09:00, of tomorrow
  const today = todayInJapan(now);
  const until = startOfDayInJapan(addDays(today, sendingHoursBegun(now) ? 2 : 1));
  const planned = { status: "PLANNED" } as const;
  const shifts: FoundShift[] = await tx.shift.findMany({
    where: { startsAt: { gt: now, lt: until }, event: planned },
    select: shiftSelect,
    orderBy: { startsAt: "asc" },
  });
  // the organiser is told once per event and day: with its first shift still to come
  const first = new Set<string>();
  const found = shifts.map((shift) => {
    const key = `${shift.event.id}:${dayOf(shift)}`;
    const organiser = !first.has(key);
    first.add(key);
    return due(shift, organiser);
  });
  let sent = 0;
  for (const r of await notToldYet(tx, KIND, found)) {
    const { shift } = r;
    sent += await notify(tx, {
      kind: KIND,
      recipients: r.recipients,
      subject: { type: "SHIFT", id: shift.id },
      params: { ...eventTitles(shift.event, shift.title), eventId: shift.event.id, startsAt: shift.startsAt.toISOString() },
      dedupeKey: r.dedupeKey,
    });
  }
  // shifts that began since the last scan (after a downtime: while the server was stopped) without
  // a reminder: too late now
  const begun: FoundShift[] = await tx.shift.findMany({
    where: { startsAt: { gt: since, lte: now }, event: planned },
    select: shiftSelect,
    orderBy: { startsAt: "asc" },
  });
  const passed = begun.map((shift) => due(shift));
  const told = await toldKeys(
    tx,
    KIND,
    passed.map((r) => r.dedupeKey),
  );
  let skipped = 0;
  for (const { shift, recipients, dedupeKey } of passed) {
    if (told.has(dedupeKey) || recipients.length === 0) continue;
    skipped++;
    log.info(
      { kind: KIND, shiftId: shift.id, eventId: shift.event.id, startsAt: shift.startsAt.toISOString() },
      "reminder skipped: the shift started before it could be sent",
    );
  }
  return { sent, skipped };
};
