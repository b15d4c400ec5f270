// Loading, error and empty states: every list shows one of them instead of nothing.
import { Alert, Button, Center, Loader, Stack, Text } from "@mantine/core";
import { IconAlertCircle, IconInbox } from "@tabler/icons-react";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";

import { currentLanguage } from "../i18n/index.ts";
import { failureOf, isRetryable, localized } from "../lib/result.ts";

export function LoadingState({ label }: { label?: string }) {
  const { t } = useTranslation();
  return (
    <Center py="xl" role="status" aria-live="polite">
      <Stack align="center" gap="xs">
        <Loader size="md" aria-hidden />
        <Text size="sm">{label ?? t("state.loading")}</Text>
      </Stack>
    </Center>
  );
}

function RetryButton({ onRetry }: { onRetry?: (() => void) | undefined }) {
  const { t } = useTranslation();
  if (!onRetry) return null;
  return (
    <Button size="xs" variant="default" onClick={onRetry}>
      {t("state.retry")}
    </Button>
  );
}

/**
 * A read that failed. A typed refusal from the API (e.g. a malformed id in the address, a filter out
 * of range) says what was wrong, in the reader's language, and offers no retry — it would fail the
 * same way; anything else (the network, the server) says to try again.
 */
export function ErrorState({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  const { t } = useTranslation();
  const failure = failureOf(error);
  if (isRetryable(failure)) {
    // busy or a lost database connection: nothing is wrong with the page; try again in a moment
    return (
      <Alert color="yellow" icon={<IconAlertCircle aria-hidden />} title={t("state.busyTitle")} role="alert">
        <Stack gap="xs" align="flex-start">
          <Text size="sm">{localized(failure, currentLanguage())}</Text>
          <RetryButton onRetry={onRetry} />
        </Stack>
      </Alert>
    );
  }
  if (failure.code !== "NETWORK" && failure.code !== "INTERNAL_SERVER_ERROR") {
    const language = currentLanguage();
    return (
      <Alert color="red" icon={<IconAlertCircle aria-hidden />} title={t("state.refusedTitle")} role="alert">
        <Stack gap={4}>
          <Text size="sm">{localized(failure, language)}</Text>
          {failure.issues.map((issue) => (
            <Text key={issue.path} size="sm">
              {localized(issue, language)}
            </Text>
          ))}
        </Stack>
      </Alert>
    );
  }
  const detail = error instanceof Error ? error.message : String(error);
  return (
    <Alert color="red" icon={<IconAlertCircle aria-hidden />} title={t("state.errorTitle")} role="alert">
      <Stack gap="xs" align="flex-start">
        <Text size="sm">{t("state.errorBody")}</Text>
        <Text size="xs" c="dimmed">
          {detail}
        </Text>
        <RetryButton onRetry={onRetry} />
      </Stack>
    </Alert>
  );
}

export function EmptyState({ children }: { children?: ReactNode }) {
  const { t } = useTranslation();
  return (
    <Center py="lg">
      <Stack align="center" gap={4}>
        <IconInbox aria-hidden size={28} color="var(--mantine-color-gray-7)" />
        <Text size="sm" c="dimmed">
          {children ?? t("state.empty")}
        </Text>
      </Stack>
    </Center>
  );
}

/** loading → error → empty → content, for one query */
export function QueryState({
  loading,
  error,
  empty,
  onRetry,
  emptyText,
  children,
}: {
  loading: boolean;
  error?: unknown;
  empty?: boolean;
  onRetry?: () => void;
  emptyText?: ReactNode;
  children: ReactNode;
}) {
  if (error) return <ErrorState error={error} onRetry={onRetry} />;
  if (loading) return <LoadingState />;
  if (empty) return <EmptyState>{emptyText}</EmptyState>;
  return <>{children}</>;
}
