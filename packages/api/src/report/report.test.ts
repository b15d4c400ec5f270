// Fiscal-year reports over HTTP: the figures equal an independent sum over the database, the
// juvenile programme counts only for staff and the liaison, and the CSV (BOM, CRLF, Japanese
// headers) never contains it.
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import type { Prisma } from "@tsunagu/db";

import { startTestServer, type TestClient, type TestServer } from "../testing.ts";

let server: TestServer;
let staff: TestClient;
let salonLeader: TestClient;
let liaison: TestClient;

/** 年度 2025 (April 2025 – March 2026) holds a whole juvenile season (December–March). */
const FY = 2025;

interface Figures {
  hours: number;
  minutes: number;
  activities: number;
  volunteers: number;
  peopleServed: number;
}
interface Row {
  id: string | null;
  code: string | null;
  name: string;
  figures: Figures;
}
interface Report {
  fiscalYear: number;
  includesJuvenileProgramme: boolean;
  totals: Figures;
  exportTotals: Figures;
  byMonth: Array<{ year: number; month: number; figures: Figures }>;
  byProgramme: Row[];
  byArea: Row[];
  byActivityType: Row[];
}

const FIGURES = "figures { hours minutes activities volunteers peopleServed }";
const REPORT = /* GraphQL */ `
  query ($fy: Int!, $programmeCode: String, $areaId: ID) {
    fiscalYearReport(fiscalYear: $fy, programmeCode: $programmeCode, areaId: $areaId) {
      fiscalYear includesJuvenileProgramme
      totals { hours minutes activities volunteers peopleServed }
      exportTotals { hours minutes activities volunteers peopleServed }
      byMonth { year month ${FIGURES} }
      byProgramme { id code name ${FIGURES} }
      byArea { id code name ${FIGURES} }
      byActivityType { id code name ${FIGURES} }
    }
  }
`;

const CSV = /* GraphQL */ `
  query ($fy: Int!, $breakdown: ReportBreakdown!) {
    fiscalYearReportCsv(fiscalYear: $fy, breakdown: $breakdown) {
      filename
      mimeType
      text
    }
  }
`;

async function report(client: TestClient, vars: Record<string, unknown> = {}): Promise<Report> {
  const res = await client.graphql<{ fiscalYearReport: Report }>(REPORT, { fy: FY, ...vars });
  expect(res.errors).toBeUndefined();
  return res.data!.fiscalYearReport;
}

/** The same figures, summed independently with Prisma's own aggregates. */
async function expected(where: Prisma.ActivityLogWhereInput) {
  const db = server.db.prisma;
  const logs: Prisma.ActivityLogWhereInput = { fiscalYear: FY, status: "APPROVED", ...where };
  const [agg, minutes, people, youths] = await Promise.all([
    db.activityLog.aggregate({ where: logs, _count: { _all: true }, _sum: { peopleServed: true } }),
    db.activityLogParticipant.aggregate({ where: { activityLog: logs }, _sum: { minutes: true } }),
    db.activityLogParticipant.findMany({
      where: { activityLog: logs, personId: { not: null } },
      distinct: ["personId"],
      select: { personId: true },
    }),
    db.activityLogParticipant.findMany({
      where: { activityLog: logs, juvenileParticipantId: { not: null } },
      distinct: ["juvenileParticipantId"],
      select: { juvenileParticipantId: true },
    }),
  ]);
  return {
    minutes: minutes._sum.minutes ?? 0,
    activities: agg._count._all,
    volunteers: people.length + youths.length,
    peopleServed: agg._sum.peopleServed ?? 0,
  };
}

/** logs outside the juvenile programme (set once the server is up) */
let notJuvenile: Prisma.ActivityLogWhereInput;
const only = ({ minutes, activities, volunteers, peopleServed }: Figures) => ({ minutes, activities, volunteers, peopleServed });
const sum = (rows: Array<{ figures: Figures }>, key: keyof Figures) => rows.reduce((n, r) => n + r.figures[key], 0);

beforeAll(async () => {
  server = await startTestServer();
  [staff, salonLeader, liaison] = await Promise.all([server.signIn("staff"), server.signIn("salon-leader"), server.signIn("liaison")]);
  const cohorts = await server.db.prisma.group.findMany({ where: { programme: { privacyTier: "JUVENILE" } }, select: { id: true } });
  expect(cohorts.length).toBeGreaterThan(0);
  notJuvenile = { groupId: { notIn: cohorts.map((g) => g.id) } };
});
afterAll(() => server?.close());

