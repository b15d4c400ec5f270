// お知らせの設定: per kind, in the app only or by mail too (the default). Each change is saved at once.
import { useQuery } from "@apollo/client/react";
import { Anchor, Group, SegmentedControl, Stack, Table, Text } from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";

import { FailureAlert } from "../../components/FailureAlert.tsx";
import { PageTitle } from "../../components/PageTitle.tsx";
import { QueryState } from "../../components/States.tsx";
import { graphql } from "../../graphql.ts";
import { currentLanguage, notifySaved } from "../../lib/form.ts";
import { localized } from "../../lib/result.ts";
import { useUpdateNotificationPreferencesMutation } from "../../mutations/useUpdateNotificationPreferencesMutation.ts";

const PreferencesQuery = graphql(`
  query NotificationPreferences {
    notificationPreferences {
      kind
      mail
    }
  }
`);

export function Component() {
  const { t } = useTranslation("notification");
  const { data, loading, error, refetch } = useQuery(PreferencesQuery);
  const [update, { loading: saving }] = useUpdateNotificationPreferencesMutation();
  const [alert, setAlert] = useState<string | null>(null);
  const prefs = data?.notificationPreferences ?? [];

  const change = async (kind: (typeof prefs)[number]["kind"], mail: boolean) => {
    setAlert(null);
    const outcome = await update({ input: [{ kind, mail }] });
    if (outcome.ok) notifySaved(t("settings.saved"));
    else setAlert(localized(outcome.error, currentLanguage()));
  };

  return (
    <>
      <PageTitle title={t("settings.title")} />
      <Stack>
        <Text size="sm">{t("settings.intro")}</Text>
        <FailureAlert message={alert} />
        <QueryState loading={loading && !data} error={error} empty={false} onRetry={() => void refetch()}>
          <Table>
            <Table.Tbody>
              {prefs.map((p) => (
                <Table.Tr key={p.kind}>
                  <Table.Th scope="row" id={`kind-${p.kind}`} fw={500}>
                    {t(`kind.${p.kind}`)}
                  </Table.Th>
                  <Table.Td>
                    <SegmentedControl
                      aria-labelledby={`kind-${p.kind}`}
                      size="xs"
                      disabled={saving}
                      value={p.mail ? "mail" : "app"}
                      onChange={(v) => void change(p.kind, v === "mail")}
                      data={[
                        { value: "app", label: t("settings.appOnly") },
                        { value: "mail", label: t("settings.mail") },
                      ]}
                    />
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </QueryState>
        <Group>
          <Anchor component={Link} to="/notifications" size="sm">
            {t("settings.back")}
          </Anchor>
        </Group>
      </Stack>
    </>
  );
}
