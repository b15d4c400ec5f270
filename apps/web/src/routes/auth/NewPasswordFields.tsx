// A new password, typed twice (reset and invitation share it).
import { PasswordInput } from "@mantine/core";
import type { UseFormReturnType } from "@mantine/form";
import type { TFunction } from "i18next";
import { useTranslation } from "react-i18next";

const MIN_PASSWORD_LENGTH = 8;

export function newPasswordValidation(t: TFunction<"auth">) {
  return {
    password: (v: string) => (v.length >= MIN_PASSWORD_LENGTH ? null : t("error.passwordLength", { min: MIN_PASSWORD_LENGTH })),
    confirm: (v: string, values: { password: string }) => (v === values.password ? null : t("error.passwordMismatch")),
  };
}

export function NewPasswordFields({ form }: { form: UseFormReturnType<{ password: string; confirm: string }> }) {
  const { t } = useTranslation("auth");
  return (
    <>
      <PasswordInput
        label={t("newPassword")}
        description={t("passwordHint", { min: MIN_PASSWORD_LENGTH })}
        autoComplete="new-password"
        required
        {...form.getInputProps("password")}
      />
      <PasswordInput label={t("confirmPassword")} autoComplete="new-password" required {...form.getInputProps("confirm")} />
    </>
  );
}
