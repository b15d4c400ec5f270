// The API's CONFIRMATION_REQUIRED answer for juvenile-programme text (a personal name seems to stand
// next to a participant's code): nothing was saved; the form shows the warning with a checkbox, and
// the next save sends `acknowledgeNameWarning: true` only once the user has ticked it. One hook for
// every form whose input has `acknowledgeNameWarning` (activity logs, events, shifts, tasks,
// minutes, thank-yous).
import { Alert, Checkbox, Stack, Text } from "@mantine/core";
import { IconAlertTriangle } from "@tabler/icons-react";
import { useState, type ReactNode } from "react";
import { useTranslation } from "react-i18next";

import { currentLanguage } from "../lib/form.ts";
import { localized, type Failure } from "../lib/result.ts";

export interface NameWarning {
  /** spread into the mutation's input: `{ acknowledgeNameWarning: true }` once confirmed, else nothing */
  acknowledgement: { acknowledgeNameWarning?: true };
  /** true (and the warning is shown) when the failure is the API asking for that confirmation */
  caught(failure: Failure): boolean;
  /** the warning with its checkbox, or null: put it above the form's buttons */
  alert: ReactNode;
}

export function useNameWarning(): NameWarning {
  const { t } = useTranslation();
  const [warning, setWarning] = useState<Failure | null>(null);
  const [notAName, setNotAName] = useState(false);
  return {
    acknowledgement: warning && notAName ? { acknowledgeNameWarning: true } : {},
    caught(failure) {
      if (failure.code !== "CONFIRMATION_REQUIRED") return false;
      setWarning(failure);
      setNotAName(false);
      return true;
    },
    alert: warning ? (
      <Alert color="yellow" icon={<IconAlertTriangle aria-hidden />} title={t("nameWarning.title")} role="alert">
        <Stack gap="xs">
          {warning.issues.map((issue) => (
            <Text key={issue.path} size="sm">
              {localized(issue, currentLanguage())}
            </Text>
          ))}
          <Checkbox label={t("nameWarning.confirm")} checked={notAName} onChange={(e) => setNotAName(e.currentTarget.checked)} />
        </Stack>
      </Alert>
    ) : null,
  };
}
