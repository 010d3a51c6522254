import { Composer } from "grammy";
import { Actions } from "../../ports/actions";
import { canManagePlan } from "../../../core/access/policy";
import { sortByUrgency } from "../../../core/status/of-assignment";
import { formatDate, vietnamDate } from "../../../core/time/vietnam-date";
import { unitAssignments } from "../../../db/queries/assignments";
import { planUnits } from "../../../db/queries/overview";
import { childPlansByUnit } from "../../../db/queries/plan-chain";
import type { PlanInfo } from "../../../db/queries/plans";
import { planTargets } from "../../../db/queries/targets";
import { searchUnits, unitInScope, unitMembers, type UnitMember } from "../../../db/queries/unit-view";
import { adminOverview, adminUnit, adminUnitList, peopleOfUnit, taskCard } from "../../callback-data";
import type { MemberContext } from "../../context";
import { numberButtons, pager } from "../../keyboards/admin";
import { deadlineLine } from "../../render/deadline";
import { ECHO_MAX, escapeHtml, shorten } from "../../render/html";
import { targetOverviewLines } from "../../render/targets";
import { unitIssuance, unitPlanLines } from "../../render/unit-plans";
import { adminTexts, roleLabel, statusLabel } from "../../texts";
import { deny, paginate, planFor, planLabel, show } from "./scope";

const t = adminTexts.unit;
const UNITS_PER_PAGE = 10;
const TASKS_PER_PAGE = 6;
const MEMBERS_SHOWN = 12;
const SEARCH_LIMIT = 10;

/**
 * /donvi [tên]: a unit of the plan, its assignments and its people (who
 * never reported, who blocked the bot, who paused alerts). Without a name,
 * the plan's units, most overdue first.
 */
export const unitViewFeature = new Composer<MemberContext>();

unitViewFeature.command("donvi", async (ctx) => {
  const query = ctx.match.trim();
  if (!query) return renderUnitList(ctx, 0);
  const plan = await planFor(ctx, "read");
  if (!plan) return;
  const found = await searchUnits(ctx.deps.db.$client, plan.monitorUnitId, query, SEARCH_LIMIT + 1);
  if (found.length === 0)
    return void (await ctx.port.send(adminTexts.units.notFound(escapeHtml(shorten(query, ECHO_MAX))), { html: true }));
  if (found.length === 1) return renderUnit(ctx, plan, found[0]!.id, 0);
  const shown = found.slice(0, SEARCH_LIMIT);
  const lines = [adminTexts.units.choose(escapeHtml(shorten(query, ECHO_MAX))), ""];
  shown.forEach((u, i) => {
    lines.push(`${i + 1}. ${escapeHtml(u.name)}`);
  });
  if (found.length > SEARCH_LIMIT) lines.push("", adminTexts.units.tooMany);
  await show(
    ctx,
    lines.join("\n"),
    numberButtons(
      new Actions(),
      1,
      shown.map((u) => adminUnit.build(u.id)),
    ),
  );
});

unitViewFeature.callbackQuery(adminUnitList.pattern, (ctx) => renderUnitList(ctx, Number(ctx.match[1])));

unitViewFeature.callbackQuery(adminUnit.pattern, async (ctx) => {
  const plan = await planFor(ctx, "read");
  if (!plan) return;
  await renderUnit(ctx, plan, Number(ctx.match[1]), Number(ctx.match[2]));
});

async function renderUnitList(ctx: MemberContext, requestedPage: number): Promise<void> {
  const plan = await planFor(ctx, "read");
  if (!plan) return;
  const today = vietnamDate(ctx.deps.now());
  const d1 = ctx.deps.db.$client;
  let { units, unitCount } = await planUnits(d1, {
    planId: plan.id,
    today,
    offset: requestedPage * UNITS_PER_PAGE,
    limit: UNITS_PER_PAGE,
  });
  if (units.length === 0 && requestedPage > 0)
    ({ units, unitCount } = await planUnits(d1, { planId: plan.id, today, offset: 0, limit: UNITS_PER_PAGE }));
  const { page, pages, offset } = paginate(unitCount, UNITS_PER_PAGE, units.length === 0 ? 0 : requestedPage);
  const lines = [adminTexts.units.header(planLabel(plan), unitCount), ""];
  if (units.length === 0) lines.push(adminTexts.units.none);
  units.forEach((u, i) => {
    lines.push(adminTexts.units.line(offset + i + 1, escapeHtml(u.unitName), u.total, u.overdue, u.done));
  });
  lines.push("", adminTexts.units.footer);
  const keyboard = numberButtons(
    new Actions(),
    offset + 1,
    units.map((u) => adminUnit.build(u.unitId)),
  );
  pager(keyboard, page, pages, adminUnitList.build).text(adminTexts.back, adminOverview.build());
  await show(ctx, lines.join("\n"), keyboard);
}

