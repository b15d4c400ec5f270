// シフト: one slot of an event — capacity, places left (残り n 名), the confirmed sign-ups and the
// waitlist (キャンセル待ち) in order. A member of the 部会 is signed up from the roster (五十音順);
// cancelling a confirmed place moves the first person waiting up, and the card says who. After the
// event, attendance (出席) is ticked here.
import {
  Alert,
  Badge,
  Button,
  Checkbox,
  Group,
  NumberInput,
  Paper,
  Select,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
  Title,
} from "@mantine/core";
import { TimeInput } from "@mantine/dates";
import { useForm } from "@mantine/form";
import { IconArrowUp } from "@tabler/icons-react";
import { useState } from "react";
import { useTranslation } from "react-i18next";

import { CalendarDateInput } from "../../components/CalendarDateInput.tsx";
import { FailureAlert } from "../../components/FailureAlert.tsx";
import { useNameWarning } from "../../components/NameWarning.tsx";
import { graphql, readFragment, type FragmentOf } from "../../graphql.ts";
import { japanInstant } from "../../lib/dates.ts";
import { applyFailure, currentLanguage, notifyFailure, notifySaved } from "../../lib/form.ts";
import { required } from "../../lib/required.ts";
import { localized, type Failure } from "../../lib/result.ts";
import { useAddShiftMutation } from "../../mutations/useAddShiftMutation.ts";
import { useCancelSignUpMutation } from "../../mutations/useCancelSignUpMutation.ts";
import { useMarkAttendanceMutation } from "../../mutations/useMarkAttendanceMutation.ts";
import { useSignUpMutation } from "../../mutations/useSignUpMutation.ts";
import { formatTimes, japanDay } from "./format.ts";
import type { Member } from "./members.ts";
import { ShiftSignUps } from "./sign-ups.ts";

export const ShiftCard_shift = graphql(
  `
    fragment ShiftCard_shift on Shift {
      id
      title
      startsAt
      endsAt
      capacity
      ...ShiftSignUps
    }
  `,
  [ShiftSignUps],
);

type SignUp = { id: string; person: { id: string; name: string | null } | null };

export function ShiftCard({
  shift: ref,
  members,
  editable,
  started,
  date,
}: {
  shift: FragmentOf<typeof ShiftCard_shift>;
  members: Member[];
  /** not cancelled */
  editable: boolean;
  /** the event has begun: attendance can be taken */
  started: boolean;
  date: (day: string) => string;
}) {
  const { t } = useTranslation("event");
  const shift = readFragment(ShiftCard_shift, ref);
  const [promoted, setPromoted] = useState<string[]>([]);
  const headingId = `shift-${shift.id}`;
  const nameOf = (s: SignUp) => s.person?.name ?? t("hiddenName");
  return (
    <Paper withBorder p="md" component="section" aria-labelledby={headingId} data-testid="shift">
      <Stack gap="sm">
        <Group justify="space-between" align="flex-start" wrap="wrap" gap="xs">
          <div style={{ minWidth: 0 }}>
            <Title order={3} size="h4" id={headingId} style={{ overflowWrap: "anywhere" }}>
              {shift.title}
            </Title>
            <Text size="sm">
              {date(japanDay(shift.startsAt))} {formatTimes(shift.startsAt, shift.endsAt)}
            </Text>
          </div>
          <Group gap="xs">
            <Badge variant="outline" color="gray.7" miw="max-content">
              {t("shifts.capacity", { count: shift.capacity })}
            </Badge>
            <Badge variant="filled" color={shift.placesLeft === 0 ? "red.9" : "teal.9"} miw="max-content" data-testid="shift-places-left">
              {t("shifts.placesLeft", { count: shift.placesLeft })}
            </Badge>
          </Group>
        </Group>

        {promoted.length ? (
          <Alert color="teal" icon={<IconArrowUp aria-hidden />} role="status" data-testid="promoted">
            {t("shifts.promoted", { names: promoted.join("、") })}
          </Alert>
        ) : null}

        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <SignUpList
            id={`${headingId}-confirmed`}
            testId="confirmed"
            title={t("shifts.confirmed", { count: shift.confirmed.length })}
            empty={t("shifts.noConfirmed")}
            signUps={shift.confirmed}
            nameOf={nameOf}
            editable={editable}
            onCancelled={(names) => setPromoted(names)}
          />
          <SignUpList
            id={`${headingId}-waitlist`}
            testId="waitlist"
            title={t("shifts.waitlist", { count: shift.waitlist.length })}
            empty={t("shifts.noWaitlist")}
            signUps={shift.waitlist}
            nameOf={nameOf}
            editable={editable}
            onCancelled={() => setPromoted([])}
          />
        </SimpleGrid>

        {editable ? (
          <SignUpForm
            shiftId={shift.id}
            full={shift.placesLeft === 0}
            members={members.filter((m) => ![...shift.confirmed, ...shift.waitlist].some((s) => s.person?.id === m.id))}
            onSignedUp={() => setPromoted([])}
          />
        ) : null}
        {editable && started && shift.confirmed.length > 0 ? (
          // a new confirmed list (sign-up, cancellation) starts the ticks afresh from what is saved
          <AttendanceForm
            key={shift.confirmed.map((s) => `${s.id}:${s.attended}`).join()}
            shiftId={shift.id}
            confirmed={shift.confirmed}
            nameOf={nameOf}
          />
        ) : null}
      </Stack>
    </Paper>
  );
}