describe("fiscal-year report", () => {
  it("staff see totals equal to an independent sum, the juvenile programme included", async () => {
    const r = await report(staff);
    expect(r.fiscalYear).toBe(FY);
    expect(r.includesJuvenileProgramme).toBe(true);
    const want = await expected({});
    expect(want.activities).toBeGreaterThan(100);
    expect(only(r.totals)).toEqual(want);
    expect(r.totals.hours).toBeCloseTo(want.minutes / 60, 1);
    expect(r.byProgramme.map((p) => p.code)).toContain("juvenile");
    const juvenile = r.byProgramme.find((p) => p.code === "juvenile")!;
    expect(only(juvenile.figures)).toEqual(await expected({ NOT: notJuvenile }));
  });

  it("breakdowns: twelve months April to March, and every breakdown adds up to the totals", async () => {
    const r = await report(staff);
    expect(r.byMonth.map((m) => m.month)).toEqual([4, 5, 6, 7, 8, 9, 10, 11, 12, 1, 2, 3]);
    expect(r.byMonth.map((m) => m.year)).toEqual([...Array(9).fill(FY), ...Array(3).fill(FY + 1)]);
    for (const rows of [r.byMonth, r.byProgramme, r.byArea, r.byActivityType]) {
      expect(sum(rows, "minutes")).toBe(r.totals.minutes);
      expect(sum(rows, "activities")).toBe(r.totals.activities);
      expect(sum(rows, "peopleServed")).toBe(r.totals.peopleServed);
    }
    const december = r.byMonth.find((m) => m.month === 12)!;
    expect(only(december.figures)).toEqual(
      await expected({ date: { gte: new Date(`${FY}-12-01T00:00:00Z`), lt: new Date(`${FY + 1}-01-01T00:00:00Z`) } }),
    );
    const salon = r.byActivityType.find((t) => t.code === "salon")!;
    expect(only(salon.figures)).toEqual(await expected({ activityType: { code: "salon" } }));
  });

  it("other accounts see aggregates without the juvenile programme; the liaison sees it", async () => {
    const r = await report(salonLeader);
    expect(r.includesJuvenileProgramme).toBe(false);
    expect(r.byProgramme.map((p) => p.code)).not.toContain("juvenile");
    expect(only(r.totals)).toEqual(await expected(notJuvenile));
    const all = await report(staff);
    expect(r.totals.minutes).toBeLessThan(all.totals.minutes);
    const byLiaison = await report(liaison);
    expect(byLiaison.includesJuvenileProgramme).toBe(true);
    expect(only(byLiaison.totals)).toEqual(only(all.totals));
    // asking for the juvenile programme does not reveal it either
    const asked = await report(salonLeader, { programmeCode: "juvenile" });
    expect(only(asked.totals)).toEqual({ minutes: 0, activities: 0, volunteers: 0, peopleServed: 0 });
  });

  it("filters by programme and by area", async () => {
    const salons = await report(salonLeader, { programmeCode: "salon" });
    const groupsOf = async (where: Prisma.GroupWhereInput) =>
      (await server.db.prisma.group.findMany({ where, select: { id: true } })).map((g) => g.id);
    expect(only(salons.totals)).toEqual(await expected({ groupId: { in: await groupsOf({ programme: { code: "salon" } }) } }));
    expect(salons.byProgramme.map((p) => p.code)).toEqual(["salon"]);
    const area = await server.db.prisma.area.findFirstOrThrow({ where: { name: "尾崎" } });
    const ozaki = await report(salonLeader, { areaId: area.id });
    const inArea = await groupsOf({ areaId: area.id, programme: { privacyTier: { not: "JUVENILE" } } });
    expect(only(ozaki.totals)).toEqual(await expected({ groupId: { in: inArea } }));
    expect(ozaki.byArea.map((a) => a.id)).toEqual([area.id]);
  });

  it("refuses a fiscal year out of range and signed-out requests", async () => {
    const bad = await staff.graphql<{ fiscalYearReport: Report | null }>(REPORT, { fy: 1999 });
    expect(bad.data?.fiscalYearReport ?? null).toBeNull();
    expect(bad.errors?.[0]).toMatchObject({
      message: expect.stringMatching(/入力内容に誤りがあります/),
      extensions: { code: "INVALID_INPUT", messageEn: expect.stringMatching(/problem/) },
    });
    const anon = await server.anonymous.graphql<{ fiscalYearReport: Report | null }>(REPORT, { fy: FY });
    expect(anon.data?.fiscalYearReport ?? null).toBeNull();
    expect(anon.errors?.length).toBeGreaterThan(0);
  });
});

