// account — the signed-in account (Better Auth's user) and its access roles.
import { prisma } from "@tsunagu/db/client";

import { builder } from "../builder.ts";
import type { Viewer } from "../context.ts";

const AccessRoleEnum = builder.enumType("AccessRole", {
  values: ["STAFF", "SCHOOL_COORDINATOR", "SUBCOMMITTEE_MEMBER", "SALON_LEADER", "INSTITUTION_LIAISON"] as const,
});

export const ViewerRef = builder.objectRef<Viewer>("Viewer").implement({
  description: "The signed-in account and the scopes of its access roles",
  fields: (t) => ({
    id: t.exposeID("userId"),
    email: t.exposeString("email"),
    name: t.exposeString("name"),
    organizationId: t.exposeID("orgId"),
    personId: t.exposeID("personId", { nullable: true }),
    roles: t.field({ type: [AccessRoleEnum], resolve: (v) => v.roles }),
    isStaff: t.exposeBoolean("isStaff"),
    schoolGroupIds: t.exposeIDList("schoolGroupIds"),
    subcommitteeIds: t.exposeIDList("subcommitteeIds"),
    salonIds: t.exposeIDList("salonIds"),
    liaisonProgrammeIds: t.exposeIDList("liaisonProgrammeIds"),
  }),
});

builder.queryField("me", (t) =>
  t.field({
    type: ViewerRef,
    nullable: true,
    description: "The signed-in account, or null when signed out",
    skipTypeScopes: true,
    resolve: (_root, _args, ctx) => ctx.viewer,
  }),
);

const LocaleEnum = builder.enumType("Locale", { values: ["ja", "en"] as const });

builder.mutationField("setMyLocale", (t) =>
  t.field({
    type: LocaleEnum,
    description: "The signed-in account's UI language (Japanese first, English second)",
    authScopes: { signedIn: true },
    args: { locale: t.arg({ type: LocaleEnum, required: true }) },
    resolve: async (_root, { locale }, ctx) => {
      await prisma().user.update({ where: { id: ctx.viewer!.userId }, data: { locale } });
      return locale;
    },
  }),
);
