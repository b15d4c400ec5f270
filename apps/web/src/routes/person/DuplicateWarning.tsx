// createPerson's CONFIRMATION_REQUIRED answer for a likely duplicate (the same ふりがな, or the same
// name and phone): nothing was saved; the form shows the people already registered, each a link to
// their page, and a checkbox; the next save sends `acknowledgeDuplicates: true` once it is ticked.
import { useQuery } from "@apollo/client/react";
import { Alert, Anchor, Checkbox, List, Stack, Text } from "@mantine/core";
import { IconAlertTriangle } from "@tabler/icons-react";
import { useState, type ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";

import { graphql } from "../../graphql.ts";
import { currentLanguage } from "../../lib/form.ts";
import { localized, type Failure } from "../../lib/result.ts";

const DuplicatesQuery = graphql(`
  query PossibleDuplicatePeople($legalName: String!, $legalNameKana: String!, $phone: String) {
    possibleDuplicatePeople(legalName: $legalName, legalNameKana: $legalNameKana, phone: $phone) {
      id
      name
      legalNameKana
      memberships {
        id
        isCurrent
        group {
          id
          name
        }
      }
    }
  }
`);

interface Probe {
  legalName: string;
  legalNameKana: string;
  phone: string | null;
}

export interface DuplicateWarning {
  acknowledgement: { acknowledgeDuplicates?: true };
  /** true (and the warning is shown) when the failure is the API asking to confirm a duplicate */
  caught(failure: Failure, probe: Probe): boolean;
  alert: ReactNode;
}

export function useDuplicateWarning(): DuplicateWarning {
  const [warning, setWarning] = useState<{ failure: Failure; probe: Probe } | null>(null);
  const [confirmed, setConfirmed] = useState(false);
  return {
    acknowledgement: warning && confirmed ? { acknowledgeDuplicates: true } : {},
    caught(failure, probe) {
      if (failure.code !== "CONFIRMATION_REQUIRED") return false;
      setWarning({ failure, probe });
      setConfirmed(false);
      return true;
    },
    alert: warning ? <Candidates failure={warning.failure} probe={warning.probe} confirmed={confirmed} onConfirm={setConfirmed} /> : null,
  };
}

function Candidates({
  failure,
  probe,
  confirmed,
  onConfirm,
}: {
  failure: Failure;
  probe: Probe;
  confirmed: boolean;
  onConfirm(v: boolean): void;
}) {
  const { t } = useTranslation("person");
  const { data } = useQuery(DuplicatesQuery, { variables: probe, fetchPolicy: "network-only" });
  const people = data?.possibleDuplicatePeople ?? [];
  return (
    <Alert color="yellow" icon={<IconAlertTriangle aria-hidden />} title={t("duplicates.title")} role="alert">
      <Stack gap="xs">
        {failure.issues.map((issue) => (
          <Text key={issue.path} size="sm">
            {localized(issue, currentLanguage())}
          </Text>
        ))}
        {people.length > 0 ? (
          <List size="sm" spacing={4}>
            {people.map((p) => {
              const groups = (p.memberships ?? []).filter((m) => m.isCurrent).map((m) => m.group.name);
              return (
                <List.Item key={p.id}>
                  <Anchor component={Link} to={`/people/${p.id}`} target="_blank" size="sm" fw={600}>
                    {p.name}
                    {p.legalNameKana ? `（${p.legalNameKana}）` : ""}
                  </Anchor>
                  {groups.length ? (
                    <Text span size="xs" c="dimmed">
                      {" "}
                      {groups.join("、")}
                    </Text>
                  ) : null}
                </List.Item>
              );
            })}
          </List>
        ) : null}
        <Checkbox label={t("duplicates.confirm")} checked={confirmed} onChange={(e) => onConfirm(e.currentTarget.checked)} />
      </Stack>
    </Alert>
  );
}
