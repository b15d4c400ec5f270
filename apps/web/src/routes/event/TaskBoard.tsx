// タスク: a two-column board, 未完了 and 完了; ticking a task moves it. A task has an assignee (a
// member of the 部会) and a due date; new tasks are added below.
import { Badge, Button, Checkbox, Group, Paper, Select, SimpleGrid, Stack, Text, TextInput, Title } from "@mantine/core";
import { useForm } from "@mantine/form";
import { useState } from "react";
import { useTranslation } from "react-i18next";

import { useDates } from "../../app/dates.ts";
import { CalendarDateInput } from "../../components/CalendarDateInput.tsx";
import { FailureAlert } from "../../components/FailureAlert.tsx";
import { useNameWarning } from "../../components/NameWarning.tsx";
import { EmptyState } from "../../components/States.tsx";
import { graphql, readFragment, type FragmentOf, type ResultOf } from "../../graphql.ts";
import { todayInJapan } from "../../lib/dates.ts";
import { applyFailure, notifyFailure } from "../../lib/form.ts";
import { useAddEventTaskMutation } from "../../mutations/useAddEventTaskMutation.ts";
import { useUpdateEventTaskMutation } from "../../mutations/useUpdateEventTaskMutation.ts";
import type { Member } from "./members.ts";

export const TaskBoard_event = graphql(`
  fragment TaskBoard_event on Event {
    id
    status
    tasks {
      id
      title
      done
      dueOn
      assignee {
        id
        name
      }
    }
  }
`);

type Task = ResultOf<typeof TaskBoard_event>["tasks"][number];

export function TaskBoard({ event: ref, members }: { event: FragmentOf<typeof TaskBoard_event>; members: Member[] }) {
  const { t } = useTranslation("event");
  const event = readFragment(TaskBoard_event, ref);
  const open = event.tasks.filter((task) => !task.done);
  const done = event.tasks.filter((task) => task.done);
  const editable = event.status !== "CANCELLED";
  return (
    <Stack>
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <TaskColumn
          id="tasks-open"
          title={t("tasks.open", { count: open.length })}
          tasks={open}
          empty={t("tasks.noneOpen")}
          editable={editable}
        />
        <TaskColumn
          id="tasks-done"
          title={t("tasks.done", { count: done.length })}
          tasks={done}
          empty={t("tasks.noneDone")}
          editable={editable}
        />
      </SimpleGrid>
      {editable ? <AddTaskForm eventId={event.id} members={members} /> : null}
    </Stack>
  );
}

function TaskColumn({ id, title, tasks, empty, editable }: { id: string; title: string; tasks: Task[]; empty: string; editable: boolean }) {
  return (
    <Paper withBorder p="sm" bg="gray.0" component="section" aria-labelledby={id} data-testid={id}>
      <Title order={3} size="h5" id={id} mb="xs">
        {title}
      </Title>
      {tasks.length === 0 ? (
        <EmptyState>{empty}</EmptyState>
      ) : (
        <Stack gap="xs">
          {tasks.map((task) => (
            <TaskItem key={task.id} task={task} editable={editable} />
          ))}
        </Stack>
      )}
    </Paper>
  );
}

function TaskItem({ task, editable }: { task: Task; editable: boolean }) {
  const { t } = useTranslation("event");
  const { date } = useDates();
  const [run] = useUpdateEventTaskMutation();
  const [busy, setBusy] = useState(false);
  const overdue = !task.done && task.dueOn !== null && task.dueOn < todayInJapan();
  const toggle = async () => {
    setBusy(true);
    const outcome = await run({ input: { id: task.id, done: !task.done } });
    setBusy(false);
    if (!outcome.ok) notifyFailure(outcome.error);
  };
  return (
    <Paper withBorder p="xs" data-testid="task">
      <Checkbox
        checked={task.done}
        disabled={!editable || busy}
        onChange={() => void toggle()}
        label={
          <Text span size="sm" td={task.done ? "line-through" : undefined} style={{ overflowWrap: "anywhere" }}>
            {task.title}
          </Text>
        }
        description={
          <Group component="span" gap="xs" wrap="wrap">
            <span>{task.assignee ? t("tasks.assignee", { name: task.assignee.name ?? t("hiddenName") }) : t("tasks.unassigned")}</span>
            {task.dueOn ? <span>{t("tasks.due", { date: date(task.dueOn) })}</span> : null}
            {overdue ? (
              <Badge component="span" size="sm" variant="filled" color="red.9">
                {t("tasks.overdue")}
              </Badge>
            ) : null}
          </Group>
        }
      />
    </Paper>
  );
}

function AddTaskForm({ eventId, members }: { eventId: string; members: Member[] }) {
  const { t } = useTranslation("event");
  const [run] = useAddEventTaskMutation();
  const [alert, setAlert] = useState<string | null>(null);
  const nameWarning = useNameWarning();
  const form = useForm({
    initialValues: { title: "", assigneeId: null as string | null, dueOn: null as string | null },
    validate: { title: (v) => (v.trim() ? null : t("required.taskTitle")) },
  });
  const submit = form.onSubmit(async (v) => {
    setAlert(null);
    const outcome = await run({
      input: { eventId, title: v.title, assigneeId: v.assigneeId, dueOn: v.dueOn, ...nameWarning.acknowledgement },
    });
    if (!outcome.ok) {
      if (!nameWarning.caught(outcome.error)) setAlert(applyFailure(form, outcome.error));
      return;
    }
    form.reset();
  });
  return (
    <Paper withBorder p="sm" component="form" onSubmit={submit} noValidate aria-labelledby="add-task">
      <Title order={3} size="h5" id="add-task" mb="xs">
        {t("tasks.add")}
      </Title>
      <Stack gap="sm">
        <FailureAlert message={alert} />
        <TextInput label={t("field.taskTitle")} required {...form.getInputProps("title")} />
        <SimpleGrid cols={{ base: 1, xs: 2 }}>
          <Select
            label={t("field.assignee")}
            searchable
            clearable
            data={members.map((m) => ({ value: m.id, label: m.name }))}
            {...form.getInputProps("assigneeId")}
          />
          <CalendarDateInput label={t("field.dueOn")} clearable {...form.getInputProps("dueOn")} />
        </SimpleGrid>
        {nameWarning.alert}
        <Group justify="flex-end">
          <Button type="submit" loading={form.submitting}>
            {t("tasks.addSubmit")}
          </Button>
        </Group>
      </Stack>
    </Paper>
  );
}
