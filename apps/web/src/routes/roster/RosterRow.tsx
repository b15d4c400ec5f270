// One row of a roster (名簿): name (a link to the person page when the viewer may see the name) and
// ふりがな, group role, start (and end) date, insurance of the fiscal year, hours of the year, and
// the changes the viewer may make to a current membership.
import { ActionIcon, Anchor, Badge, Menu, Stack, Table, Text } from "@mantine/core";
import { IconArrowsExchange, IconDoorExit, IconDots, IconUserCog } from "@tabler/icons-react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";

import { useDates } from "../../app/dates.ts";
import { graphql, readFragment, type FragmentOf } from "../../graphql.ts";

export const RosterRow_membership = graphql(`
  fragment RosterRow_membership on Membership {
    id
    startedOn
    joinedOn
    endedOn
    endReason
    isCurrent
    insuredThisYear
    hoursThisYear
    groupRole {
      id
      code
      name
      nameEn
    }
    person {
      id
      name
      usesNickname
      legalNameKana @include(if: $withKana)
    }
  }
`);

export type RosterMembership = ReturnType<typeof readMembership>;
export const readMembership = (ref: FragmentOf<typeof RosterRow_membership>) => readFragment(RosterRow_membership, ref);

export type MembershipAction = "end" | "transfer" | "role";

function InsuranceBadge({ insured }: { insured: boolean }) {
  const { t } = useTranslation("roster");
  return (
    <Badge variant="filled" color={insured ? "teal.9" : "red.9"} miw="max-content">
      {insured ? t("insurance.insured") : t("insurance.uninsured")}
    </Badge>
  );
}

/** the name the viewer may see, or a placeholder (a child outside their school, …) */
function PersonName({ membership, link }: { membership: RosterMembership; link: boolean }) {
  const { t } = useTranslation("roster");
  const { person } = membership;
  if (!person.name) {
    return (
      <Text size="sm" c="dimmed">
        {t("hiddenName")}
      </Text>
    );
  }
  return (
    <Stack gap={0}>
      {link ? (
        <Anchor component={Link} to={`/people/${person.id}`} fw={600} size="sm">
          {person.name}
        </Anchor>
      ) : (
        <Text size="sm" fw={600}>
          {person.name}
        </Text>
      )}
      {person.legalNameKana && !person.usesNickname ? (
        <Text size="xs" c="dimmed">
          {person.legalNameKana}
        </Text>
      ) : person.usesNickname ? (
        <Text size="xs" c="dimmed">
          {t("nickname")}
        </Text>
      ) : null}
    </Stack>
  );
}

export function RosterRow({
  membership: ref,
  canManage,
  canTransfer,
  onAction,
}: {
  membership: FragmentOf<typeof RosterRow_membership>;
  canManage: boolean;
  canTransfer: boolean;
  onAction(action: MembershipAction, membership: RosterMembership): void;
}) {
  const { t, i18n } = useTranslation("roster");
  const { date } = useDates();
  const m = readMembership(ref);
  const label = m.person.name ?? t("hiddenName");
  return (
    <Table.Tr>
      <Table.Td>
        <PersonName membership={m} link={m.person.name !== null} />
      </Table.Td>
      <Table.Td>
        <Text size="sm">{i18n.resolvedLanguage === "en" ? m.groupRole.nameEn : m.groupRole.name}</Text>
      </Table.Td>
      <Table.Td>
        <Text size="sm">{date(m.startedOn)}</Text>
        {m.joinedOn !== m.startedOn ? (
          <Text size="xs" c="dimmed">
            {t("joinedOn", { date: date(m.joinedOn) })}
          </Text>
        ) : null}
        {m.endedOn ? (
          <Text size="xs" c="dimmed">
            {t("endedOn", { date: date(m.endedOn) })}
            {m.endReason ? `（${m.endReason}）` : ""}
          </Text>
        ) : null}
      </Table.Td>
      <Table.Td>
        <InsuranceBadge insured={m.insuredThisYear} />
      </Table.Td>
      <Table.Td ta="right">
        <Text size="sm">{t("hours", { hours: m.hoursThisYear.toLocaleString(i18n.resolvedLanguage) })}</Text>
      </Table.Td>
      {canManage ? (
        <Table.Td>
          {m.endedOn === null && m.person.name !== null ? (
            <Menu position="bottom-end" withinPortal>
              <Menu.Target>
                <ActionIcon variant="default" size="lg" aria-label={t("actions.menu", { name: label })}>
                  <IconDots size={18} aria-hidden />
                </ActionIcon>
              </Menu.Target>
              <Menu.Dropdown>
                <Menu.Item leftSection={<IconUserCog size={16} aria-hidden />} onClick={() => onAction("role", m)}>
                  {t("actions.role")}
                </Menu.Item>
                {canTransfer ? (
                  <Menu.Item leftSection={<IconArrowsExchange size={16} aria-hidden />} onClick={() => onAction("transfer", m)}>
                    {t("actions.transfer")}
                  </Menu.Item>
                ) : null}
                <Menu.Item leftSection={<IconDoorExit size={16} aria-hidden />} color="red.9" onClick={() => onAction("end", m)}>
                  {t("actions.end")}
                </Menu.Item>
              </Menu.Dropdown>
            </Menu>
          ) : null}
        </Table.Td>
      ) : null}
    </Table.Tr>
  );
}
