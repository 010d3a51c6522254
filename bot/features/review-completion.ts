import { Composer, InlineKeyboard } from "grammy";
import { canManagePlan, canReviewCompletion } from "../../core/access/policy";
import { parseNote } from "../../core/reporting/input";
import { isFinished } from "../../core/status/derive";
import { statusOf } from "../../core/status/of-assignment";
import { vietnamDate } from "../../core/time/vietnam-date";
import { assignmentById, planScopeOf } from "../../db/queries/assignments";
import { endConversation } from "../../db/queries/conversations";
import { reportById, reviewCompletion } from "../../db/queries/reports";
import { reviewConfirm, reviewReturn, taskCard } from "../callback-data";
import { activeFlow, startFlow } from "../conversation";
import type { BotContext, MemberContext } from "../context";
import { cancelKeyboard } from "../keyboards/flow";
import { escapeHtml, shorten } from "../render/html";
import { reportTexts, reviewTexts as t } from "../texts";

const FLOW = "return-completion";

export const reviewCompletionFeature = new Composer<BotContext>();

reviewCompletionFeature.callbackQuery(reviewConfirm.pattern, async (ctx) => {
  const c = ctx as MemberContext;
  const target = await pendingCompletion(c, Number(ctx.match[1]));
  if (!target) return;
  const { report, assignment } = target;
  const decided = await reviewCompletion(c.deps.db, {
    reportId: report.id,
    assignmentId: assignment.id,
    adminId: c.member.id,
    decision: "confirmed",
    note: null,
    now: c.deps.now().toISOString(),
  });
  if (!decided) return void (await ctx.answerCallbackQuery({ text: t.alreadyDecided }));
  await ctx.answerCallbackQuery({ text: "✔" });
  await appendToAdminMessage(c, t.confirmedForAdmin(escapeHtml(c.member.fullName)));

  const status = statusOf({ ...assignment, state: "done" }, vietnamDate(c.deps.now()));
  await notifyUnit(c, report.reporterChatId, t.confirmedForUnit(escapeHtml(assignment.ref), escapeHtml(shorten(assignment.title, 300)), status === "done_on_time"), assignment.id);
});

reviewCompletionFeature.callbackQuery(reviewReturn.pattern, async (ctx) => {
  const c = ctx as MemberContext;
  const target = await pendingCompletion(c, Number(ctx.match[1]));
  if (!target) return;
  const token = await startFlow(c, FLOW, "reason", { reportId: target.report.id, adminMessageId: ctx.callbackQuery.message?.message_id ?? null });
  await ctx.answerCallbackQuery();
  await ctx.reply(t.askReturnReason, { reply_markup: cancelKeyboard(token) });
});

reviewCompletionFeature.on("message:text", async (ctx, next) => {
  const c = ctx as MemberContext;
  const flow = activeFlow(c, FLOW);
  if (!flow || ctx.message.text.startsWith("/")) return next();
  const reason = parseNote(ctx.message.text);
  if (!reason.ok) {
    return void (await ctx.reply(reason.reason === "empty" ? reportTexts.noteEmpty : reportTexts.noteTooLong(ctx.message.text.length)));
  }
  const data = flow.data as { reportId: number; adminMessageId: number | null };
  const [report] = await reportById(c.deps.db, data.reportId);
  const assignment = report && (await assignmentById(c.deps.db, report.assignmentId));
  await endConversation(c.deps.db, String(ctx.chat.id));
  c.conversation = null;
  if (!report || !assignment) return void (await ctx.reply(t.alreadyDecided));
  const decided = await reviewCompletion(c.deps.db, {
    reportId: report.id,
    assignmentId: assignment.id,
    adminId: c.member.id,
    decision: "returned",
    note: reason.value,
    now: c.deps.now().toISOString(),
  });
  if (!decided) return void (await ctx.reply(t.alreadyDecided));
  await ctx.reply(t.returnSaved);
  await notifyUnit(c, report.reporterChatId, t.returnedForUnit(escapeHtml(assignment.ref), escapeHtml(shorten(assignment.title, 300)), escapeHtml(shorten(reason.value, 500))), assignment.id);
});

/** The completion behind a button, if it is still waiting and this admin manages its plan. */
async function pendingCompletion(ctx: MemberContext, reportId: number) {
  const [report] = await reportById(ctx.deps.db, reportId);
  const assignment = report && (await assignmentById(ctx.deps.db, report.assignmentId));
  if (!report || !assignment || report.kind !== "completion") {
    await ctx.answerCallbackQuery({ text: t.alreadyDecided });
    return null;
  }
  if (!canManagePlan(ctx.member, planScopeOf(assignment))) {
    await ctx.answerCallbackQuery({ text: t.notYours, show_alert: true });
    return null;
  }
  if (!canReviewCompletion(ctx.member, planScopeOf(assignment), { reporterId: report.memberId })) {
    await ctx.answerCallbackQuery({ text: t.ownReport, show_alert: true });
    return null;
  }
  if (report.reviewStatus !== "pending" || isFinished(statusOf(assignment, vietnamDate(ctx.deps.now())))) {
    await ctx.answerCallbackQuery({ text: t.alreadyDecided });
    return null;
  }
  return { report, assignment };
}

async function appendToAdminMessage(ctx: MemberContext, note: string): Promise<void> {
  const message = ctx.callbackQuery?.message;
  if (!message || !("text" in message) || !message.text) return;
  await ctx.editMessageText(escapeHtml(message.text) + note, { parse_mode: "HTML" }).catch(() => undefined);
}

async function notifyUnit(ctx: MemberContext, chatId: string, text: string, assignmentId: number): Promise<void> {
  await ctx.api
    .sendMessage(Number(chatId), text, { parse_mode: "HTML", reply_markup: new InlineKeyboard().text(reportTexts.buttons.openTask, taskCard.build(assignmentId)) })
    .catch((error) => console.warn("could not notify unit", chatId, error));
}
