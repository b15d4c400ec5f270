import { Text } from "@mantine/core";
import { useTranslation } from "react-i18next";

import { useViewer } from "../../app/session.tsx";
import { PageTitle } from "../../components/PageTitle.tsx";

export function Component() {
  const { t } = useTranslation("dashboard");
  const { viewer } = useViewer();
  return (
    <>
      <PageTitle title={t("title")} />
      <Text>{t("welcome", { name: viewer?.name })}</Text>
    </>
  );
}