async function renderUnit(ctx: MemberContext, plan: PlanInfo, unitId: number, requestedPage: number): Promise<void> {
  const { db } = ctx.deps;
  const unit = await unitInScope(db.$client, plan.monitorUnitId, unitId);
  if (!unit) return deny(ctx, adminTexts.units.notInScope);
  const today = vietnamDate(ctx.deps.now());
  const [assignments, people, planTargetList, unitPlans] = await Promise.all([
    unitAssignments(db, unitId),
    unitMembers(db.$client, unitId),
    planTargets(db, plan.id),
    childPlansByUnit(db, plan.id, today),
  ]);
  const ownPlan = unitIssuance(unitPlans, today).find((u) => u.unit.unitId === unitId);
  const items = sortByUrgency(
    assignments.filter((a) => a.planId === plan.id),
    today,
  );

  const counts = new Map<string, number>();
  // By the status's colour: "🔴 2 · 🟠 1 · ✅ 3" (late and on-time completions share ✅).
  for (const a of items) {
    const emoji = statusLabel[a.status].split(" ")[0]!;
    counts.set(emoji, (counts.get(emoji) ?? 0) + 1);
  }
  const parts = [...counts].map(([emoji, n]) => `${emoji} ${n}`).join(" · ");
  const lines = [t.header(escapeHtml(unit.name)), t.counts(planLabel(plan), items.length, parts)];
  if (ownPlan) lines.push(...unitPlanLines(ownPlan));
  lines.push("");

  const { page, pages, offset } = paginate(items.length, TASKS_PER_PAGE, requestedPage);
  const shown = items.slice(offset, offset + TASKS_PER_PAGE);
  if (shown.length === 0) lines.push(t.noTasks);
  shown.forEach((a, i) => {
    lines.push(`${offset + i + 1}. ${statusLabel[a.status]} · ${escapeHtml(a.ref)} ${escapeHtml(shorten(a.title, 90))}`);
    lines.push(`    ${deadlineLine(a, a.status, today)}`);
  });
  const targets = planTargetList.targets.filter((x) => x.responsibleUnitId === unitId);
  if (targets.length > 0) lines.push("", t.targetsHeader(targets.length), ...targetOverviewLines(targets, planTargetList.values));
  lines.push("", t.membersHeader(people.length));
  if (people.length === 0) lines.push(t.noMembers);
  for (const m of people.slice(0, MEMBERS_SHOWN))
    lines.push(t.member(escapeHtml(m.fullName), roleLabel[m.role], memberFlags(m, today).join(" · ")));
  if (people.length > MEMBERS_SHOWN) lines.push(t.moreMembers(people.length - MEMBERS_SHOWN));
  if (shown.length > 0) lines.push("", t.footer);

  const keyboard = numberButtons(
    new Actions(),
    offset + 1,
    shown.map((a) => taskCard.build(a.id)),
  );
  pager(keyboard, page, pages, (p) => adminUnit.build(unitId, p));
  if (canManagePlan(ctx.member, plan)) keyboard.text(t.buttons.people, peopleOfUnit.build(unitId));
  keyboard.text(t.buttons.units, adminUnitList.build(0));
  await show(ctx, lines.join("\n"), keyboard);
}

/** What the office chases about a person: never reported, blocked the bot, alerts paused. */
export function memberFlags(m: UnitMember, today: string): string[] {
  const flags: string[] = [];
  if (m.role === "member" || m.role === "leader")
    flags.push(m.lastReportAt ? t.lastReport(formatDate(vietnamDate(new Date(m.lastReportAt)))) : t.neverReported);
  if (m.unreachableSince) flags.push(t.unreachable(formatDate(vietnamDate(new Date(m.unreachableSince)))));
  if (m.pausedUntil && m.pausedUntil >= today) flags.push(t.paused(formatDate(m.pausedUntil)));
  return flags;
}
