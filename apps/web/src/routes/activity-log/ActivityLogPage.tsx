// 活動記録の詳細: one log, its participants, the reason it was returned and its 訂正履歴; an edit
// button when the API says the viewer may edit it (ActivityLog.viewerCanEdit).
import { Anchor, Stack } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { Link, useParams } from "react-router";

import { PageTitle } from "../../components/PageTitle.tsx";
import { required } from "../../lib/required.ts";
import { LogDetails } from "./LogDetails.tsx";

export function Component() {
  const { t } = useTranslation("activity-log");
  const id = required(useParams().id, "route param id");
  return (
    <>
      <PageTitle title={t("detail.title")} />
      <Stack maw={880}>
        <Anchor component={Link} to="/activity-logs" size="sm">
          {t("new.backToList")}
        </Anchor>
        <LogDetails id={id} />
      </Stack>
    </>
  );
}