function SignUpList({
  id,
  testId,
  title,
  empty,
  signUps,
  nameOf,
  editable,
  onCancelled,
}: {
  id: string;
  testId: string;
  title: string;
  empty: string;
  signUps: readonly SignUp[];
  nameOf(s: SignUp): string;
  editable: boolean;
  /** with the names of the people who moved up from the waitlist */
  onCancelled(promoted: string[]): void;
}) {
  const { t } = useTranslation("event");
  const [run] = useCancelSignUpMutation();
  const [busy, setBusy] = useState<string | null>(null);
  const cancel = async (s: SignUp) => {
    setBusy(s.id);
    const outcome = await run({ signUpId: s.id });
    setBusy(null);
    if (!outcome.ok) {
      notifyFailure(outcome.error);
      return;
    }
    // the answer lists the shift's confirmed sign-ups after the cancellation: anyone new moved up
    const before = new Set(signUps.map((x) => x.id));
    const promoted = outcome.data.shift.confirmed.filter((x) => !before.has(x.id)).map((x) => x.person?.name ?? t("hiddenName"));
    onCancelled(promoted);
    notifySaved(t("shifts.cancelled", { name: nameOf(s) }));
  };
  return (
    <div data-testid={testId}>
      <Title order={4} size="h6" id={id} mb={4}>
        {title}
      </Title>
      {signUps.length === 0 ? (
        <Text size="sm" c="dimmed">
          {empty}
        </Text>
      ) : (
        <Stack component="ol" gap={4} aria-labelledby={id} m={0} p={0} style={{ listStyle: "none" }}>
          {signUps.map((s, i) => (
            <Group component="li" key={s.id} justify="space-between" wrap="nowrap" gap="xs" data-testid="sign-up">
              <Text size="sm" style={{ overflowWrap: "anywhere" }}>
                {i + 1}. {nameOf(s)}
              </Text>
              {editable ? (
                <Button
                  size="compact-sm"
                  variant="default"
                  loading={busy === s.id}
                  onClick={() => void cancel(s)}
                  aria-label={t("shifts.cancelFor", { name: nameOf(s) })}
                >
                  {t("shifts.cancel")}
                </Button>
              ) : null}
            </Group>
          ))}
        </Stack>
      )}
    </div>
  );
}

function SignUpForm({ shiftId, full, members, onSignedUp }: { shiftId: string; full: boolean; members: Member[]; onSignedUp(): void }) {
  const { t } = useTranslation("event");
  const [run] = useSignUpMutation();
  const [personId, setPersonId] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const submit = async () => {
    if (!personId) {
      setError(t("required.person"));
      return;
    }
    setError(null);
    setBusy(true);
    const outcome = await run({ shiftId, personId });
    setBusy(false);
    if (!outcome.ok) {
      setError(applyFailureMessage(outcome.error));
      return;
    }
    setPersonId(null);
    onSignedUp();
    const name = outcome.data.person?.name ?? t("hiddenName");
    notifySaved(t(outcome.data.status === "WAITLISTED" ? "shifts.signedUpWaitlisted" : "shifts.signedUpConfirmed", { name }));
  };
  return (
    <Group align="flex-end" wrap="wrap" gap="xs">
      <Select
        label={t("shifts.person")}
        description={full ? t("shifts.fullHint") : t("shifts.personHint")}
        searchable
        data={members.map((m) => ({ value: m.id, label: m.name }))}
        value={personId}
        onChange={setPersonId}
        error={error}
        nothingFoundMessage={t("shifts.noOneLeft")}
        style={{ flex: "1 1 220px" }}
      />
      <Button onClick={() => void submit()} loading={busy} variant={full ? "default" : "filled"}>
        {full ? t("shifts.signUpWaitlist") : t("shifts.signUp")}
      </Button>
    </Group>
  );
}

