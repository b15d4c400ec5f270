// Certificates (感謝状): issuing with per-organisation serial numbers, who sees them, and the PDF —
// its download over HTTP as the demo accounts, and what it prints (read back from the PDF itself).
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { loadViewer } from "../auth/viewer.ts";
import { DEMO_PASSWORD, startTestServer, type TestClient, type TestServer } from "../testing.ts";
import { JUVENILE_COHORT_RECIPIENT, JUVENILE_RECIPIENT, printedBody, renderCertificatePdf } from "./pdf.ts";

let server: TestServer;
let staff: TestClient;
let salonLeader: TestClient;
let liaison: TestClient;
let coordinator: TestClient;
const cookies = new Map<string, string>();

let salonLeaderPersonId: string;
let salonId: string;
let cohortId: string;
let youth: { id: string; code: string };
let seeded: { cohort: string; youth: string; person: string };

beforeAll(async () => {
  server = await startTestServer();
  [staff, salonLeader, liaison, coordinator] = await Promise.all([
    server.signIn("staff"),
    server.signIn("salon-leader"),
    server.signIn("liaison"),
    server.signIn("coordinator.ozaki"),
  ]);
  const me = await salonLeader.graphql<{ me: { salonIds: string[]; personId: string } }>("{ me { salonIds personId } }");
  salonLeaderPersonId = me.data!.me.personId;
  salonId = me.data!.me.salonIds[0]!;
  const db = server.db.prisma;
  cohortId = (
    await db.group.findFirstOrThrow({
      where: { programme: { privacyTier: "JUVENILE" } },
      orderBy: { startedOn: "desc" },
      select: { id: true },
    })
  ).id;
  youth = await db.juvenileParticipant.findFirstOrThrow({
    where: { cohortId },
    orderBy: { code: "asc" },
    select: { id: true, code: true },
  });
  const certs = await db.certificate.findMany({ select: { id: true, personId: true, juvenileParticipantId: true, groupId: true } });
  seeded = {
    cohort: certs.find((c) => c.groupId)!.id,
    youth: certs.find((c) => c.juvenileParticipantId)!.id,
    person: certs.find((c) => c.personId)!.id,
  };
});
afterAll(() => server?.close());

/** A session cookie of a demo account, for requests to the PDF route. */
async function cookieOf(local: string): Promise<string> {
  const known = cookies.get(local);
  if (known) return known;
  const res = await fetch(`${server.url}/api/auth/sign-in/email`, {
    method: "POST",
    headers: { "content-type": "application/json", origin: server.url, "x-forwarded-for": `10.0.1.${cookies.size + 1}` },
    body: JSON.stringify({ email: `${local}@hannan.example`, password: DEMO_PASSWORD }),
  });
  expect(res.status).toBe(200);
  const cookie = res.headers
    .getSetCookie()
    .map((c) => c.split(";")[0])
    .join("; ");
  cookies.set(local, cookie);
  return cookie;
}

async function download(local: string | null, id: string): Promise<Response> {
  return fetch(`${server.url}/api/certificates/${id}.pdf`, { headers: local ? { cookie: await cookieOf(local) } : {} });
}

async function viewerOf(local: string) {
  const user = await server.db.prisma.user.findUniqueOrThrow({ where: { email: `${local}@hannan.example` }, select: { id: true } });
  return (await loadViewer(user.id))!;
}

// ───────────────────────── reading a PDF back (pdfkit's own output, uncompressed) ─────────────────────────

function pageCount(pdf: Buffer): number {
  return pdf.toString("latin1").match(/\/Type \/Page(?!s)/g)?.length ?? 0;
}

/**
 * The text drawn on the pages of an uncompressed pdfkit PDF: every TJ's glyph ids mapped back to
 * characters through the ToUnicode map of the font selected by the preceding Tf.
 */
function pdfText(pdf: Buffer): string {
  const s = pdf.toString("latin1");
  const object = (n: string) => new RegExp(`(?:^|\\n)${n} 0 obj\\n([\\s\\S]*?)\\nendobj`).exec(s)?.[1] ?? "";
  const stream = (body: string) => /stream\n([\s\S]*?)\nendstream/.exec(body)?.[1] ?? "";
  const utf16 = (hex: string) => Buffer.from(hex, "hex").swap16().toString("utf16le");
  const fonts = new Map<string, Map<string, string>>();
  for (const [, name, ref] of s.matchAll(/\/(F\d+) (\d+) 0 R/g)) {
    if (fonts.has(name!)) continue;
    const toUnicode = /\/ToUnicode (\d+) 0 R/.exec(object(ref!))?.[1];
    const map = new Map<string, string>();
    if (toUnicode) {
      for (const [, start, dsts] of stream(object(toUnicode)).matchAll(/<([0-9a-f]+)> <[0-9a-f]+> \[([^\]]*)\]/gi)) {
        [...dsts!.matchAll(/<([0-9a-f]+)>/gi)].forEach((m, i) => {
          map.set((parseInt(start!, 16) + i).toString(16).padStart(4, "0"), utf16(m[1]!));
        });
      }
    }
    fonts.set(name!, map);
  }
  let text = "";
  for (const [, ref] of s.matchAll(/\/Contents (\d+) 0 R/g)) {
    let font = new Map<string, string>();
    for (const op of stream(object(ref!)).matchAll(/\/(F\d+) [\d.]+ Tf|\[([^\]]*)\] TJ/g)) {
      if (op[1]) font = fonts.get(op[1]) ?? new Map();
      else for (const [, hex] of op[2]!.matchAll(/<([0-9a-f]+)>/gi)) for (const g of hex!.match(/.{4}/g) ?? []) text += font.get(g) ?? "?";
    }
    text += "\n";
  }
  return text;
}

