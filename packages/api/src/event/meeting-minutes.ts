// 議事録: the minutes of a group's meeting (the network and its 部会 meet every two months),
// optionally about one of the group's events.
import { prisma } from "@tsunagu/db/client";

import { audit } from "../audit/audit.ts";
import { signedIn, type Context } from "../context.ts";
import { fieldIssue, InvalidInputError } from "../errors.ts";

export interface RecordMeetingMinutesInput {
  groupId: string;
  /** the event the meeting was about, of the same group */
  eventId: string | null;
  heldOn: Date;
  title: string;
  body: string;
}

/** Records the minutes in one transaction with their audit entry; returns their id. */
export function recordMeetingMinutes(ctx: Context, input: RecordMeetingMinutesInput): Promise<string> {
  const viewer = signedIn(ctx);
  const { groupId, eventId } = input;
  return prisma().$transaction(async (tx) => {
    if (eventId) {
      const event = await tx.event.findFirst({ where: { id: eventId, orgId: viewer.orgId }, select: { groupId: true } });
      if (!event || event.groupId !== groupId) {
        throw new InvalidInputError([
          fieldIssue("input.eventId", { ja: "この団体のイベントではありません。", en: "Not an event of this group." }),
        ]);
      }
    }
    const minutes = await tx.meetingMinutes.create({
      data: {
        orgId: viewer.orgId,
        groupId,
        eventId,
        heldOn: input.heldOn,
        title: input.title.trim(),
        body: input.body.trim(),
        recordedById: viewer.userId,
      },
      select: { id: true },
    });
    await audit(ctx, { action: "create", entity: "MeetingMinutes", entityId: minutes.id, details: { groupId, eventId } }, tx);
    return minutes.id;
  });
}
