// イベントを作成: the event form (EventForm.tsx) with the group to plan it for — the one asked for
// in the address, or the viewer's only group — then on to the new event's page.
import { Anchor, Stack } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { Link, useNavigate, useSearchParams } from "react-router";

import { PageTitle } from "../../components/PageTitle.tsx";
import { QueryState } from "../../components/States.tsx";
import { notifySaved } from "../../lib/form.ts";
import { required } from "../../lib/required.ts";
import { useCreateEventMutation } from "../../mutations/useCreateEventMutation.ts";
import { EventForm } from "./EventForm.tsx";
import { useEventGroups, type EventGroup } from "./groups.ts";

export function Component() {
  const { t } = useTranslation("event");
  const { groups, loading, error, refetch } = useEventGroups();
  return (
    <>
      <PageTitle title={t("create.title")} />
      <Stack maw={720}>
        <Anchor component={Link} to="/events" size="sm">
          {t("backToList")}
        </Anchor>
        <QueryState
          loading={loading}
          error={error}
          onRetry={() => void refetch()}
          empty={groups.length === 0}
          emptyText={t("list.noGroups")}
        >
          <CreateEventForm groups={groups} />
        </QueryState>
      </Stack>
    </>
  );
}

function CreateEventForm({ groups }: { groups: EventGroup[] }) {
  const { t } = useTranslation("event");
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const [run] = useCreateEventMutation();
  const requested = params.get("groupId");
  const initialGroup = groups.find((g) => g.id === requested)?.id ?? (groups.length === 1 ? (groups[0]?.id ?? null) : null);
  return (
    <EventForm
      groups={groups}
      initialValues={{ groupId: initialGroup, title: "", date: null, startTime: "10:00", endTime: "15:00", place: "", description: "" }}
      submitLabel={t("create.submit")}
      cancel={{ to: "/events" }}
      onSubmit={async (fields, groupId) => {
        const outcome = await run({ input: { ...fields, groupId: required(groupId, "groupId") } });
        if (!outcome.ok) return outcome.error;
        notifySaved(t("create.saved", { title: outcome.data.title }));
        void navigate(`/events/${outcome.data.id}`);
        return null;
      }}
    />
  );
}
