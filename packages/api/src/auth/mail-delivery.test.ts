// The mail outbox's delivery: SMTP against a real SMTP server in this process, retries with backoff,
// each row delivered once by two instances on one database, and what happens without SMTP_URL.
import { readFile, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";

import { simpleParser } from "mailparser";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";

import { openDatabase, type PrismaClient } from "@tsunagu/db";
import { useDatabase } from "@tsunagu/db/client";
import { createTestDatabaseFrom, type TestDatabase } from "@tsunagu/db/testing";
import { demoTestData } from "@tsunagu/seed";

import { readApiEnv } from "../env.ts";
import { createLogger } from "../log.ts";
import { TEST_TODAY } from "../testing.ts";
import { createMailSender, deliverPendingMail, retryDelay, startMailDelivery, type MailSender } from "./mail-delivery.ts";
import { enqueueMail } from "./mail.ts";
import { startSmtpServer, type TestSmtpServer } from "./smtp-test-server.ts";

let db: TestDatabase;
let smtp: TestSmtpServer;
const mailDir = path.join(os.tmpdir(), `tsunagu-mail-test-${process.pid}`);
const lines: string[] = [];
const log = createLogger("trace", { write: (line: string) => void lines.push(line) });
const levels = () => lines.map((line) => JSON.parse(line) as { level: number; msg: string });

function envWith(vars: Record<string, string>) {
  return readApiEnv({
    BETTER_AUTH_SECRET: "test-secret-test-secret-test-secret-0123",
    PUBLIC_URL: "https://tsunagu.example.jp",
    MAIL_DIR: mailDir,
    ...vars,
  });
}
const smtpEnv = () => envWith({ NODE_ENV: "production", SMTP_URL: smtp.url, MAIL_FROM: "ツナグ <no-reply@hannan.example>" });
const link = (token: string) => `https://tsunagu.example.jp/invite/accept?token=${token}`;
const queue = (to: string, token = "tok-" + Math.random().toString(36).slice(2)) =>
  enqueueMail({ to, subject: "【ツナグ】ご招待 / You are invited to Tsunagu", text: `次のリンクから設定してください。\n${link(token)}\n` });
const row = (id: string) => db.prisma.mailOutbox.findUniqueOrThrow({ where: { id } });

beforeAll(async () => {
  db = await createTestDatabaseFrom(demoTestData(TEST_TODAY));
  useDatabase(db);
  smtp = await startSmtpServer();
});
afterAll(async () => {
  await smtp?.close();
  await db?.drop();
  await rm(mailDir, { recursive: true, force: true });
});
beforeEach(async () => {
  // each test starts from an empty outbox and an empty mailbox
  await db.prisma.mailOutbox.deleteMany();
  smtp.received.length = 0;
  lines.length = 0;
});

describe("mail delivery over SMTP (SMTP_URL)", () => {
  it("sends a queued mail once, from MAIL_FROM, with its link intact, and marks the row SENT", async () => {
    const sender = createMailSender(smtpEnv(), log)!;
    expect(sender.kind).toBe("smtp");
    const id = await queue("new.teacher@hannan.example", "abc123-token");
    expect(await deliverPendingMail(sender, log)).toEqual({ sent: 1, retrying: 0, failed: 0 });
    expect(smtp.received).toHaveLength(1);
    expect(smtp.received[0]).toMatchObject({
      envelopeFrom: "no-reply@hannan.example",
      envelopeTo: ["new.teacher@hannan.example"],
      from: '"ツナグ" <no-reply@hannan.example>',
      messageId: `<${id}@tsunagu.example.jp>`,
      subject: "【ツナグ】ご招待 / You are invited to Tsunagu",
    });
    expect(smtp.received[0]?.text).toContain(link("abc123-token"));
    // the row keeps the outcome but not the body with its link
    expect(await row(id)).toMatchObject({ status: "SENT", attempts: 1, lastError: null, sentAt: expect.any(Date) as Date, text: "" });
    // a second round finds nothing to send
    expect(await deliverPendingMail(sender, log)).toEqual({ sent: 0, retrying: 0, failed: 0 });
    expect(smtp.received).toHaveLength(1);
    expect(lines.join("\n")).not.toContain("abc123-token");
    sender.close();
  });

  it("a temporary refusal (451) keeps the row for a retry after a backoff, and the retry delivers it", async () => {
    const sender = createMailSender(smtpEnv(), log)!;
    const id = await queue("salon-leader@hannan.example");
    smtp.refuseNext(451);
    const before = Date.now();
    expect(await deliverPendingMail(sender, log, { retryDelayMs: 60_000 })).toEqual({ sent: 0, retrying: 1, failed: 0 });
    const failed = await row(id);
    expect(failed).toMatchObject({ status: "PENDING", attempts: 1, sentAt: null });
    expect(failed.text).toContain("次のリンク"); // kept for the retry
    expect(failed.lastError).toContain("451");
    expect(failed.nextAttemptAt.getTime()).toBeGreaterThan(before + 50_000);
    expect(levels().some((l) => l.level === 40 && l.msg.includes("will retry"))).toBe(true);
    // not due yet: nothing is claimed
    expect(await deliverPendingMail(sender, log, { retryDelayMs: 60_000 })).toEqual({ sent: 0, retrying: 0, failed: 0 });
    expect((await row(id)).attempts).toBe(1);
    // once due, the retry goes out
    await db.prisma.mailOutbox.update({ where: { id }, data: { nextAttemptAt: new Date(Date.now() - 1000) } });
    expect(await deliverPendingMail(sender, log)).toEqual({ sent: 1, retrying: 0, failed: 0 });
    expect(await row(id)).toMatchObject({ status: "SENT", attempts: 2, lastError: null });
    expect(smtp.received).toHaveLength(1);
    sender.close();
  });

  it("an unreachable server is retried; the last attempt, or a permanent refusal (550), gives the mail up as FAILED", async () => {
    const closed = await startSmtpServer();
    await closed.close();
    const unreachable = createMailSender(envWith({ NODE_ENV: "production", SMTP_URL: closed.url }), log)!;
    const id = await queue("staff@hannan.example");
    const options = { retryDelayMs: 0, maxAttempts: 2 };
    expect(await deliverPendingMail(unreachable, log, options)).toEqual({ sent: 0, retrying: 1, failed: 0 });
    expect(await row(id)).toMatchObject({ status: "PENDING", attempts: 1, lastError: expect.stringContaining("ECONNREFUSED") as string });
    expect(await deliverPendingMail(unreachable, log, options)).toEqual({ sent: 0, retrying: 0, failed: 1 });
    expect(await row(id)).toMatchObject({ status: "FAILED", attempts: 2, text: "" });
    unreachable.close();

    const sender = createMailSender(smtpEnv(), log)!;
    const refused = await queue("nobody@hannan.example");
    smtp.refuseNext(550);
    expect(await deliverPendingMail(sender, log)).toEqual({ sent: 0, retrying: 0, failed: 1 });
    expect(await row(refused)).toMatchObject({
      status: "FAILED",
      attempts: 1,
      lastError: expect.stringContaining("550") as string,
      text: "",
    });
    expect(levels().some((l) => l.level === 50 && l.msg.includes("given up"))).toBe(true);
    sender.close();
  });

  it("backs off exponentially up to a ceiling", () => {
    const options = { retryDelayMs: 30_000, maxDelayMs: 3_600_000 };
    expect([1, 2, 3, 4, 8, 9, 20].map((n) => retryDelay(n, options))).toEqual([
      30_000, 60_000, 120_000, 240_000, 3_600_000, 3_600_000, 3_600_000,
    ]);
  });

  it("two server instances on one database deliver each mail exactly once", async () => {
    // a slow SMTP server, so the two loops' batches overlap in time
    const slow = await startSmtpServer({ delayMs: 15 });
    const env = envWith({ NODE_ENV: "production", SMTP_URL: slow.url });
    // the second instance: its own client (its own connections) on the same database; the embedded
    // database has one connection, which both loops then share
    const other = db.url ? await openDatabase({ url: db.url }) : undefined;
    const ids = await Promise.all(Array.from({ length: 30 }, (_, i) => queue(`volunteer${i}@hannan.example`)));
    const senders = [createMailSender(env, log)!, createMailSender(env, log)!];
    const sentBy = [0, 0];
    const counting = (sender: MailSender, i: number): MailSender => ({
      ...sender,
      send: async (mail) => {
        sentBy[i]!++;
        return sender.send(mail);
      },
    });
    const loops = [
      startMailDelivery(counting(senders[0]!, 0), log, { db: db.prisma, batchSize: 3, intervalMs: 5 }),
      startMailDelivery(counting(senders[1]!, 1), log, { db: (other?.prisma ?? db.prisma) as PrismaClient, batchSize: 3, intervalMs: 5 }),
    ];
    try {
      const deadline = Date.now() + 60_000;
      while ((await db.prisma.mailOutbox.count({ where: { status: "SENT" } })) < ids.length && Date.now() < deadline) {
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
    } finally {
      await Promise.all(loops.map((loop) => loop.stop()));
      await other?.close();
      await slow.close();
    }
    expect(await db.prisma.mailOutbox.groupBy({ by: ["status", "attempts"], _count: true })).toEqual([
      { status: "SENT", attempts: 1, _count: 30 },
    ]);
    expect(slow.received).toHaveLength(30);
    expect(new Set(slow.received.map((m) => m.messageId)).size).toBe(30);
    expect(sentBy[0]! + sentBy[1]!).toBe(30);
    // both instances took part
    expect(sentBy[0]).toBeGreaterThan(0);
    expect(sentBy[1]).toBeGreaterThan(0);
  });
});

describe("without SMTP_URL", () => {
  it("in production, the server says so at error level when it starts, and sends nothing", async () => {
    expect(createMailSender(envWith({ NODE_ENV: "production" }), log)).toBeNull();
    const said = levels().filter((l) => l.level >= 50 && l.msg.includes("SMTP_URL is not set"));
    expect(said).toHaveLength(1);
  });

  it("elsewhere, each mail is written to an .eml file in MAIL_DIR, and the log names the file, never the link", async () => {
    const sender = createMailSender(envWith({ NODE_ENV: "development" }), log)!;
    expect(sender.kind).toBe("file");
    const id = await queue("new.teacher@hannan.example", "dev-only-token-42");
    expect(await deliverPendingMail(sender, log)).toEqual({ sent: 1, retrying: 0, failed: 0 });
    const file = path.join(mailDir, `${id}.eml`);
    const parsed = await simpleParser(await readFile(file));
    expect(parsed.text).toContain(link("dev-only-token-42"));
    expect(parsed.subject).toBe("【ツナグ】ご招待 / You are invited to Tsunagu");
    const logged = lines.join("\n");
    expect(logged).toContain(file);
    expect(logged).not.toContain("dev-only-token-42");
    expect(logged).not.toContain("次のリンク");
  });
});
