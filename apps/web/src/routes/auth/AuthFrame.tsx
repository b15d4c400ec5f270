// The frame of the signed-out pages: centred card, the app's name, a language switch.
import { Anchor, Button, Center, Container, Group, Paper, Stack, Text, Title } from "@mantine/core";
import { useEffect, type ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";

export function AuthFrame({ title, children, footer }: { title: string; children: ReactNode; footer?: ReactNode }) {
  const { t, i18n } = useTranslation();
  useEffect(() => {
    document.title = `${title} | ${t("appName")}`;
  }, [title, t]);
  return (
    <Center mih="100vh" bg="gray.1" p="md" component="main">
      <Container size={420} w="100%" px={0}>
        <Stack gap="md">
          <Group justify="space-between">
            <Anchor component={Link} to="/" fw={700} fz="xl" c="dark">
              {t("appName")}
            </Anchor>
            <Button
              variant="subtle"
              size="compact-sm"
              onClick={() => void i18n.changeLanguage(i18n.resolvedLanguage === "en" ? "ja" : "en")}
              lang={i18n.resolvedLanguage === "en" ? "ja" : "en"}
            >
              {i18n.resolvedLanguage === "en" ? "日本語" : "English"}
            </Button>
          </Group>
          <Paper withBorder shadow="sm" p="lg" radius="md">
            <Title order={1} size="h3" mb="md">
              {title}
            </Title>
            {children}
          </Paper>
          {footer ? <Text size="sm">{footer}</Text> : null}
        </Stack>
      </Container>
    </Center>
  );
}
