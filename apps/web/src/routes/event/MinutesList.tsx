// 議事録の一覧: newest first; each opens to its text.
import { Accordion, Text } from "@mantine/core";

import { useDates } from "../../app/dates.ts";
import { EmptyState } from "../../components/States.tsx";
import { graphql, readFragment, type FragmentOf } from "../../graphql.ts";

export const MinutesList_minutes = graphql(`
  fragment MinutesList_minutes on MeetingMinutes {
    id
    heldOn
    title
    body
  }
`);

export function MinutesList({
  minutes: refs,
  empty,
  headingOrder,
}: {
  minutes: ReadonlyArray<FragmentOf<typeof MinutesList_minutes>>;
  empty: string;
  headingOrder: 2 | 3;
}) {
  const { date } = useDates();
  const minutes = refs.map((ref) => readFragment(MinutesList_minutes, ref));
  if (minutes.length === 0) return <EmptyState>{empty}</EmptyState>;
  return (
    <Accordion variant="separated" order={headingOrder} data-testid="minutes-list">
      {minutes.map((m) => (
        <Accordion.Item key={m.id} value={m.id}>
          <Accordion.Control>
            <Text size="sm" c="dimmed" component="span" display="block">
              {date(m.heldOn)}
            </Text>
            <Text fw={600} component="span" display="block" style={{ overflowWrap: "anywhere" }}>
              {m.title}
            </Text>
          </Accordion.Control>
          <Accordion.Panel>
            <Text size="sm" style={{ whiteSpace: "pre-wrap", overflowWrap: "anywhere" }}>
              {m.body}
            </Text>
          </Accordion.Panel>
        </Accordion.Item>
      ))}
    </Accordion>
  );
}
