// 下書き / 提出済み / 承認済み / 差し戻し, in colours that keep 4.5:1 contrast with their text.
import { Badge } from "@mantine/core";
import { useTranslation } from "react-i18next";

const COLOR = { DRAFT: "gray.7", SUBMITTED: "blue.8", APPROVED: "teal.9", REJECTED: "red.9" } as const;

export function StatusBadge({ status }: { status: keyof typeof COLOR }) {
  const { t } = useTranslation("activity-log");
  return (
    <Badge variant="filled" miw="max-content" color={COLOR[status]}>
      {t(`status.${status}`)}
    </Badge>
  );
}

export function UninsuredBadge({ count }: { count: number }) {
  const { t } = useTranslation("activity-log");
  if (count === 0) return null;
  return (
    <Badge variant="filled" miw="max-content" color="yellow.4" c="dark.9">
      {t("uninsured", { count })}
    </Badge>
  );
}
