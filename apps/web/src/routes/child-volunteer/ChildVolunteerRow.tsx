// One child in the school's list: name with ふりがな, grade, status and the two consents.
import { Badge, Button, Group, Stack, Table, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";

import { useDates } from "../../app/preferences.tsx";
import { graphql, readFragment, type FragmentOf } from "../../graphql.ts";

export const ChildVolunteerRow_child = graphql(`
  fragment ChildVolunteerRow_child on ChildVolunteer {
    id
    grade
    status
    alumniSince
    hasActivityConsent
    photoConsent
    guardianName
    guardianRelation
    person {
      id
      name
      legalNameKana
    }
  }
`);

export type ChildRow = ReturnType<typeof readChild>;
const readChild = (ref: FragmentOf<typeof ChildVolunteerRow_child>) => readFragment(ChildVolunteerRow_child, ref);

export function ChildVolunteerRow({
  child: ref,
  onRecordConsent,
}: {
  child: FragmentOf<typeof ChildVolunteerRow_child>;
  onRecordConsent(child: ChildRow): void;
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
        <Badge variant="filled" miw="max-content" color={child.hasActivityConsent ? "teal.9" : "red.9"}>
          {child.hasActivityConsent ? t("consent.activityYes") : t("consent.activityNo")}
        </Badge>
      </Table.Td>
      <Table.Td>
        <Badge variant="filled" miw="max-content" color={child.photoConsent ? "teal.9" : "gray.7"}>
          {child.photoConsent ? t("consent.photoYes") : t("consent.photoNo")}
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
        </Group>
      </Table.Td>
    </Table.Tr>
  );
}
