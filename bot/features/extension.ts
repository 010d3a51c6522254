import { Composer, InlineKeyboard } from "grammy";
import { canManagePlan, canReport } from "../../core/access/policy";
import { parseNote, parseProposedDate } from "../../core/reporting/input";
import { effectiveDue } from "../../core/status/of-assignment";
import { formatDate, vietnamDate } from "../../core/time/vietnam-date";
import { assignmentById, planScopeOf } from "../../db/queries/assignments";
import { createExtensionRequest, decideExtension, extensionById, extensionsOf } from "../../db/queries/extensions";
import { reachableAdminsOf } from "../../db/queries/members";
import { extensionApprove, extensionRefuse, startExtension, taskCard } from "../callback-data";
import { activeFlow, advanceFlow, startFlow } from "../conversation";
import type { BotContext, MemberContext } from "../context";
import { cancelKeyboard } from "../keyboards/flow";
import { escapeHtml, shorten } from "../render/html";
import { extensionTexts as t, reportTexts, texts } from "../texts";

const FLOW = "extension";

export const extension = new Composer<BotContext>();

extension.callbackQuery(startExtension.pattern, async (ctx) => {
  const c = ctx as MemberContext;
  const assignment = await assignmentById(c.deps.db, Number(ctx.match[1]));
  if (!assignment) return void (await ctx.answerCallbackQuery({ text: texts.staleButton }));
  if (!canReport(c.member, { unitId: assignment.unitId, plan: planScopeOf(assignment) })) {
    return void (await ctx.answerCallbackQuery({ text: reportTexts.cannotReport, show_alert: true }));
  }
  const due = effectiveDue(assignment);
  if (!due) return void (await ctx.answerCallbackQuery({ text: t.noDue, show_alert: true }));
  if (assignment.state === "done") return void (await ctx.answerCallbackQuery({ text: reportTexts.alreadyDone, show_alert: true }));
  const requests = await extensionsOf(c.deps.db, assignment.id);
  if (requests.some((r) => r.status === "pending")) return void (await ctx.answerCallbackQuery({ text: t.pending, show_alert: true }));
  const token = await startFlow(c, FLOW, "date", { assignmentId: assignment.id });
  await ctx.answerCallbackQuery();
  await ctx.reply(t.start(escapeHtml(shorten(assignment.title, 300)), formatDate(due)), { parse_mode: "HTML", reply_markup: cancelKeyboard(token) });
});

extension.on("message:text", async (ctx, next) => {
  const c = ctx as MemberContext;
  const flow = activeFlow(c, FLOW);
  if (!flow || ctx.message.text.startsWith("/")) return next();
  const data = flow.data as { assignmentId: number; proposedDue?: string };
  const assignment = await assignmentById(c.deps.db, data.assignmentId);
  if (!assignment) return void (await ctx.reply(texts.staleButton));
  const due = effectiveDue(assignment);

  if (flow.step === "date") {
    const date = parseProposedDate(ctx.message.text, vietnamDate(c.deps.now()), due);
    if (!date.ok) {
      const message = { unparseable: t.dateUnparseable, not_future: t.dateNotFuture, not_later: t.dateNotLater(formatDate(due ?? "")) }[date.reason];
      return void (await ctx.reply(message));
    }
    await advanceFlow(c, "reason", { ...data, proposedDue: date.value });
    await ctx.reply(t.askReason(formatDate(date.value)), { parse_mode: "HTML", reply_markup: cancelKeyboard(flow.token) });
    return;
  }

  const reason = parseNote(ctx.message.text);
  if (!reason.ok) {
    return void (await ctx.reply(reason.reason === "empty" ? reportTexts.noteEmpty : reportTexts.noteTooLong(ctx.message.text.length)));
  }
  const requestId = await createExtensionRequest(c.deps.db, {
    assignmentId: assignment.id,
    requestedBy: c.member.id,
    originalDue: due,
    proposedDue: data.proposedDue!,
    reason: reason.value,
    chatId: String(ctx.chat.id),
  });
  c.conversation = null;
  await ctx.reply(t.sent(escapeHtml(assignment.monitorUnitName)), { parse_mode: "HTML" });

  const text = t.forAdmins(
    escapeHtml(assignment.unitName),
    escapeHtml(assignment.ref),
    escapeHtml(shorten(assignment.title, 300)),
    due ? formatDate(due) : "—",
    formatDate(data.proposedDue!),
    escapeHtml(shorten(reason.value, 500)),
  );
  const keyboard = new InlineKeyboard()
    .text(t.buttons.approve, extensionApprove.build(requestId))
    .text(t.buttons.refuse, extensionRefuse.build(requestId))
    .row()
    .text(reportTexts.buttons.openTask, taskCard.build(assignment.id));
  for (const admin of await reachableAdminsOf(c.deps.db, assignment.planMonitorUnitId)) {
    await ctx.api.sendMessage(Number(admin.chatId), text, { parse_mode: "HTML", reply_markup: keyboard }).catch((error) => {
      console.warn("could not notify admin", admin.id, error);
    });
  }
});

extension.callbackQuery([extensionApprove.pattern, extensionRefuse.pattern], async (ctx) => {
  const c = ctx as MemberContext;
  const approve = ctx.callbackQuery.data.startsWith("exa:");
  const [request] = await extensionById(c.deps.db, Number(ctx.match[1]));
  const assignment = request && (await assignmentById(c.deps.db, request.assignmentId));
  if (!request || !assignment) return void (await ctx.answerCallbackQuery({ text: t.alreadyDecided }));
  if (!canManagePlan(c.member, planScopeOf(assignment))) {
    return void (await ctx.answerCallbackQuery({ text: "Chỉ quản trị viên theo dõi kế hoạch này mới duyệt được.", show_alert: true }));
  }
  const decided = await decideExtension(c.deps.db, { requestId: request.id, adminId: c.member.id, approve, now: c.deps.now().toISOString() });
  if (!decided) return void (await ctx.answerCallbackQuery({ text: t.alreadyDecided }));
  await ctx.answerCallbackQuery({ text: approve ? "✔" : "✖" });
  const message = ctx.callbackQuery.message;
  if (message && "text" in message && message.text) {
    const note = approve ? t.approvedForAdmin(escapeHtml(c.member.fullName)) : t.refusedForAdmin(escapeHtml(c.member.fullName));
    await ctx.editMessageText(escapeHtml(message.text) + note, { parse_mode: "HTML" }).catch(() => undefined);
  }
  const text = approve
    ? t.approvedForUnit(escapeHtml(assignment.ref), formatDate(request.proposedDue))
    : t.refusedForUnit(escapeHtml(assignment.ref), formatDate(effectiveDue(assignment) ?? request.proposedDue), escapeHtml(assignment.monitorUnitName));
  await ctx.api
    .sendMessage(Number(request.requesterChatId), text, {
      parse_mode: "HTML",
      reply_markup: new InlineKeyboard().text(reportTexts.buttons.openTask, taskCard.build(assignment.id)),
    })
    .catch((error) => console.warn("could not notify requester", request.id, error));
});
