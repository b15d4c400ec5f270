import type { Event, Group, Prisma, Shift } from "@tsunagu/db";

import { nextRow, type SeededOrganization } from "./organization.ts";

export interface EventInput extends Partial<Omit<Prisma.EventCreateManyInput, "orgId" | "groupId">> {
  group: Pick<Group, "id">;
}

/** A planned event of a group, 10:00–14:00 JST on 2025-06-01 unless told otherwise. */
export async function seedEvent(
  db: Prisma.TransactionClient,
  org: Pick<SeededOrganization, "id">,
  { group, ...overrides }: EventInput,
): Promise<Event> {
  const row = nextRow(org.id, "event");
  return db.event.create({
    data: {
      id: row.id,
      title: `イベント ${row.n}`,
      startsAt: new Date("2025-06-01T01:00:00Z"),
      endsAt: new Date("2025-06-01T05:00:00Z"),
      ...overrides,
      orgId: org.id,
      groupId: group.id,
    },
  });
}

export interface ShiftInput extends Partial<Omit<Prisma.ShiftCreateManyInput, "orgId" | "eventId">> {
  event: Pick<Event, "id" | "startsAt" | "endsAt">;
}

/** A shift of an event, as long as the event and with 2 places unless told otherwise. */
export async function seedShift(
  db: Prisma.TransactionClient,
  org: Pick<SeededOrganization, "id">,
  { event, ...overrides }: ShiftInput,
): Promise<Shift> {
  const row = nextRow(org.id, "shift");
  return db.shift.create({
    data: {
      id: row.id,
      title: `シフト ${row.n}`,
      startsAt: event.startsAt,
      endsAt: event.endsAt,
      capacity: 2,
      ...overrides,
      orgId: org.id,
      eventId: event.id,
    },
  });
}
