// CSVで一括登録: choose the school's Excel file (UTF-8 or Shift_JIS: sent as its bytes) → a preview
// that marks each bad row before anything is saved → import, all rows or none.
import { useApolloClient, useQuery } from "@apollo/client/react";
import { Alert, Anchor, Badge, Button, FileInput, List, Stack, Table, Text, Title } from "@mantine/core";
import { IconDownload, IconFileTypeCsv } from "@tabler/icons-react";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useNavigate, useParams } from "react-router";

import { FailureAlert } from "../../components/FailureAlert.tsx";
import { PageTitle } from "../../components/PageTitle.tsx";
import { ScrollTable } from "../../components/ScrollTable.tsx";
import { LoadingState } from "../../components/States.tsx";
import { graphql, type ResultOf } from "../../graphql.ts";
import { downloadText } from "../../lib/download.ts";
import { notifySaved } from "../../lib/form.ts";
import { localized } from "../../lib/result.ts";
import { useImportChildVolunteersMutation } from "../../mutations/useImportChildVolunteersMutation.ts";
import { IMPORT_COLUMNS, TEMPLATE_FILENAME, templateCsv, toBase64 } from "./csv-template.ts";

const GroupNameQuery = graphql(`
  query ImportChildrenGroup($groupId: ID!) {
    group(id: $groupId) {
      id
      name
    }
  }
`);

const PreviewQuery = graphql(`
  query PreviewChildVolunteerImport($groupId: ID!, $csv: String!) {
    previewChildVolunteerImport(groupId: $groupId, csv: $csv, encoding: BASE64) {
      canImport
      charset
      rowCount
      validCount
      invalidCount
      columns {
        header
        field
      }
      fileIssues {
        path
        message
        messageEn
      }
      rows {
        rowNumber
        status
        legalName
        legalNameKana
        grade
        guardianName
        guardianRelation
        activityConsent
        photoConsent
        issues {
          path
          column
          message
          messageEn
        }
      }
    }
  }
`);

type Preview = NonNullable<ResultOf<typeof PreviewQuery>["previewChildVolunteerImport"]>;

export function Component() {
  const { t, i18n } = useTranslation("child-volunteer");
  const { groupId = "" } = useParams();
  const navigate = useNavigate();
  const client = useApolloClient();
  const { data } = useQuery(GroupNameQuery, { variables: { groupId } });
  const [file, setFile] = useState<File | null>(null);
  const [base64, setBase64] = useState<string | null>(null);
  const [preview, setPreview] = useState<Preview | null>(null);
  const [checking, setChecking] = useState(false);
  const [alert, setAlert] = useState<string | null>(null);
  const [run, { loading: importing }] = useImportChildVolunteersMutation();
  const language = i18n.resolvedLanguage ?? "ja";

  const choose = async (chosen: File | null) => {
    setFile(chosen);
    setPreview(null);
    setAlert(null);
    setBase64(null);
    if (!chosen) return;
    setChecking(true);
    try {
      const csv = toBase64(new Uint8Array(await chosen.arrayBuffer()));
      const result = await client.query({ query: PreviewQuery, variables: { groupId, csv }, fetchPolicy: "no-cache" });
      if (result.error || !result.data?.previewChildVolunteerImport) throw result.error ?? new Error("no preview");
      setBase64(csv);
      setPreview(result.data.previewChildVolunteerImport);
    } catch (error) {
      setAlert(t("import.previewFailed", { detail: error instanceof Error ? error.message : String(error) }));
    } finally {
      setChecking(false);
    }
  };

  const doImport = async () => {
    if (!base64) return;
    setAlert(null);
    const outcome = await run({ groupId, csv: base64, encoding: "BASE64" });
    if (!outcome.ok) {
      const issues = outcome.error.issues.map((i) => localized(i, language));
      setAlert(issues.length ? issues.join("\n") : localized(outcome.error, language));
      return;
    }
    notifySaved(t("import.done", { count: outcome.data.length }));
    void navigate(`/child-volunteers/${groupId}`);
  };

  return (
    <>
      <PageTitle title={t("import.title")} />
      <Stack>
        <Text>
          {data?.group?.name}{" "}
          <Anchor component={Link} to={`/child-volunteers/${groupId}`} size="sm">
            {t("backToList")}
          </Anchor>
        </Text>
        <section aria-labelledby="csv-format">
          <Stack gap="xs">
            <Title order={2} size="h4" id="csv-format">
              {t("import.formatHeading")}
            </Title>
            <Text size="sm">{t("import.formatIntro")}</Text>
            <List size="sm" spacing={2}>
              {IMPORT_COLUMNS.map((c) => (
                <List.Item key={c.key}>
                  <Text span fw={c.required ? 700 : 400} size="sm">
                    {c.header}
                  </Text>
                  {c.required ? <Text span size="sm">{` ${t("import.required")}`}</Text> : null}
                  <Text span size="sm" c="dimmed">{` — ${t(`import.column.${c.key}`)}`}</Text>
                </List.Item>
              ))}
            </List>
            <Text size="sm" c="dimmed">
              {t("import.consentNote")}
            </Text>
            <Button
              variant="default"
              leftSection={<IconDownload size={18} aria-hidden />}
              onClick={() => downloadText(TEMPLATE_FILENAME, templateCsv())}
              style={{ alignSelf: "flex-start" }}
            >
              {t("import.template")}
            </Button>
          </Stack>
        </section>
        <FileInput
          label={t("import.file")}
          description={t("import.fileHint")}
          accept=".csv,text/csv"
          value={file}
          onChange={(f) => void choose(f)}
          clearable
          clearButtonProps={{ "aria-label": t("import.clearFile") }}
          leftSection={<IconFileTypeCsv size={18} aria-hidden />}
          maw={480}
        />
        <FailureAlert message={alert} />
        {checking ? <LoadingState label={t("import.checking")} /> : null}
        {preview ? <PreviewView preview={preview} language={language} importing={importing} onImport={() => void doImport()} /> : null}
      </Stack>
    </>
  );
}

