// 感謝状 as a PDF: A4 portrait, horizontal Japanese layout — 第N号, the title, the recipient with
// 様, the body, the date in 和暦, the organisation and 会長. A youth of the juvenile programme is
// never named, nor is their code printed (少年法61条): the recipient reads 「グリーンサポーター 様」.
// Served over HTTP (certificateRoute) so a browser can download it.
import type { RequestHandler } from "express";

import { prisma } from "@tsunagu/db/client";

import { auditRestrictedRead } from "../audit/audit.ts";
import type { Auth } from "../auth/auth.ts";
import type { ViewerCache } from "../auth/viewer.ts";
import type { Context, Viewer } from "../context.ts";
import { AppError, ForbiddenError, NotFoundError, retryableError } from "../errors.ts";
import { causeOf } from "../log.ts";
import { required } from "../required.ts";
import { isUuid } from "../validation.ts";
import { juvenileCertificateIds, visibleCertificatesWhere } from "./access.ts";
import { runsOf, subsetFile, type Weight } from "./fonts.ts";
import { formatWareki } from "./wareki.ts";

/** 全角スペース, the ideographic space of Japanese typesetting */
const SP = "\u3000";

/** How a youth of the juvenile programme, or a cohort, is addressed: the programme's public name only. */
export const JUVENILE_RECIPIENT = `グリーンサポーター${SP}様`;
export const JUVENILE_COHORT_RECIPIENT = "グリーンサポーターの皆さま";

interface CertificateContent {
  serialNumber: number;
  title: string;
  /** the printed addressee, e.g. 「南 太郎 様」 (with an ideographic space) */
  recipient: string;
  body: string;
  /** 和暦, e.g. 令和8年11月26日 */
  date: string;
  organization: string;
}

const certificateSelect = {
  id: true,
  groupId: true,
  juvenileParticipantId: true,
  serialNumber: true,
  title: true,
  body: true,
  issuedOn: true,
  person: { select: { legalName: true } },
  group: { select: { name: true, programme: { select: { privacyTier: true } } } },
  juvenileParticipant: { select: { code: true } },
  organization: { select: { name: true } },
} as const;

/** What the certificate prints, from its row. */
function certificateContent(row: {
  serialNumber: number;
  title: string;
  body: string;
  issuedOn: Date;
  person: { legalName: string } | null;
  group: { name: string; programme: { privacyTier: string } } | null;
  juvenileParticipant: { code: string } | null;
  organization: { name: string };
}): CertificateContent {
  let recipient: string;
  let { title, body } = row;
  if (row.juvenileParticipant) {
    recipient = JUVENILE_RECIPIENT;
    // issueCertificate refuses a code in the text; should one be there anyway, it is not printed
    const code = row.juvenileParticipant.code;
    title = title.split(code).join("＊＊＊");
    body = body.split(code).join("＊＊＊");
  } else if (row.group) {
    recipient = row.group.programme.privacyTier === "JUVENILE" ? JUVENILE_COHORT_RECIPIENT : `${row.group.name} の皆さま`;
  } else {
    recipient = `${row.person?.legalName ?? ""}${SP}様`;
  }
  return {
    serialNumber: row.serialNumber,
    title,
    recipient,
    body: printedBody(body),
    date: formatWareki(row.issuedOn),
    organization: row.organization.name,
  };
}

const WAREKI_LINE = /^(令和|平成|昭和)(元|\d+)年\d+月\d+日$/;

/**
 * The body without the lines the layout prints itself: a leading addressee line (「…様」,
 * 「…の皆さま」) and trailing date and 「…会長」 lines, which certificates typed as a whole letter
 * (the demo data's among them) carry.
 */
export function printedBody(body: string): string {
  const lines = body.replace(/\r\n?/g, "\n").split("\n");
  while (lines[0]?.trim() === "") lines.shift();
  const first = lines[0]?.trim() ?? "";
  if (lines.length > 1 && first.length <= 60 && /(様|皆さま|皆様)$/.test(first)) lines.shift();
  for (;;) {
    const last = lines.at(-1)?.trim();
    if (last === undefined) break;
    if (last === "" || WAREKI_LINE.test(last) || /会長$/.test(last)) lines.pop();
    else break;
  }
  return lines.join("\n");
}

