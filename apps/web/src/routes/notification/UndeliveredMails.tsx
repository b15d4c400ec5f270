// 届かなかったメール (staff): mail the outbox gave up on or is still retrying — to whom, what, how
// often it was tried and the last error — so that someone phones the people a notice or an
// invitation did not reach. The mails' bodies are never shown (the API does not give them).
import { useQuery } from "@apollo/client/react";
import { Badge, Stack, Table, Text, Title } from "@mantine/core";
import { useTranslation } from "react-i18next";

import { useDates } from "../../app/dates.ts";
import { ScrollTable } from "../../components/ScrollTable.tsx";
import { QueryState } from "../../components/States.tsx";
import { graphql } from "../../graphql.ts";

const UndeliveredMailsQuery = graphql(`
  query UndeliveredMails {
    undeliveredMails {
      id
      to
      subject
      status
      attempts
      lastError
      createdAt
      nextAttemptAt
    }
  }
`);

export function UndeliveredMails() {
  const { t } = useTranslation("notification");
  const { dateTime } = useDates();
  const { data, loading, error, refetch } = useQuery(UndeliveredMailsQuery, { fetchPolicy: "cache-and-network" });
  const mails = data?.undeliveredMails ?? [];
  return (
    <Stack gap="xs" component="section" aria-labelledby="undelivered-title">
      <Title order={2} size="h4" id="undelivered-title">
        {t("undelivered.title")}
      </Title>
      <Text size="sm">{t("undelivered.intro")}</Text>
      <QueryState
        loading={loading && !data}
        error={error}
        empty={mails.length === 0}
        onRetry={() => void refetch()}
        emptyText={t("undelivered.empty")}
      >
        <ScrollTable label={t("undelivered.title")} minWidth={640}>
          <Table striped verticalSpacing="xs">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t("undelivered.createdAt")}</Table.Th>
                <Table.Th>{t("undelivered.to")}</Table.Th>
                <Table.Th>{t("undelivered.subject")}</Table.Th>
                <Table.Th>{t("undelivered.status")}</Table.Th>
                <Table.Th>{t("undelivered.lastError")}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {mails.map((m) => (
                <Table.Tr key={m.id} data-testid="undelivered-mail">
                  <Table.Td>{dateTime(m.createdAt)}</Table.Td>
                  <Table.Td style={{ overflowWrap: "anywhere" }}>{m.to}</Table.Td>
                  <Table.Td>{m.subject}</Table.Td>
                  <Table.Td>
                    <Badge color={m.status === "FAILED" ? "red" : "yellow"} variant="light">
                      {t(`undelivered.state.${m.status}`)}
                    </Badge>
                    <Text size="xs" c="dimmed">
                      {m.nextAttemptAt
                        ? t("undelivered.attemptsNext", { count: m.attempts, at: dateTime(m.nextAttemptAt) })
                        : t("undelivered.attempts", { count: m.attempts })}
                    </Text>
                  </Table.Td>
                  <Table.Td style={{ overflowWrap: "anywhere" }}>{m.lastError ?? "—"}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </ScrollTable>
      </QueryState>
    </Stack>
  );
}
