// What a roster (名簿) query selects and in which order, shared by Group.roster and rosterCsv.
// Name search and order follow the visibility rules of ../person/access.ts, so neither can reveal
// a name the viewer may not see (a legal name behind a nickname, a child's name outside their school).
import { todayInJapan, type Prisma } from "@tsunagu/db";
import { prisma } from "@tsunagu/db/client";

import { memo, signedIn, type Context, type Viewer } from "../context.ts";
import {
  personLegalName,
  personLegalNameVisibleWhere,
  personNameVisibleWhere,
  personVisibility,
  personVisibilitySelect,
  type PersonVisibilityInput,
} from "../person/access.ts";
import { toHiragana, toKatakana } from "./kana.ts";

export interface RosterFilter {
  search?: string | null;
  includeEnded?: boolean | null;
  roleCode?: string | null;
  insured?: boolean | null;
  fiscalYear: number;
}

/** A membership is current until its end date has passed (an end date today still counts). */
function currentMembershipWhere(today = todayInJapan()): Prisma.MembershipWhereInput {
  return { OR: [{ endedOn: null }, { endedOn: { gte: today } }] };
}

/** One search word against the names the viewer may see; kana input matches in either script. */
export function searchWordWhere(viewer: Viewer, word: string): Prisma.PersonWhereInput {
  const hiragana = toHiragana(word);
  const katakana = toKatakana(word);
  const byDisplayName: Prisma.PersonWhereInput = {
    OR: [...new Set([word, hiragana, katakana])].map((w) => ({ displayName: { contains: w, mode: "insensitive" as const } })),
  };
  const byLegalName: Prisma.PersonWhereInput = {
    OR: [{ legalName: { contains: word, mode: "insensitive" } }, { legalNameKana: { contains: hiragana } }],
  };
  const nameVisible = personNameVisibleWhere(viewer);
  const legalVisible = personLegalNameVisibleWhere(viewer);
  if (!nameVisible || !legalVisible) return { OR: [byDisplayName, byLegalName] };
  return { OR: [{ AND: [nameVisible, byDisplayName] }, { AND: [legalVisible, byLegalName] }] };
}

/** Search words: split on spaces (half- or full-width); every word must match. */
export function searchWords(search: string | null | undefined): string[] {
  return (search ?? "")
    .normalize("NFKC")
    .split(/\s+/)
    .filter((w) => w.length > 0);
}

export function rosterWhere(viewer: Viewer, groupId: string, filter: RosterFilter): Prisma.MembershipWhereInput {
  const and: Prisma.MembershipWhereInput[] = [];
  if (!filter.includeEnded) and.push(currentMembershipWhere());
  if (filter.roleCode) and.push({ groupRole: { code: filter.roleCode } });
  if (filter.insured != null) {
    const enrolled = { insuranceEnrolments: { some: { fiscalYear: filter.fiscalYear } } };
    and.push({ person: filter.insured ? enrolled : { NOT: enrolled } });
  }
  for (const word of searchWords(filter.search)) and.push({ person: searchWordWhere(viewer, word) });
  return { orgId: viewer.orgId, groupId, AND: and };
}

interface OrderableRow {
  id: string;
  startedOn: Date;
  person: Omit<PersonVisibilityInput, "memberships" | "childVolunteer"> &
    Partial<Pick<PersonVisibilityInput, "memberships" | "childVolunteer">> & { legalName: string; legalNameKana: string };
}

// ICU's Japanese collation: 五十音 order as dictionaries have it (が sorts with か, わだ before
// わたなべ), the same on every database whatever its collation.
export const collator = new Intl.Collator("ja");

/**
 * Sorts roster rows in 五十音 order by ふりがな, then legal name, then start date and id (stable
 * pages). For a viewer who may not see a legal name, the row sorts by the name they do see (a
 * nickname, read as kana), so its place in the list does not hint at the hidden ふりがな; rows whose
 * name is hidden altogether come last. Rows read for non-staff carry the person's memberships and
 * child record, which the rules of ../person/access.ts need.
 */