// ───────────────────────── layout ─────────────────────────

const A4 = { width: 595.28, height: 841.89 };
const MARGIN_X = 72;
const INK = "#1a1a1a";
const GOLD = "#a8842c";

/** Characters that may not begin a line (行頭禁則); the first few hang in the margin instead. */
const NO_START = new Set([..."、。，．,.・：；？！?!ー－」』）］｝〕〉》】ゝゞ々ぁぃぅぇぉっゃゅょゎァィゥェォッャュョヮヵヶ…‥%"]);
const HANGING = new Set([..."、。，．,."]);
/** Characters that may not end a line (行末禁則). */
const NO_END = new Set([..."「『（［｛〔〈《【([{"]);

class Typesetter {
  private readonly registered = new Set<string>();
  constructor(private readonly doc: PDFKit.PDFDocument) {}

  private use(font: string, size: number): void {
    if (!this.registered.has(font)) {
      this.doc.registerFont(font, subsetFile(font));
      this.registered.add(font);
    }
    this.doc.font(font).fontSize(size);
  }

  width(text: string, size: number, weight: Weight = 400, spacing = 0): number {
    let w = 0;
    for (const run of runsOf(text, weight)) {
      this.use(run.font, size);
      w += this.doc.widthOfString(run.text) + spacing * [...run.text].length;
    }
    return w;
  }

  draw(text: string, x: number, y: number, size: number, weight: Weight = 400, spacing = 0): void {
    let at = x;
    for (const run of runsOf(text, weight)) {
      this.use(run.font, size);
      this.doc.fillColor(INK).text(run.text, at, y, { lineBreak: false, characterSpacing: spacing });
      at += this.doc.widthOfString(run.text) + spacing * [...run.text].length;
    }
  }

