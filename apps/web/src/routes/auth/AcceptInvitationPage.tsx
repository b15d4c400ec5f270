// 招待の受諾: the invitee sets a password from the mailed link (/invite/accept?token=…), then signs in.
import { ApolloProvider } from "@apollo/client/react";
import { Alert, Anchor, Button, Stack, Text } from "@mantine/core";
import { useForm } from "@mantine/form";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useSearchParams } from "react-router";

import { apolloClient } from "../../app/apollo.ts";
import { localized, type Failure } from "../../lib/result.ts";
import { useAcceptInvitationMutation } from "../../mutations/useAcceptInvitationMutation.ts";
import { AuthFrame } from "./AuthFrame.tsx";
import { NewPasswordFields, newPasswordValidation } from "./NewPasswordFields.tsx";

export function Component() {
  return (
    <ApolloProvider client={apolloClient}>
      <AcceptInvitation />
    </ApolloProvider>
  );
}

function AcceptInvitation() {
  const { t, i18n } = useTranslation("auth");
  const [params] = useSearchParams();
  const token = params.get("token") ?? "";
  const [accept] = useAcceptInvitationMutation();
  const [done, setDone] = useState(false);
  const [failure, setFailure] = useState<Failure | null>(null);
  const form = useForm({ initialValues: { password: "", confirm: "" }, validate: newPasswordValidation(t) });
  const submit = form.onSubmit(async ({ password }) => {
    setFailure(null);
    const outcome = await accept({ token, password });
    if (outcome.ok) setDone(true);
    else {
      const passwordIssue = outcome.error.issues.find((i) => i.path === "password");
      if (passwordIssue) form.setFieldError("password", localized(passwordIssue, i18n.resolvedLanguage ?? "ja"));
      else setFailure(outcome.error);
    }
  });
  return (
    <AuthFrame
      title={t("invite.title")}
      footer={
        <Anchor component={Link} to="/sign-in">
          {t("backToSignIn")}
        </Anchor>
      }
    >
      {!token ? (
        <Alert color="red" role="alert">
          {t("invite.noToken")}
        </Alert>
      ) : done ? (
        <Stack>
          <Alert color="green" role="status">
            {t("invite.done")}
          </Alert>
          <Button component={Link} to="/sign-in">
            {t("signIn.title")}
          </Button>
        </Stack>
      ) : (
        <form onSubmit={submit} noValidate>
          <Stack>
            <Text size="sm">{t("invite.intro")}</Text>
            {failure ? (
              <Alert color="red" role="alert">
                {localized(failure, i18n.resolvedLanguage ?? "ja")}
              </Alert>
            ) : null}
            <NewPasswordFields form={form} />
            <Button type="submit" loading={form.submitting}>
              {t("invite.submit")}
            </Button>
          </Stack>
        </form>
      )}
    </AuthFrame>
  );
}
