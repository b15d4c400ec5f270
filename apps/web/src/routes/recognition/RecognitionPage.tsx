// 感謝・表彰 (recognition): write a thank-you (it waits for staff moderation), read the ones the
// viewer may see, the organisation's milestones, and the certificates (感謝状) with their PDFs —
// staff issue new ones here.
import { useQuery } from "@apollo/client/react";
import { Button, SimpleGrid, Stack, Text, Title } from "@mantine/core";
import { IconShieldCheck } from "@tabler/icons-react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";

import { useViewer } from "../../app/session.tsx";
import { PageTitle } from "../../components/PageTitle.tsx";
import { QueryState } from "../../components/States.tsx";
import { graphql } from "../../graphql.ts";
import { CertificateList, IssueCertificateForm } from "./Certificates.tsx";
import { Milestones } from "./Milestones.tsx";
import { SendThankYouForm } from "./SendThankYouForm.tsx";
import { ThankYouCard, ThankYouCard_message } from "./ThankYouCard.tsx";

const ThankYousQuery = graphql(
  `
    query ThankYous($first: Int!) {
      thankYous(first: $first) {
        edges {
          node {
            id
            ...ThankYouCard_message
          }
        }
      }
    }
  `,
  [ThankYouCard_message],
);

export function Component() {
  const { t } = useTranslation("recognition");
  const { viewer } = useViewer();
  const staff = viewer?.isStaff ?? false;
  return (
    <>
      <PageTitle
        title={t("title")}
        actions={
          staff ? (
            <Button component={Link} to="/recognition/moderation" variant="default" leftSection={<IconShieldCheck size={18} aria-hidden />}>
              {t("common:nav.moderation")}
            </Button>
          ) : null
        }
      />
      <Stack gap="xl">
        <section aria-labelledby="send-thank-you">
          <Title order={2} size="h3" id="send-thank-you" mb={4}>
            {t("send.title")}
          </Title>
          <Text size="sm" mb="sm">
            {t("send.intro")}
          </Text>
          <SendThankYouForm />
        </section>

        <section aria-labelledby="thank-yous">
          <Title order={2} size="h3" id="thank-yous" mb={4}>
            {t("thankYou.title")}
          </Title>
          <Text size="sm" mb="sm">
            {staff ? t("thankYou.introStaff") : t("thankYou.intro")}
          </Text>
          <ThankYouList showStatus={staff} />
        </section>

        <section aria-labelledby="milestones">
          <Title order={2} size="h3" id="milestones" mb="sm">
            {t("milestone.title")}
          </Title>
          <Milestones />
        </section>

        <section aria-labelledby="certificates">
          <Title order={2} size="h3" id="certificates" mb={4}>
            {t("certificate.sectionTitle")}
          </Title>
          <Text size="sm" mb="sm">
            {t("certificate.intro")}
          </Text>
          <Stack gap="md">
            {staff ? <IssueCertificateForm /> : null}
            <CertificateList />
          </Stack>
        </section>
      </Stack>
    </>
  );
}

function ThankYouList({ showStatus }: { showStatus: boolean }) {
  const { t } = useTranslation("recognition");
  const { data, loading, error, refetch } = useQuery(ThankYousQuery, { variables: { first: 20 }, errorPolicy: "all" });
  const rows = data?.thankYous.edges ?? [];
  return (
    <QueryState
      loading={loading && !data}
      error={data ? undefined : error}
      empty={rows.length === 0}
      onRetry={() => void refetch()}
      emptyText={t("thankYou.empty")}
    >
      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="sm">
        {rows.map(({ node }) => (
          <ThankYouCard key={node.id} message={node} showStatus={showStatus} />
        ))}
      </SimpleGrid>
    </QueryState>
  );
}
