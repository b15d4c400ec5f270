// 人物: one volunteer as the viewer may see them — the name (legal name and ふりがな for staff),
// memberships over time (current and history, with role, dates and end reason), approved hours
// per 年度, milestones, thank-yous to them and their certificates (感謝状, PDF). The API refuses a
// person outside the viewer's reach (a child outside a coordinator's school, …): shown as such.
// Contact details (phone, e-mail, address) where Person.viewerCanSeeContacts says so; for staff
// (Person.viewerCanEdit) notes, 編集, 統合 and the record's history (edits, merges).
import { useQuery } from "@apollo/client/react";
import { Anchor, Badge, Button, Card, Group, List, SimpleGrid, Stack, Table, Text, Title } from "@mantine/core";
import { IconArrowMerge, IconAward, IconDownload, IconHeart, IconPencil } from "@tabler/icons-react";
import { useState, type ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { Link, useParams } from "react-router";

import { useDates } from "../../app/dates.ts";
import { useViewer } from "../../app/session.tsx";
import { PageTitle } from "../../components/PageTitle.tsx";
import { ScrollTable } from "../../components/ScrollTable.tsx";
import { EmptyState, ErrorState, LoadingState } from "../../components/States.tsx";
import { graphql, type ResultOf } from "../../graphql.ts";
import { PersonEditModal, PersonMergeModal } from "./PersonModals.tsx";

const PersonQuery = graphql(`
  query PersonPage($id: ID!, $staff: Boolean!) {
    person(id: $id) {
      id
      name
      usesNickname
      viewerCanEdit
      viewerCanSeeContacts
      phone
      email
      address
      legalName @include(if: $staff)
      legalNameKana @include(if: $staff)
      notes @include(if: $staff)
      updatedAt @include(if: $staff)
      history @include(if: $staff) {
        id
        action
        at
        details
        actor {
          name
        }
      }
      memberships {
        id
        startedOn
        endedOn
        endReason
        isCurrent
        group {
          id
          name
          programme {
            id
            name
            nameEn
          }
        }
        groupRole {
          id
          name
          nameEn
        }
      }
      hoursByFiscalYear {
        fiscalYear
        hours
        activityCount
      }
      milestoneAwards {
        id
        awardedAt
        milestone {
          id
          name
          nameEn
        }
      }
    }
    thankYous(toPersonId: $id, first: 20) {
      edges {
        node {
          id
          body
          fromName
          receivedOn
          status
        }
      }
    }
    certificates(personId: $id, first: 20) {
      edges {
        node {
          id
          title
          serialNumber
          issuedOn
        }
      }
    }
  }
`);

type PersonData = NonNullable<ResultOf<typeof PersonQuery>["person"]>;

/** the API refused the person: outside the viewer's reach */
function forbidden(error: unknown): boolean {
  const errors = (error as { errors?: Array<{ extensions?: { code?: unknown }; path?: readonly unknown[] }> } | undefined)?.errors ?? [];
  return errors.some((e) => e.extensions?.code === "FORBIDDEN" && e.path?.length === 1 && e.path[0] === "person");
}

export function Component() {
  const { t } = useTranslation("person");
  const { personId = "" } = useParams();
  const { viewer } = useViewer();
  // errorPolicy all: a person outside the viewer's reach comes back null (as an unknown one), the rest still answers
  const { data, loading, error, refetch } = useQuery(PersonQuery, {
    variables: { id: personId, staff: viewer?.isStaff ?? false },
    errorPolicy: "all",
  });
  if (loading && !data) return <LoadingState />;
  const person = data?.person;
  if (!person) {
    if (error && !forbidden(error) && !data) return <ErrorState error={error} onRetry={() => void refetch()} />;
    return (
      <>
        <PageTitle title={t("unavailableTitle")} />
        <EmptyState>{forbidden(error) ? t("forbidden") : t("notFound")}</EmptyState>
        <Anchor component={Link} to="/groups">
          {t("backToGroups")}
        </Anchor>
      </>
    );
  }
  const thankYous = (data.thankYous?.edges ?? []).map((e) => e.node).filter((n) => n.status === "APPROVED");
  const certificates = (data.certificates?.edges ?? []).map((e) => e.node);
  return <PersonView person={person} thankYous={thankYous} certificates={certificates} />;
}

function Section({ title, id, children }: { title: string; id: string; children: ReactNode }) {
  return (
    <Stack gap="xs" component="section" aria-labelledby={id}>
      <Title order={2} size="h4" id={id}>
        {title}
      </Title>
      {children}
    </Stack>
  );
}

type ThankYou = { id: string; body: string; fromName: string; receivedOn: string };
type Certificate = { id: string; title: string; serialNumber: number; issuedOn: string };

function PersonView({ person, thankYous, certificates }: { person: PersonData; thankYous: ThankYou[]; certificates: Certificate[] }) {
  const { t, i18n } = useTranslation("person");
  const en = i18n.resolvedLanguage === "en";
  const { date, dateTime, fiscalYear } = useDates();
  const memberships = person.memberships ?? [];
  const current = memberships.filter((m) => m.isCurrent && !m.endedOn);
  const history = memberships.filter((m) => !(m.isCurrent && !m.endedOn));
  const hours = person.hoursByFiscalYear ?? [];
  const awards = person.milestoneAwards ?? [];
  const { viewer } = useViewer();
  const [modal, setModal] = useState<"edit" | "merge" | null>(null);
  // a modal stays mounted once opened, so it can close with its transition and return focus
  const [used, setUsed] = useState({ edit: false, merge: false });
  const open = (kind: "edit" | "merge") => {
    setUsed((u) => ({ ...u, [kind]: true }));
    setModal(kind);
  };
  const recordHistory = "history" in person ? (person.history ?? []) : [];
  return (
    <>
      <PageTitle
        title={person.name ?? t("unavailableTitle")}
        actions={
          person.viewerCanEdit ? (
            <Group gap="xs">
              <Button variant="default" leftSection={<IconPencil size={18} aria-hidden />} onClick={() => open("edit")}>
                {t("edit.open")}
              </Button>
              <Button variant="default" leftSection={<IconArrowMerge size={18} aria-hidden />} onClick={() => open("merge")}>
                {t("merge.open")}
              </Button>
            </Group>
          ) : null
        }
      />
      {used.edit ? <PersonEditModal person={person} opened={modal === "edit"} onClose={() => setModal(null)} /> : null}
      {used.merge ? <PersonMergeModal person={person} opened={modal === "merge"} onClose={() => setModal(null)} /> : null}
      <Stack gap="lg">
        <Group gap="xs" wrap="wrap">
          {"legalName" in person && person.legalName && person.usesNickname ? (
            <Text size="sm">{t("legalName", { name: person.legalName })}</Text>
          ) : null}
          {"legalNameKana" in person && person.legalNameKana ? (
            <Text size="sm" c="dimmed">
              {person.legalNameKana}
            </Text>
          ) : null}
          {person.usesNickname ? (
            <Badge variant="filled" color="gray.7" miw="max-content">
              {t("usesNickname")}
            </Badge>
          ) : null}
          {viewer?.can.audit ? (
            <Anchor component={Link} to={`/audit?entity=Person&entityId=${encodeURIComponent(person.id)}`} size="sm">
              {t("auditTrail")}
            </Anchor>
          ) : null}
        </Group>

        {person.viewerCanSeeContacts ? (
          <Section title={t("contacts.title")} id="person-contacts">
            <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="xs">
              <Contact label={t("fields.phone")} value={person.phone} />
              <Contact label={t("fields.email")} value={person.email} />
              <Contact label={t("fields.address")} value={person.address} />
            </SimpleGrid>
            {"notes" in person && person.notes ? (
              <Text size="sm" style={{ whiteSpace: "pre-wrap" }}>
                {t("contacts.notes", { notes: person.notes })}
              </Text>
            ) : null}
          </Section>
        ) : null}

        <Section title={t("memberships.title")} id="person-memberships">
          {memberships.length === 0 ? (
            <EmptyState>{t("memberships.empty")}</EmptyState>
          ) : (
            <ScrollTable label={t("memberships.title")} minWidth={560}>
              <Table striped verticalSpacing="xs">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{t("memberships.group")}</Table.Th>
                    <Table.Th>{t("memberships.role")}</Table.Th>
                    <Table.Th>{t("memberships.period")}</Table.Th>
                    <Table.Th>{t("memberships.status")}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {[...current, ...history].map((m) => (
                    <Table.Tr key={m.id}>
                      <Table.Td>
                        <Anchor component={Link} to={`/groups/${m.group.id}`} size="sm" fw={600}>
                          {m.group.name}
                        </Anchor>
                        <Text size="xs" c="dimmed">
                          {en ? m.group.programme.nameEn : m.group.programme.name}
                        </Text>
                      </Table.Td>
                      <Table.Td>
                        <Text size="sm">{en ? m.groupRole.nameEn : m.groupRole.name}</Text>
                      </Table.Td>
                      <Table.Td>
                        <Text size="sm">
                          {m.endedOn
                            ? t("memberships.range", { from: date(m.startedOn), to: date(m.endedOn) })
                            : t("memberships.since", { from: date(m.startedOn) })}
                        </Text>
                        {m.endReason ? (
                          <Text size="xs" c="dimmed">
                            {t("memberships.reason", { reason: m.endReason })}
                          </Text>
                        ) : null}
                      </Table.Td>
                      <Table.Td>
                        {m.isCurrent && !m.endedOn ? (
                          <Badge variant="filled" color="blue.8" miw="max-content">
                            {t("memberships.current")}
                          </Badge>
                        ) : (
                          <Badge variant="filled" color="gray.7" miw="max-content">
                            {m.isCurrent ? t("memberships.ending") : t("memberships.ended")}
                          </Badge>
                        )}
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </ScrollTable>
          )}
        </Section>

        <Section title={t("activity.title")} id="person-activity">
          {hours.length === 0 ? (
            <EmptyState>{t("activity.empty")}</EmptyState>
          ) : (
            <SimpleGrid cols={{ base: 1, xs: 2, md: 4 }} spacing="sm">
              {hours.map((y) => (
                <Card key={y.fiscalYear} withBorder padding="sm">
                  <Text size="sm" c="dimmed">
                    {fiscalYear(y.fiscalYear)}
                  </Text>
                  <Text fw={700} fz="xl">
                    {t("activity.hours", { hours: y.hours.toLocaleString(i18n.resolvedLanguage) })}
                  </Text>
                  <Text size="sm">{t("activity.count", { count: y.activityCount })}</Text>
                </Card>
              ))}
            </SimpleGrid>
          )}
        </Section>

        <Section title={t("milestones.title")} id="person-milestones">
          {awards.length === 0 ? (
            <EmptyState>{t("milestones.empty")}</EmptyState>
          ) : (
            <List spacing="xs" icon={<IconAward size={18} aria-hidden />} center>
              {awards.map((a) => (
                <List.Item key={a.id}>
                  <Text size="sm">
                    <Text span fw={600}>
                      {en ? a.milestone.nameEn : a.milestone.name}
                    </Text>{" "}
                    <Text span c="dimmed" size="sm">
                      {t("milestones.awardedAt", { date: dateTime(a.awardedAt) })}
                    </Text>
                  </Text>
                </List.Item>
              ))}
            </List>
          )}
        </Section>

        <Section title={t("thankYous.title")} id="person-thank-yous">
          {thankYous.length === 0 ? (
            <EmptyState>{t("thankYous.empty")}</EmptyState>
          ) : (
            <Stack gap="sm">
              {thankYous.map((m) => (
                <Card key={m.id} withBorder padding="sm">
                  <Group gap="xs" wrap="nowrap" align="flex-start">
                    <IconHeart size={18} aria-hidden color="var(--mantine-color-pink-9)" style={{ flexShrink: 0, marginTop: 2 }} />
                    <Stack gap={2}>
                      <Text size="sm" style={{ whiteSpace: "pre-wrap" }}>
                        {m.body}
                      </Text>
                      <Text size="xs" c="dimmed">
                        {t("thankYous.from", { name: m.fromName, date: date(m.receivedOn) })}
                      </Text>
                    </Stack>
                  </Group>
                </Card>
              ))}
            </Stack>
          )}
        </Section>

        <Section title={t("certificates.title")} id="person-certificates">
          {certificates.length === 0 ? (
            <EmptyState>{t("certificates.empty")}</EmptyState>
          ) : (
            <Stack gap="xs">
              {certificates.map((c) => (
                <Group key={c.id} gap="sm" wrap="wrap">
                  <Text size="sm" fw={600}>
                    {t("certificates.item", { number: c.serialNumber, title: c.title })}
                  </Text>
                  <Text size="sm" c="dimmed">
                    {date(c.issuedOn)}
                  </Text>
                  <Anchor href={`/api/certificates/${c.id}.pdf`} size="sm" target="_blank" rel="noopener">
                    <Group gap={4} wrap="nowrap" component="span">
                      <IconDownload size={16} aria-hidden />
                      {t("certificates.download", { number: c.serialNumber })}
                    </Group>
                  </Anchor>
                </Group>
              ))}
            </Stack>
          )}
        </Section>
        {person.viewerCanEdit ? (
          <Section title={t("history.title")} id="person-history">
            {recordHistory.length === 0 ? (
              <EmptyState>{t("history.empty")}</EmptyState>
            ) : (
              <List size="sm" spacing={4}>
                {recordHistory.map((e) => (
                  <List.Item key={e.id}>
                    {t("history.entry", { at: dateTime(e.at), who: e.actor?.name ?? t("history.system"), what: historyText(e, t) })}
                  </List.Item>
                ))}
              </List>
            )}
          </Section>
        ) : null}
      </Stack>
    </>
  );
}

function Contact({ label, value }: { label: string; value: string | null | undefined }) {
  const { t } = useTranslation("person");
  return (
    <Stack gap={0}>
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text size="sm">{value || t("contacts.none")}</Text>
    </Stack>
  );
}

/** one audit entry of the person, in words: created, edited (which fields), merged */
function historyText(e: { action: string; details: string | null }, t: (key: string, options?: Record<string, unknown>) => string): string {
  const details = (e.details ? JSON.parse(e.details) : {}) as { change?: string; fields?: string[] };
  if (details.change === "merge") return t("history.merged");
  if (e.action === "create") return t("history.created");
  if (e.action === "update") return t("history.updated", { fields: (details.fields ?? []).map((f) => t(`fields.${f}`)).join("、") });
  return e.action;
}
