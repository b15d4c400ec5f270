// ログイン: email and password (Better Auth); back to the page that asked for it.
import { Alert, Anchor, Button, PasswordInput, Stack, TextInput } from "@mantine/core";
import { useForm } from "@mantine/form";
import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useNavigate, useSearchParams } from "react-router";

import { authClient } from "../../app/auth-client.ts";
import { AuthFrame } from "./AuthFrame.tsx";

export function Component() {
  const { t } = useTranslation("auth");
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const [failure, setFailure] = useState<string | null>(null);
  const form = useForm({
    initialValues: { email: "", password: "" },
    validate: {
      email: (v) => (/^\S+@\S+$/.test(v) ? null : t("error.email")),
      password: (v) => (v ? null : t("error.password")),
    },
  });
  // Better Auth's client loads after the page shows, ready before the form is sent
  useEffect(() => void authClient(), []);
  const next = params.get("next");
  const submit = form.onSubmit(async (values) => {
    setFailure(null);
    const { error } = await (await authClient()).signIn.email({ email: values.email.trim(), password: values.password });
    if (error) {
      setFailure(
        error.code === "ACCOUNT_SIGN_IN_LIMITED"
          ? t("error.accountLimited")
          : error.status === 429
            ? t("error.rateLimited")
            : t("error.invalid"),
      );
      return;
    }
    void navigate(next?.startsWith("/") && !next.startsWith("//") ? next : "/", { replace: true });
  });
  return (
    <AuthFrame title={t("signIn.title")}>
      <form onSubmit={submit} noValidate>
        <Stack>
          {failure ? (
            <Alert color="red" role="alert">
              {failure}
            </Alert>
          ) : null}
          <TextInput label={t("email")} type="email" autoComplete="username" required {...form.getInputProps("email")} />
          <PasswordInput label={t("password")} autoComplete="current-password" required {...form.getInputProps("password")} />
          <Button type="submit" loading={form.submitting}>
            {t("signIn.submit")}
          </Button>
          <Anchor component={Link} to="/reset-password" size="sm">
            {t("signIn.forgot")}
          </Anchor>
        </Stack>
      </form>
    </AuthFrame>
  );
}
