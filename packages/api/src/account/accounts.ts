// The organisation's accounts as staff see them (Query.accounts): name, e-mail, last sign-in,
// whether a password is set, and each active access role with its scope's name. And the scopes
// each role can be granted in (Query.accessRoleScopes), so the web app offers exactly the groups
// and programmes the API accepts (scope.ts).
import type { AccessRole } from "@tsunagu/db";
import { prisma } from "@tsunagu/db/client";

import { signedIn, type Context } from "../context.ts";
import { scopeRule } from "./scope.ts";

export interface AccountRoleView {
  id: string;
  role: AccessRole;
  grantedAt: Date;
  scopeId: string | null;
  scopeName: string | null;
  scopeNameEn: string | null;
}

export interface AccountView {
  id: string;
  name: string;
  email: string;
  lastSignInAt: Date | null;
  hasPassword: boolean;
  roles: AccountRoleView[];
}

export async function listAccounts(ctx: Context): Promise<AccountView[]> {
  const users = await prisma().user.findMany({
    where: { orgId: signedIn(ctx).orgId },
    select: {
      id: true,
      name: true,
      email: true,
      lastSignInAt: true,
      accounts: { where: { providerId: "credential" }, select: { id: true } },
      accessRoles: {
        where: { revokedAt: null },
        orderBy: [{ grantedAt: "asc" }, { id: "asc" }],
        select: {
          id: true,
          role: true,
          grantedAt: true,
          group: { select: { id: true, name: true } },
          programme: { select: { id: true, name: true, nameEn: true } },
        },
      },
    },
    orderBy: [{ name: "asc" }, { email: "asc" }],
  });
  return users.map((u) => ({
    id: u.id,
    name: u.name,
    email: u.email,
    lastSignInAt: u.lastSignInAt,
    hasPassword: u.accounts.length > 0,
    roles: u.accessRoles.map((r) => ({
      id: r.id,
      role: r.role,
      grantedAt: r.grantedAt,
      scopeId: r.group?.id ?? r.programme?.id ?? null,
      scopeName: r.group?.name ?? r.programme?.name ?? null,
      scopeNameEn: r.group?.name ?? r.programme?.nameEn ?? null,
    })),
  }));
}

export interface RoleScopeOption {
  id: string;
  name: string;
  nameEn: string;
}

export interface AccessRoleScopes {
  role: AccessRole;
  /** "ORGANIZATION", "GROUP" or "PROGRAMME" */
  scopeKind: "ORGANIZATION" | "GROUP" | "PROGRAMME";
  options: RoleScopeOption[];
}

export async function accessRoleScopes(ctx: Context): Promise<AccessRoleScopes[]> {
  const orgId = signedIn(ctx).orgId;
  const [groups, programmes] = await Promise.all([
    prisma().group.findMany({
      where: { orgId, endedOn: null },
      select: { id: true, name: true, kind: { select: { code: true } } },
      orderBy: [{ nameKana: "asc" }, { name: "asc" }],
    }),
    prisma().programme.findMany({ where: { orgId, privacyTier: "JUVENILE" }, select: { id: true, name: true, nameEn: true } }),
  ]);
  return (Object.keys(scopeRule) as AccessRole[]).map((role) => {
    const rule = scopeRule[role];
    if (!rule) return { role, scopeKind: "ORGANIZATION", options: [] };
    if (rule.groupKinds) {
      const kinds = rule.groupKinds;
      return {
        role,
        scopeKind: "GROUP",
        options: groups.filter((g) => kinds.includes(g.kind.code)).map((g) => ({ id: g.id, name: g.name, nameEn: g.name })),
      };
    }
    return { role, scopeKind: "PROGRAMME", options: programmes };
  });
}
