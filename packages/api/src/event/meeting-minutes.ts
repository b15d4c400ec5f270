// 議事録: the minutes of a group's meeting (the network and its 部会 meet every two months),
// optionally about one of the group's events.
import { prisma } from "@tsunagu/db/client";

import { audit } from "../audit/audit.ts";
import { signedIn, type Context } from "../context.ts";
import { fieldIssue, InvalidInputError } from "../errors.ts";
import { guardFreeText, isJuvenileGroup } from "../juvenile/code-in-text.ts";

export interface RecordMeetingMinutesInput {
  groupId: string;
  /** the event the meeting was about, of the same group */
  eventId: string | null;
  heldOn: Date;
  title: string;
  body: string;
  /** saves juvenile-programme text that seems to name someone next to a code (../juvenile/code-in-text.ts) */
  acknowledgeNameWarning?: boolean | null;
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
    // a cohort's minutes stay with staff and the liaison; any other group's are read by its accounts
    const juvenile = await isJuvenileGroup(tx, viewer.orgId, groupId);
    await guardFreeText(tx, viewer.orgId, { juvenile, acknowledgeNameWarning: input.acknowledgeNameWarning }, [
      { path: "input.title", text: input.title, what: { ja: "表題", en: "title" } },
      { path: "input.body", text: input.body, what: { ja: "本文", en: "body" } },
    ]);
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