// ───────────────────────── GraphQL ─────────────────────────

const ISSUE = `mutation ($input: IssueCertificateInput!) {
  issueCertificate(input: $input) {
    __typename
    ... on MutationIssueCertificateSuccess { data { id serialNumber title issuedOn issuedOnWareki recipientKind pdfUrl person { id } } }
    ... on Error { message messageEn code }
    ... on InvalidInputError { issues { path message messageEn } }
  }
}`;

interface IssueResult {
  issueCertificate: {
    __typename: string;
    data?: {
      id: string;
      serialNumber: number;
      title: string;
      issuedOn: string;
      issuedOnWareki: string;
      recipientKind: string;
      pdfUrl: string;
    };
    code?: string;
    message?: string;
    messageEn?: string;
    issues?: Array<{ path: string; message: string; messageEn: string }>;
  };
}

const CERTIFICATES = `query ($personId: ID, $groupId: ID, $juvenileParticipantId: ID) {
  certificates(personId: $personId, groupId: $groupId, juvenileParticipantId: $juvenileParticipantId, first: 100) {
    edges { node { id serialNumber recipientKind juvenileParticipant { code } group { id } } }
  }
}`;

async function visibleCertificates(client: TestClient, vars: Record<string, unknown> = {}): Promise<string[]> {
  const res = await client.graphql<{ certificates: { edges: Array<{ node: { id: string } }> } }>(CERTIFICATES, vars);
  expect(res.errors).toBeUndefined();
  return res.data!.certificates.edges.map((e) => e.node.id);
}

const body = "あなたは永年にわたり、地域の見守り活動に尽力されました。\nここに深く感謝の意を表します。";

