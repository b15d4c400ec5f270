// Tests only: a real SMTP server in the test process (smtp-server) on a free port, which keeps every
// message it accepts (parsed with mailparser) and can refuse the next ones with a given reply.
import type { AddressInfo } from "node:net";
import { setTimeout as sleep } from "node:timers/promises";

import { simpleParser } from "mailparser";
import { SMTPServer } from "smtp-server";

interface ReceivedMail {
  envelopeFrom: string | undefined;
  envelopeTo: string[];
  from: string | undefined;
  messageId: string | undefined;
  subject: string | undefined;
  text: string | undefined;
}

export interface TestSmtpServer {
  /** smtp://127.0.0.1:<port> */
  url: string;
  received: ReceivedMail[];
  /** the next `count` messages are refused with this SMTP reply (e.g. 451 temporary, 550 permanent) */
  refuseNext(responseCode: number, count?: number): void;
  close(): Promise<void>;
}

export async function startSmtpServer(options: { delayMs?: number } = {}): Promise<TestSmtpServer> {
  const received: ReceivedMail[] = [];
  const refusals: number[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS"],
    // no reverse DNS of the client (127.0.0.1): it can take seconds
    disableReverseLookup: true,
    logger: false,
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on("data", (chunk: Buffer) => chunks.push(chunk));
      stream.on("end", () => {
        void (async () => {
          const refusal = refusals.shift();
          if (refusal !== undefined) {
            callback(Object.assign(new Error(`refused by the test server (${refusal})`), { responseCode: refusal }));
            return;
          }
          if (options.delayMs) await sleep(options.delayMs);
          const parsed = await simpleParser(Buffer.concat(chunks));
          const mailFrom = session.envelope.mailFrom;
          received.push({
            envelopeFrom: mailFrom ? mailFrom.address : undefined,
            envelopeTo: session.envelope.rcptTo.map((r) => r.address),
            from: parsed.from?.text,
            messageId: parsed.messageId,
            subject: parsed.subject,
            text: parsed.text,
          });
          callback();
        })();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", () => resolve()));
  const { port } = server.server.address() as AddressInfo;
  return {
    url: `smtp://127.0.0.1:${port}`,
    received,
    refuseNext(responseCode, count = 1) {
      for (let i = 0; i < count; i++) refusals.push(responseCode);
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
