// アカウント (staff): every account of the organisation with its roles and scopes and its last
// sign-in; the invitations with their state (送信済み, 承諾済み, 期限切れ, 取消) to re-send or revoke;
// the invite form, granting and revoking roles, and handing a school's coordinator role over. The
// screen is offered by me.can.accounts; what each role may be scoped to comes from the API.
import { useQuery } from "@apollo/client/react";
import { Badge, Button, Group, Modal, Stack, Table, Text, Title } from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";

import { useDates } from "../../app/dates.ts";
import { PageTitle } from "../../components/PageTitle.tsx";
import { ScrollTable } from "../../components/ScrollTable.tsx";
import { QueryState } from "../../components/States.tsx";
import { notifyFailure, notifySaved } from "../../lib/form.ts";
import type { Outcome } from "../../lib/result.ts";
import { useGrantAccessRoleMutation } from "../../mutations/useGrantAccessRoleMutation.ts";
import { useHandOverCoordinatorRoleMutation } from "../../mutations/useHandOverCoordinatorRoleMutation.ts";
import { useInviteAccountMutation } from "../../mutations/useInviteAccountMutation.ts";
import { useResendInvitationMutation } from "../../mutations/useResendInvitationMutation.ts";
import { useRevokeAccessRoleMutation } from "../../mutations/useRevokeAccessRoleMutation.ts";
import { useRevokeInvitationMutation } from "../../mutations/useRevokeInvitationMutation.ts";
import { HandOverForm } from "./HandOverForm.tsx";
import { RoleForm } from "./RoleForm.tsx";
import { AccountsQuery, scopeInput, type Account, type AccountRole } from "./roles.ts";

const STATE_COLOR: Record<string, string> = { SENT: "blue", ACCEPTED: "green", EXPIRED: "orange", REVOKED: "gray" };

type Dialog =
  | { kind: "invite" }
  | { kind: "grant"; account: Account }
  | { kind: "revoke"; account: Account; role: AccountRole }
  | { kind: "handOver"; account: Account; role: AccountRole }
  | null;

