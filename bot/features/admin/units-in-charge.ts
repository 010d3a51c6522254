import { Composer } from "grammy";
import { canAssignUnitsInCharge } from "../../../core/access/policy";
import { periodChoices } from "../../../core/plan-report/period";
import { DEFAULT_SOON_DAYS } from "../../../core/status/derive";
import { addDays, vietnamDate } from "../../../core/time/vietnam-date";
import { planOverview } from "../../../db/queries/overview";
import { readablePlans } from "../../../db/queries/plans";
import {
  choosableUnits,
  committeeMembers,
  memberById,
  setUnitInCharge,
  unitsInChargeOf,
} from "../../../db/queries/units-in-charge";
import { unitName } from "../../../db/queries/plan-scope";
import { inChargeMember, inChargeToggle, planReportScoped } from "../../callback-data";
import type { MemberContext } from "../../context";
import { numberButtons, pager } from "../../keyboards/admin";
import { Actions } from "../../ports/actions";
import { escapeHtml } from "../../render/html";
import { inChargeTexts as t } from "../../texts";
import { deny, paginate, planLabel, show } from "./scope";

const PAGE = 10;

/**
 * /phutrach. An admin of the issuing unit gives its committee members
 * (viewers of the unit) units to follow; a member in charge sees those
 * units' overview and drafts their report. Each change is checked by the
 * policy (canAssignUnitsInCharge) and written with an audit entry.
 */
export const unitsInChargeFeature = new Composer<MemberContext>();

unitsInChargeFeature.command("phutrach", async (ctx) => {
  if (ctx.member.role === "admin") return committee(ctx);
  if (ctx.member.role === "viewer") return mine(ctx);
  await deny(ctx, t.notForYou);
});

unitsInChargeFeature.callbackQuery(inChargeMember.pattern, (ctx) => memberUnits(ctx, Number(ctx.match[1]), Number(ctx.match[2])));

unitsInChargeFeature.callbackQuery(inChargeToggle.pattern, async (ctx) => {
  const [memberId, unitId, page] = [Number(ctx.match[1]), Number(ctx.match[2]), Number(ctx.match[3])];
  const target = await memberById(ctx.deps.db.$client, memberId);
  if (!target || target.removedAt || !canAssignUnitsInCharge(ctx.member, target)) return deny(ctx, t.notYours);
  const current = await unitsInChargeOf(ctx.deps.db.$client, memberId);
  const on = !current.some((u) => u.unitId === unitId);
  const changed = await setUnitInCharge(ctx.deps.db.$client, {
    memberId,
    unitId,
    adminId: ctx.member.id,
    adminUnitId: ctx.member.unitId,
    on,
  });
  const name = (await unitName(ctx.deps.db.$client, unitId))?.name ?? "";
  await ctx.port.answer(changed ? { text: on ? t.added(name) : t.removed(name) } : undefined);
  await memberUnits(ctx, memberId, page, true);
});

async function committee(ctx: MemberContext): Promise<void> {
  const people = await committeeMembers(ctx.deps.db.$client, ctx.member.unitId);
  if (people.length === 0) return void (await ctx.port.send(t.noCommittee));
  const unit = escapeHtml((await unitName(ctx.deps.db.$client, ctx.member.unitId))?.name ?? "");
  const lines = [t.committee(unit), "", ...people.map((p, i) => t.committeeLine(i + 1, escapeHtml(p.fullName), p.units))];
  await show(
    ctx,
    lines.join("\n"),
    numberButtons(
      new Actions(),
      1,
      people.map((p) => inChargeMember.build(p.id)),
    ),
  );
}

async function memberUnits(ctx: MemberContext, memberId: number, requested: number, answered = false): Promise<void> {
  const target = await memberById(ctx.deps.db.$client, memberId);
  if (!target || target.removedAt || !canAssignUnitsInCharge(ctx.member, target)) return deny(ctx, t.notYours);
  const probe = await choosableUnits(ctx.deps.db.$client, {
    issuerUnitId: ctx.member.unitId,
    memberId,
    offset: requested * PAGE,
    limit: PAGE,
  });
  const { page, pages, offset } = paginate(probe.total, PAGE, requested);
  const list =
    offset === requested * PAGE
      ? probe
      : await choosableUnits(ctx.deps.db.$client, { issuerUnitId: ctx.member.unitId, memberId, offset, limit: PAGE });
  if (list.total === 0) return void (await ctx.port.send(t.noUnits));
  const following = (await unitsInChargeOf(ctx.deps.db.$client, memberId)).length;
  const lines = [
    t.memberUnits(escapeHtml(target.fullName), following),
    "",
    ...list.units.map((u, i) => t.unitLine(offset + i + 1, escapeHtml(u.name), u.inCharge)),
  ];
  const keyboard = numberButtons(
    new Actions(),
    offset + 1,
    list.units.map((u) => inChargeToggle.build(memberId, u.unitId, page)),
  );
  pager(keyboard, page, pages, (p) => inChargeMember.build(memberId, p));
  if (answered) return void (await ctx.port.show(lines.join("\n"), keyboard));
  await show(ctx, lines.join("\n"), keyboard);
}

/** A member in charge: their units' overview in the current plan (the overview's own query, filtered), and their report. */
async function mine(ctx: MemberContext): Promise<void> {
  const units = await unitsInChargeOf(ctx.deps.db.$client, ctx.member.id);
  if (units.length === 0) return void (await ctx.port.send(t.mineNone));
  const { current: plan } = await readablePlans(ctx.deps.db, ctx.member);
  if (!plan) return void (await ctx.port.send(t.mineNone));
  const today = vietnamDate(ctx.deps.now());
  const o = await planOverview(ctx.deps.db.$client, {
    planId: plan.id,
    today,
    soonUntil: addDays(today, DEFAULT_SOON_DAYS),
    top: 5,
    unitIds: units.map((u) => u.unitId),
  });
  const lines = [
    t.mineHeader(planLabel(plan)),
    t.mineUnits(escapeHtml(units.map((u) => u.name).join("; "))),
    "",
    t.mineCounts(
      o.total,
      o.counts.overdue,
      o.counts.due_soon,
      o.counts.awaiting_confirmation,
      o.counts.done_on_time + o.counts.done_late,
    ),
  ];
  if (o.worstUnits.length > 0)
    lines.push("", t.mineWorst, ...o.worstUnits.map((u, i) => t.worstLine(i + 1, escapeHtml(u.unitName), u.count)));
  const [thisMonth, , thisQuarter, lastQuarter] = periodChoices(today);
  const keyboard = new Actions()
    .text(t.reportButton(thisMonth!.label), planReportScoped.build(plan.id, thisMonth!.code))
    .row()
    .text(t.reportButton(thisQuarter!.label), planReportScoped.build(plan.id, thisQuarter!.code))
    .row()
    .text(t.reportButton(lastQuarter!.label), planReportScoped.build(plan.id, lastQuarter!.code));
  await show(ctx, lines.join("\n"), keyboard);
}
