// The hand-over of a single-holder role (代表, 部会長), wherever someone is given a role: adding a
// volunteer, changing a member's role, transferring a member. When the chosen role has a current
// holder, the API refuses a second one unless `endCurrentHolder` is set: the current holder's role
// ends the day before, and they stay in the role chosen for them (e.g. 会員) or leave the group.
import { Checkbox, Select } from "@mantine/core";
import type { GetInputPropsReturnType } from "@mantine/form";
import { useTranslation } from "react-i18next";

export type Role = { id: string; code: string; name: string; nameEn: string; singleHolder: boolean };

export interface HandOverValues {
  roleCode: string | null;
  endCurrentHolder: boolean;
  previousHolderRoleCode: string;
}

/** the form's starting values: no hand-over; if there is one, the previous holder stays a member */
export const noHandOver = (roles: Role[]) => ({
  endCurrentHolder: false,
  previousHolderRoleCode: roles.some((r) => r.code === "member") ? "member" : "",
});

/** the mutation's hand-over fields for what the form holds */
export function handOverInput(roles: Role[], v: HandOverValues) {
  const handOver = Boolean(roles.find((r) => r.code === v.roleCode)?.singleHolder && v.endCurrentHolder);
  return { endCurrentHolder: handOver, previousHolderRoleCode: handOver ? v.previousHolderRoleCode || null : null };
}

/** the hand-over's fields, shown when the chosen role has at most one holder */
export function HandOverFields({
  roles,
  values,
  endCurrentHolder,
  previousHolderRoleCode,
}: {
  roles: Role[];
  values: HandOverValues;
  endCurrentHolder: GetInputPropsReturnType;
  previousHolderRoleCode: GetInputPropsReturnType;
}) {
  const { t, i18n } = useTranslation("roster-forms");
  const en = i18n.resolvedLanguage === "en";
  const chosen = roles.find((r) => r.code === values.roleCode);
  if (!chosen?.singleHolder) return null;
  const role = en ? chosen.nameEn : chosen.name;
  return (
    <>
      <Checkbox label={t("role.handOver", { role })} description={t("role.handOverHint", { role })} {...endCurrentHolder} />
      {values.endCurrentHolder ? (
        <Select
          label={t("role.previousHolder", { role })}
          allowDeselect={false}
          data={[
            ...roles
              .filter((r) => !r.singleHolder)
              .map((r) => ({ value: r.code, label: t("role.continueAs", { role: en ? r.nameEn : r.name }) })),
            { value: "", label: t("role.leaves") },
          ]}
          {...previousHolderRoleCode}
        />
      ) : null}
    </>
  );
}