/** a sign-up's failure has no form field of its own: every issue goes under the person picker */
function applyFailureMessage(failure: Failure): string {
  const language = currentLanguage();
  return failure.issues.length ? failure.issues.map((i) => localized(i, language)).join(" / ") : localized(failure, language);
}

function AttendanceForm({
  shiftId,
  confirmed,
  nameOf,
}: {
  shiftId: string;
  confirmed: ReadonlyArray<SignUp & { attended: boolean | null }>;
  nameOf(s: SignUp): string;
}) {
  const { t } = useTranslation("event");
  const [run] = useMarkAttendanceMutation();
  const [attended, setAttended] = useState<string[]>(() =>
    confirmed.filter((s) => s.attended !== false).flatMap((s) => (s.person ? [s.person.id] : [])),
  );
  const [busy, setBusy] = useState(false);
  const taken = confirmed.some((s) => s.attended !== null);
  const save = async () => {
    setBusy(true);
    const outcome = await run({ shiftId, attendedPersonIds: attended });
    setBusy(false);
    if (outcome.ok) notifySaved(t("attendance.saved", { count: attended.length }));
    else notifyFailure(outcome.error);
  };
  return (
    <Paper withBorder p="sm" bg="gray.0">
      <Checkbox.Group
        label={t("attendance.title")}
        description={taken ? t("attendance.taken") : t("attendance.hint")}
        value={attended}
        onChange={setAttended}
      >
        <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="xs" mt="xs">
          {confirmed.map((s) => (s.person ? <Checkbox key={s.id} value={s.person.id} label={nameOf(s)} /> : null))}
        </SimpleGrid>
      </Checkbox.Group>
      <Group justify="flex-end" mt="sm">
        <Button variant="default" onClick={() => void save()} loading={busy}>
          {t("attendance.save")}
        </Button>
      </Group>
    </Paper>
  );
}

/** シフトを追加: on the event's day by default */
export function AddShiftForm({ eventId, eventDay }: { eventId: string; eventDay: string }) {
  const { t } = useTranslation("event");
  const [run] = useAddShiftMutation();
  const [alert, setAlert] = useState<string | null>(null);
  const nameWarning = useNameWarning();
  const form = useForm({
    initialValues: { title: "", date: eventDay as string | null, startTime: "", endTime: "", capacity: 4 as number | string },
    validate: {
      title: (v) => (v.trim() ? null : t("required.shiftTitle")),
      date: (v) => (v ? null : t("required.date")),
      startTime: (v) => (v ? null : t("required.time")),
      endTime: (v) => (v ? null : t("required.time")),
      capacity: (v) => (v === "" ? t("required.capacity") : null),
    },
  });
  const submit = form.onSubmit(async (v) => {
    setAlert(null);
    const outcome = await run({
      input: {
        eventId,
        title: v.title,
        startsAt: japanInstant(required(v.date, "date"), v.startTime),
        endsAt: japanInstant(required(v.date, "date"), v.endTime),
        capacity: Number(v.capacity),
        ...nameWarning.acknowledgement,
      },
    });
    if (!outcome.ok) {
      if (!nameWarning.caught(outcome.error))
        setAlert(applyFailure(form, outcome.error, { fields: { startsAt: "startTime", endsAt: "endTime" } }));
      return;
    }
    notifySaved(t("shifts.added", { title: outcome.data.title }));
    form.reset();
  });
  return (
    <Paper withBorder p="md" component="form" onSubmit={submit} noValidate aria-labelledby="add-shift">
      <Title order={3} size="h5" id="add-shift" mb="xs">
        {t("shifts.add")}
      </Title>
      <Stack gap="sm">
        <FailureAlert message={alert} />
        <SimpleGrid cols={{ base: 1, xs: 2 }}>
          <TextInput label={t("field.shiftTitle")} required placeholder={t("shifts.titlePlaceholder")} {...form.getInputProps("title")} />
          <NumberInput
            label={t("field.capacity")}
            required
            min={0}
            max={1000}
            inputMode="numeric"
            suffix={t("shifts.peopleSuffix")}
            {...form.getInputProps("capacity")}
          />
        </SimpleGrid>
        <SimpleGrid cols={{ base: 1, xs: 3 }}>
          <CalendarDateInput label={t("field.date")} required {...form.getInputProps("date")} />
          <TimeInput label={t("field.startTime")} required {...form.getInputProps("startTime")} />
          <TimeInput label={t("field.endTime")} required {...form.getInputProps("endTime")} />
        </SimpleGrid>
        {nameWarning.alert}
        <Group justify="flex-end">
          <Button type="submit" loading={form.submitting}>
            {t("shifts.addSubmit")}
          </Button>
        </Group>
      </Stack>
    </Paper>
  );
}