export function sortRoster<T extends OrderableRow>(ctx: Context, rows: T[]): T[] {
  const keyed = rows.map((row) => {
    const p = row.person;
    // staff's rows come without memberships and child record: personVisibility does not read them for staff
    const seen = personVisibility(
      ctx,
      p.memberships && p.childVolunteer !== undefined
        ? (p as PersonVisibilityInput)
        : { ...p, memberships: p.memberships ?? [], childVolunteer: p.childVolunteer ?? null },
    );
    const hidden = !seen.name;
    const kana = seen.legalName ? p.legalNameKana : seen.name ? toHiragana(p.displayName ?? "") : "";
    const name = seen.legalName ? p.legalName : seen.name ? (p.displayName ?? "") : "";
    return { row, hidden, kana, name };
  });
  keyed.sort(
    (a, b) =>
      Number(a.hidden) - Number(b.hidden) ||
      collator.compare(a.kana, b.kana) ||
      collator.compare(a.name, b.name) ||
      a.row.startedOn.getTime() - b.row.startedOn.getTime() ||
      (a.row.id < b.row.id ? -1 : a.row.id > b.row.id ? 1 : 0),
  );
  return keyed.map((k) => k.row);
}

const nameSelect = { id: true, legalName: true, legalNameKana: true, displayName: true } as const;

/**
 * The ids of a roster's rows in 五十音 order: one statement for staff (three otherwise, for the
 * visibility rules), once per request and filter, shared by the page and its totalCount.
 */
export function rosterOrder(ctx: Context, groupId: string, filter: RosterFilter): Promise<string[]> {
  const viewer = signedIn(ctx);
  return memo(ctx, `roster-order:${groupId}:${JSON.stringify(filter)}`, async () => {
    if (viewer.isStaff) {
      const rows = await prisma().membership.findMany({
        where: rosterWhere(viewer, groupId, filter),
        select: { id: true, startedOn: true, person: { select: nameSelect } },
      });
      return sortRoster(ctx, rows as Array<OrderableRow>).map((r) => r.id);
    }
    // for anyone else no legal name is read but those the viewer may see (personLegalName)
    const rows = await prisma().membership.findMany({
      where: rosterWhere(viewer, groupId, filter),
      select: { id: true, startedOn: true, person: { select: personVisibilitySelect } },
    });
    const withNames = await Promise.all(
      rows.map(async (row) => {
        const legal = personVisibility(ctx, row.person).legalName;
        const [legalName, legalNameKana] = legal
          ? await Promise.all([personLegalName(ctx, row.person, "legalName"), personLegalName(ctx, row.person, "legalNameKana")])
          : [null, null];
        return { ...row, person: { ...row.person, legalName: legalName ?? "", legalNameKana: legalNameKana ?? "" } };
      }),
    );
    return sortRoster(ctx, withNames).map((r) => r.id);
  });
}

/**
 * The ids of one page, with Prisma's cursor semantics (what Pothos's prismaConnection asks for):
 * take > 0 pages forward, take < 0 backward; skip 1 leaves the cursor row out. A cursor that is no
 * longer in the list gives an empty page, as Prisma does.
 */
export function pageIds(ids: string[], page: { take: number; skip?: number; cursor?: { id?: unknown } }): string[] {
  const skip = page.skip ?? 0;
  const n = Math.abs(page.take);
  let start: number;
  if (page.cursor) {
    const at = ids.indexOf(String(page.cursor.id));
    if (at < 0) return [];
    start = page.take >= 0 ? at + skip : at - skip - n + 1;
  } else {
    start = page.take >= 0 ? skip : ids.length - skip - n;
  }
  const from = Math.max(0, start);
  const to = Math.max(from, start + n);
  return ids.slice(from, to);
}