describe("issuing certificates", () => {
  it("numbers them per organisation, one after another even when issued at the same time", async () => {
    const max = (await server.db.prisma.certificate.aggregate({ _max: { serialNumber: true } }))._max.serialNumber!;
    const auditedBefore = await server.db.prisma.auditEvent.count({ where: { entity: "Certificate", action: "create" } });
    const first = await staff.graphql<IssueResult>(ISSUE, {
      input: { personId: salonLeaderPersonId, title: "感謝状", body, issuedOn: "2026-11-14" },
    });
    expect(first.data!.issueCertificate).toMatchObject({
      __typename: "MutationIssueCertificateSuccess",
      data: { serialNumber: max + 1, recipientKind: "PERSON", issuedOnWareki: "令和8年11月14日" },
    });
    expect(first.data!.issueCertificate.data!.pdfUrl).toBe(`/api/certificates/${first.data!.issueCertificate.data!.id}.pdf`);

    const together = await Promise.all(
      [0, 1, 2].map(() =>
        staff.graphql<IssueResult>(ISSUE, { input: { groupId: salonId, title: "感謝状", body, issuedOn: "2026-11-14" } }),
      ),
    );
    const serials = together.map((r) => r.data!.issueCertificate.data!.serialNumber).sort((a, b) => a - b);
    expect(serials).toEqual([max + 2, max + 3, max + 4]);
    const audited = await server.db.prisma.auditEvent.count({ where: { entity: "Certificate", action: "create" } });
    expect(audited).toBe(auditedBefore + 4);
  });

  it("validates the input in both languages, and writes nothing", async () => {
    const before = await server.db.prisma.certificate.count();
    const award = await server.db.prisma.milestoneAward.findFirstOrThrow({
      where: { personId: { not: null, notIn: [salonLeaderPersonId] } },
      select: { id: true },
    });
    const cases: Array<[Record<string, unknown>, string, RegExp]> = [
      [
        { personId: salonLeaderPersonId, groupId: salonId, title: "感謝状", body, issuedOn: "2026-11-14" },
        "input.personId",
        /exactly one recipient/,
      ],
      [{ title: "感謝状", body, issuedOn: "2026-11-14" }, "input.personId", /exactly one recipient/],
      [{ personId: salonLeaderPersonId, title: "感謝状", body: " ", issuedOn: "2026-11-14" }, "input.body", /Enter the body/],
      [{ personId: salonLeaderPersonId, title: "感謝状", body: "あ".repeat(801), issuedOn: "2026-11-14" }, "input.body", /800 characters/],
      [{ personId: salonLeaderPersonId, title: "感謝状", body, issuedOn: "2099-11-14" }, "input.issuedOn", /days ahead/],
      [
        { juvenileParticipantId: youth.id, title: "感謝状", body: `${youth.code} 様\n${body}`, issuedOn: "2026-11-14" },
        "input.body",
        /juvenile participant's code/,
      ],
      [
        { groupId: cohortId, title: "感謝状", body: `${youth.code}さんをはじめ`, issuedOn: "2026-11-14" },
        "input.body",
        /juvenile participant's code/,
      ],
      [
        { personId: salonLeaderPersonId, milestoneAwardId: award.id, title: "感謝状", body, issuedOn: "2026-11-14" },
        "input.milestoneAwardId",
        /recipient/,
      ],
    ];
    for (const [input, path, en] of cases) {
      const res = await staff.graphql<IssueResult>(ISSUE, { input });
      const result = res.data!.issueCertificate;
      expect(result.__typename, JSON.stringify(input).slice(0, 90)).toBe("InvalidInputError");
      expect(result.message).toMatch(/入力内容に誤りがあります/);
      const issue = result.issues!.find((i) => i.path === path);
      expect(issue, `${path} in ${JSON.stringify(result.issues)}`).toBeDefined();
      expect(issue!.messageEn).toMatch(en);
      expect(issue!.message).toMatch(/[ぁ-んァ-ン一-龥]/);
    }
    const unknown = await staff.graphql<IssueResult>(ISSUE, {
      input: { personId: "00000000-0000-4000-8000-000000000000", title: "感謝状", body, issuedOn: "2026-11-14" },
    });
    expect(unknown.data!.issueCertificate).toMatchObject({ __typename: "NotFoundError", code: "NOT_FOUND" });
    expect(await server.db.prisma.certificate.count()).toBe(before);
  });

  it("is staff-only", async () => {
    const before = await server.db.prisma.certificate.count();
    for (const client of [salonLeader, liaison]) {
      const res = await client.graphql<IssueResult>(ISSUE, { input: { groupId: salonId, title: "感謝状", body, issuedOn: "2026-11-14" } });
      expect(res.data!.issueCertificate).toMatchObject({ __typename: "ForbiddenError", code: "FORBIDDEN" });
    }
    expect(await server.db.prisma.certificate.count()).toBe(before);
  });
});

describe("who sees certificates", () => {
  it("a person their own, a group's accounts the group's, the liaison the cohort's — audited", async () => {
    const all = await visibleCertificates(staff);
    expect(all).toEqual(expect.arrayContaining(Object.values(seeded)));

    const own = await staff.graphql<IssueResult>(ISSUE, {
      input: { personId: salonLeaderPersonId, title: "感謝状", body, issuedOn: "2026-11-14" },
    });
    const ownId = own.data!.issueCertificate.data!.id;
    const leaderSees = await visibleCertificates(salonLeader);
    expect(leaderSees).toContain(ownId);
    expect(leaderSees).not.toContain(seeded.person);
    expect(leaderSees).not.toContain(seeded.cohort);
    expect(leaderSees).not.toContain(seeded.youth);

    const liaisonSees = await liaison.graphql<{
      certificates: { edges: Array<{ node: { id: string; recipientKind: string; juvenileParticipant: { code: string } | null } }> };
    }>(CERTIFICATES);
    const ids = liaisonSees.data!.certificates.edges.map((e) => e.node.id);
    expect(ids.sort()).toEqual([seeded.cohort, seeded.youth].sort());
    const trail = await server.db.prisma.auditEvent.findFirstOrThrow({
      where: { entity: "Certificate", action: "read", actorId: (await viewerOf("liaison")).userId },
      orderBy: { id: "desc" },
    });
    expect((trail.details as { ids: string[] }).ids.sort()).toEqual(ids.sort());

    expect(await visibleCertificates(coordinator)).toEqual([]);
    expect(await visibleCertificates(liaison, { personId: salonLeaderPersonId })).toEqual([]);
  });
});