function PreviewView({
  preview,
  language,
  importing,
  onImport,
}: {
  preview: Preview;
  language: string;
  importing: boolean;
  onImport(): void;
}) {
  const { t } = useTranslation("child-volunteer");
  const consent = (v: boolean | null) => (v === null ? t("import.noForm") : v ? t("consent.granted") : t("consent.refused"));
  return (
    <section aria-labelledby="import-preview">
      <Stack>
        <Title order={2} size="h4" id="import-preview">
          {t("import.previewHeading")}
        </Title>
        <Text size="sm" role="status">
          {t("import.summary", {
            rows: preview.rowCount,
            valid: preview.validCount,
            invalid: preview.invalidCount,
            charset: preview.charset,
          })}
        </Text>
        {preview.fileIssues.length ? (
          <Alert color="red" role="alert" title={t("import.fileProblems")}>
            <List size="sm">
              {preview.fileIssues.map((i) => (
                <List.Item key={i.path + i.message}>{localized(i, language)}</List.Item>
              ))}
            </List>
          </Alert>
        ) : null}
        {preview.canImport ? (
          <Alert color="teal" title={t("import.allValid")}>
            <Stack gap="xs" align="flex-start">
              <Text size="sm">{t("import.allValidBody", { count: preview.validCount })}</Text>
              <Button onClick={onImport} loading={importing}>
                {t("import.submit", { count: preview.validCount })}
              </Button>
            </Stack>
          </Alert>
        ) : preview.rows.length ? (
          <Alert color="red" role="alert" title={t("import.hasErrors", { count: preview.invalidCount })}>
            {t("import.hasErrorsBody")}
          </Alert>
        ) : null}
        {preview.rows.length ? (
          <ScrollTable minWidth={820} label={t("import.previewHeading")}>
            <Table verticalSpacing="xs" aria-label={t("import.previewHeading")}>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t("import.row")}</Table.Th>
                  <Table.Th>{t("import.rowStatus")}</Table.Th>
                  <Table.Th>{t("field.legalName")}</Table.Th>
                  <Table.Th>{t("field.grade")}</Table.Th>
                  <Table.Th>{t("field.guardianName")}</Table.Th>
                  <Table.Th>{t("consent.activity")}</Table.Th>
                  <Table.Th>{t("consent.photo")}</Table.Th>
                  <Table.Th>{t("import.problems")}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {preview.rows.map((r) => (
                  <Table.Tr key={r.rowNumber} data-status={r.status} bg={r.status === "VALID" ? undefined : "red.0"}>
                    <Table.Td style={{ whiteSpace: "nowrap" }}>{t("import.rowNumber", { n: r.rowNumber })}</Table.Td>
                    <Table.Td>
                      <Badge variant="filled" miw="max-content" color={r.status === "VALID" ? "teal.9" : "red.9"}>
                        {t(`import.status.${r.status}`)}
                      </Badge>
                    </Table.Td>
                    <Table.Td>
                      <Text size="sm">{r.legalName}</Text>
                      <Text size="xs" c="dimmed">
                        {r.legalNameKana}
                      </Text>
                    </Table.Td>
                    <Table.Td>{r.grade === null ? "—" : t("gradeValue", { grade: r.grade })}</Table.Td>
                    <Table.Td>
                      {r.guardianName}
                      {r.guardianRelation ? `（${r.guardianRelation}）` : ""}
                    </Table.Td>
                    <Table.Td>{consent(r.activityConsent)}</Table.Td>
                    <Table.Td>{consent(r.photoConsent)}</Table.Td>
                    <Table.Td>
                      {r.issues.length ? (
                        <List size="sm" spacing={2} c="red.9">
                          {r.issues.map((i) => (
                            <List.Item key={i.path + i.message}>{localized(i, language)}</List.Item>
                          ))}
                        </List>
                      ) : (
                        "—"
                      )}
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </ScrollTable>
        ) : null}
      </Stack>
    </section>
  );
}
