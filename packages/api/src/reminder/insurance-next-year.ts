// INSURANCE_NEXT_YEAR_MISSING: in March (from 1 March, 09:00 JST, until 31 March), each
// organisation's staff are told once how many people active now — a current membership outside the
// juvenile programme, as the insurance screen counts them — have no ボランティア活動保険 recorded for
// the next 年度. Once a year: key `<next 年度>`; the screen (/insurance, next 年度) keeps the list
// from then on. Nothing when nobody is missing (a reminder is sent on the first scan that finds
// someone, if that is still in March). Not sent in April: by then the 年度 has begun and the
// screen's own count of the current year is what matters.
import { fiscalYearOf, todayInJapan } from "@tsunagu/db";

import { notify } from "../notification/notify.ts";
import { notToldYet, sendingHoursBegun, staffOf, type Finder } from "./due.ts";

const KIND = "INSURANCE_NEXT_YEAR_MISSING";

export const remindInsurance: Finder = async (tx, { now }) => {
  const today = todayInJapan(now);
  if (today.getUTCMonth() !== 2 || !sendingHoursBegun(now)) return { sent: 0, skipped: 0 };
  const next = fiscalYearOf(today) + 1;
  const dedupeKey = String(next);
  const staff = await staffOf(
    tx,
    (await tx.organization.findMany({ select: { id: true } })).map((o) => o.id),
  );
  const due = [...staff].map(([orgId, recipients]) => ({ orgId, recipients, dedupeKey }));
  let sent = 0;
  for (const org of await notToldYet(tx, KIND, due)) {
    const count = await tx.person.count({
      where: {
        orgId: org.orgId,
        memberships: {
          some: {
            OR: [{ endedOn: null }, { endedOn: { gte: today } }],
            group: { programme: { privacyTier: { not: "JUVENILE" } } },
          },
        },
        insuranceEnrolments: { none: { fiscalYear: next } },
      },
    });
    if (count === 0) continue;
    sent += await notify(tx, {
      kind: KIND,
      recipients: org.recipients,
      subject: { type: "ORGANIZATION", id: org.orgId },
      params: { fiscalYear: next, count },
      dedupeKey,
    });
  }
  return { sent, skipped: 0 };
};
