import { Composer } from "grammy";
import { Actions } from "../ports/actions";
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
import type { MemberContext } from "../context";
import { notify } from "../notify";
import { cancelKeyboard } from "../keyboards/flow";
import { escapeHtml, shorten } from "../render/html";
import { reportTexts, reviewTexts as t } from "../texts";

const FLOW = "return-completion";

export const reviewCompletionFeature = new Composer<MemberContext>();

reviewCompletionFeature.callbackQuery(reviewConfirm.pattern, async (ctx) => {
  const target = await pendingCompletion(ctx, Number(ctx.match[1]));
  if (!target) return;
  const { report, assignment } = target;
  const decided = await reviewCompletion(ctx.deps.db, {
    reportId: report.id,
    assignmentId: assignment.id,
    adminId: ctx.member.id,
    decision: "confirmed",
    note: null,
    now: ctx.deps.now().toISOString(),
  });
  if (!decided) return void (await ctx.port.answer({ text: t.alreadyDecided }));
  await ctx.port.answer({ text: t.confirmed(assignment.ref, shorten(assignment.title, 80), assignment.unitName) });
  await appendToAdminMessage(ctx, t.confirmedForAdmin(escapeHtml(ctx.member.fullName)));

  const status = statusOf({ ...assignment, state: "done" }, vietnamDate(ctx.deps.now()));
  await notifyReporter(
    ctx,
    report,
    "confirmed",
    t.confirmedForUnit(escapeHtml(assignment.ref), escapeHtml(shorten(assignment.title, 300)), status === "done_on_time"),
  );
});

reviewCompletionFeature.callbackQuery(reviewReturn.pattern, async (ctx) => {
  const target = await pendingCompletion(ctx, Number(ctx.match[1]));
  if (!target) return;
  const token = await startFlow(ctx, FLOW, "reason", {
    reportId: target.report.id,
    adminMessageId: ctx.callbackQuery.message?.message_id ?? null,
  });
  await ctx.port.answer();
  await ctx.port.send(t.askReturnReason, { actions: cancelKeyboard(token) });
});

reviewCompletionFeature.on("message:text", async (ctx, next) => {
  const flow = activeFlow(ctx, FLOW);
  if (!flow || ctx.message.text.startsWith("/")) return next();
  const reason = parseNote(ctx.message.text);
  if (!reason.ok) {
    return void (await ctx.port.send(
      reason.reason === "empty" ? reportTexts.noteEmpty : reportTexts.noteTooLong(ctx.message.text.length),
    ));
  }
  const data = flow.data as { reportId: number; adminMessageId: number | null };
  const [report] = await reportById(ctx.deps.db, data.reportId);
  const assignment = report && (await assignmentById(ctx.deps.db, report.assignmentId));
  await endConversation(ctx.deps.db, ctx.port.chatKey);
  ctx.conversation = null;
  if (!report || !assignment) return void (await ctx.port.send(t.alreadyDecided));
  // Re-checked at the step that writes: the admin may have lost the role since pressing "Trả lại".
  if (!canManagePlan(ctx.member, planScopeOf(assignment))) return void (await ctx.port.send(t.notYours));
  const decided = await reviewCompletion(ctx.deps.db, {
    reportId: report.id,
    assignmentId: assignment.id,
    adminId: ctx.member.id,
    decision: "returned",
    note: reason.value,
    now: ctx.deps.now().toISOString(),
  });
  if (!decided) return void (await ctx.port.send(t.alreadyDecided));
  await ctx.port.send(t.returnSaved(assignment.ref, shorten(assignment.title, 80), assignment.unitName));
  await notifyReporter(
    ctx,
    report,
    "returned",
    t.returnedForUnit(
      escapeHtml(assignment.ref),
      escapeHtml(shorten(assignment.title, 300)),
      escapeHtml(shorten(reason.value, 500)),
    ),
  );
});

/** The completion behind a button, if it is still waiting and this admin manages its plan. */
async function pendingCompletion(ctx: MemberContext, reportId: number) {
  const [report] = await reportById(ctx.deps.db, reportId);
  const assignment = report && (await assignmentById(ctx.deps.db, report.assignmentId));
  if (!report || !assignment || report.kind !== "completion") {
    await ctx.port.answer({ text: t.alreadyDecided });
    return null;
  }
  if (!canManagePlan(ctx.member, planScopeOf(assignment))) {
    await ctx.port.answer({ text: t.notYours, alert: true });
    return null;
  }
  if (!canReviewCompletion(ctx.member, planScopeOf(assignment), { reporterId: report.memberId })) {
    await ctx.port.answer({ text: t.ownReport, alert: true });
    return null;
  }
  if (report.reviewStatus !== "pending" || isFinished(statusOf(assignment, vietnamDate(ctx.deps.now())))) {
    await ctx.port.answer({ text: t.alreadyDecided });
    return null;
  }
  return { report, assignment };
}

async function appendToAdminMessage(ctx: MemberContext, note: string): Promise<void> {
  const message = ctx.callbackQuery?.message;
  // Where the message cannot be edited (Zalo), its choices are only taken off.
  if (!message || !("text" in message) || !message.text) return ctx.port.clearActions();
  await ctx.port.annotate(note);
}

/** The person who reported the completion hears the decision, on every channel they use. */
async function notifyReporter(
  ctx: MemberContext,
  report: { id: number; memberId: number; assignmentId: number },
  decision: "confirmed" | "returned",
  text: string,
): Promise<void> {
  await notify(ctx, [
    {
      memberId: report.memberId,
      subject: `report:${report.id}:${decision}`,
      assignmentId: report.assignmentId,
      text,
      actions: new Actions().text(reportTexts.buttons.openTask, taskCard.build(report.assignmentId)),
    },
  ]);
}