  /** Breaks a paragraph into lines of at most `max` points, with Japanese line-breaking rules. */
  wrap(paragraph: string, max: number, size: number): string[] {
    // Latin words and numbers (「13kg」「44袋」's 44) stay whole; Japanese breaks between characters
    const units = paragraph.match(/[A-Za-z0-9][A-Za-z0-9.,:%'/-]*|[\s\S]/gu) ?? [];
    const lines: string[] = [];
    let cur: string[] = [];
    let curW = 0;
    for (const unit of units) {
      const w = this.width(unit, size);
      if (cur.length === 0 || curW + w <= max) {
        cur.push(unit);
        curW += w;
        continue;
      }
      if (HANGING.has(unit)) {
        // ぶら下げ: the comma or full stop hangs past the right edge
        lines.push([...cur, unit].join(""));
        cur = [];
        curW = 0;
        continue;
      }
      const carry: string[] = [];
      // 追い出し: a character that may not start a line takes the previous one along
      if (NO_START.has(unit.charAt(0)) && cur.length > 1) carry.unshift(...cur.splice(-1));
      while (cur.length > 1 && NO_END.has(required(cur.at(-1), "last unit of the line").slice(-1))) carry.unshift(...cur.splice(-1));
      lines.push(cur.join(""));
      cur = [...carry, unit];
      curW = this.width(cur.join(""), size);
    }
    if (cur.length > 0) lines.push(cur.join(""));
    return lines;
  }
}

interface BodyLayout {
  size: number;
  lineHeight: number;
  lines: string[];
}

/** The largest body size from 18 pt down at which the whole body fits its box. */
function layoutBody(ts: Typesetter, body: string, width: number, height: number): BodyLayout {
  const paragraphs = body.split("\n").map((p) => p.trimEnd());
  let layout: BodyLayout | null = null;
  for (let size = 18; size >= 8; size--) {
    const lineHeight = size * 1.85;
    const lines: string[] = [];
    for (const p of paragraphs) {
      if (p.trim() === "") {
        lines.push("");
        continue;
      }
      // 字下げ: a paragraph starts one full-width space in, unless it opens with a bracket
      const indented = /^[\u3000「『（]/.test(p) ? p : `${SP}${p.trimStart()}`;
      lines.push(...ts.wrap(indented, width, size));
    }
    layout = { size, lineHeight, lines };
    if (lines.length * lineHeight <= height) break;
  }
  return required(layout, "body layout (the loop runs at least once)");
}

/** Draws the certificate on an A4 page; returns the PDF's bytes. */
async function renderCertificate(content: CertificateContent, options: { compress?: boolean } = {}): Promise<Buffer> {
  // pdfkit is loaded with the first certificate, not when the server starts (about 25 MB of memory)
  const { default: PDFDocument } = await import("pdfkit");
  const doc = new PDFDocument({
    size: "A4",
    layout: "portrait",
    margin: 0,
    compress: options.compress ?? true,
    lang: "ja-JP",
    displayTitle: true,
    info: {
      Title: `${content.title} 第${content.serialNumber}号`,
      Author: content.organization,
      Creator: "Tsunagu",
    },
  });
  const chunks: Buffer[] = [];
  doc.on("data", (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on("end", () => resolve(Buffer.concat(chunks)));
    doc.on("error", reject);
  });

  const ts = new Typesetter(doc);
  const { width: W, height: H } = A4;
  const inner = W - 2 * MARGIN_X;

  // frame: a heavy outer rule and a fine inner one, as on printed 賞状 paper
  doc
    .lineWidth(3.5)
    .strokeColor(GOLD)
    .rect(28, 28, W - 56, H - 56)
    .stroke();
  doc
    .lineWidth(0.8)
    .strokeColor(GOLD)
    .rect(37, 37, W - 74, H - 74)
    .stroke();

  const serial = `第${content.serialNumber}号`;
  ts.draw(serial, W - 66 - ts.width(serial, 11), 58, 11);

  // title: wide letter-spacing for the usual three characters, tighter for longer titles
  const titleChars = [...content.title].length;
  let titleSize = 46;
  let spacing = titleChars <= 5 ? titleSize * 0.6 : titleSize * 0.1;
  while (titleSize > 16 && ts.width(content.title, titleSize, 700, spacing) - spacing > inner) {
    titleSize -= 2;
    spacing = titleChars <= 5 ? titleSize * 0.6 : titleSize * 0.1;
  }
  const titleWidth = ts.width(content.title, titleSize, 700, spacing) - spacing;
  ts.draw(content.title, (W - titleWidth) / 2, 98, titleSize, 700, spacing);

  let recipientSize = 22;
  while (recipientSize > 10 && ts.width(content.recipient, recipientSize) > inner) recipientSize -= 1;
  const recipientWidth = ts.width(content.recipient, recipientSize);
  ts.draw(content.recipient, MARGIN_X, 205, recipientSize);
  const ruleY = 205 + recipientSize * 1.5;
  doc
    .lineWidth(0.6)
    .strokeColor(INK)
    .moveTo(MARGIN_X, ruleY)
    .lineTo(Math.max(MARGIN_X + recipientWidth + 12, W / 2), ruleY)
    .stroke();

  const bodyTop = 272;
  const bodyBottom = 618;
  const body = layoutBody(ts, content.body, inner, bodyBottom - bodyTop);
  body.lines.forEach((line, i) => {
    if (line) ts.draw(line, MARGIN_X, bodyTop + i * body.lineHeight, body.size);
  });

  ts.draw(content.date, MARGIN_X + 24, 640, 15);

  const org = content.organization.startsWith("社会福祉法人") ? content.organization : `社会福祉法人${SP}${content.organization}`;
  let orgSize = 16;
  while (orgSize > 10 && ts.width(org, orgSize) > inner - 40) orgSize -= 1;
  ts.draw(org, W - MARGIN_X - ts.width(org, orgSize), 690, orgSize);
  const chair = "会長";
  ts.draw(chair, W - MARGIN_X - ts.width(chair, 16, 400, 16) + 16, 724, 16, 400, 16);

  doc.end();
  return done;
}

// ───────────────────────── loading, authorisation, HTTP ─────────────────────────

/**
 * The certificate as `viewer` may have it: staff any of their organisation's; a person's own
 * account theirs; a group's accounts (and the liaison, for cohorts and their youths) the group's.
 * Throws NOT_FOUND (no such certificate in the viewer's organisation) or FORBIDDEN.
 */
async function loadCertificate(certificateId: string, viewer: Viewer) {
  if (!isUuid(certificateId)) throw new NotFoundError({ ja: "感謝状", en: "certificate" });
  const row = await prisma().certificate.findFirst({
    where: { id: certificateId, AND: [visibleCertificatesWhere(viewer)] },
    select: certificateSelect,
  });
  if (row) return row;
  const exists = await prisma().certificate.count({ where: { id: certificateId, orgId: viewer.orgId } });
  if (exists > 0)
    throw new ForbiddenError({
      ja: "この感謝状をダウンロードする権限がありません。",
      en: "You are not allowed to download this certificate.",
    });
  throw new NotFoundError({ ja: "感謝状", en: "certificate" });
}

/**
 * The certificate's PDF for `viewer` (see loadCertificate for who may have it).
 * `compress: false` leaves the content streams readable (the tests look inside).
 */
export async function renderCertificatePdf(certificateId: string, viewer: Viewer, options: { compress?: boolean } = {}): Promise<Buffer> {
  return renderCertificate(certificateContent(await loadCertificate(certificateId, viewer)), options);
}

const STATUS: Record<string, number> = { FORBIDDEN: 403, NOT_FOUND: 404 };

/**
 * GET /api/certificates/:id.pdf — reads the session as the GraphQL context does. Non-staff
 * downloads of juvenile-programme certificates are audited as restricted reads.
 */
export function certificateRoute(auth: Auth, viewers: ViewerCache): RequestHandler {
  return async (req, res) => {
    res.setHeader("cache-control", "private, no-store");
    try {
      const viewer = await viewers.viewerFor(auth, req.headers);
      if (!viewer) {
        res.status(401).json({ code: "UNAUTHENTICATED", message: "ログインしてください。", messageEn: "Please sign in." });
        return;
      }
      const id = String(req.params.id);
      const row = await loadCertificate(id, viewer);
      const pdf = await renderCertificate(certificateContent(row));
      const ctx: Context = { requestId: String(req.id), viewer, viewers, log: req.log, memo: new Map() };
      await auditRestrictedRead(ctx, "Certificate", juvenileCertificateIds(viewer, [row]));
      res
        .status(200)
        .type("application/pdf")
        .setHeader(
          "content-disposition",
          `attachment; filename="certificate-${id}.pdf"; filename*=UTF-8''${encodeURIComponent("感謝状")}-${id}.pdf`,
        )
        .setHeader("x-content-type-options", "nosniff")
        .send(pdf);
    } catch (err) {
      const status = err instanceof AppError ? STATUS[err.code] : undefined;
      if (err instanceof AppError && status) {
        res.status(status).json({ code: err.code, message: err.message, messageEn: err.messageEn });
        return;
      }
      // a busy or lost database: 503 with the retryable BUSY / UNAVAILABLE, as the GraphQL API answers
      const retryable = retryableError(err);
      if (retryable) {
        req.log.warn({ code: retryable.code, cause: causeOf(err) }, "database failure");
        res.status(503).json({ code: retryable.code, message: retryable.message, messageEn: retryable.messageEn });
        return;
      }
      req.log.error({ err }, "certificate pdf failed");
      res
        .status(500)
        .json({ code: "INTERNAL_SERVER_ERROR", message: "サーバーでエラーが発生しました。", messageEn: "An internal error occurred." });
    }
  };
}
