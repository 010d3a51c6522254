import { Composer, InlineKeyboard } from "grammy";
import { canViewAssignment } from "../../core/access/policy";
import { statusOf } from "../../core/status/of-assignment";
import { formatDateTime, vietnamDate } from "../../core/time/vietnam-date";
import { assignmentById, latestReports, taskUnits } from "../../db/queries/assignments";
import { taskCard, taskListPage } from "../callback-data";
import type { BotContext, MemberContext } from "../context";
import { deadlineLine } from "../render/deadline";
import { escapeHtml, shorten } from "../render/html";
import { statusLabel, texts } from "../texts";
import { ignoreNotModified } from "./my-tasks";

/** The card must stay readable on a phone; the full text is one tap away (issue: reporting). */
const CARD_TITLE_MAX = 900;

export const taskCardFeature = new Composer<BotContext>();

taskCardFeature.callbackQuery(taskCard.pattern, async (ctx) => {
  const { member, deps } = ctx as MemberContext;
  const assignment = await assignmentById(deps.db, Number(ctx.match[1]));
  if (!assignment) {
    await ctx.answerCallbackQuery({ text: texts.staleButton });
    return;
  }
  const plan = { issuerUnitId: assignment.planIssuerUnitId, monitorUnitId: assignment.planMonitorUnitId };
  if (!canViewAssignment(member, { unitId: assignment.unitId, plan })) {
    await ctx.answerCallbackQuery({ text: texts.notYourTask, show_alert: true });
    return;
  }
  const [units, reports] = await deps.db.batch([taskUnits(deps.db, assignment.taskId), latestReports(deps.db, assignment.id)]);
  const today = vietnamDate(deps.now());
  const status = statusOf(assignment, today);
  const names = (role: "lead" | "coop") =>
    units.filter((u) => u.role === role).map((u) => escapeHtml(u.unitName)).join(", ");

  const lines = [
    texts.cardTitle(escapeHtml(assignment.ref)),
    escapeHtml(shorten(assignment.title, CARD_TITLE_MAX)),
    "",
    texts.cardPlan(escapeHtml(assignment.planNumber ?? assignment.planTitle)),
    texts.cardLead(names("lead")),
  ];
  if (names("coop")) lines.push(texts.cardCoop(names("coop")));
  lines.push(deadlineLine(assignment, status, today), texts.cardStatus(statusLabel[status], assignment.progress), "");
  if (reports.length === 0) lines.push(texts.cardNoReports);
  else {
    lines.push(texts.cardReportsHeader);
    for (const r of reports) {
      const percent = r.percent === null ? "" : ` · ${r.percent}%`;
      lines.push(`${formatDateTime(r.createdAt)} · ${escapeHtml(r.memberName)}${percent}${r.note ? `: ${escapeHtml(shorten(r.note, 200))}` : ""}`);
    }
  }
  await ctx.answerCallbackQuery();
  await ctx
    .editMessageText(lines.join("\n"), {
      parse_mode: "HTML",
      reply_markup: new InlineKeyboard().text(texts.backToList, taskListPage.build(0)),
    })
    .catch(ignoreNotModified);
});
