// The wording (scope) and version of the consent forms in use: the latest recorded of each kind,
// so a new form is prefilled with what the school hands out.
export type ConsentKind = "GUARDIAN_ACTIVITY" | "PHOTO_PUBLICATION";
export type ConsentTermsByKind = Partial<Record<ConsentKind, { scope: string; policyVersion: string; recordedAt: string }>>;

export function latestTerms(
  children: ReadonlyArray<{ consents: ReadonlyArray<{ kind: string; scope: string; policyVersion: string; recordedAt: string }> }>,
): ConsentTermsByKind {
  const result: ConsentTermsByKind = {};
  for (const c of children.flatMap((x) => x.consents)) {
    const kind = c.kind as ConsentKind;
    const seen = result[kind];
    if (!seen || seen.recordedAt < c.recordedAt)
      result[kind] = { scope: c.scope, policyVersion: c.policyVersion, recordedAt: c.recordedAt };
  }
  return result;
}