describe("the certificate PDF", () => {
  it("is downloaded by staff: an A4 page in Japanese with the 和暦 date", async () => {
    const res = await download("staff", seeded.person);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("application/pdf");
    expect(res.headers.get("content-disposition")).toMatch(/^attachment;/);
    expect(res.headers.get("cache-control")).toBe("private, no-store");
    const pdf = Buffer.from(await res.arrayBuffer());
    expect(pdf.subarray(0, 5).toString()).toBe("%PDF-");
    expect(pdf.length).toBeGreaterThan(20_000);
    expect(pageCount(pdf)).toBe(1);
    expect(pdf.toString("latin1")).toMatch(/\/MediaBox \[0 0 595\.28 841\.89\]/);

    const row = await server.db.prisma.certificate.findUniqueOrThrow({
      where: { id: seeded.person },
      select: { person: { select: { legalName: true } }, serialNumber: true },
    });
    const text = pdfText(await renderCertificatePdf(seeded.person, await viewerOf("staff"), { compress: false }));
    expect(text).toContain("感謝状");
    expect(text).toContain(`第${row.serialNumber}号`);
    expect(text).toContain(`${row.person!.legalName}\u3000様`);
    expect(text).toMatch(/令和\d+年\d+月\d+日/);
    expect(text).toContain("阪南市社会福祉協議会");
    expect(text).toContain("会長");
    expect(text).not.toContain("?");
    // the seeded body repeats the addressee, date and signature; the layout prints them once
    expect(text.split("阪南市社会福祉協議会").length - 1).toBe(1);
    expect(text.split(`${row.person!.legalName}`).length - 1).toBe(1);
  });

  it("names no youth: neither code nor anything but the programme's name", async () => {
    const cert = await server.db.prisma.certificate.findUniqueOrThrow({
      where: { id: seeded.youth },
      select: { juvenileParticipant: { select: { code: true } } },
    });
    const code = cert.juvenileParticipant!.code;
    const pdf = await renderCertificatePdf(seeded.youth, await viewerOf("staff"), { compress: false });
    const text = pdfText(pdf);
    expect(text).toContain(JUVENILE_RECIPIENT);
    expect(text).toContain("感謝状");
    expect(text).not.toContain(code);
    expect(pdf.toString("latin1")).not.toContain(code);
    expect(pdf.toString("utf16le")).not.toContain(code);
    // nor any other youth's code
    const codes = await server.db.prisma.juvenileParticipant.findMany({ select: { code: true } });
    for (const c of codes) expect(text).not.toContain(c.code);

    const cohort = pdfText(await renderCertificatePdf(seeded.cohort, await viewerOf("staff"), { compress: false }));
    expect(cohort).toContain(JUVENILE_COHORT_RECIPIENT);
    expect(cohort).toContain("バリ旨わかめ");
  });

  it("is downloaded by the person themself and by the liaison for the cohort, and refused to everyone else", async () => {
    const own = await staff.graphql<IssueResult>(ISSUE, {
      input: { personId: salonLeaderPersonId, title: "感謝状", body, issuedOn: "2026-11-14" },
    });
    const ownId = own.data!.issueCertificate.data!.id;
    expect((await download("salon-leader", ownId)).status).toBe(200);
    expect((await download("salon-leader", seeded.person)).status).toBe(403);
    expect((await download("salon-leader", seeded.youth)).status).toBe(403);

    const liaisonId = (await viewerOf("liaison")).userId;
    const before = await server.db.prisma.auditEvent.count({
      where: { actorId: liaisonId, entity: "Certificate", entityId: seeded.youth },
    });
    const youthPdf = await download("liaison", seeded.youth);
    expect(youthPdf.status).toBe(200);
    expect((await youthPdf.arrayBuffer()).byteLength).toBeGreaterThan(20_000);
    expect(await server.db.prisma.auditEvent.count({ where: { actorId: liaisonId, entity: "Certificate", entityId: seeded.youth } })).toBe(
      before + 1,
    );
    expect((await download("liaison", seeded.cohort)).status).toBe(200);
    expect((await download("liaison", seeded.person)).status).toBe(403);
    expect((await download("liaison", ownId)).status).toBe(403);

    const refused = await download("coordinator.ozaki", seeded.cohort);
    expect(refused.status).toBe(403);
    expect(await refused.json()).toMatchObject({ code: "FORBIDDEN", messageEn: "You are not allowed to download this certificate." });
    expect((await download(null, seeded.person)).status).toBe(401);
    expect((await download("staff", "00000000-0000-4000-8000-000000000000")).status).toBe(404);
    expect((await download("staff", "not-an-id")).status).toBe(404);
  });
});

describe("printedBody", () => {
  it("drops the addressee, date and signature lines a whole letter carries, and keeps the rest", () => {
    expect(printedBody("山田 太郎 様\nあなたは…尽力されました。\n\n令和8年11月14日\n社会福祉法人 阪南市社会福祉協議会 会長")).toBe(
      "あなたは…尽力されました。",
    );
    expect(printedBody("あなたは…尽力されました。\nここに感謝の意を表します。")).toBe(
      "あなたは…尽力されました。\nここに感謝の意を表します。",
    );
  });
});
