import { Composer } from "grammy";
import { Actions } from "../../ports/actions";
import { canManagePlan } from "../../../core/access/policy";
import { unitSubject } from "../../../core/alerts/kinds";
import { receivesAlerts } from "../../../core/alerts/recipients";
import { daysBetween, formatDate, vietnamDate } from "../../../core/time/vietnam-date";
import { auditStatement } from "../../../db/queries/audit";
import { insertReminders } from "../../../db/queries/outbox";
import { overdueByUnit } from "../../../db/queries/overview";
import { alertRecipientsOf } from "../../../db/queries/people";
import { unissuedPlans } from "../../../db/queries/plan-chain-chat";
import { readablePlans } from "../../../db/queries/plans";
import { adminOverduePage, adminOverview, adminRemindUnit, adminUnit } from "../../callback-data";
import type { MemberContext } from "../../context";
import { numberedButtons } from "../../keyboards/alerts";
import { pager } from "../../keyboards/admin";
import { escapeHtml, shorten } from "../../render/html";
import { unissuedLines } from "../../render/unit-plans";
import { adminTexts } from "../../texts";
import { deny, paginate, planFor, planLabel, show } from "./scope";

const t = adminTexts.overdue;
const UNITS_PER_PAGE = 4;
const ITEMS_PER_UNIT = 3;
/** Tasks listed in one reminder; the rest are in /viec. */
const REMINDER_ITEMS = 10;

/**
 * /quahan: overdue assignments grouped by unit, the worst unit first, with
 * "Nhắc ngay": a manual alert written to the same outbox as the scheduled
 * ones and sent by the same queue consumer, at the same pace. It is unique
 * per unit and day (reminders_once_uq), so a second tap sends nothing.
 */
export const overdueFeature = new Composer<MemberContext>();

overdueFeature.command("quahan", (ctx) => renderOverdue(ctx, 0));
overdueFeature.callbackQuery(adminOverduePage.pattern, (ctx) => renderOverdue(ctx, Number(ctx.match[1])));

overdueFeature.callbackQuery(adminRemindUnit.pattern, async (ctx) => {
  const { db } = ctx.deps;
  const [planId, unitId] = [Number(ctx.match[1]), Number(ctx.match[2])];
  const plan = (await readablePlans(db, ctx.member)).plans.find((p) => p.id === planId);
  if (!plan || !canManagePlan(ctx.member, plan)) return deny(ctx, adminTexts.manageOnly);
  const today = vietnamDate(ctx.deps.now());
  const [{ units }, people] = await Promise.all([
    overdueByUnit(db.$client, { planId, today, unitId, offset: 0, limit: 1, perUnit: REMINDER_ITEMS }),
    alertRecipientsOf(db, unitId),
  ]);
  const unit = units[0];
  if (!unit) return void (await ctx.port.answer({ text: t.nothingOverdue, alert: true }));
  const recipients = people.filter((p) => receivesAlerts(p, today));
  if (recipients.length === 0) return void (await ctx.port.answer({ text: t.nobodyToRemind(unit.unitName), alert: true }));

  const m = t.message;
  const lines = [m.header(escapeHtml(plan.monitorUnitName)), adminTexts.planLine(planLabel(plan)), m.intro(unit.count)];
  unit.items.forEach((item, i) => {
    lines.push(
      m.item(
        i + 1,
        escapeHtml(item.ref),
        escapeHtml(shorten(item.title, 100)),
        formatDate(item.due),
        daysBetween(item.due, today),
      ),
    );
  });
  if (unit.count > unit.items.length) lines.push(m.more(unit.count - unit.items.length));
  lines.push(m.next);
  const payload = {
    text: lines.join("\n"),
    buttons: numberedButtons(
      unit.items.map((i) => i.assignmentId),
      "card",
    ),
  };
  const ids = await insertReminders(
    db.$client,
    recipients.map((r) => ({
      memberId: r.id,
      assignmentId: null,
      kind: "overdue" as const,
      subject: unitSubject(unitId),
      periodKey: `manual:${planId}:${today}`,
      payload,
    })),
  );
  if (ids.length === 0) return void (await ctx.port.answer({ text: t.remindedToday, alert: true }));
  // One entry per task named, so each task's history shows who chased it and when.
  const [first, ...rest] = unit.items.map((i) =>
    auditStatement(db, {
      actorMemberId: ctx.member.id,
      action: "reminder.manual",
      entity: "assignment",
      entityId: i.assignmentId,
      detail: { reminders: ids.length },
    }),
  );
  await db.batch([first!, ...rest]);
  await ctx.deps.enqueueReminders?.(ids);
  await ctx.port.answer({ text: t.reminded(ids.length, unit.unitName, unit.count), alert: true });
});

async function renderOverdue(ctx: MemberContext, requestedPage: number): Promise<void> {
  const plan = await planFor(ctx, "read");
  if (!plan) return;
  const today = vietnamDate(ctx.deps.now());
  const d1 = ctx.deps.db.$client;
  const query = (page: number) =>
    overdueByUnit(d1, { planId: plan.id, today, offset: page * UNITS_PER_PAGE, limit: UNITS_PER_PAGE, perUnit: ITEMS_PER_UNIT });
  const [first, unissued] = await Promise.all([query(requestedPage), unissuedPlans(d1, { today, planIds: [plan.id] })]);
  const result = first.unitCount < 0 ? await query(0) : first;
  const { page, pages, offset } = paginate(result.unitCount, UNITS_PER_PAGE, result.unitCount < 0 ? 0 : requestedPage);

  const lines = [t.header(planLabel(plan))];
  if (result.units.length === 0) lines.push("", t.none);
  else lines.push(t.summary(result.total, result.unitCount), "");
  result.units.forEach((u, i) => {
    lines.push(t.unit(offset + i + 1, escapeHtml(u.unitName), u.count));
    for (const item of u.items)
      lines.push(t.item(escapeHtml(item.ref), escapeHtml(shorten(item.title, 70)), daysBetween(item.due, today)));
    if (u.count > u.items.length) lines.push(t.moreItems(u.count - u.items.length));
  });
  // Units late with their own implementing plan: on the first page, after the overdue tasks.
  if (page === 0 && unissued.length > 0) lines.push("", ...unissuedLines(unissued));
  const manage = canManagePlan(ctx.member, plan);
  if (result.units.length > 0) lines.push("", t.footer(manage));

  const keyboard = new Actions();
  result.units.forEach((u, i) => {
    keyboard.text(`${offset + i + 1}. ${shorten(u.unitName, 28)}`, adminUnit.build(u.unitId));
    if (manage) keyboard.text(t.remind, adminRemindUnit.build(plan.id, u.unitId));
    keyboard.row();
  });
  pager(keyboard, page, pages, adminOverduePage.build).text(adminTexts.back, adminOverview.build());
  await show(ctx, lines.join("\n"), keyboard);
}
