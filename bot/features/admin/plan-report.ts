import { Composer } from "grammy";
import { periodChoices, parseReportPeriod, periodFromCode, type ReportPeriod } from "../../../core/plan-report/period";
import { layoutOf, type ReportLayout } from "../../../core/plan-report/layout";
import { vietnamDate } from "../../../core/time/vietnam-date";
import { exportUnits } from "../../../db/queries/export";
import { planIssuerNames } from "../../../db/queries/plan-report";
import { readablePlans, type PlanInfo } from "../../../db/queries/plans";
import { unitsInChargeOf } from "../../../db/queries/units-in-charge";
import { planReportPeriod, planReportPlan, planReportScoped } from "../../callback-data";
import type { MemberContext } from "../../context";
import { numberButtons } from "../../keyboards/admin";
import { planReport, reportFile } from "../../plan-report-file";
import { Actions } from "../../ports/actions";
import { escapeHtml } from "../../render/html";
import { adminTexts, inChargeTexts, planReportTexts as t } from "../../texts";
import { deny, planFor, planLabel, show } from "./scope";

/**
 * /lapbaocao: the plan (when the member follows several), the period, then
 * the báo cáo as a Word file: a document on Telegram, a signed link on Zalo.
 * `/lapbaocao quý II/2026` skips the buttons for the current plan. A plan
 * too large for one chat request is built by the queue, as /xuat is.
 */
export const planReportFeature = new Composer<MemberContext>();

planReportFeature.command("lapbaocao", async (c) => {
  const typed = c.match.trim();
  if (typed) {
    const plan = await planFor(c, "read");
    if (!plan) return;
    const period = parseReportPeriod(typed);
    if (!period) return void (await c.port.send(t.badPeriod, { html: true }));
    return draft(c, plan, period);
  }
  if (c.member.role !== "admin" && c.member.role !== "viewer") return deny(c, adminTexts.notForYou);
  const { plans, current } = await readablePlans(c.deps.db, c.member);
  if (!current) return deny(c, adminTexts.noPlan);
  if (plans.length === 1) return periods(c, current);
  const shown = plans.slice(0, 20);
  const lines = [t.pickPlan(plans.length), "", ...shown.map((p, i) => t.planLine(i + 1, planLabel(p)))];
  await show(
    c,
    lines.join("\n"),
    numberButtons(
      new Actions(),
      1,
      shown.map((p) => planReportPlan.build(p.id)),
    ),
  );
});

planReportFeature.callbackQuery(planReportPlan.pattern, async (ctx) => {
  const plan = await readable(ctx, Number(ctx.match[1]));
  if (plan) await periods(ctx, plan);
});

planReportFeature.callbackQuery(planReportPeriod.pattern, async (ctx) => {
  const plan = await readable(ctx, Number(ctx.match[1]));
  const period = periodFromCode(ctx.match[2]!);
  if (!plan) return;
  if (!period) return deny(ctx, t.badPeriod);
  await ctx.port.answer();
  await draft(ctx, plan, period, ctx.match[3] === "p" ? "party" : ctx.match[3] === "s" ? "state" : undefined);
});

/** A member in charge of units (/phutrach): the report of only those units. */
planReportFeature.callbackQuery(planReportScoped.pattern, async (ctx) => {
  const plan = await readable(ctx, Number(ctx.match[1]));
  const period = periodFromCode(ctx.match[2]!);
  if (!plan) return;
  if (!period) return deny(ctx, t.badPeriod);
  const units = await unitsInChargeOf(ctx.deps.db.$client, ctx.member.id);
  if (units.length === 0) return deny(ctx, inChargeTexts.mineNone);
  await ctx.port.answer();
  await draft(ctx, plan, period, undefined, { memberName: ctx.member.fullName, unitIds: units.map((u) => u.unitId) });
});

/** The plan, if this member may still read it (their role or unit may have changed since the buttons were shown). */
async function readable(ctx: MemberContext, planId: number): Promise<PlanInfo | null> {
  if (ctx.member.role !== "admin" && ctx.member.role !== "viewer") {
    await deny(ctx, adminTexts.notForYou);
    return null;
  }
  const { plans } = await readablePlans(ctx.deps.db, ctx.member);
  const plan = plans.find((p) => p.id === planId) ?? null;
  if (!plan) await deny(ctx, adminTexts.plans.notReadable);
  return plan;
}

async function periods(ctx: MemberContext, plan: PlanInfo): Promise<void> {
  const today = vietnamDate(ctx.deps.now());
  const keyboard = new Actions();
  periodChoices(today).forEach((p, i) => {
    keyboard.text(t.periodButton(p.label), planReportPeriod.build(plan.id, p.code));
    if (i % 2 === 1) keyboard.row();
  });
  await show(ctx, t.pickPeriod(planLabel(plan), today), keyboard);
}

async function draft(
  ctx: MemberContext,
  plan: PlanInfo,
  period: ReportPeriod,
  layout?: ReportLayout,
  scope?: { memberName: string; unitIds: number[] },
): Promise<void> {
  const now = ctx.deps.now();
  if (period.from > vietnamDate(now)) return void (await ctx.port.send(t.future));
  const { units } = await exportUnits(ctx.deps.db.$client, plan.id);
  const rows = units.reduce((n, u) => n + u.count, 0);
  if (rows === 0) return void (await ctx.port.send(t.empty));
  const chosen = layout ?? layoutOf(await planIssuerNames(ctx.deps.db.$client, plan.id));
  if (!chosen) return askLayout(ctx, plan, period);
  const queue = ctx.deps.enqueueExport;
  // A member's few units stay inline; the whole of a large plan goes to the queue.
  if (queue && !scope && rows > (ctx.deps.exportInlineMaxRows ?? Infinity)) {
    await queue({ planId: plan.id, memberId: ctx.member.id, format: "docx", period: period.code, layout: chosen });
    return void (await ctx.port.send(t.queued(planLabel(plan), rows), { html: true }));
  }
  await ctx.port.working("upload_document");
  const built = await planReport(ctx.deps.db, { planId: plan.id, period, layout: chosen, now, scope });
  if (!built.ok) return void (await ctx.port.send(built.reason === "future" ? t.future : adminTexts.noPlan));
  const file = await reportFile(built.data, built.doc, now);
  await ctx.port.sendFile(file, file.caption);
}

/** No rule tells the layout from the issuing unit's name (core/plan-report/layout): the admin picks. */
async function askLayout(ctx: MemberContext, plan: PlanInfo, period: ReportPeriod): Promise<void> {
  const [issuer = ""] = await planIssuerNames(ctx.deps.db.$client, plan.id);
  const keyboard = new Actions()
    .text(t.layoutParty, planReportPeriod.build(plan.id, period.code, "party"))
    .row()
    .text(t.layoutState, planReportPeriod.build(plan.id, period.code, "state"));
  await ctx.port.send(t.pickLayout(escapeHtml(issuer)), { html: true, actions: keyboard });
}
