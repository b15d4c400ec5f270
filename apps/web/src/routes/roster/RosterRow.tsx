// One row of a roster (名簿): name (a link to the person page when the viewer may see the name) and
// ふりがな, group role, start (and end) date, insurance of the fiscal year, hours of the year, and
// the changes the viewer may make to a current membership.
import { ActionIcon, Anchor, Badge, Stack, Text } from "@mantine/core";
import { IconDots } from "@tabler/icons-react";
import { Suspense, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";

import { useDates } from "../../app/dates.ts";
import { PlainTable } from "../../components/PlainTable.tsx";
import { graphql, readFragment, type FragmentOf } from "../../graphql.ts";
import { lazyPart } from "../../lib/lazy.ts";
import type { RosterRowMenuProps } from "./RosterRowMenu.tsx";

/** the row's menu loads after the roster's first paint (the route's loader preloads it) */
export const RosterRowMenu = lazyPart<RosterRowMenuProps>(() => import("./RosterRowMenu.tsx").then((m) => m.RosterRowMenu));

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
    <PlainTable.Tr>
      <PlainTable.Td>
        <PersonName membership={m} link={m.person.name !== null} />
      </PlainTable.Td>
      <PlainTable.Td>
        <Text size="sm">{i18n.resolvedLanguage === "en" ? m.groupRole.nameEn : m.groupRole.name}</Text>
      </PlainTable.Td>
      <PlainTable.Td>
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
      </PlainTable.Td>
      <PlainTable.Td>
        <InsuranceBadge insured={m.insuredThisYear} />
      </PlainTable.Td>
      <PlainTable.Td ta="right">
        <Text size="sm">{t("hours", { hours: m.hoursThisYear.toLocaleString(i18n.resolvedLanguage) })}</Text>
      </PlainTable.Td>
      {canManage ? (
        <PlainTable.Td>
          {m.endedOn === null && m.person.name !== null ? (
            <RowActions membership={m} label={t("actions.menu", { name: label })} canTransfer={canTransfer} onAction={onAction} />
          ) : null}
        </PlainTable.Td>
      ) : null}
    </PlainTable.Tr>
  );
}

/** the row's menu, or its button while the menu's code is on its way (a press opens it on arrival) */
function RowActions(props: Omit<RosterRowMenuProps, "opened">) {
  const [pressed, setPressed] = useState(false);
  const button = (
    <ActionIcon variant="default" size="lg" aria-label={props.label} onClick={() => setPressed(true)}>
      <IconDots size={18} aria-hidden />
    </ActionIcon>
  );
  return (
    <Suspense fallback={button}>
      <RosterRowMenu {...props} opened={pressed} />
    </Suspense>
  );
}