describe("fiscal-year report CSV", () => {
  it("is UTF-8 with BOM and CRLF, in Japanese, and never contains the juvenile programme — even for staff", async () => {
    const res = await staff.graphql<{ fiscalYearReportCsv: { filename: string; mimeType: string; text: string } }>(CSV, {
      fy: FY,
      breakdown: "PROGRAMME",
    });
    expect(res.errors).toBeUndefined();
    const csv = res.data!.fiscalYearReportCsv;
    expect(csv.filename).toBe(`活動実績_令和${FY - 2018}年度_事業別.csv`);
    expect(csv.mimeType).toMatch(/^text\/csv/);
    expect(csv.text.startsWith("\uFEFF")).toBe(true);
    expect(csv.text.endsWith("\r\n")).toBe(true);
    expect(csv.text.replace(/\r\n/g, "")).not.toMatch(/\n/);
    const lines = csv.text.slice(1).trimEnd().split("\r\n");
    expect(lines[0]).toBe("事業,活動時間（時間）,活動件数,活動者数（実人数）,対象者数（延べ）");
    const juvenileName = (await server.db.prisma.programme.findFirstOrThrow({ where: { code: "juvenile" } })).name;
    // no figure, name or code of the juvenile programme: only the note of the last line names it
    const data = lines.slice(0, -1).join("\n");
    expect(data).not.toContain(juvenileName);
    expect(data).not.toMatch(/少年院|泉南学寮|GS-R/);
    expect(csv.text).not.toMatch(/泉南学寮|GS-R/);
    const want = await expected(notJuvenile);
    // staff see the juvenile programme on screen: the file's last line says it is left out, and why
    expect(lines.at(-1)).toBe(
      "※少年院ボランティアの活動は、少年法第61条の趣旨によりファイルには含めていません（画面の合計には含まれます）。",
    );
    expect(lines.at(-2)).toBe(
      `合計,${Math.round((want.minutes / 60) * 10) / 10},${want.activities},${want.volunteers},${want.peopleServed}`,
    );
    const rows = lines.slice(1, -2);
    const reported = await report(staff);
    // the screen says what the file's total is: exportTotals, the totals without the juvenile programme
    expect(reported.exportTotals).toMatchObject({
      minutes: want.minutes,
      activities: want.activities,
      volunteers: want.volunteers,
      peopleServed: want.peopleServed,
    });
    expect(reported.totals.activities).toBeGreaterThan(reported.exportTotals.activities);
    expect(csv.filename).toBe(`活動実績_令和${FY - 2018}年度_事業別.csv`);
    expect(rows).toHaveLength(reported.byProgramme.length - 1);
    expect(await server.db.prisma.auditEvent.count({ where: { action: "export", entity: "FiscalYearReport" } })).toBeGreaterThan(0);
  });

  it("has twelve month rows and a total, for any signed-in account", async () => {
    const res = await salonLeader.graphql<{ fiscalYearReportCsv: { text: string } }>(CSV, { fy: FY, breakdown: "MONTH" });
    const lines = res.data!.fiscalYearReportCsv.text.slice(1).trimEnd().split("\r\n");
    // a salon leader's screen has no juvenile programme: no note, and the file's total is the screen's
    expect(lines).toHaveLength(14);
    expect(lines[0]!.startsWith("月,")).toBe(true);
    const onScreen = await report(salonLeader);
    expect(onScreen.exportTotals).toEqual(onScreen.totals);
    expect(lines[13]).toBe(
      `合計,${onScreen.totals.hours},${onScreen.totals.activities},${onScreen.totals.volunteers},${onScreen.totals.peopleServed}`,
    );
    expect(lines[1]!.startsWith(`${FY}年4月,`)).toBe(true);
    expect(lines[12]!.startsWith(`${FY + 1}年3月,`)).toBe(true);
    expect(lines[13]!.startsWith("合計,")).toBe(true);
    const byArea = await liaison.graphql<{ fiscalYearReportCsv: { text: string } }>(CSV, { fy: FY, breakdown: "AREA" });
    const areaLines = byArea.data!.fiscalYearReportCsv.text.slice(1).trimEnd().split("\r\n");
    expect(areaLines[0]).toMatch(/^地区,/);
    const want = await expected(notJuvenile);
    expect(areaLines.at(-2)!.split(",")[2]).toBe(String(want.activities)); // the last line: the liaison's note
  });
});
