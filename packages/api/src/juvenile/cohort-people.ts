// A juvenile cohort holds only its youths, known by code (少年法61条): never a named Person, whatever
// the caller's role — not on its roster (addMembership, transferMembership), not signed up for or
// assigned a task of its events, not a participant of its logs (log-activity.ts refuses that itself).
import { fieldIssue, InvalidInputError } from "../errors.ts";

/** Refuses (INVALID_INPUT at `path`) putting a named person into a group of the juvenile programme. */
export function assertNoNamedPersonInCohort(group: { programme: { privacyTier: string } }, path: string): void {
  if (group.programme.privacyTier !== "JUVENILE") return;
  throw new InvalidInputError([
    fieldIssue(path, {
      ja: "少年院ボランティアの受入れ期には、名前のある人を登録できません（参加者は仮名コードだけで記録します。少年法61条）。",
      en: "A juvenile cohort never holds a named person: its participants are pseudonymous codes only (Juvenile Act, art. 61).",
    }),
  ]);
}