export function Component() {
  const { t, i18n } = useTranslation("accounts");
  const { t: tc } = useTranslation();
  const { dateTime } = useDates();
  const { data, loading, error, refetch } = useQuery(AccountsQuery);
  const [dialog, setDialog] = useState<Dialog>(null);
  const [invite] = useInviteAccountMutation();
  const [grant] = useGrantAccessRoleMutation();
  const [revokeRole, { loading: revoking }] = useRevokeAccessRoleMutation();
  const [handOver] = useHandOverCoordinatorRoleMutation();
  const [resend] = useResendInvitationMutation();
  const [revokeInvitation] = useRevokeInvitationMutation();
  const accounts = data?.accounts ?? [];
  const invitations = data?.invitations ?? [];
  const scopes = data?.accessRoleScopes ?? [];
  const en = i18n.resolvedLanguage === "en";
  const scopeOf = (r: AccountRole) => (r.scopeName ? ((en ? r.scopeNameEn : r.scopeName) ?? r.scopeName) : t("scopeKind.ORGANIZATION"));
  const close = () => setDialog(null);

  /** runs a mutation; on success closes the dialog and says so */
  const done = async <T,>(outcome: Promise<Outcome<T>>, message: string) => {
    const result = await outcome;
    if (result.ok) {
      close();
      notifySaved(message);
    }
    return result;
  };
  const act = async <T,>(outcome: Promise<Outcome<T>>, message: string) => {
    const result = await outcome;
    if (result.ok) notifySaved(message);
    else notifyFailure(result.error);
  };

  return (
    <>
      <PageTitle title={t("title")} />
      <Stack>
        <Text size="sm">{t("intro")}</Text>
        <Group>
          <Button onClick={() => setDialog({ kind: "invite" })}>{t("invite")}</Button>
        </Group>
        <QueryState loading={loading && !data} error={error} empty={false} onRetry={() => void refetch()}>
          <Title order={2} size="h4">
            {t("list.heading")}{" "}
            <Text span size="sm" c="dimmed">
              {t("list.count", { count: accounts.length })}
            </Text>
          </Title>
          <ScrollTable label={t("list.heading")} minWidth={720}>
            <Table striped verticalSpacing="xs" aria-label={t("list.heading")}>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">{t("list.name")}</Table.Th>
                  <Table.Th scope="col">{t("list.roles")}</Table.Th>
                  <Table.Th scope="col">{t("list.lastSignIn")}</Table.Th>
                  <Table.Th scope="col">{t("list.actions")}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {accounts.map((a) => (
                  <Table.Tr key={a.id} data-account={a.email}>
                    <Table.Td>
                      <Text size="sm">{a.name}</Text>
                      <Text size="xs" c="dimmed">
                        {a.email}
                      </Text>
                    </Table.Td>
                    <Table.Td>
                      <Stack gap={4}>
                        {a.roles.length === 0 ? (
                          <Text size="sm" c="dimmed">
                            {t("list.noRoles")}
                          </Text>
                        ) : null}
                        {a.roles.map((r) => (
                          <Group key={r.id} gap={4} wrap="wrap">
                            <Badge variant="light" style={{ flexShrink: 0 }} styles={{ label: { color: "var(--mantine-color-text)" } }}>
                              {t(`role.${r.role}`)}
                            </Badge>
                            <Text size="sm">{scopeOf(r)}</Text>
                            <Button
                              size="compact-xs"
                              variant="subtle"
                              color="red"
                              aria-label={t("list.revoke", { role: t(`role.${r.role}`), scope: scopeOf(r) })}
                              onClick={() => setDialog({ kind: "revoke", account: a, role: r })}
                            >
                              {t("revokeRole.confirm")}
                            </Button>
                            {r.role === "SCHOOL_COORDINATOR" ? (
                              <Button
                                size="compact-xs"
                                variant="subtle"
                                aria-label={t("list.handOverLabel", { scope: scopeOf(r) })}
                                onClick={() => setDialog({ kind: "handOver", account: a, role: r })}
                              >
                                {t("list.handOver")}
                              </Button>
                            ) : null}
                          </Group>
                        ))}
                      </Stack>
                    </Table.Td>
                    <Table.Td style={{ whiteSpace: "nowrap" }}>
                      <Text size="sm">{a.lastSignInAt ? dateTime(a.lastSignInAt) : t("list.never")}</Text>
                      {a.hasPassword ? null : (
                        <Text size="xs" c="dimmed">
                          {t("list.noPassword")}
                        </Text>
                      )}
                    </Table.Td>
                    <Table.Td>
                      <Button size="xs" variant="default" onClick={() => setDialog({ kind: "grant", account: a })}>
                        {t("list.grant")}
                      </Button>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </ScrollTable>

          <Title order={2} size="h4">
            {t("invitations.heading")}
          </Title>
          {invitations.length === 0 ? (
            <Text size="sm" c="dimmed">
              {t("invitations.empty")}
            </Text>
          ) : (
            <ScrollTable label={t("invitations.heading")} minWidth={720}>
              <Table striped verticalSpacing="xs" aria-label={t("invitations.heading")}>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th scope="col">{t("invitations.name")}</Table.Th>
                    <Table.Th scope="col">{t("invitations.state")}</Table.Th>
                    <Table.Th scope="col">{t("invitations.sentAt")}</Table.Th>
                    <Table.Th scope="col">{t("invitations.expiresAt")}</Table.Th>
                    <Table.Th scope="col">{t("list.actions")}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {invitations.map((inv) => {
                    const open = inv.state === "SENT" || inv.state === "EXPIRED";
                    return (
                      <Table.Tr key={inv.id} data-invitation={inv.email}>
                        <Table.Td>
                          <Text size="sm">{inv.name}</Text>
                          <Text size="xs" c="dimmed">
                            {inv.email}
                          </Text>
                        </Table.Td>
                        <Table.Td>
                          <Badge variant="light" color={STATE_COLOR[inv.state]} styles={{ label: { color: "var(--mantine-color-text)" } }}>
                            {t(`state.${inv.state}`)}
                          </Badge>
                        </Table.Td>
                        <Table.Td style={{ whiteSpace: "nowrap" }}>
                          <Text size="sm">{dateTime(inv.sentAt)}</Text>
                          {inv.sendCount > 1 ? (
                            <Text size="xs" c="dimmed">
                              {t("invitations.sendCount", { count: inv.sendCount })}
                            </Text>
                          ) : null}
                        </Table.Td>
                        <Table.Td style={{ whiteSpace: "nowrap" }}>{dateTime(inv.expiresAt)}</Table.Td>
                        <Table.Td>
                          {open ? (
                            <Group gap="xs" wrap="nowrap">
                              <Button
                                size="xs"
                                variant="default"
                                aria-label={t("invitations.resendLabel", { name: inv.name })}
                                onClick={() => void act(resend({ id: inv.id }), t("invitations.resent"))}
                              >
                                {t("invitations.resend")}
                              </Button>
                              <Button
                                size="xs"
                                variant="subtle"
                                color="red"
                                aria-label={t("invitations.revokeLabel", { name: inv.name })}
                                onClick={() => void act(revokeInvitation({ id: inv.id }), t("invitations.revoked"))}
                              >
                                {t("invitations.revoke")}
                              </Button>
                            </Group>
                          ) : null}
                        </Table.Td>
                      </Table.Tr>
                    );
                  })}
                </Table.Tbody>
              </Table>
            </ScrollTable>
          )}
        </QueryState>
      </Stack>

      <Modal opened={dialog?.kind === "invite"} onClose={close} title={t("form.inviteTitle")}>
        {dialog?.kind === "invite" ? (
          <RoleForm
            invite
            scopes={scopes}
            submitLabel={t("form.inviteSubmit")}
            onCancel={close}
            onSubmit={(v) =>
              done(
                invite({ input: { email: v.email, name: v.name, role: v.role, ...scopeInput(scopes, v.role, v.scopeId) } }),
                t("invited"),
              )
            }
          />
        ) : null}
      </Modal>
      <Modal
        opened={dialog?.kind === "grant"}
        onClose={close}
        title={dialog?.kind === "grant" ? t("form.grantTitle", { name: dialog.account.name }) : ""}
      >
        {dialog?.kind === "grant" ? (
          <RoleForm
            invite={false}
            scopes={scopes}
            submitLabel={t("form.grantSubmit")}
            onCancel={close}
            onSubmit={(v) =>
              done(grant({ input: { userId: dialog.account.id, role: v.role, ...scopeInput(scopes, v.role, v.scopeId) } }), t("granted"))
            }
          />
        ) : null}
      </Modal>
      <Modal opened={dialog?.kind === "revoke"} onClose={close} title={t("revokeRole.title")}>
        {dialog?.kind === "revoke" ? (
          <Stack>
            <Text size="sm">
              {t("revokeRole.body", { name: dialog.account.name, role: t(`role.${dialog.role.role}`), scope: scopeOf(dialog.role) })}
            </Text>
            <Group justify="flex-end">
              <Button variant="default" onClick={close}>
                {tc("action.cancel")}
              </Button>
              <Button
                color="red"
                loading={revoking}
                onClick={async () => {
                  const outcome = await revokeRole({ id: dialog.role.id });
                  close();
                  if (outcome.ok) notifySaved(t("revokeRole.done"));
                  else notifyFailure(outcome.error);
                }}
              >
                {t("revokeRole.confirm")}
              </Button>
            </Group>
          </Stack>
        ) : null}
      </Modal>
      <Modal
        opened={dialog?.kind === "handOver"}
        onClose={close}
        title={dialog?.kind === "handOver" ? t("handOver.title", { scope: scopeOf(dialog.role) }) : ""}
      >
        {dialog?.kind === "handOver" ? (
          <HandOverForm
            from={dialog.account}
            scopeName={scopeOf(dialog.role)}
            accounts={accounts}
            onCancel={close}
            onSubmit={(v) =>
              done(
                handOver({
                  input: {
                    fromRoleId: dialog.role.id,
                    toUserId: v.toUserId,
                    toEmail: v.toUserId ? null : v.toEmail || null,
                    toName: v.toUserId ? null : v.toName || null,
                  },
                }),
                t("handOver.done"),
              )
            }
          />
        ) : null}
      </Modal>
    </>
  );
}
