// A failure that belongs to no single field, above the form.
import { Alert } from "@mantine/core";
import { IconAlertCircle } from "@tabler/icons-react";

export function FailureAlert({ message }: { message: string | null | undefined }) {
  if (!message) return null;
  return (
    <Alert color="red" icon={<IconAlertCircle aria-hidden />} role="alert">
      {message}
    </Alert>
  );
}
