// パスワード再設定: without a token, ask for the mail; with the mailed link's token, set a new one.
import { Alert, Anchor, Button, Stack, Text, TextInput } from "@mantine/core";
import { useForm } from "@mantine/form";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useSearchParams } from "react-router";

import { authClient } from "../../app/auth-client.ts";
import { AuthFrame } from "./AuthFrame.tsx";
import { NewPasswordFields, newPasswordValidation } from "./NewPasswordFields.tsx";

export function Component() {
  const [params] = useSearchParams();
  const token = params.get("token");
  return token ? <SetPassword token={token} /> : <RequestReset />;
}

function RequestReset() {
  const { t } = useTranslation("auth");
  const [sent, setSent] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const form = useForm({ initialValues: { email: "" }, validate: { email: (v) => (/^\S+@\S+$/.test(v) ? null : t("error.email")) } });
  const submit = form.onSubmit(async ({ email }) => {
    setFailure(null);
    const { error } = await (
      await authClient()
    ).requestPasswordReset({
      email: email.trim(),
      redirectTo: `${window.location.origin}/reset-password`,
    });
    if (error) setFailure(error.status === 429 ? t("error.rateLimited") : t("error.generic"));
    else setSent(true);
  });
  return (
    <AuthFrame
      title={t("reset.title")}
      footer={
        <Anchor component={Link} to="/sign-in">
          {t("backToSignIn")}
        </Anchor>
      }
    >
      {sent ? (
        <Alert color="green" role="status">
          {t("reset.sent")}
        </Alert>
      ) : (
        <form onSubmit={submit} noValidate>
          <Stack>
            <Text size="sm">{t("reset.intro")}</Text>
            {failure ? (
              <Alert color="red" role="alert">
                {failure}
              </Alert>
            ) : null}
            <TextInput label={t("email")} type="email" autoComplete="username" required {...form.getInputProps("email")} />
            <Button type="submit" loading={form.submitting}>
              {t("reset.submit")}
            </Button>
          </Stack>
        </form>
      )}
    </AuthFrame>
  );
}

function SetPassword({ token }: { token: string }) {
  const { t } = useTranslation("auth");
  const [done, setDone] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const form = useForm({ initialValues: { password: "", confirm: "" }, validate: newPasswordValidation(t) });
  const submit = form.onSubmit(async ({ password }) => {
    setFailure(null);
    const { error } = await (await authClient()).resetPassword({ newPassword: password, token });
    if (error) setFailure(t("reset.invalidToken"));
    else setDone(true);
  });
  return (
    <AuthFrame
      title={t("reset.setTitle")}
      footer={
        <Anchor component={Link} to="/sign-in">
          {t("backToSignIn")}
        </Anchor>
      }
    >
      {done ? (
        <Alert color="green" role="status">
          {t("reset.done")}
        </Alert>
      ) : (
        <form onSubmit={submit} noValidate>
          <Stack>
            {failure ? (
              <Alert color="red" role="alert">
                {failure}
              </Alert>
            ) : null}
            <NewPasswordFields form={form} />
            <Button type="submit" loading={form.submitting}>
              {t("reset.setSubmit")}
            </Button>
          </Stack>
        </form>
      )}
    </AuthFrame>
  );
}
