// Demo sign-in accounts: one per access role, with its scope. The README and the tests read
// `demoAccounts`; every account shares DEMO_PASSWORD.

import { hashPassword } from "better-auth/crypto";

import { demoId, groupOf, jst, need, type DemoContext, type ProgrammeCode, type SeedClient, type UserKey } from "./context.ts";

export const DEMO_PASSWORD = "tsunagu-demo-2025";
const DEMO_EMAIL_DOMAIN = "hannan.example";

type DemoAccountScope = { kind: "organization" } | { kind: "group"; groupKey: string } | { kind: "programme"; programme: ProgrammeCode };

export interface DemoAccount {
  key: UserKey;
  email: string;
  password: string;
  role: "STAFF" | "SCHOOL_COORDINATOR" | "SUBCOMMITTEE_MEMBER" | "SALON_LEADER" | "INSTITUTION_LIAISON";
  /** the account's name; for accounts linked to a volunteer, the volunteer's legal name is used */
  name: string;
  /** the account belongs to a volunteer (Person) of the scope group */
  linkedToPerson: boolean;
  scope: DemoAccountScope;
  scopeJa: string;
  scopeEn: string;
}

export const demoAccounts: readonly DemoAccount[] = [
  {
    key: "staff",
    email: `staff@${DEMO_EMAIL_DOMAIN}`,
    password: DEMO_PASSWORD,
    role: "STAFF",
    name: "南 真理子",
    linkedToPerson: false,
    scope: { kind: "organization" },
    scopeJa: "阪南市社会福祉協議会 ボランティアセンター職員（全体）",
    scopeEn: "Volunteer-centre staff of the Hannan 社協 (whole organisation)",
  },
  {
    key: "coordinator-ozaki",
    email: `coordinator.ozaki@${DEMO_EMAIL_DOMAIN}`,
    password: DEMO_PASSWORD,
    role: "SCHOOL_COORDINATOR",
    name: "北野 直樹",
    linkedToPerson: false,
    scope: { kind: "group", groupKey: "school/ozaki" },
    scopeJa: "尾崎小学校 子ども福祉委員の担当教員",
    scopeEn: "Coordinator of the children's welfare committee of 尾崎小学校 (Ozaki Primary)",
  },
  {
    key: "coordinator-tottori-higashi",
    email: `coordinator.tottori-higashi@${DEMO_EMAIL_DOMAIN}`,
    password: DEMO_PASSWORD,
    role: "SCHOOL_COORDINATOR",
    name: "寺田 恵美",
    linkedToPerson: false,
    scope: { kind: "group", groupKey: "school/tottori-higashi" },
    scopeJa: "鳥取東中学校 子ども福祉委員の地域コーディネーター",
    scopeEn: "Community coordinator of the children's welfare committee of 鳥取東中学校 (Tottori-Higashi Junior High)",
  },
  {
    key: "subcommittee-event",
    email: `event-bukai@${DEMO_EMAIL_DOMAIN}`,
    password: DEMO_PASSWORD,
    role: "SUBCOMMITTEE_MEMBER",
    name: "(イベント部会の部会長)",
    linkedToPerson: true,
    scope: { kind: "group", groupKey: "network/event" },
    scopeJa: "草の根ネットワーク イベント部会「ぼちぼちいこらyo！」の部会長",
    scopeEn: "Chair of the event subcommittee 「ぼちぼちいこらyo！」 of the grassroots network",
  },
  {
    key: "salon-leader",
    email: `salon-leader@${DEMO_EMAIL_DOMAIN}`,
    password: DEMO_PASSWORD,
    role: "SALON_LEADER",
    name: "(ふれあい喫茶 さくらの代表)",
    linkedToPerson: true,
    scope: { kind: "group", groupKey: "salon/01" },
    scopeJa: "まちなかサロン「ふれあい喫茶 さくら」（尾崎）の代表",
    scopeEn: "Representative of the salon 「ふれあい喫茶 さくら」 (Ozaki)",
  },
  {
    key: "liaison",
    email: `liaison@${DEMO_EMAIL_DOMAIN}`,
    password: DEMO_PASSWORD,
    role: "INSTITUTION_LIAISON",
    name: "浜田 誠",
    linkedToPerson: false,
    scope: { kind: "programme", programme: "juvenile" },
    scopeJa: "泉南学寮の担当職員（少年院ボランティアのみ・仮名コードで閲覧）",
    scopeEn: "Liaison officer of 泉南学寮 (juvenile programme only, pseudonymous codes)",
  },
];

