import { Composer } from "grammy";
import { Actions } from "../ports/actions";
import { canManagePlan, canReport, canViewAssignment } from "../../core/access/policy";
import { checkinCadence, periodContaining, periodLabel, previousPeriod, type CheckinEvery } from "../../core/checkins/period";
import { statusOf } from "../../core/status/of-assignment";
import { formatDateTime, vietnamDate } from "../../core/time/vietnam-date";
import { setCheckinCadence, type AssignmentView, planScopeOf } from "../../db/queries/assignments";
import { checkinCadenceMenu, checkinCadenceSet, taskCard, taskFullText } from "../callback-data";
import type { MemberContext } from "../context";
import { assignmentOf, cardDetailsOf } from "../reads";
import { taskCardKeyboard } from "../keyboards/task-card";
import { deadlineLine } from "../render/deadline";
import { escapeHtml, shorten } from "../render/html";
import { chainTexts, reportTexts, statusLabel, texts } from "../texts";
import { childPlanName, isPlanningTask } from "../../core/plan-chain";
import { plansLinkedTo } from "../../db/queries/plan-chain-chat";

/** Long plan sentences make a card unreadable on a phone; the full text is one tap away. */
const CARD_TITLE_MAX = 400;

export const taskCardFeature = new Composer<MemberContext>();

taskCardFeature.callbackQuery(taskCard.pattern, async (ctx) => {
  const assignment = await viewableAssignment(ctx, Number(ctx.match[1]));
  if (!assignment) return;
  const { units, reports } = await cardDetailsOf(ctx, assignment.id);
  const today = vietnamDate(ctx.deps.now());
  const status = statusOf(assignment, today);
  const names = (role: "lead" | "coop") =>
    units
      .filter((u) => u.role === role)
      .map((u) => escapeHtml(u.unitName))
      .join(", ");

  const lines = [
    texts.cardTitle(escapeHtml(assignment.ref)),
    escapeHtml(shorten(assignment.title, CARD_TITLE_MAX)),
    "",
    texts.cardPlan(escapeHtml(assignment.planNumber ?? assignment.planTitle)),
    texts.cardLead(names("lead")),
  ];
  if (names("coop")) lines.push(texts.cardCoop(names("coop")));
  lines.push(deadlineLine(assignment, status, today), texts.cardStatus(statusLabel[status], assignment.progress));
  if (assignment.recurrence !== null) lines.push(checkinLine(assignment, today));
  if (isPlanningTask(`${assignment.title} ${assignment.deadlineText ?? ""}`))
    lines.push(...(await planningLines(ctx, assignment)));
  lines.push("");
  if (reports.length === 0) lines.push(texts.cardNoReports);
  else {
    lines.push(texts.cardReportsHeader);
    for (const r of reports) {
      const percent = r.percent === null ? "" : ` · ${r.percent}%`;
      const files = r.evidence?.length ? texts.cardEvidence(r.evidence.length) : "";
      lines.push(
        `${formatDateTime(r.createdAt)} · ${escapeHtml(r.memberName)}${percent}${files}${r.note ? `: ${escapeHtml(shorten(r.note, 200))}` : ""}`,
      );
    }
  }
  const plan = planScopeOf(assignment);
  const keyboard = taskCardKeyboard({
    assignmentId: assignment.id,
    status,
    canReport: canReport(ctx.member, { unitId: assignment.unitId, plan }),
    recurring: assignment.recurrence !== null,
    hasDue: assignment.dueOn !== null || assignment.dueOverride !== null,
    shortened: assignment.title.length > CARD_TITLE_MAX,
    canSetCadence: canManagePlan(ctx.member, plan),
  });
  await ctx.port.answer();
  await ctx.port.show(lines.join("\n"), keyboard);
});

taskCardFeature.callbackQuery(taskFullText.pattern, async (ctx) => {
  const assignment = await viewableAssignment(ctx, Number(ctx.match[1]));
  if (!assignment) return;
  await ctx.port.answer();
  await ctx.port.send(`${texts.cardTitle(escapeHtml(assignment.ref))}\n${escapeHtml(shorten(assignment.title, 3900))}`, {
    html: true,
  });
});

/** The assignment behind a button, if it still exists and this member may see it; answers the button otherwise. */
export async function viewableAssignment(ctx: MemberContext, assignmentId: number): Promise<AssignmentView | null> {
  const assignment = await assignmentOf(ctx, assignmentId);
  if (!assignment) {
    await ctx.port.answer({ text: texts.staleButton });
    return null;
  }
  const plan = planScopeOf(assignment);
  if (!canViewAssignment(ctx.member, { unitId: assignment.unitId, plan })) {
    await ctx.port.answer({ text: texts.notYourTask, alert: true });
    return null;
  }
  return assignment;
}

/**
 * A task asking the unit for its own implementing plan: the plan linked to it
 * once issued, else that importing that plan is what completes it. Read only
 * for such tasks, so other cards cost nothing more.
 */
async function planningLines(ctx: MemberContext, a: AssignmentView): Promise<string[]> {
  const linked = await plansLinkedTo(ctx.deps.db.$client, a.id);
  if (linked.length > 0) return linked.map((p) => chainTexts.cardLinked(escapeHtml(shorten(childPlanName(p), 200))));
  return a.state === "done" ? [] : [chainTexts.cardHint];
}

function checkinLine(a: AssignmentView, today: string): string {
  const every = checkinCadence(a.checkinEvery, a.recurrence);
  const current = periodContaining(every, today);
  const previous = previousPeriod(every, today);
  const status = statusOf(a, today);
  const state = status === "checkin_done" ? "done" : status === "checkin_missed" ? "missed" : "due";
  return texts.cardCheckin(periodLabel(current), state, periodLabel(previous));
}

taskCardFeature.callbackQuery([checkinCadenceMenu.pattern, checkinCadenceSet.pattern], async (ctx) => {
  const assignment = await viewableAssignment(ctx, Number(ctx.match[1]));
  if (!assignment) return;
  if (!canManagePlan(ctx.member, planScopeOf(assignment))) {
    return void (await ctx.port.answer({ text: texts.adminOnly, alert: true }));
  }
  const every = ctx.match[2] as CheckinEvery | undefined;
  await ctx.port.answer();
  if (!every) {
    const keyboard = new Actions();
    for (const option of ["monthly", "quarterly", "semiannual", "yearly"] as const) {
      keyboard.text(texts.cadenceLabel[option], checkinCadenceSet.build(assignment.id, option));
    }
    await ctx.port.send(texts.cadenceAsk(escapeHtml(assignment.ref)), {
      html: true,
      actions: keyboard.row().text(texts.backToList, taskCard.build(assignment.id)),
    });
    return;
  }
  await setCheckinCadence(ctx.deps.db, assignment.taskId, every, ctx.member.id);
  await ctx.port.show(
    texts.cadenceSet(escapeHtml(assignment.ref), texts.cadenceLabel[every]),
    new Actions().text(reportTexts.buttons.openTask, taskCard.build(assignment.id)),
  );
});
