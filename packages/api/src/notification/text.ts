// The words of every notification: its title and body per kind, in Japanese and English, and the
// path of the screen it links to. The inbox (GraphQL Notification.title/body/path) and the mail
// (./notify.ts) both render through this module, from the `params` stored with the notification.
// Texts name dates, counts, a group's or an event's name — what the recipient may read anyway —
// and never a person: who did what is on the screen the link opens, behind its access rule.
import type { NotificationKind, NotificationSubject } from "@tsunagu/db";

import { formatWareki } from "../certificate/wareki.ts";
import type { Bilingual } from "../errors.ts";

export type Locale = "ja" | "en";

/** A calendar day as stored in params: YYYY-MM-DD. */
type Day = string;
/** A moment as stored in params: an ISO date-time. */
type Moment = string;

/** What each kind's text needs, stored as the notification's `params` (JSON). */
export interface NotificationParams {
  ACTIVITY_LOG_RETURNED: { group: string; date: Day; activityType: Bilingual };
  ACTIVITY_LOG_APPROVED: { group: string; date: Day; activityType: Bilingual };
  THANK_YOU_APPROVED: { group: string; receivedOn: Day };
  /**
   * `mine`: the recipient is the person whose place was confirmed; otherwise an organiser.
   * `event`/`shift` are null for an event of the juvenile programme (see `eventTitlesFor`).
   */
  WAITLIST_PROMOTED: { event: string | null; eventId: string; shift: string | null; startsAt: Moment; mine: boolean };
  SHIFT_TOMORROW: { event: string | null; eventId: string; shift: string | null; startsAt: Moment };
  CONSENT_OVERDUE_DIGEST: { group: string; count: number };
  INSURANCE_NEXT_YEAR_MISSING: { fiscalYear: number; count: number };
  INVITATION_EXPIRING: { count: number; expiresAt: Moment };
}

export interface NotificationText {
  title: string;
  body: string;
}

const dayJa = (day: Day) => formatWareki(new Date(`${day}T00:00:00Z`));
const dayEn = (day: Day) =>
  new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "long", year: "numeric", timeZone: "UTC" }).format(
    new Date(`${day}T00:00:00Z`),
  );
const momentJa = (at: Moment) =>
  new Intl.DateTimeFormat("ja-JP", { month: "long", day: "numeric", hour: "2-digit", minute: "2-digit", timeZone: "Asia/Tokyo" }).format(
    new Date(at),
  );
const momentEn = (at: Moment) =>
  new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "long", hour: "2-digit", minute: "2-digit", timeZone: "Asia/Tokyo" }).format(
    new Date(at),
  );
/** a shift by its event's and its own title; an event of the juvenile programme by neither (its titles may hold participants' codes, and a mail leaves the app) */
const shiftJa = (p: { event: string | null; shift: string | null }) =>
  p.event === null || p.shift === null ? "担当のイベントのシフト" : `「${p.event}」の「${p.shift}」`;
const shiftEn = (p: { event: string | null; shift: string | null }) =>
  p.event === null || p.shift === null ? "a shift of your event" : `"${p.shift}" of "${p.event}"`;
const upperFirst = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);
/** the fiscal year as 令和N年度 / FY2027 */
const fiscalYearJa = (fy: number) => `${formatWareki(new Date(Date.UTC(fy, 3, 1))).replace(/\d+月\d+日$/, "")}度`;

type Renderers = {
  [K in NotificationKind]: Record<Locale, (p: NotificationParams[K]) => NotificationText>;
};

