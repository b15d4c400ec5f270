// 感謝状 (certificates): the ones the viewer may see, each with its PDF (A4, 和暦, printed by the
// API); staff issue new ones — to a person or a group — with the organisation's next number.
import { useQuery } from "@apollo/client/react";
import { Anchor, Button, Card, Group, Stack, Table, Text, Textarea, TextInput } from "@mantine/core";
import { useForm } from "@mantine/form";
import { IconFileTypePdf } from "@tabler/icons-react";
import { useState } from "react";
import { useTranslation } from "react-i18next";

import { useDates } from "../../app/dates.ts";
import { CalendarDateInput } from "../../components/CalendarDateInput.tsx";
import { FailureAlert } from "../../components/FailureAlert.tsx";
import { ScrollTable } from "../../components/ScrollTable.tsx";
import { QueryState } from "../../components/States.tsx";
import { graphql, type ResultOf } from "../../graphql.ts";
import { todayInJapan } from "../../lib/dates.ts";
import { applyFailure, notifySaved } from "../../lib/form.ts";
import { required } from "../../lib/required.ts";
import { useIssueCertificateMutation } from "../../mutations/useIssueCertificateMutation.ts";
import { RecipientFields, TO_GROUP } from "./RecipientFields.tsx";

const CertificatesQuery = graphql(`
  query Certificates {
    certificates(first: 30) {
      edges {
        node {
          id
          serialNumber
          title
          issuedOn
          recipientKind
          pdfUrl
          person {
            id
            name
          }
          group {
            id
            name
          }
        }
      }
    }
  }
`);

type Certificate = ResultOf<typeof CertificatesQuery>["certificates"]["edges"][number]["node"];

function useRecipientName() {
  const { t } = useTranslation("recognition");
  return (c: Certificate) =>
    c.recipientKind === "JUVENILE_PARTICIPANT" ? t("certificate.juvenile") : (c.person?.name ?? c.group?.name ?? "—");
}

export function CertificateList() {
  const { t } = useTranslation("recognition");
  const { date } = useDates();
  const recipientName = useRecipientName();
  // errorPolicy all: a name the viewer may not see comes back null, not as a failed list
  const { data, loading, error, refetch } = useQuery(CertificatesQuery, { errorPolicy: "all" });
  const rows = data?.certificates.edges.map((e) => e.node) ?? [];
  return (
    <QueryState
      loading={loading && !data}
      error={data ? undefined : error}
      empty={rows.length === 0}
      onRetry={() => void refetch()}
      emptyText={t("certificate.empty")}
    >
      <ScrollTable label={t("certificate.listTitle")} minWidth={560}>
        <Table striped verticalSpacing="xs" aria-label={t("certificate.listTitle")}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t("certificate.number")}</Table.Th>
              <Table.Th scope="col">{t("certificate.recipientColumn")}</Table.Th>
              <Table.Th scope="col">{t("certificate.title")}</Table.Th>
              <Table.Th scope="col">{t("certificate.issuedOn")}</Table.Th>
              <Table.Th scope="col">{t("certificate.pdf")}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.map((c) => {
              const who = recipientName(c);
              return (
                <Table.Tr key={c.id}>
                  <Table.Td style={{ whiteSpace: "nowrap" }}>{t("certificate.serial", { number: c.serialNumber })}</Table.Td>
                  <Table.Td>{who}</Table.Td>
                  <Table.Td>{c.title}</Table.Td>
                  <Table.Td style={{ whiteSpace: "nowrap" }}>{date(c.issuedOn)}</Table.Td>
                  <Table.Td>
                    <Anchor
                      href={c.pdfUrl}
                      download
                      size="sm"
                      aria-label={t("certificate.downloadNamed", { number: c.serialNumber, who })}
                      style={{ whiteSpace: "nowrap" }}
                    >
                      <Group gap={4} wrap="nowrap" component="span">
                        <IconFileTypePdf size={16} aria-hidden />
                        {t("certificate.download")}
                      </Group>
                    </Anchor>
                  </Table.Td>
                </Table.Tr>
              );
            })}
          </Table.Tbody>
        </Table>
      </ScrollTable>
    </QueryState>
  );
}

// a type, not an interface: applyFailure takes a record of fields
type Values = {
  groupId: string | null;
  recipient: string | null;
  title: string;
  body: string;
  issuedOn: string | null;
};

/** 感謝状を発行する (staff) */
export function IssueCertificateForm() {
  const { t } = useTranslation("recognition");
  const [issue, { loading }] = useIssueCertificateMutation();
  const [alert, setAlert] = useState<string | null>(null);
  const form = useForm<Values>({
    initialValues: { groupId: null, recipient: TO_GROUP, title: t("certificate.defaultTitle"), body: "", issuedOn: todayInJapan() },
    validate: {
      groupId: (v) => (v ? null : t("validation.group")),
      title: (v) => (v.trim() ? null : t("validation.title")),
      body: (v) => (v.trim() ? null : t("validation.certificateBody")),
      issuedOn: (v) => (v ? null : t("validation.issuedOn")),
    },
  });
  const submit = form.onSubmit(async (values) => {
    setAlert(null);
    const personId = values.recipient && values.recipient !== TO_GROUP ? values.recipient : null;
    const outcome = await issue({
      input: {
        personId,
        groupId: personId ? null : values.groupId,
        title: values.title,
        body: values.body,
        issuedOn: required(values.issuedOn, "issuedOn"),
      },
    });
    if (!outcome.ok) {
      setAlert(applyFailure(form, outcome.error, { fields: { personId: "recipient", groupId: "groupId" } }));
      return;
    }
    notifySaved(t("certificate.issued", { number: outcome.data.serialNumber }));
    form.setValues({ body: "" });
  });
  return (
    <Card withBorder padding="md">
      <form onSubmit={submit} noValidate aria-labelledby="issue-certificate">
        <Stack gap="sm">
          <Text fw={700} id="issue-certificate" component="h3" m={0}>
            {t("certificate.issueTitle")}
          </Text>
          <FailureAlert message={alert} />
          <RecipientFields
            group={form.getInputProps("groupId") as never}
            recipient={form.getInputProps("recipient") as never}
            groupLabel={t("certificate.group")}
            recipientLabel={t("certificate.recipient")}
            groupOnlyLabel={t("certificate.toGroup")}
          />
          <Group grow align="flex-start" wrap="wrap" gap="sm">
            <TextInput label={t("certificate.title")} required maxLength={30} miw={200} {...form.getInputProps("title")} />
            <CalendarDateInput label={t("certificate.issuedOn")} required miw={200} {...form.getInputProps("issuedOn")} />
          </Group>
          <Textarea
            label={t("certificate.body")}
            description={t("certificate.bodyHint")}
            required
            autosize
            minRows={3}
            maxLength={800}
            {...form.getInputProps("body")}
          />
          <Group>
            <Button type="submit" loading={loading}>
              {t("certificate.issue")}
            </Button>
          </Group>
        </Stack>
      </form>
    </Card>
  );
}
