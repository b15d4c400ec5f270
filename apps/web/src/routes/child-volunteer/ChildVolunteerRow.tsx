// One child in the school's list: name with ふりがな, grade, status and the two consents (未提出,
// 同意, 不同意 or 撤回 — a form not yet back is not a refusal), with 同意を記録 and 同意の履歴.
import { Badge, Button, Group, Stack, Table, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";

import { useDates } from "../../app/dates.ts";
import { graphql, readFragment, type FragmentOf } from "../../graphql.ts";

export const ChildVolunteerRow_child = graphql(`
  fragment ChildVolunteerRow_child on ChildVolunteer {
    id
    grade
    status
    alumniSince
    activityConsentState
    photoConsentState
    guardianName
    guardianRelation
    person {
      id
      name
      legalNameKana
    }
  }
`);

/** 保護者同意: without it no activity may be logged, so anything but 同意 is red */
const STATE_COLOR = { GRANTED: "teal.9", NOT_SUBMITTED: "red.9", DECLINED: "red.9", WITHDRAWN: "red.9" } as const;

export type ChildRow = ReturnType<typeof readChild>;
const readChild = (ref: FragmentOf<typeof ChildVolunteerRow_child>) => readFragment(ChildVolunteerRow_child, ref);

export function ChildVolunteerRow({
  child: ref,
  onRecordConsent,
  onShowHistory,
}: {
  child: FragmentOf<typeof ChildVolunteerRow_child>;
  onRecordConsent(child: ChildRow): void;
  onShowHistory(child: ChildRow): void;
}) {
  const { t } = useTranslation("child-volunteer");
  const { date } = useDates();
  const child = readChild(ref);
  const name = child.person.name ?? "";
  return (
    <Table.Tr>
      <Table.Td>
        <Stack gap={0}>
          <Text size="sm" fw={600}>
            {name}
          </Text>
          <Text size="xs" c="dimmed">
            {child.person.legalNameKana}
          </Text>
        </Stack>
      </Table.Td>
      <Table.Td>{t("gradeValue", { grade: child.grade })}</Table.Td>
      <Table.Td>
        {child.status === "ACTIVE" ? (
          <Badge variant="filled" miw="max-content" color="blue.8">
            {t("status.ACTIVE")}
          </Badge>
        ) : (
          <Stack gap={2}>
            <Badge variant="filled" miw="max-content" color="gray.7">
              {t("status.ALUMNI")}
            </Badge>
            {child.alumniSince ? (
              <Text size="xs" c="dimmed">
                {t("alumniSince", { date: date(child.alumniSince) })}
              </Text>
            ) : null}
          </Stack>
        )}
      </Table.Td>
      <Table.Td>
        <Badge variant="filled" miw="max-content" color={STATE_COLOR[child.activityConsentState]}>
          {t(`consent.activityState.${child.activityConsentState}`)}
        </Badge>
      </Table.Td>
      <Table.Td>
        <Badge variant="filled" miw="max-content" color={child.photoConsentState === "GRANTED" ? "teal.9" : "gray.7"}>
          {t(`consent.photoState.${child.photoConsentState}`)}
        </Badge>
      </Table.Td>
      <Table.Td>
        <Text size="sm">
          {child.guardianName}
          {child.guardianRelation ? `（${child.guardianRelation}）` : ""}
        </Text>
      </Table.Td>
      <Table.Td>
        <Group gap="xs" wrap="nowrap">
          <Button size="compact-sm" variant="default" onClick={() => onRecordConsent(child)} aria-label={t("consent.recordFor", { name })}>
            {t("consent.record")}
          </Button>
          <Button size="compact-sm" variant="subtle" onClick={() => onShowHistory(child)} aria-label={t("history.openFor", { name })}>
            {t("history.open")}
          </Button>
        </Group>
      </Table.Td>
    </Table.Tr>
  );
}
