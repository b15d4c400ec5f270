// The fields of a person (氏名, ふりがな, 表示名 and whether it is used, phone, e-mail; with
// `details`, address and staff's notes): one component for registering a volunteer (the roster's
// AddVolunteerModal) and for staff's edit on the person page (PersonEditModal). The API validates
// and stores them (kana in hiragana); the form only says what is required.
import { Checkbox, Group, Stack, Textarea, TextInput } from "@mantine/core";
import type { UseFormReturnType } from "@mantine/form";
import { useTranslation } from "react-i18next";

export type PersonFieldValues = {
  legalName: string;
  legalNameKana: string;
  usesNickname: boolean;
  displayName: string;
  phone: string;
  email: string;
  address: string;
  notes: string;
};

export const emptyPersonFields: PersonFieldValues = {
  legalName: "",
  legalNameKana: "",
  usesNickname: false,
  displayName: "",
  phone: "",
  email: "",
  address: "",
  notes: "",
};

/** the required fields, for the form's own check before sending */
export function missingPersonFields(v: PersonFieldValues, t: (key: string) => string): Record<string, string> {
  const errors: Record<string, string> = {};
  if (!v.legalName.trim()) errors.legalName = t("fields.required.legalName");
  if (!v.legalNameKana.trim()) errors.legalNameKana = t("fields.required.legalNameKana");
  if (v.usesNickname && !v.displayName.trim()) errors.displayName = t("fields.required.displayName");
  return errors;
}

/** the display name to send: "" (none) unless the nickname is used */
export const displayNameOf = (v: PersonFieldValues) => (v.usesNickname ? v.displayName.trim() : "");

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- the form may hold more than a person's fields
export function PersonFields({ form, details = false }: { form: UseFormReturnType<any>; details?: boolean }) {
  const { t } = useTranslation("person");
  const values = form.getValues() as PersonFieldValues;
  return (
    <Stack gap="sm">
      <TextInput
        label={t("fields.legalName")}
        placeholder={t("fields.legalNamePlaceholder")}
        required
        maxLength={100}
        {...form.getInputProps("legalName")}
      />
      <TextInput
        label={t("fields.legalNameKana")}
        description={t("fields.legalNameKanaHint")}
        placeholder={t("fields.legalNameKanaPlaceholder")}
        required
        maxLength={100}
        {...form.getInputProps("legalNameKana")}
      />
      <Checkbox label={t("fields.usesNickname")} {...form.getInputProps("usesNickname", { type: "checkbox" })} />
      {values.usesNickname ? (
        <TextInput
          label={t("fields.displayName")}
          description={t("fields.displayNameHint")}
          required
          maxLength={50}
          {...form.getInputProps("displayName")}
        />
      ) : null}
      <Group grow align="flex-start" wrap="wrap">
        <TextInput label={t("fields.phone")} type="tel" autoComplete="off" maxLength={20} miw={180} {...form.getInputProps("phone")} />
        <TextInput label={t("fields.email")} type="email" autoComplete="off" maxLength={200} miw={180} {...form.getInputProps("email")} />
      </Group>
      {details ? (
        <>
          <TextInput label={t("fields.address")} maxLength={200} {...form.getInputProps("address")} />
          <Textarea
            label={t("fields.notes")}
            description={t("fields.notesHint")}
            autosize
            minRows={2}
            maxLength={2000}
            {...form.getInputProps("notes")}
          />
        </>
      ) : null}
    </Stack>
  );
}
