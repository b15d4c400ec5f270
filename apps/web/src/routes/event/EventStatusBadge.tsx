// 予定 / 実施済み / 中止, in colours that keep 4.5:1 contrast with their text.
import { Badge } from "@mantine/core";
import { useTranslation } from "react-i18next";

const COLOR = { PLANNED: "blue.8", HELD: "teal.9", CANCELLED: "red.9" } as const;

export function EventStatusBadge({ status }: { status: keyof typeof COLOR }) {
  const { t } = useTranslation("event");
  return (
    <Badge variant="filled" miw="max-content" color={COLOR[status]}>
      {t(`status.${status}`)}
    </Badge>
  );
}
