// 名簿: one group's members in 五十音 order (the API's), searchable by name or ふりがな (hiragana or
// katakana), filtered by role, insurance and history, for a chosen 年度; CSV, print view, and the
// changes staff and the group's own leaders may make. Staff edit and close the group here
// (Group.viewerCanEdit); a closed group's roster opens on its history.
import { useQuery } from "@apollo/client/react";
import { Alert, Anchor, Badge, Button, Group, Stack, Switch, Text, TextInput, Title } from "@mantine/core";
import { useDebouncedValue } from "@mantine/hooks";
import {
  IconAddressBook,
  IconDoorExit,
  IconDownload,
  IconPencil,
  IconPrinter,
  IconSearch,
  IconShieldPlus,
  IconUserPlus,
} from "@tabler/icons-react";
import { lazy, Suspense, useState, type ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { Link, useParams, type LoaderFunctionArgs } from "react-router";

import { apolloClient } from "../../app/apollo.ts";
import { useDates } from "../../app/dates.ts";
import { loadViewer, useViewer, type Viewer } from "../../app/session.tsx";
import { FailureAlert } from "../../components/FailureAlert.tsx";
import { LazySelect } from "../../components/LazySelect.tsx";
import { PageTitle } from "../../components/PageTitle.tsx";
import { PlainTable } from "../../components/PlainTable.tsx";
import { ScrollTable } from "../../components/ScrollTable.tsx";
import { EmptyState, ErrorState, LoadingState, QueryState } from "../../components/States.tsx";
import { graphql, type ResultOf } from "../../graphql.ts";
import { currentFiscalYear } from "../../lib/dates.ts";
import { useFileDownload } from "../../lib/download.ts";
import { preloadParts } from "../../lib/lazy.ts";
import { listable, useListedGroups } from "./groups.ts";
import type { Role } from "./HandOver.tsx";
import { RosterRow, RosterRow_membership, RosterRowMenu, type MembershipAction, type RosterMembership } from "./RosterRow.tsx";

export const RosterGroupQuery = graphql(`
  query RosterGroup($groupId: ID!) {
    group(id: $groupId) {
      id
      name
      nameKana
      nickname
      venue
      meetingSchedule
      hostsHokkoriConsultation
      description
      startedOn
      endedOn
      isClosed
      viewerCanManageRoster
      viewerCanEdit
      viewerCanSeeContacts
      viewerCanPlanEvents
      parent {
        id
      }
      school {
        id
      }
      availableRoles {
        id
        code
        name
        nameEn
        singleHolder
      }
      programme {
        id
        code
        name
        nameEn
        privacyTier
      }
      kind {
        id
        code
        name
        nameEn
      }
      area {
        id
        name
      }
    }
  }
`);

// the forms behind the buttons load when first opened (the roster shows without them)
const AddVolunteerModal = lazy(() => import("./AddVolunteerModal.tsx").then((m) => ({ default: m.AddVolunteerModal })));
const EndMembershipModal = lazy(() => import("./MembershipModals.tsx").then((m) => ({ default: m.EndMembershipModal })));
const ChangeRoleModal = lazy(() => import("./MembershipModals.tsx").then((m) => ({ default: m.ChangeRoleModal })));
const TransferMembershipModal = lazy(() => import("./MembershipModals.tsx").then((m) => ({ default: m.TransferMembershipModal })));
const GroupFormModal = lazy(() => import("./GroupForm.tsx").then((m) => ({ default: m.GroupFormModal })));
// カレンダーを購読 (the calendar area's panel, with its own words): loaded only on a group the viewer reaches
const SubscribePanel = lazy(() => import("../calendar/SubscribePanel.tsx").then((m) => ({ default: m.SubscribePanel })));
const CloseGroupModal = lazy(() => import("./GroupForm.tsx").then((m) => ({ default: m.CloseGroupModal })));

const PAGE = 50;

export const RosterQuery = graphql(
  `
    query RosterPage(
      $groupId: ID!
      $first: Int!
      $after: String
      $search: String
      $roleCode: String
      $insured: Boolean
      $includeEnded: Boolean
      $fiscalYear: Int
      $withKana: Boolean!
    ) {
      group(id: $groupId) {
        id
        roster(
          first: $first
          after: $after
          search: $search
          roleCode: $roleCode
          insured: $insured
          includeEnded: $includeEnded
          fiscalYear: $fiscalYear
        ) {
          totalCount
          pageInfo {
            hasNextPage
            endCursor
          }
          edges {
            node {
              id
              ...RosterRow_membership
            }
          }
        }
      }
    }
  `,
  [RosterRow_membership],
);

const RosterCsvQuery = graphql(`
  query RosterCsv($groupId: ID!, $fiscalYear: Int, $includeEnded: Boolean) {
    rosterCsv(groupId: $groupId, fiscalYear: $fiscalYear, includeEnded: $includeEnded) {
      filename
      mimeType
      text
    }
  }
`);

/**
 * ふりがな is asked for where names are legal names: staff everywhere; others not in the network,
 * whose members may go by a nickname (the kana behind it is staff-only, and asking would be refused).
 */
export function asksKana(isStaff: boolean, privacyTier: string): boolean {
  return isStaff || privacyTier !== "NETWORK";
}

/** this fiscal year and the four before it */
export function fiscalYearChoices(): number[] {
  const fy = currentFiscalYear();
  return [0, 1, 2, 3, 4].map((n) => fy - n);
}

/** the roster's first page as the screen first asks for it: no search or filter, this 年度 */
function firstPageVariables(group: RosterGroupData, viewer: Viewer | null) {
  return {
    groupId: group.id,
    first: PAGE,
    search: null,
    roleCode: null,
    insured: null,
    includeEnded: group.isClosed,
    fiscalYear: currentFiscalYear(),
    withKana: asksKana(viewer?.isStaff ?? false, group.programme.privacyTier),
  };
}

/**
 * Route loader: the group's request starts as soon as the route matches, beside the layout's
 * viewer (the same request when both ask at once), and the roster's first page as soon as both
 * have answered (its variables need them). It does not wait for the answers: the screen renders
 * from them, or joins the requests still on their way. A failure is left to the screen, which asks
 * again and shows it. The filters' selects and the rows' menus, which the first paint does without,
 * start loading here too (src/lib/lazy.ts).
 */
export function loader({ params }: LoaderFunctionArgs) {
  const groupId = params.groupId ?? "";
  preloadParts(LazySelect, RosterRowMenu);
  const preload = async () => {
    const [viewer, { data }] = await Promise.all([
      loadViewer(),
      apolloClient.query({ query: RosterGroupQuery, variables: { groupId }, fetchPolicy: "network-only" }),
    ]);
    const group = data?.group;
    if (!group || !listable(group)) return;
    await apolloClient.query({
      query: RosterQuery,
      variables: firstPageVariables(group, viewer),
      fetchPolicy: "network-only",
      errorPolicy: "all",
    });
  };
  preload().catch(() => undefined);
  return null;
}

export function Component() {
  return (
    <RosterGroupGate withBackLink preloaded>
      {(group, roles) => <Roster group={group} roles={roles} />}
    </RosterGroupGate>
  );
}

/**
 * The group of /groups/:groupId, for the roster and its print view: loading, error and "not found"
 * (also a group the viewer may not list) are shown here; the children get the group.
 */
export function RosterGroupGate({
  withBackLink = false,
  preloaded = false,
  children,
}: {
  withBackLink?: boolean;
  /** the route's loader asked for the group on this visit: the cached answer is fresh */
  preloaded?: boolean;
  children(group: RosterGroupData, roles: Role[], viewer: Viewer | null): ReactNode;
}) {
  const { t } = useTranslation("roster");
  const { groupId = "" } = useParams();
  const { viewer } = useViewer();
  const { data, loading, error, refetch } = useQuery(RosterGroupQuery, {
    variables: { groupId },
    fetchPolicy: preloaded ? "cache-first" : "cache-and-network",
  });
  if (loading && !data) return <LoadingState />;
  if (error && !data) return <ErrorState error={error} onRetry={() => void refetch()} />;
  const group = data?.group;
  if (!group || !listable(group)) {
    return (
      <>
        <PageTitle title={t("roster.notFoundTitle")} />
        <EmptyState>{t("roster.notFound")}</EmptyState>
        {withBackLink ? (
          <Anchor component={Link} to="/groups">
            {t("backToGroups")}
          </Anchor>
        ) : null}
      </>
    );
  }
  // the roles of the group's kind (no 部会長 for a salon): the only ones its roster takes
  return children(group, group.availableRoles, viewer);
}

type RosterGroupData = NonNullable<ResultOf<typeof RosterGroupQuery>["group"]>;

function Roster({ group, roles }: { group: RosterGroupData; roles: Role[] }) {
  const { t, i18n } = useTranslation("roster");
  const en = i18n.resolvedLanguage === "en";
  const { viewer } = useViewer();
  const { fiscalYear: fyLabel, date } = useDates();
  const [search, setSearch] = useState("");
  const [debounced] = useDebouncedValue(search.trim(), 300);
  const [roleCode, setRoleCode] = useState<string | null>(null);
  const [insured, setInsured] = useState<"all" | "yes" | "no">("all");
  const [includeEnded, setIncludeEnded] = useState(group.isClosed);
  const [fiscalYear, setFiscalYear] = useState(currentFiscalYear());
  const [adding, setAdding] = useState(false);
  // a modal stays mounted once opened, so it can close with its transition and return focus
  const [modalsUsed, setModalsUsed] = useState({ add: false, membership: false, group: false });
  const [groupAction, setGroupAction] = useState<"edit" | "close" | null>(null);
  const [action, setAction] = useState<{ kind: MembershipAction; membership: RosterMembership } | null>(null);
  const csv = useFileDownload();
  const { groups: listed } = useListedGroups();

  const isStaff = viewer?.isStaff ?? false;
  const canManage = group.viewerCanManageRoster;
  const transferTargets = listed.filter((g) => g.id !== group.id && g.viewerCanManageRoster && !g.isClosed);
  const openGroupAction = (kind: "edit" | "close") => {
    setModalsUsed((u) => ({ ...u, group: true }));
    setGroupAction(kind);
  };
  const variables = {
    ...firstPageVariables(group, viewer),
    search: debounced || null,
    roleCode,
    insured: insured === "all" ? null : insured === "yes",
    includeEnded,
    fiscalYear,
  };
  // errorPolicy all: a row whose name the viewer may not see comes back null with a FORBIDDEN
  // error for that field only; the rest of the roster is still shown. The first page comes from
  // the route's loader (or joins its request); a search or filter asks the API and shows what is
  // cached meanwhile.
  const { data, loading, error, refetch, fetchMore } = useQuery(RosterQuery, {
    variables,
    errorPolicy: "all",
    notifyOnNetworkStatusChange: true,
    fetchPolicy: "cache-first",
    nextFetchPolicy: () => "cache-and-network",
  });
  const roster = data?.group?.roster;
  const [loadingMore, setLoadingMore] = useState(false);

  const loadMore = async () => {
    if (!roster?.pageInfo.endCursor) return;
    setLoadingMore(true);
    try {
      await fetchMore({
        variables: { after: roster.pageInfo.endCursor },
        updateQuery: (previous, { fetchMoreResult }) => {
          const prev = previous.group?.roster;
          const next = fetchMoreResult.group?.roster;
          if (!prev || !next || !previous.group) return fetchMoreResult;
          return {
            ...fetchMoreResult,
            group: { ...previous.group, roster: { ...next, edges: [...prev.edges, ...next.edges] } },
          } as typeof fetchMoreResult;
        },
      });
    } finally {
      setLoadingMore(false);
    }
  };

  const title = group.name;
  const edges = roster?.edges ?? [];
  const isChildGroup = group.programme.privacyTier === "CHILD";
  return (
    <>
      <PageTitle
        title={title}
        actions={
          <>
            {/* a school group's children are added through 子ども福祉委員の登録 (linked below), never here */}
            {isStaff && !isChildGroup ? (
              <Button
                leftSection={<IconUserPlus size={18} aria-hidden />}
                onClick={() => {
                  setModalsUsed((u) => ({ ...u, add: true }));
                  setAdding(true);
                }}
                disabled={group.isClosed}
              >
                {t("add.button")}
              </Button>
            ) : null}
            {group.viewerCanEdit ? (
              <Button variant="default" leftSection={<IconPencil size={18} aria-hidden />} onClick={() => openGroupAction("edit")}>
                {t("groupForm.editButton")}
              </Button>
            ) : null}
            {group.viewerCanEdit && !group.isClosed ? (
              <Button
                variant="default"
                color="red.9"
                leftSection={<IconDoorExit size={18} aria-hidden />}
                onClick={() => openGroupAction("close")}
              >
                {t("closeGroup.button")}
              </Button>
            ) : null}
            <Button
              variant="default"
              leftSection={<IconDownload size={18} aria-hidden />}
              onClick={() => void csv.download(RosterCsvQuery, { groupId: group.id, fiscalYear, includeEnded }, (d) => d.rosterCsv)}
              loading={csv.busy}
            >
              {t("csv.button")}
            </Button>
            {viewer?.can.recordInsurance && group.programme.privacyTier !== "JUVENILE" ? (
              <Button
                variant="default"
                component={Link}
                to={`/insurance?group=${group.id}&fy=${fiscalYear}`}
                leftSection={<IconShieldPlus size={18} aria-hidden />}
              >
                {t("roster.recordInsurance")}
              </Button>
            ) : null}
            <Button
              variant="default"
              component={Link}
              to={`/groups/${group.id}/print?fy=${fiscalYear}${includeEnded ? "&history=1" : ""}`}
              leftSection={<IconPrinter size={18} aria-hidden />}
            >
              {t("print.open")}
            </Button>
            {group.viewerCanSeeContacts ? (
              <Button
                variant="default"
                component={Link}
                to={`/groups/${group.id}/contacts/print`}
                leftSection={<IconAddressBook size={18} aria-hidden />}
              >
                {t("contacts.open")}
              </Button>
            ) : null}
          </>
        }
      />
      <Stack>
        <Group gap="xs" wrap="wrap">
          <Anchor component={Link} to="/groups" size="sm">
            {t("backToGroups")}
          </Anchor>
          <Text size="sm" c="dimmed">
            {[en ? group.programme.nameEn : group.programme.name, en ? group.kind.nameEn : group.kind.name, group.area?.name]
              .filter(Boolean)
              .join(" ・ ")}
          </Text>
          {group.hostsHokkoriConsultation ? (
            <Badge size="sm" variant="filled" color="grape.9" miw="max-content">
              {t("groups.hokkori")}
            </Badge>
          ) : null}
        </Group>
        {group.endedOn ? (
          <Alert color="gray" title={t("roster.closedTitle", { date: date(group.endedOn) })}>
            <Text size="sm">{t("roster.closedBody")}</Text>
          </Alert>
        ) : null}
        {group.venue || group.meetingSchedule ? (
          <Text size="sm">{[group.venue, group.meetingSchedule].filter(Boolean).join("　")}</Text>
        ) : null}
        {group.viewerCanPlanEvents ? (
          <Suspense fallback={null}>
            <SubscribePanel groupId={group.id} />
          </Suspense>
        ) : null}
        {isChildGroup ? (
          <Alert color="blue" title={t("roster.childTitle")}>
            <Text size="sm">
              {t("roster.childBody")}{" "}
              <Anchor component={Link} to={`/child-volunteers/${group.id}`} size="sm">
                {t("roster.childLink")}
              </Anchor>
            </Text>
          </Alert>
        ) : null}
        <FailureAlert message={csv.failure ? t("csv.failed", { message: csv.failure }) : null} />

        <Group align="flex-end" gap="sm" wrap="wrap">
          <TextInput
            label={t("roster.search")}
            description={t("roster.searchHint")}
            leftSection={<IconSearch size={16} aria-hidden />}
            value={search}
            onChange={(e) => setSearch(e.currentTarget.value)}
            type="search"
            w={{ base: "100%", sm: 280 }}
          />
          <LazySelect
            label={t("roster.role")}
            data={[{ value: "", label: t("roster.allRoles") }, ...roles.map((r) => ({ value: r.code, label: en ? r.nameEn : r.name }))]}
            value={roleCode ?? ""}
            onChange={(v) => setRoleCode(v || null)}
            allowDeselect={false}
            w={{ base: "100%", xs: 180 }}
          />
          <LazySelect
            label={t("roster.insurance")}
            data={[
              { value: "all", label: t("roster.insuranceAll") },
              { value: "yes", label: t("insurance.insured") },
              { value: "no", label: t("insurance.uninsured") },
            ]}
            value={insured}
            onChange={(v) => setInsured((v as typeof insured) ?? "all")}
            allowDeselect={false}
            w={{ base: "100%", xs: 160 }}
          />
          <LazySelect
            label={t("roster.fiscalYear")}
            data={fiscalYearChoices().map((fy) => ({ value: String(fy), label: fyLabel(fy) }))}
            value={String(fiscalYear)}
            onChange={(v) => v && setFiscalYear(Number(v))}
            allowDeselect={false}
            w={{ base: "100%", xs: 170 }}
          />
          <Switch
            label={t("roster.includeEnded")}
            checked={includeEnded}
            onChange={(e) => setIncludeEnded(e.currentTarget.checked)}
            mb={8}
          />
        </Group>

        <QueryState loading={loading && !data} error={!data ? error : undefined} onRetry={() => void refetch()}>
          {roster ? (
            <Stack gap="xs">
              <Title order={2} size="h4">
                {t("roster.heading", { year: fyLabel(fiscalYear) })}
                <Text span size="sm" c="dimmed" fw={400} ml="xs" aria-live="polite">
                  {t("roster.count", { count: roster.totalCount })}
                </Text>
              </Title>
              {edges.length === 0 ? (
                <EmptyState>{debounced || roleCode || insured !== "all" ? t("roster.noMatch") : t("roster.empty")}</EmptyState>
              ) : (
                <ScrollTable label={t("roster.tableLabel", { name: group.name })} minWidth={canManage ? 720 : 660}>
                  <PlainTable>
                    <PlainTable.Thead>
                      <PlainTable.Tr>
                        <PlainTable.Th>{t("column.name")}</PlainTable.Th>
                        <PlainTable.Th>{t("column.role")}</PlainTable.Th>
                        <PlainTable.Th>{t("column.startedOn")}</PlainTable.Th>
                        <PlainTable.Th>{t("column.insurance", { year: fyLabel(fiscalYear) })}</PlainTable.Th>
                        <PlainTable.Th ta="right">{t("column.hours", { year: fyLabel(fiscalYear) })}</PlainTable.Th>
                        {canManage ? (
                          <PlainTable.Th>
                            <span>{t("column.actions")}</span>
                          </PlainTable.Th>
                        ) : null}
                      </PlainTable.Tr>
                    </PlainTable.Thead>
                    <PlainTable.Tbody>
                      {edges.map((e) => (
                        <RosterRow
                          key={e.node.id}
                          membership={e.node}
                          canManage={canManage}
                          canTransfer={transferTargets.length > 0}
                          onAction={(kind, membership) => {
                            setModalsUsed((u) => ({ ...u, membership: true }));
                            setAction({ kind, membership });
                          }}
                        />
                      ))}
                    </PlainTable.Tbody>
                  </PlainTable>
                </ScrollTable>
              )}
              {roster.pageInfo.hasNextPage ? (
                <Group justify="center">
                  <Button variant="default" onClick={() => void loadMore()} loading={loadingMore}>
                    {t("roster.more", { shown: edges.length, total: roster.totalCount })}
                  </Button>
                </Group>
              ) : null}
            </Stack>
          ) : (
            <ErrorState error={error ?? t("roster.forbidden")} />
          )}
        </QueryState>
      </Stack>

      <Suspense fallback={null}>
        {modalsUsed.group ? (
          <>
            <GroupFormModal opened={groupAction === "edit"} group={group} onClose={() => setGroupAction(null)} />
            <CloseGroupModal opened={groupAction === "close"} group={group} onClose={() => setGroupAction(null)} />
          </>
        ) : null}
        {isStaff && modalsUsed.add ? (
          <AddVolunteerModal opened={adding} onClose={() => setAdding(false)} group={group} roles={roles} />
        ) : null}
        {modalsUsed.membership ? (
          <>
            <EndMembershipModal membership={action?.kind === "end" ? action.membership : null} onClose={() => setAction(null)} />
            <ChangeRoleModal
              membership={action?.kind === "role" ? action.membership : null}
              roles={roles}
              onClose={() => setAction(null)}
            />
            <TransferMembershipModal
              membership={action?.kind === "transfer" ? action.membership : null}
              groupName={group.name}
              targets={transferTargets}
              roles={roles}
              onClose={() => setAction(null)}
            />
          </>
        ) : null}
      </Suspense>
    </>
  );
}
