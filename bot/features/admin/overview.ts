import { Composer } from "grammy";
import { Actions } from "../../ports/actions";
import { DEFAULT_SOON_DAYS } from "../../../core/status/derive";
import { addDays, formatDate, vietnamDate } from "../../../core/time/vietnam-date";
import { BUCKETS, planOverviewWith } from "../../../db/queries/overview";
import { childPlansQuery } from "../../../db/queries/plan-chain";
import { planTargets } from "../../../db/queries/targets";
import {
  adminApprovals,
  adminExport,
  adminOverduePage,
  adminOverview,
  adminTargets,
  adminUnit,
  adminUnitList,
  unitPlansPage,
} from "../../callback-data";
import type { MemberContext } from "../../context";
import { numberButtons } from "../../keyboards/admin";
import { escapeHtml } from "../../render/html";
import { unitIssuance } from "../../render/unit-plans";
import { adminTexts, chainTexts } from "../../texts";
import { planFor, planLabel, show } from "./scope";
import { targetOverviewLines } from "../../render/targets";

const t = adminTexts.overview;
/** Targets shown on the overview; the rest are one tap away. */
const OVERVIEW_TARGETS = 4;

/** /tongquan: the whole plan on one phone screen, every part a tap from its detail. */
export const overviewFeature = new Composer<MemberContext>();

overviewFeature.command("tongquan", (ctx) => renderOverview(ctx));
overviewFeature.callbackQuery(adminOverview.pattern, (ctx) => renderOverview(ctx));

async function renderOverview(ctx: MemberContext): Promise<void> {
  const plan = await planFor(ctx, "read");
  if (!plan) return;
  const today = vietnamDate(ctx.deps.now());
  const d1 = ctx.deps.db.$client;
  const [[o, unitPlans], targets] = await Promise.all([
    // The roll-up of the units' plans rides in the overview's batch: one round trip for both.
    planOverviewWith(
      d1,
      { planId: plan.id, today, soonUntil: addDays(today, DEFAULT_SOON_DAYS) },
      childPlansQuery(d1, plan.id, today),
    ),
    planTargets(ctx.deps.db, plan.id),
  ]);
  const issuance = unitIssuance(unitPlans, today);
  const lines = [t.header(planLabel(plan)), t.date(formatDate(today), o.total)];
  if (o.total === 0) lines.push("", t.empty);
  else {
    const parts = BUCKETS.filter((b) => b !== "done_late" && b !== "done_on_time" && o.counts[b] > 0).map(
      (b) => `${adminTexts.bucket[b]}: <b>${o.counts[b]}</b>`,
    );
    lines.push("");
    for (let i = 0; i < parts.length; i += 2) lines.push(parts.slice(i, i + 2).join(" · "));
    const done = o.counts.done_on_time + o.counts.done_late;
    lines.push(t.done(done, o.total, share(done, o.total), o.counts.done_on_time, share(o.counts.done_on_time, done)));
    if (issuance.length > 0)
      lines.push(
        chainTexts.rollup.overviewLine(
          issuance.filter((u) => u.issued).length,
          issuance.length,
          issuance.filter((u) => u.late).length,
        ),
      );
    lines.push("");
    if (o.worstUnits.length === 0) lines.push(t.noOverdue);
    else {
      lines.push(t.worstHeader);
      o.worstUnits.forEach((u, i) => {
        lines.push(t.worstLine(i + 1, escapeHtml(u.unitName), u.count));
      });
      if (o.unitsOverdue > o.worstUnits.length) lines.push(t.otherUnits(o.unitsOverdue - o.worstUnits.length));
    }
  }
  if (targets.targets.length > 0) {
    lines.push("", t.targetsHeader, ...targetOverviewLines(targets.targets.slice(0, OVERVIEW_TARGETS), targets.values));
    if (targets.targets.length > OVERVIEW_TARGETS) lines.push(adminTexts.more(targets.targets.length - OVERVIEW_TARGETS));
  }
  const waiting = o.completionsPending + o.extensionsPending;
  if (waiting > 0) lines.push("", t.waiting(o.completionsPending, o.extensionsPending));
  if (o.worstUnits.length > 0) lines.push("", t.footer);

  const keyboard = numberButtons(
    new Actions(),
    1,
    o.worstUnits.map((u) => adminUnit.build(u.unitId)),
  )
    .text(t.buttons.overdue, adminOverduePage.build(0))
    .text(t.buttons.approvals(waiting), adminApprovals.build(0))
    .row()
    .text(t.buttons.units, adminUnitList.build(0))
    .text(t.buttons.targets, adminTargets.build())
    .row();
  if (issuance.length > 0) keyboard.text(chainTexts.rollup.button, unitPlansPage.build("all")).row();
  keyboard.text(t.buttons.export, adminExport.build("xlsx")).text(t.buttons.refresh, adminOverview.build());
  await show(ctx, lines.join("\n"), keyboard);
}

function share(part: number, whole: number): number {
  return whole === 0 ? 0 : Math.round((part / whole) * 100);
}
