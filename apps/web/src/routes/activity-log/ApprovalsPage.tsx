// 承認待ち (staff): the organisation's submitted logs, oldest first; tick some or all, approve or
// reject (with a reason) in one go. Approval awards milestones, shown afterwards. A row opens the
// log in full (participants, description, place, minutes) before deciding.
import { useQuery } from "@apollo/client/react";
import { Alert, Button, Checkbox, Group, List, Modal, Stack, Table, Text, Textarea } from "@mantine/core";
import { IconAward } from "@tabler/icons-react";
import { useState } from "react";
import { useTranslation } from "react-i18next";

import { useDates } from "../../app/dates.ts";
import { FailureAlert } from "../../components/FailureAlert.tsx";
import { PageTitle } from "../../components/PageTitle.tsx";
import { ScrollTable } from "../../components/ScrollTable.tsx";
import { QueryState } from "../../components/States.tsx";
import { graphql } from "../../graphql.ts";
import { currentLanguage, notifySaved } from "../../lib/form.ts";
import { localized } from "../../lib/result.ts";
import { useApproveActivityLogsMutation } from "../../mutations/useApproveActivityLogsMutation.ts";
import { useRejectActivityLogsMutation } from "../../mutations/useRejectActivityLogsMutation.ts";
import { LogDetails } from "./LogDetails.tsx";
import { UninsuredBadge } from "./StatusBadge.tsx";

const ApprovalQueueQuery = graphql(`
  query ApprovalQueue {
    approvalQueue {
      id
      date
      minutes
      participantCount
      uninsuredCount
      peopleServed
      place
      description
      submittedAt
      submittedBy {
        id
        name
      }
      group {
        id
        name
      }
      activityType {
        id
        name
        nameEn
      }
    }
  }
`);

interface Award {
  id: string;
  who: string;
  milestone: string;
}

