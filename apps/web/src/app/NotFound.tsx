import { Anchor, Stack, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";

import { PageTitle } from "../components/PageTitle.tsx";

export function NotFound() {
  const { t } = useTranslation();
  return (
    <Stack>
      <PageTitle title={t("notFound.title")} />
      <Text>{t("notFound.body")}</Text>
      <Anchor component={Link} to="/">
        {t("notFound.home")}
      </Anchor>
    </Stack>
  );
}
