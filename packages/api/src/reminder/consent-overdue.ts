// CONSENT_OVERDUE_DIGEST: once a week (Monday to Sunday, in Japan), from 09:00 JST on the first day
// of the week that something is overdue, each school's coordinators get one digest: how many of
// the school's active 子ども福祉委員 registered 14 or more days ago (their registration day in Japan
// + 14 ≤ today) still have a consent form not back — 未提出, no record of 保護者同意 or of
// 写真掲載同意 (a form back with 不同意 is an answer, not overdue). The mail names the school's
// group and the count, no child: the list behind the link shows who, to those who may see it.
// Staff are not sent it (they see every school's list); a school with no coordinator gets none.
// Key: `<school group id>:<the week's Monday>`.
import { addDays, startOfDayInJapan, todayInJapan } from "@tsunagu/db";

import { notify } from "../notification/notify.ts";
import { notToldYet, sendingHoursBegun, weekOf, type Finder } from "./due.ts";

const KIND = "CONSENT_OVERDUE_DIGEST";

/** days after registration a consent form is overdue */
const CONSENT_DUE_DAYS = 14;

export const remindConsents: Finder = async (tx, { now }) => {
  if (!sendingHoursBegun(now)) return { sent: 0, skipped: 0 };
  const today = todayInJapan(now);
  const overdue = await tx.childVolunteer.groupBy({
    by: ["orgId", "schoolId"],
    where: {
      status: "ACTIVE",
      // registered on or before today - 14 (in Japan)
      createdAt: { lt: startOfDayInJapan(addDays(today, 1 - CONSENT_DUE_DAYS)) },
      OR: [{ consents: { none: { kind: "GUARDIAN_ACTIVITY" } } }, { consents: { none: { kind: "PHOTO_PUBLICATION" } } }],
    },
    _count: { _all: true },
  });
  if (overdue.length === 0) return { sent: 0, skipped: 0 };
  const countOf = new Map(overdue.map((o) => [`${o.orgId}:${o.schoolId}`, o._count._all]));
  // the coordinators of each school's group (its current one: a closed group takes nobody new)
  const roles = await tx.accessRoleAssignment.findMany({
    where: {
      role: "SCHOOL_COORDINATOR",
      revokedAt: null,
      group: { schoolId: { in: [...new Set(overdue.map((o) => o.schoolId))] }, OR: [{ endedOn: null }, { endedOn: { gte: today } }] },
    },
    select: { userId: true, group: { select: { id: true, orgId: true, schoolId: true, name: true } } },
  });
  const groups = new Map<string, { id: string; name: string; count: number; recipients: string[] }>();
  for (const { userId, group } of roles) {
    if (!group) continue;
    const count = countOf.get(`${group.orgId}:${group.schoolId}`);
    if (!count) continue;
    const g = groups.get(group.id) ?? { id: group.id, name: group.name, count, recipients: [] };
    g.recipients.push(userId);
    groups.set(group.id, g);
  }
  const week = weekOf(today);
  let sent = 0;
  const due = [...groups.values()].map((g) => ({ ...g, dedupeKey: `${g.id}:${week}` }));
  for (const g of await notToldYet(tx, KIND, due)) {
    sent += await notify(tx, {
      kind: KIND,
      recipients: g.recipients,
      subject: { type: "GROUP", id: g.id },
      params: { group: g.name, count: g.count },
      dedupeKey: g.dedupeKey,
    });
  }
  return { sent, skipped: 0 };
};