export function Component() {
  const { t, i18n } = useTranslation("activity-log");
  const { date } = useDates();
  const en = i18n.resolvedLanguage === "en";
  const { data, loading, error, refetch } = useQuery(ApprovalQueueQuery);
  const [selected, setSelected] = useState<string[]>([]);
  const [alert, setAlert] = useState<string | null>(null);
  const [awards, setAwards] = useState<Award[] | null>(null);
  const [rejecting, setRejecting] = useState(false);
  const [opened, setOpened] = useState<string | null>(null);
  const [approve, { loading: approving }] = useApproveActivityLogsMutation();
  const queue = data?.approvalQueue ?? [];
  // a log that left the queue (approved elsewhere) cannot stay selected
  const chosen = selected.filter((id) => queue.some((l) => l.id === id));
  const all = queue.length > 0 && chosen.length === queue.length;
  const toggle = (id: string) => setSelected((s) => (s.includes(id) ? s.filter((x) => x !== id) : [...s, id]));

  const doApprove = async () => {
    setAlert(null);
    setAwards(null);
    const outcome = await approve({ ids: chosen });
    if (!outcome.ok) {
      setAlert(failureText(outcome.error));
      return;
    }
    notifySaved(t("approvals.approved", { count: outcome.data.activityLogs.length }));
    setSelected([]);
    setAwards(
      outcome.data.newMilestoneAwards.map((a) => ({
        id: a.id,
        who: a.person?.name ?? a.juvenileCode ?? "—",
        milestone: en ? a.milestone.nameEn : a.milestone.name,
      })),
    );
  };

  return (
    <>
      <PageTitle title={t("approvals.title")} />
      <Stack>
        <Text size="sm">{t("approvals.intro")}</Text>
        <FailureAlert message={alert} />
        {awards && awards.length > 0 ? (
          <Alert color="teal" icon={<IconAward aria-hidden />} title={t("approvals.awardsTitle", { count: awards.length })} role="status">
            <List size="sm">
              {awards.map((a) => (
                <List.Item key={a.id}>{t("approvals.award", { who: a.who, milestone: a.milestone })}</List.Item>
              ))}
            </List>
          </Alert>
        ) : null}
        <QueryState
          loading={loading && !data}
          error={error}
          empty={queue.length === 0}
          onRetry={() => void refetch()}
          emptyText={t("approvals.empty")}
        >
          <Group gap="xs" wrap="wrap">
            <Text size="sm" aria-live="polite">
              {t("approvals.selected", { count: chosen.length, total: queue.length })}
            </Text>
            <Button onClick={() => void doApprove()} disabled={chosen.length === 0} loading={approving}>
              {t("approvals.approve")}
            </Button>
            <Button variant="default" color="red" onClick={() => setRejecting(true)} disabled={chosen.length === 0}>
              {t("approvals.reject")}
            </Button>
          </Group>
          <ScrollTable minWidth={820} label={t("approvals.title")}>
            <Table striped verticalSpacing="xs" aria-label={t("approvals.title")}>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th w={44}>
                    <Checkbox
                      aria-label={t("approvals.selectAll")}
                      checked={all}
                      indeterminate={chosen.length > 0 && !all}
                      onChange={() => setSelected(all ? [] : queue.map((l) => l.id))}
                    />
                  </Table.Th>
                  <Table.Th>{t("field.date")}</Table.Th>
                  <Table.Th>{t("field.group")}</Table.Th>
                  <Table.Th>{t("field.activityType")}</Table.Th>
                  <Table.Th>{t("field.minutes")}</Table.Th>
                  <Table.Th>{t("field.participants")}</Table.Th>
                  <Table.Th style={{ whiteSpace: "nowrap" }}>{t("approvals.submittedBy")}</Table.Th>
                  <Table.Th>{t("list.actions")}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {queue.map((log) => {
                  const type = en ? log.activityType.nameEn : log.activityType.name;
                  return (
                    <Table.Tr key={log.id} bg={chosen.includes(log.id) ? "blue.0" : undefined}>
                      <Table.Td>
                        <Checkbox
                          aria-label={t("approvals.selectOne", { date: date(log.date), group: log.group.name, type })}
                          checked={chosen.includes(log.id)}
                          onChange={() => toggle(log.id)}
                        />
                      </Table.Td>
                      <Table.Td style={{ whiteSpace: "nowrap" }}>{date(log.date)}</Table.Td>
                      <Table.Td>
                        <Text size="sm">{log.group.name}</Text>
                        {log.place ? (
                          <Text size="xs" c="dimmed">
                            {log.place}
                          </Text>
                        ) : null}
                      </Table.Td>
                      <Table.Td>
                        <Text size="sm">{type}</Text>
                        {log.description ? (
                          <Text size="xs" c="dimmed" lineClamp={2}>
                            {log.description}
                          </Text>
                        ) : null}
                      </Table.Td>
                      <Table.Td>{t("minutesValue", { minutes: log.minutes })}</Table.Td>
                      <Table.Td>
                        <Group gap={6}>
                          <Text size="sm">{t("people", { count: log.participantCount })}</Text>
                          <UninsuredBadge count={log.uninsuredCount} />
                        </Group>
                      </Table.Td>
                      <Table.Td>
                        <Text size="sm">{log.submittedBy?.name ?? "—"}</Text>
                      </Table.Td>
                      <Table.Td>
                        <Button
                          size="compact-sm"
                          variant="default"
                          onClick={() => setOpened(log.id)}
                          aria-label={t("detail.openFor", { date: date(log.date), group: log.group.name, type })}
                        >
                          {t("detail.open")}
                        </Button>
                      </Table.Td>
                    </Table.Tr>
                  );
                })}
              </Table.Tbody>
            </Table>
          </ScrollTable>
        </QueryState>
        <Modal opened={opened !== null} onClose={() => setOpened(null)} title={t("detail.title")} size="lg">
          {opened ? <LogDetails id={opened} /> : null}
        </Modal>
        <RejectModal
          opened={rejecting}
          ids={chosen}
          onClose={() => setRejecting(false)}
          onDone={() => {
            setRejecting(false);
            setSelected([]);
          }}
        />
      </Stack>
    </>
  );
}

function failureText(failure: { message: string; messageEn: string; issues: Array<{ message: string; messageEn: string }> }): string {
  const language = currentLanguage();
  return [localized(failure, language), ...failure.issues.map((i) => localized(i, language))].join(" ");
}

function RejectModal({ opened, ids, onClose, onDone }: { opened: boolean; ids: string[]; onClose(): void; onDone(): void }) {
  const { t } = useTranslation("activity-log");
  const { t: tc } = useTranslation();
  const [reason, setReason] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [alert, setAlert] = useState<string | null>(null);
  const [reject, { loading }] = useRejectActivityLogsMutation();
  const submit = async () => {
    setError(null);
    setAlert(null);
    const outcome = await reject({ ids, reason });
    if (!outcome.ok) {
      const language = currentLanguage();
      const reasonIssue = outcome.error.issues.find((i) => i.path === "reason");
      if (reasonIssue) setError(localized(reasonIssue, language));
      else setAlert(failureText(outcome.error));
      return;
    }
    notifySaved(t("approvals.rejected", { count: outcome.data.activityLogs.length }));
    setReason("");
    onDone();
  };
  return (
    <Modal opened={opened} onClose={onClose} title={t("approvals.rejectTitle", { count: ids.length })}>
      <Stack>
        <FailureAlert message={alert} />
        <Textarea
          label={t("approvals.reason")}
          description={t("approvals.reasonHint")}
          required
          autosize
          minRows={3}
          value={reason}
          error={error}
          onChange={(e) => setReason(e.currentTarget.value)}
        />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {tc("action.cancel")}
          </Button>
          <Button color="red.9" onClick={() => void submit()} loading={loading}>
            {t("approvals.rejectConfirm")}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
