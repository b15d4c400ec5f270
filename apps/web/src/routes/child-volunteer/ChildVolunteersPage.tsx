// 子ども福祉委員の名簿: choose the school (a coordinator has one or two, staff all), then its
// children in 五十音 order with their consents; register, import, record a consent, roll over.
import { useQuery } from "@apollo/client/react";
import { Alert, Button, Group, SegmentedControl, Select, Stack, Table, Text, Title } from "@mantine/core";
import { IconArrowUpRight, IconFileImport, IconLock, IconUserPlus } from "@tabler/icons-react";
import { useMemo, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, Navigate, useNavigate, useParams } from "react-router";

import { PageTitle } from "../../components/PageTitle.tsx";
import { ScrollTable } from "../../components/ScrollTable.tsx";
import { EmptyState, ErrorState, LoadingState, QueryState } from "../../components/States.tsx";
import { graphql } from "../../graphql.ts";
import { ChildVolunteerRow, ChildVolunteerRow_child, type ChildRow } from "./ChildVolunteerRow.tsx";
import { latestTerms } from "./consent-terms.ts";
import { ConsentHistoryModal } from "./ConsentHistoryModal.tsx";
import { RecordConsentModal } from "./RecordConsentModal.tsx";
import { isForbidden, useSchoolGroups } from "./school-groups.ts";

const ChildVolunteersQuery = graphql(
  `
    query ChildVolunteers($groupId: ID!) {
      childVolunteers(groupId: $groupId) {
        id
        status
        consents {
          id
          kind
          scope
          policyVersion
          recordedAt
        }
        ...ChildVolunteerRow_child
      }
    }
  `,
  [ChildVolunteerRow_child],
);

type Filter = "ACTIVE" | "ALUMNI" | "ALL";

export function Component() {
  const { t } = useTranslation("child-volunteer");
  const { groupId } = useParams();
  const { groups, loading, error, refetch } = useSchoolGroups();
  if (!groupId) {
    if (loading) return <LoadingState />;
    if (error) return <ErrorState error={error} onRetry={() => void refetch()} />;
    const only = groups.length === 1 ? groups[0] : undefined;
    if (only) return <Navigate to={`/child-volunteers/${only.id}`} replace />;
  }
  return (
    <>
      <PageTitle title={t("title")} />
      <Stack>
        <SchoolGroupSelect groupId={groupId} groups={groups} />
        {groupId ? <SchoolChildren groupId={groupId} /> : <EmptyState>{groups.length ? t("chooseSchool") : t("noSchools")}</EmptyState>}
      </Stack>
    </>
  );
}

function SchoolGroupSelect({ groupId, groups }: { groupId?: string; groups: Array<{ id: string; name: string }> }) {
  const { t } = useTranslation("child-volunteer");
  const navigate = useNavigate();
  if (groups.length <= 1 && groups[0]?.id === groupId) return null;
  return (
    <Select
      label={t("school")}
      placeholder={t("chooseSchool")}
      data={groups.map((g) => ({ value: g.id, label: g.name }))}
      value={groups.some((g) => g.id === groupId) ? groupId : null}
      onChange={(v) => v && void navigate(`/child-volunteers/${v}`)}
      allowDeselect={false}
      maw={420}
    />
  );
}

function SchoolChildren({ groupId }: { groupId: string }) {
  const { t } = useTranslation("child-volunteer");
  const [filter, setFilter] = useState<Filter>("ACTIVE");
  const [consentFor, setConsentFor] = useState<ChildRow | null>(null);
  const [historyOf, setHistoryOf] = useState<ChildRow | null>(null);
  // errorPolicy all: a refused list (another school's) comes back as null with FORBIDDEN
  const { data, loading, error, refetch } = useQuery(ChildVolunteersQuery, { variables: { groupId }, errorPolicy: "all" });
  const children = data?.childVolunteers;
  const terms = useMemo(() => latestTerms(children ?? []), [children]);

  if (loading && !data) return <LoadingState />;
  if (isForbidden(error) || (data && children === null)) {
    return (
      <Alert color="red" icon={<IconLock aria-hidden />} title={t("forbidden.title")} role="alert">
        {t("forbidden.body")}
      </Alert>
    );
  }
  const shown = (children ?? []).filter((c) => filter === "ALL" || c.status === filter);
  const activeCount = (children ?? []).filter((c) => c.status === "ACTIVE").length;
  return (
    <Stack>
      <Group gap="xs">
        <Button component={Link} to={`/child-volunteers/${groupId}/new`} leftSection={<IconUserPlus size={18} aria-hidden />}>
          {t("register.open")}
        </Button>
        <Button
          component={Link}
          to={`/child-volunteers/${groupId}/import`}
          variant="default"
          leftSection={<IconFileImport size={18} aria-hidden />}
        >
          {t("import.open")}
        </Button>
        <Button
          component={Link}
          to={`/child-volunteers/${groupId}/rollover`}
          variant="default"
          leftSection={<IconArrowUpRight size={18} aria-hidden />}
        >
          {t("rollover.open")}
        </Button>
      </Group>
      <Group justify="space-between" align="flex-end">
        <Title order={2} size="h3">
          {t("list.heading")}
        </Title>
        <Text size="sm" data-testid="active-count">
          {t("list.activeCount", { count: activeCount })}
        </Text>
      </Group>
      <SegmentedControl
        aria-label={t("list.filter")}
        value={filter}
        onChange={(v) => setFilter(v as Filter)}
        data={[
          { value: "ACTIVE", label: t("status.ACTIVE") },
          { value: "ALUMNI", label: t("status.ALUMNI") },
          { value: "ALL", label: t("list.all") },
        ]}
        style={{ alignSelf: "flex-start" }}
      />
      <QueryState loading={false} error={error} empty={shown.length === 0} onRetry={() => void refetch()} emptyText={t("list.empty")}>
        <ScrollTable minWidth={760} label={t("list.heading")}>
          <Table striped verticalSpacing="xs" aria-label={t("list.heading")}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t("field.legalName")}</Table.Th>
                <Table.Th>{t("field.grade")}</Table.Th>
                <Table.Th>{t("list.status")}</Table.Th>
                <Table.Th>{t("consent.activity")}</Table.Th>
                <Table.Th>{t("consent.photo")}</Table.Th>
                <Table.Th>{t("field.guardianName")}</Table.Th>
                <Table.Th>{t("list.actions")}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {shown.map((c) => (
                <ChildVolunteerRow key={c.id} child={c} onRecordConsent={setConsentFor} onShowHistory={setHistoryOf} />
              ))}
            </Table.Tbody>
          </Table>
        </ScrollTable>
      </QueryState>
      <RecordConsentModal child={consentFor} terms={terms} onClose={() => setConsentFor(null)} />
      <ConsentHistoryModal
        child={historyOf ? { id: historyOf.id, name: historyOf.person.name ?? "" } : null}
        onClose={() => setHistoryOf(null)}
      />
    </Stack>
  );
}