const RENDER: Renderers = {
  ACTIVITY_LOG_RETURNED: {
    ja: (p) => ({
      title: "活動記録が差し戻されました",
      body: `${p.group}の活動記録（${dayJa(p.date)}・${p.activityType.ja}）が差し戻されました。理由を確認し、直して再提出してください。`,
    }),
    en: (p) => ({
      title: "An activity log was returned",
      body: `The activity log of ${p.group} (${dayEn(p.date)}, ${p.activityType.en}) was returned. Read the reason, correct it and submit it again.`,
    }),
  },
  ACTIVITY_LOG_APPROVED: {
    ja: (p) => ({
      title: "活動記録が承認されました",
      body: `${p.group}の活動記録（${dayJa(p.date)}・${p.activityType.ja}）が承認されました。`,
    }),
    en: (p) => ({
      title: "An activity log was approved",
      body: `The activity log of ${p.group} (${dayEn(p.date)}, ${p.activityType.en}) was approved.`,
    }),
  },
  THANK_YOU_APPROVED: {
    ja: (p) => ({
      title: "ありがとうが届きました",
      body: `${p.group}にありがとうのメッセージが届きました（${dayJa(p.receivedOn)}受付）。`,
    }),
    en: (p) => ({ title: "A thank-you arrived", body: `${p.group} received a thank-you message (received ${dayEn(p.receivedOn)}).` }),
  },
  WAITLIST_PROMOTED: {
    ja: (p) => ({
      title: p.mine ? "キャンセル待ちから参加が確定しました" : "キャンセル待ちの方の参加が確定しました",
      body: p.mine
        ? `${shiftJa(p)}（${momentJa(p.startsAt)}〜）に空きが出たため、参加が確定しました。`
        : `${shiftJa(p)}（${momentJa(p.startsAt)}〜）で、キャンセル待ちの方の参加が確定しました。`,
    }),
    en: (p) => ({
      title: p.mine ? "Your place is confirmed" : "A waiting sign-up was confirmed",
      body: p.mine
        ? `A place came free on ${shiftEn(p)} (from ${momentEn(p.startsAt)}): your sign-up is confirmed.`
        : `On ${shiftEn(p)} (from ${momentEn(p.startsAt)}), a sign-up on the waiting list was confirmed.`,
    }),
  },
  // sent the day before, or on the day itself after a downtime: the text names the day, not "tomorrow"
  SHIFT_TOMORROW: {
    ja: (p) => ({ title: "シフトのお知らせ", body: `${shiftJa(p)}は${momentJa(p.startsAt)}からです。` }),
    en: (p) => ({ title: "Shift reminder", body: `${upperFirst(shiftEn(p))} starts on ${momentEn(p.startsAt)}.` }),
  },
  CONSENT_OVERDUE_DIGEST: {
    ja: (p) => ({ title: "未提出の同意書があります", body: `${p.group}で、保護者の同意書が未提出の子どもが${p.count}人います。` }),
    en: (p) => ({
      title: "Consent forms are missing",
      body: `${p.group}: ${p.count} ${p.count === 1 ? "child has" : "children have"} no guardian consent form back.`,
    }),
  },
  INSURANCE_NEXT_YEAR_MISSING: {
    ja: (p) => ({
      title: "来年度のボランティア保険が未加入の方がいます",
      body: `${fiscalYearJa(p.fiscalYear)}のボランティア活動保険に未加入の活動者が${p.count}人います。`,
    }),
    en: (p) => ({
      title: "Volunteers not insured for next year",
      body: `${p.count} ${p.count === 1 ? "volunteer is" : "volunteers are"} not enrolled in volunteer insurance for FY${p.fiscalYear}.`,
    }),
  },
  INVITATION_EXPIRING: {
    ja: (p) => ({
      title: "期限切れ間近の招待があります",
      body: `まだ承諾されていない招待が${p.count}件、${momentJa(p.expiresAt)}までに期限が切れます。`,
    }),
    en: (p) => ({
      title: "Invitations about to expire",
      body: `${p.count} ${p.count === 1 ? "invitation has" : "invitations have"} not been accepted and will expire by ${momentEn(p.expiresAt)}.`,
    }),
  },
};

/** The title and body of a notification of `kind` with its stored `params`, in `locale`. */
/** what an event's notification may name: nothing of an event of the juvenile programme (see shiftJa) */
export const eventGroupTier = { group: { select: { programme: { select: { privacyTier: true } } } } } as const;
export function eventTitles(
  event: { title: string; group: { programme: { privacyTier: string } } | null },
  shiftTitle: string,
): { event: string | null; shift: string | null } {
  return event.group?.programme.privacyTier === "JUVENILE" ? { event: null, shift: null } : { event: event.title, shift: shiftTitle };
}

export function renderNotification(kind: NotificationKind, params: unknown, locale: Locale): NotificationText {
  const render = RENDER[kind][locale] as (p: unknown) => NotificationText;
  return render(params);
}

/** The app path a notification links to: the screen of its record (or, for a digest, of its list). */
export function notificationPath(kind: NotificationKind, subject: { type: NotificationSubject; id: string }, params: unknown): string {
  if (kind === "CONSENT_OVERDUE_DIGEST" && subject.type === "GROUP") return `/child-volunteers/${subject.id}`;
  if (kind === "INSURANCE_NEXT_YEAR_MISSING") return "/insurance";
  switch (subject.type) {
    case "ACTIVITY_LOG":
      return `/activity-logs/${subject.id}`;
    case "THANK_YOU":
      return "/recognition";
    case "EVENT":
      return `/events/${subject.id}`;
    case "SHIFT":
      return `/events/${(params as { eventId: string }).eventId}`;
    case "GROUP":
      return `/groups/${subject.id}`;
    case "INVITATION":
      return "/accounts";
    case "ORGANIZATION":
      return "/";
  }
}

/** An account's `locale` as one of the languages notifications are written in (ja unless English). */
export function localeOf(locale: string | null | undefined): Locale {
  return locale?.toLowerCase().startsWith("en") ? "en" : "ja";
}
