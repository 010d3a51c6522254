import { Composer } from "grammy";
import { Actions } from "../ports/actions";
import { canManagePlan } from "../../core/access/policy";
import { reportDecision } from "../../core/reporting/decision";
import { parseNote, parseProposedDate } from "../../core/reporting/input";
import { effectiveDue } from "../../core/status/of-assignment";
import { formatDate, vietnamDate } from "../../core/time/vietnam-date";
import { assignmentById, planScopeOf } from "../../db/queries/assignments";
import { createExtensionRequest, decideExtension, extensionById, extensionsOf } from "../../db/queries/extensions";
import { reachableAdminsOf } from "../../db/queries/members";
import { extensionApprove, extensionRefuse, startExtension, taskCard } from "../callback-data";
import { activeFlow, advanceFlow, startFlow } from "../conversation";
import type { MemberContext } from "../context";
import { notify } from "../notify";
import { cancelKeyboard } from "../keyboards/flow";
import { escapeHtml, shorten } from "../render/html";
import { extensionTexts as t, reportTexts, texts } from "../texts";

const FLOW = "extension";

export const extension = new Composer<MemberContext>();

extension.callbackQuery(startExtension.pattern, async (ctx) => {
  const assignment = await assignmentById(ctx.deps.db, Number(ctx.match[1]));
  if (!assignment) return void (await ctx.port.answer({ text: texts.staleButton }));
  const decision = reportDecision(ctx.member, { ...assignment, plan: planScopeOf(assignment) }, "extension");
  if (!decision.ok) return void (await ctx.port.answer({ text: reportTexts.refusal[decision.reason], alert: true }));
  const due = effectiveDue(assignment);
  if (!due) return void (await ctx.port.answer({ text: t.noDue, alert: true }));
  const requests = await extensionsOf(ctx.deps.db, assignment.id);
  if (requests.some((r) => r.status === "pending")) return void (await ctx.port.answer({ text: t.pending, alert: true }));
  const token = await startFlow(ctx, FLOW, "date", { assignmentId: assignment.id });
  await ctx.port.answer();
  await ctx.port.send(t.start(escapeHtml(shorten(assignment.title, 300)), formatDate(due)), {
    html: true,
    actions: cancelKeyboard(token),
  });
});

extension.on("message:text", async (ctx, next) => {
  const flow = activeFlow(ctx, FLOW);
  if (!flow || ctx.message.text.startsWith("/")) return next();
  const data = flow.data as { assignmentId: number; proposedDue?: string };
  const assignment = await assignmentById(ctx.deps.db, data.assignmentId);
  if (!assignment) return void (await ctx.port.send(texts.staleButton));
  const due = effectiveDue(assignment);

  if (flow.step === "date") {
    const date = parseProposedDate(ctx.message.text, vietnamDate(ctx.deps.now()), due);
    if (!date.ok) {
      const message = {
        unparseable: t.dateUnparseable,
        not_future: t.dateNotFuture,
        not_later: t.dateNotLater(formatDate(due ?? "")),
      }[date.reason];
      return void (await ctx.port.send(message));
    }
    await advanceFlow(ctx, "reason", { ...data, proposedDue: date.value });
    await ctx.port.send(t.askReason(formatDate(date.value)), { html: true, actions: cancelKeyboard(flow.token) });
    return;
  }

  const reason = parseNote(ctx.message.text);
  if (!reason.ok) {
    return void (await ctx.port.send(
      reason.reason === "empty" ? reportTexts.noteEmpty : reportTexts.noteTooLong(ctx.message.text.length),
    ));
  }
  const requestId = await createExtensionRequest(ctx.deps.db, {
    assignmentId: assignment.id,
    requestedBy: ctx.member.id,
    originalDue: due,
    proposedDue: data.proposedDue!,
    reason: reason.value,
    chatId: ctx.port.chatKey,
  });
  ctx.conversation = null;
  await ctx.port.send(t.sent(escapeHtml(assignment.monitorUnitName)), { html: true });

  const text = t.forAdmins(
    escapeHtml(assignment.unitName),
    escapeHtml(assignment.ref),
    escapeHtml(shorten(assignment.title, 300)),
    due ? formatDate(due) : "—",
    formatDate(data.proposedDue!),
    escapeHtml(shorten(reason.value, 500)),
  );
  const keyboard = new Actions()
    .text(t.buttons.approve, extensionApprove.build(requestId))
    .text(t.buttons.refuse, extensionRefuse.build(requestId))
    .row()
    .text(reportTexts.buttons.openTask, taskCard.build(assignment.id));
  const admins = await reachableAdminsOf(ctx.deps.db, assignment.planMonitorUnitId);
  await notify(
    ctx,
    admins.map((admin) => ({
      memberId: admin.id,
      subject: `extension:${requestId}`,
      assignmentId: assignment.id,
      text,
      actions: keyboard,
    })),
  );
});

extension.callbackQuery([extensionApprove.pattern, extensionRefuse.pattern], async (ctx) => {
  const approve = ctx.callbackQuery.data.startsWith("exa:");
  const [request] = await extensionById(ctx.deps.db, Number(ctx.match[1]));
  const assignment = request && (await assignmentById(ctx.deps.db, request.assignmentId));
  if (!request || !assignment) return void (await ctx.port.answer({ text: t.alreadyDecided }));
  if (!canManagePlan(ctx.member, planScopeOf(assignment))) {
    return void (await ctx.port.answer({ text: "Chỉ quản trị viên theo dõi kế hoạch này mới duyệt được.", alert: true }));
  }
  const decided = await decideExtension(ctx.deps.db, {
    requestId: request.id,
    adminId: ctx.member.id,
    approve,
    now: ctx.deps.now().toISOString(),
  });
  if (!decided) return void (await ctx.port.answer({ text: t.alreadyDecided }));
  const due = approve ? request.proposedDue : (effectiveDue(assignment) ?? request.proposedDue);
  await ctx.port.answer({
    text: t.decided(approve, assignment.ref, shorten(assignment.title, 80), assignment.unitName, formatDate(due)),
  });
  const message = ctx.callbackQuery.message;
  if (message && "text" in message && message.text) {
    const note = approve
      ? t.approvedForAdmin(escapeHtml(ctx.member.fullName))
      : t.refusedForAdmin(escapeHtml(ctx.member.fullName));
    await ctx.port.annotate(note);
  } else await ctx.port.clearActions();
  const text = approve
    ? t.approvedForUnit(escapeHtml(assignment.ref), formatDate(request.proposedDue))
    : t.refusedForUnit(
        escapeHtml(assignment.ref),
        formatDate(effectiveDue(assignment) ?? request.proposedDue),
        escapeHtml(assignment.monitorUnitName),
      );
  await notify(ctx, [
    {
      memberId: request.requestedBy,
      subject: `extension:${request.id}:${approve ? "approved" : "refused"}`,
      assignmentId: assignment.id,
      text,
      actions: new Actions().text(reportTexts.buttons.openTask, taskCard.build(assignment.id)),
    },
  ]);
});
