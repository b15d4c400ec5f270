// Mantine's toasts container as its own chunk, for Layout.tsx (the toasts' store, which
// `notifications.show` writes to, is small and stays where it is used: what is shown before the
// container arrives appears when it does).
export { Notifications } from "@mantine/notifications";
