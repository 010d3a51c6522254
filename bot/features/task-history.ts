import { Composer, InlineKeyboard } from "grammy";
import { formatDate, formatDateTime } from "../../core/time/vietnam-date";
import { extensionsOf } from "../../db/queries/extensions";
import { reportEvidence, reportsOf } from "../../db/queries/reports";
import { openEvidence, taskCard, taskHistory } from "../callback-data";
import type { BotContext, MemberContext } from "../context";
import { escapeHtml, shorten } from "../render/html";
import { historyTexts as t, reportTexts } from "../texts";
import { viewableAssignment } from "./task-card";

/** Keeps the history within one Telegram message (4096 characters) with room to spare. */
const HISTORY_MAX_CHARS = 3500;
const FILE_BUTTONS_MAX = 8;

export const taskHistoryFeature = new Composer<BotContext>();

taskHistoryFeature.callbackQuery(taskHistory.pattern, async (ctx) => {
  const c = ctx as MemberContext;
  const assignment = await viewableAssignment(c, Number(ctx.match[1]));
  if (!assignment) return;
  const { db } = c.deps;
  const [reports, extensions] = await db.batch([reportsOf(db, assignment.id), extensionsOf(db, assignment.id)]);

  const events: { at: string; lines: string[] }[] = [];
  const keyboard = new InlineKeyboard();
  let fileButtons = 0;
  for (const r of reports) {
    const at = formatDateTime(r.createdAt);
    const note = escapeHtml(shorten(r.note ?? "", 160));
    const who = escapeHtml(r.memberName);
    const lines = [r.kind === "completion" ? t.completion(at, who, note) : r.kind === "checkin" ? t.checkin(at, who, r.periodKey ?? "", note) : t.progress(at, who, r.percent, note)];
    if (r.evidence?.length) {
      lines.push(t.files(r.evidence.length));
      r.evidence.forEach((file, i) => {
        if (fileButtons++ < FILE_BUTTONS_MAX) keyboard.text(t.fileButton(fileButtons, shorten(file.name ?? "ảnh", 24)), openEvidence.build(r.id, i)).row();
      });
    }
    if (r.kind === "completion") {
      if (r.reviewStatus === "pending") lines.push(t.reviewPending);
      else if (r.reviewedAt) events.push({ at: r.reviewedAt, lines: [t.reviewed(formatDateTime(r.reviewedAt), r.reviewStatus === "confirmed", r.reviewNote && escapeHtml(r.reviewNote))] });
    }
    events.push({ at: r.createdAt, lines });
  }
  for (const e of extensions) {
    const lines = [t.extension(formatDateTime(e.createdAt), e.originalDue ? formatDate(e.originalDue) : "—", formatDate(e.proposedDue), escapeHtml(shorten(e.reason, 160)))];
    if (e.status === "pending") lines.push(t.extensionPending);
    else if (e.decidedAt) events.push({ at: e.decidedAt, lines: [t.extensionDecided(formatDateTime(e.decidedAt), e.status === "approved")] });
    events.push({ at: e.createdAt, lines });
  }
  events.sort((a, b) => a.at.localeCompare(b.at));

  // Newest events matter most when the history is long: drop from the oldest.
  const body: string[] = [];
  let length = 0;
  for (const event of [...events].reverse()) {
    const text = event.lines.join("\n");
    if (length + text.length > HISTORY_MAX_CHARS) break;
    body.unshift(text);
    length += text.length + 1;
  }
  const header = t.header(escapeHtml(assignment.ref), escapeHtml(assignment.unitName));
  keyboard.text(reportTexts.buttons.openTask, taskCard.build(assignment.id));
  await ctx.answerCallbackQuery();
  await ctx.reply([header, "", body.length ? body.join("\n") : t.empty].join("\n"), { parse_mode: "HTML", reply_markup: keyboard });
});

taskHistoryFeature.callbackQuery(openEvidence.pattern, async (ctx) => {
  const c = ctx as MemberContext;
  const [report] = await reportEvidence(c.deps.db, Number(ctx.match[1]));
  const file = report?.evidence?.[Number(ctx.match[2])];
  if (!report || !file) return void (await ctx.answerCallbackQuery({ text: t.fileGone }));
  if (!(await viewableAssignment(c, report.assignmentId))) return;
  await ctx.answerCallbackQuery();
  if (file.kind === "photo") await ctx.replyWithPhoto(file.fileId);
  else await ctx.replyWithDocument(file.fileId);
});