/** The stable id of a demo account (Better Auth user ids are strings; these are uuid v5). */
export function demoUserId(ctx: Pick<DemoContext, "orgKey">, key: UserKey): string {
  return demoId(ctx, "user", key);
}

function currentLeader(ctx: DemoContext, groupKey: string, roles: readonly string[]): string {
  const t = ctx.today.getTime();
  const m = ctx.memberships.find(
    (x) => x.groupKey === groupKey && roles.includes(x.role) && x.startedOn.getTime() <= t && (!x.endedOn || x.endedOn.getTime() >= t),
  );
  if (!m) throw new Error(`demo seed: no current leader of ${groupKey} for a demo account`);
  return m.personId;
}

/**
 * Builds the User and AccessRoleAssignment rows of the demo accounts. Run it after the groups and
 * memberships exist (the salon leader and the subcommittee member are volunteers of their group).
 * The credential (password) rows are made by credentialAccounts(), which needs the database.
 */
export function seedAccounts(ctx: DemoContext): void {
  const staffId = demoUserId(ctx, "staff");
  const createdAt = jst(ctx.windowStart, 9);
  for (const a of demoAccounts) {
    const id = demoUserId(ctx, a.key);
    let personId: string | null = null;
    let name = a.name;
    if (a.linkedToPerson && a.scope.kind === "group") {
      personId = currentLeader(ctx, a.scope.groupKey, ["representative", "chair"]);
      name = need(ctx.people, personId, "person").legalName;
    }
    ctx.rows.user.push({
      id,
      name,
      email: a.email,
      emailVerified: true,
      orgId: ctx.orgId,
      personId,
      locale: "ja",
      createdAt,
      updatedAt: createdAt,
    });
    ctx.rows.accessRoleAssignment.push({
      id: demoId(ctx, "access-role", a.key, a.role),
      orgId: ctx.orgId,
      userId: id,
      role: a.role,
      programmeId: a.scope.kind === "programme" ? need(ctx.programmes, a.scope.programme, "programme") : null,
      groupId: a.scope.kind === "group" ? groupOf(ctx, a.scope.groupKey).id : null,
      grantedById: a.key === "staff" ? null : staffId,
      grantedAt: createdAt,
    });
  }
}

/**
 * Better Auth credential rows (providerId "credential", accountId = user id, scrypt hash of the
 * password). Hashing is random-salted, so only accounts not yet in the database are hashed; the
 * others are left as they are. Returns the rows to insert and how many already existed.
 */
export async function credentialAccounts(
  prisma: SeedClient,
  ctx: DemoContext,
): Promise<{ rows: DemoContext["rows"]["account"]; existing: number }> {
  const wanted = demoAccounts.map((a) => ({ a, userId: demoUserId(ctx, a.key), id: demoId(ctx, "account", a.key) }));
  const present = await prisma.account.findMany({
    where: { id: { in: wanted.map((w) => w.id) } },
    select: { id: true },
  });
  const have = new Set(present.map((p) => p.id));
  const rows: DemoContext["rows"]["account"] = [];
  const createdAt = jst(ctx.windowStart, 9);
  for (const w of wanted) {
    if (have.has(w.id)) continue;
    rows.push({
      id: w.id,
      accountId: w.userId,
      providerId: "credential",
      userId: w.userId,
      password: await hashPassword(w.a.password),
      createdAt,
      updatedAt: createdAt,
    });
  }
  return { rows, existing: have.size };
}
