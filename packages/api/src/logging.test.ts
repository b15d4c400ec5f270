// No secret in the log: with the server's own logger at its most verbose level, sign in, reset a
// password, invite and accept, deliver the mail over SMTP, make client errors — then scan every line
// the server logged for each secret it handed out or was given. Client errors are logged below error.
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { createMailSender, deliverPendingMail } from "./auth/mail-delivery.ts";
import { startSmtpServer, type TestSmtpServer } from "./auth/smtp-test-server.ts";
import { readApiEnv } from "./env.ts";
import { createLogger, redactUrlSecrets } from "./log.ts";
import { DEMO_PASSWORD, startTestServer, type TestServer } from "./testing.ts";

const lines: string[] = [];
const log = createLogger("trace", { write: (line: string) => void lines.push(line) });
let server: TestServer;
let smtp: TestSmtpServer;

beforeAll(async () => {
  server = await startTestServer({ log });
  smtp = await startSmtpServer();
});
afterAll(async () => {
  await smtp?.close();
  await server?.close();
});

/** signs in over HTTP; returns the Cookie header to send and the raw Set-Cookie values */
async function signIn(email: string, password: string) {
  const res = await fetch(`${server.url}/api/auth/sign-in/email`, {
    method: "POST",
    headers: { "content-type": "application/json", origin: server.url, "x-forwarded-for": "10.1.2.3" },
    body: JSON.stringify({ email, password }),
  });
  expect(res.status).toBe(200);
  const setCookies = res.headers.getSetCookie();
  const cookie = setCookies.map((c) => c.split(";")[0]).join("; ");
  return { cookie, setCookies };
}

function post(path: string, body: unknown, headers: Record<string, string> = {}) {
  return fetch(`${server.url}${path}`, {
    method: "POST",
    headers: { "content-type": "application/json", origin: server.url, "x-forwarded-for": "10.1.2.4", ...headers },
    body: JSON.stringify(body),
  });
}

async function lastMailTo(to: string) {
  return server.db.prisma.mailOutbox.findFirstOrThrow({ where: { to }, orderBy: { createdAt: "desc" } });
}

