// The person page's reads in one statement. The page asks three root fields of one person —
// Query.person, Query.thankYous(toPersonId) and Query.certificates(personId) — which would be a
// statement each. Here each of them hands its part to a per-request loader, and the parts asked in
// the same turn are read together through the person: one Prisma read of the person with the
// person's own selection (or, for a viewer other than staff, only what decides the person's
// visibility: ./access.ts) and the relations thankYouMessages and certificates, each with its
// root field's own filter, order and page. Relation joins make that one statement.
//
// Parts that would ask the same top-level key of the person twice are read in statements of their
// own, so no part ever gets another part's rows. A person outside the viewer's organisation reads
// as null (its thank-yous and certificates as none: their rows carry the person's organisation).
import DataLoader from "dataloader";

import type { Prisma } from "@tsunagu/db";
import { prisma } from "@tsunagu/db/client";

import { signedIn, type Context } from "../context.ts";

type Part =
  | { kind: "person"; personId: string; select: Prisma.PersonSelect }
  | { kind: "thankYouMessages"; personId: string; args: Prisma.Person$thankYouMessagesArgs }
  | { kind: "certificates"; personId: string; args: Prisma.Person$certificatesArgs };

type PersonRow = Record<string, unknown>;

const loaders = new WeakMap<Context, DataLoader<Part, unknown>>();

function keysOf(part: Part): string[] {
  return part.kind === "person" ? Object.keys(part.select) : [part.kind];
}

/** The parts of one person's reads, as few statements as their keys allow (usually one). */
async function readTogether(orgId: string, personId: string, parts: Part[]): Promise<Map<Part, PersonRow | null>> {
  const statements: Array<{ select: Record<string, unknown>; parts: Part[] }> = [];
  for (const part of parts) {
    const keys = keysOf(part);
    let statement = statements.find((s) => keys.every((k) => !(k in s.select)));
    if (!statement) {
      statement = { select: {}, parts: [] };
      statements.push(statement);
    }
    if (part.kind === "person") Object.assign(statement.select, part.select);
    else statement.select[part.kind] = part.args;
    statement.parts.push(part);
  }
  const rows = new Map<Part, PersonRow | null>();
  await Promise.all(
    statements.map(async ({ select, parts: read }) => {
      const row = (await prisma().person.findFirst({ where: { id: personId, orgId }, select })) as PersonRow | null;
      for (const part of read) {
        rows.set(part, row && Object.fromEntries(keysOf(part).map((k) => [k, row[k]])));
      }
    }),
  );
  return rows;
}

function loaderOf(ctx: Context): DataLoader<Part, unknown> {
  let loader = loaders.get(ctx);
  if (!loader) {
    const orgId = signedIn(ctx).orgId;
    loader = new DataLoader<Part, unknown>(
      async (parts) => {
        const byPerson = new Map<string, Part[]>();
        for (const part of parts) byPerson.set(part.personId, [...(byPerson.get(part.personId) ?? []), part]);
        const rows = new Map<Part, PersonRow | null>();
        for (const [personId, ofPerson] of byPerson) {
          for (const [part, row] of await readTogether(orgId, personId, ofPerson)) rows.set(part, row);
        }
        return parts.map((part) => {
          const row = rows.get(part) ?? null;
          return part.kind === "person" ? row : (row?.[part.kind] ?? []);
        });
      },
      // the root fields of one request are resolved in the same turn, but each after its own
      // checks (authorisation, validation: promises): batch what arrives before the next I/O turn
      { cache: false, batchScheduleFn: (run) => setImmediate(run) },
    );
    loaders.set(ctx, loader);
  }
  return loader;
}

/** The person (of the viewer's organisation) with `select`, read with the other parts of the request. */
export function loadPersonPart<S extends Prisma.PersonSelect>(ctx: Context, personId: string, select: S) {
  return loaderOf(ctx).load({ kind: "person", personId, select }) as Promise<Prisma.PersonGetPayload<{ select: S }> | null>;
}

/** A person's thank-you messages under `args` (filter, order, page), read with the other parts of the request. */
export function loadPersonThankYous(ctx: Context, personId: string, args: Prisma.Person$thankYouMessagesArgs) {
  return loaderOf(ctx).load({ kind: "thankYouMessages", personId, args }) as Promise<Prisma.ThankYouMessageGetPayload<object>[]>;
}

/** A person's certificates under `args` (filter, order, page), read with the other parts of the request. */
export function loadPersonCertificates(ctx: Context, personId: string, args: Prisma.Person$certificatesArgs) {
  return loaderOf(ctx).load({ kind: "certificates", personId, args }) as Promise<Prisma.CertificateGetPayload<object>[]>;
}
