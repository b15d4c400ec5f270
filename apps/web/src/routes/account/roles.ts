// The access roles in the order the screen lists them, and how a form's scope becomes the API's
// groupId or programmeId (the API says which kind each role takes: AccessRoleScopes.scopeKind).
import { graphql, type ResultOf } from "../../graphql.ts";

export const ROLES = ["STAFF", "SCHOOL_COORDINATOR", "SUBCOMMITTEE_MEMBER", "SALON_LEADER", "INSTITUTION_LIAISON"] as const;
export type AccessRole = (typeof ROLES)[number];

export const AccountsQuery = graphql(`
  query Accounts {
    accounts {
      id
      name
      email
      lastSignInAt
      hasPassword
      roles {
        id
        role
        scopeId
        scopeName
        scopeNameEn
      }
    }
    invitations {
      id
      userId
      name
      email
      state
      sentAt
      expiresAt
      sendCount
    }
    accessRoleScopes {
      role
      scopeKind
      options {
        id
        name
        nameEn
      }
    }
  }
`);

type AccountsData = ResultOf<typeof AccountsQuery>;
export type Account = AccountsData["accounts"][number];
export type AccountRole = Account["roles"][number];
export type RoleScopes = AccountsData["accessRoleScopes"];

/** the API's scope fields for a role and the chosen scope */
export function scopeInput(scopes: RoleScopes, role: AccessRole, scopeId: string | null) {
  const kind = scopes.find((s) => s.role === role)?.scopeKind;
  return {
    groupId: kind === "GROUP" ? scopeId : null,
    programmeId: kind === "PROGRAMME" ? scopeId : null,
  };
}