describe("the log", () => {
  it("holds no cookie, authorization header, token, password or mail body, and client errors are not errors", async () => {
    const secrets = new Map<string, string>();
    const bearer = "bearer-secret-0123456789abcdef";
    secrets.set("authorization header", bearer);
    secrets.set("demo password", DEMO_PASSWORD);

    // sign in: the session cookie goes out in Set-Cookie, and comes back with each request
    const staff = await signIn("staff@hannan.example", DEMO_PASSWORD);
    const sessionValue = staff.cookie.split("=").slice(1).join("=");
    secrets.set("session cookie", sessionValue);
    secrets.set("session cookie (decoded)", decodeURIComponent(sessionValue));
    secrets.set("session token", decodeURIComponent(sessionValue).split(".")[0]!);
    const asStaff = { cookie: staff.cookie, authorization: `Bearer ${bearer}` };
    expect((await (await post("/graphql", { query: "{ me { email } }" }, asStaff)).json()) as object).toMatchObject({
      data: { me: { email: "staff@hannan.example" } },
    });

    // a calendar subscription: the URL's token is shown once, then fetched by a calendar app
    const issued = (await (
      await post(
        "/graphql",
        { query: "mutation { issueCalendarFeed { ... on MutationIssueCalendarFeedSuccess { data { url } } } }" },
        asStaff,
      )
    ).json()) as { data: { issueCalendarFeed: { data: { url: string } } } };
    const feedPath = new URL(issued.data.issueCalendarFeed.data.url).pathname;
    const feedToken = /^\/calendar\/([A-Za-z0-9_-]{43})\.ics$/.exec(feedPath)?.[1];
    expect(feedToken).toBeTruthy();
    secrets.set("calendar feed token", feedToken!);
    expect((await fetch(`${server.url}${feedPath}`, { headers: { referer: `${server.url}${feedPath}` } })).status).toBe(200);

    // client errors, with the cookie on the request: FORBIDDEN, not signed in, bad queries, bad variables
    const coordinator = await signIn("coordinator.ozaki@hannan.example", DEMO_PASSWORD);
    secrets.set("coordinator's session", coordinator.cookie.split("=").slice(1).join("="));
    const invite = `mutation($input: InviteAccountInput!) { inviteAccount(input: $input) { __typename ... on MutationInviteAccountSuccess { data { userId } } } }`;
    const audit = "{ auditEvents(first: 1) { edges { cursor } } }";
    const codes = async (res: Response) =>
      ((await res.json()) as { errors?: Array<{ extensions?: { code?: string } }> }).errors?.map((e) => e.extensions?.code);
    expect(await codes(await post("/graphql", { query: audit }, { cookie: coordinator.cookie }))).toEqual(["FORBIDDEN"]);
    expect(await codes(await post("/graphql", { query: audit }))).toEqual(["FORBIDDEN"]);
    const refused = await post(
      "/graphql",
      { query: invite, variables: { input: { email: "x@hannan.example", name: "X", role: "STAFF" } } },
      { cookie: coordinator.cookie },
    );
    expect(JSON.stringify(await refused.json())).toContain("ForbiddenError");
    expect((await post("/graphql", { query: "{ organizaton { id } }" }, asStaff)).status).toBe(400);
    expect((await post("/graphql", { query: "{ me { email " }, asStaff)).status).toBe(400);
    expect((await post("/graphql", { query: invite, variables: { input: { email: 1 } } }, asStaff)).status).toBe(400);

    // password reset: the link's token, the GET of the link, the new password
    expect(
      (await post("/api/auth/request-password-reset", { email: "liaison@hannan.example", redirectTo: "/reset-password" })).status,
    ).toBe(200);
    const resetMail = await lastMailTo("liaison@hannan.example");
    const resetToken = /reset-password\/([A-Za-z0-9_-]+)/.exec(resetMail.text)?.[1];
    expect(resetToken).toBeTruthy();
    secrets.set("reset token", resetToken!);
    const opened = await fetch(`${server.url}/api/auth/reset-password/${resetToken}?callbackURL=%2Freset-password`, {
      redirect: "manual",
      headers: { referer: `${server.url}/mail?token=${resetToken}` },
    });
    expect(opened.status).toBe(302);
    const newPassword = "a-brand-new-secret-password";
    secrets.set("new password", newPassword);
    expect((await post("/api/auth/reset-password", { newPassword, token: resetToken })).status).toBe(200);
    const liaison = await signIn("liaison@hannan.example", newPassword);
    secrets.set("liaison's session", liaison.cookie.split("=").slice(1).join("="));

    // invitation: the link's token, its page, the invitee's password
    const group = await server.db.prisma.group.findFirstOrThrow({ where: { kind: { code: "school-committee" } } });
    const invited = (await (
      await post(
        "/graphql",
        {
          query: invite,
          variables: { input: { email: "new.teacher@hannan.example", name: "新任 先生", role: "SCHOOL_COORDINATOR", groupId: group.id } },
        },
        asStaff,
      )
    ).json()) as { data: { inviteAccount: { __typename: string } } };
    expect(invited.data.inviteAccount.__typename).toBe("MutationInviteAccountSuccess");
    const inviteMail = await lastMailTo("new.teacher@hannan.example");
    const inviteToken = /token=([A-Za-z0-9_-]+)/.exec(inviteMail.text)?.[1];
    expect(inviteToken).toBeTruthy();
    secrets.set("invitation token", inviteToken!);
    await fetch(`${server.url}/invite/accept?token=${inviteToken}`);
    const invitePassword = "the-invitees-own-password";
    secrets.set("invitee's password", invitePassword);
    const accepted = (await (
      await post("/graphql", {
        query: `mutation($t: String!, $p: String!) { acceptInvitation(token: $t, password: $p) { __typename } }`,
        variables: { t: inviteToken, p: invitePassword },
      })
    ).json()) as { data: { acceptInvitation: { __typename: string } } };
    expect(accepted.data.acceptInvitation.__typename).toBe("MutationAcceptInvitationSuccess");
    const teacher = await signIn("new.teacher@hannan.example", invitePassword);
    secrets.set("invitee's session", teacher.cookie.split("=").slice(1).join("="));
    // a wrong password, logged by Better Auth
    expect((await post("/api/auth/sign-in/email", { email: "staff@hannan.example", password: "wrong-secret-guess-123" })).status).toBe(401);
    secrets.set("wrong password", "wrong-secret-guess-123");
    await post("/api/auth/sign-out", {}, { cookie: staff.cookie });

    // the mail goes out over SMTP, logged by the delivery loop
    const env = readApiEnv({ NODE_ENV: "production", BETTER_AUTH_SECRET: "x".repeat(32), SMTP_URL: smtp.url });
    const sender = createMailSender(env, log)!;
    const delivered = await deliverPendingMail(sender, log);
    sender.close();
    expect(delivered.sent).toBeGreaterThanOrEqual(2);
    expect(smtp.received.some((m) => m.text?.includes(inviteToken!))).toBe(true);

    // the scan: every line at trace level and up, against every secret
    expect(lines.length).toBeGreaterThan(20);
    const everything = lines.join("\n");
    for (const [what, secret] of secrets) {
      expect(secret.length, what).toBeGreaterThan(8);
      expect(everything.includes(secret), `the log holds the ${what}`).toBe(false);
    }
    expect(everything).not.toMatch(/set-cookie|"cookie"|"authorization"/i);
    expect(everything).not.toContain("次のリンク");
    // the log still says what happened: the requests (with their secrets cut out) and the mail
    expect(everything).toContain("/api/auth/reset-password/[redacted]?callbackURL=[redacted]");
    expect(everything).toContain("/invite/accept?token=[redacted]");
    expect(everything).toContain('"url":"/calendar/[redacted]"');
    expect(everything).toContain('"msg":"mail sent"');

    // client errors are logged with their code at info; nothing here was the server's fault
    const parsed = lines.map((line) => JSON.parse(line) as { level: number; msg: string; code?: string });
    expect(parsed.filter((l) => l.level >= 50).map((l) => l.msg)).toEqual([]);
    expect(parsed.some((l) => l.level === 30 && l.msg === "client error" && l.code === "FORBIDDEN")).toBe(true);
  });

  it("cuts token values out of URLs", () => {
    expect(redactUrlSecrets("/api/auth/reset-password/abc?callbackURL=%2Fx")).toBe(
      "/api/auth/reset-password/[redacted]?callbackURL=[redacted]",
    );
    expect(redactUrlSecrets("https://h/invite/accept?token=abc&x=1#frag")).toBe("https://h/invite/accept?token=[redacted]&x=[redacted]");
    expect(redactUrlSecrets("/calendar/AbC_d-123.ics?x=1")).toBe("/calendar/[redacted]?x=[redacted]");
    expect(redactUrlSecrets("https://h/calendar/AbC_d-123.ics")).toBe("https://h/calendar/[redacted]");
    expect(redactUrlSecrets("/graphql")).toBe("/graphql");
  });
});
