import { Composer } from "grammy";
import { Actions } from "../../ports/actions";
import { canManagePlan, canReadTarget, canRecordTarget } from "../../../core/access/policy";
import { parseTargetInput, periodLabelOf, TARGET_NOTE_MAX } from "../../../core/report/target";
import { readablePlans, type PlanInfo } from "../../../db/queries/plans";
import { recordTargetValue, visibleTargets, type TargetList, type TargetRow } from "../../../db/queries/targets";
import { adminOverview, adminTarget, adminTargetRecord, adminTargets, adminTargetUnitMenu } from "../../callback-data";
import { activeFlow, endFlow, startFlow } from "../../conversation";
import type { MemberContext } from "../../context";
import { cancelKeyboard } from "../../keyboards/flow";
import { numberButtons, pager } from "../../keyboards/admin";
import { escapeHtml, shorten } from "../../render/html";
import { goalText, standingLine, targetDetailText, valueText } from "../../render/targets";
import { adminTexts } from "../../texts";
import { deny, paginate, planLabel, show } from "./scope";

const t = adminTexts.targets;
const FLOW = "target-value";
/** Typing part of a unit's name while the responsible-unit menu is open (target-unit.ts). */
export const UNIT_SEARCH_FLOW = "target-unit";
/** Eight targets (text, goal, latest value) keep a page well under Telegram's 4096 characters. */
const TARGETS_PER_PAGE = 8;

/**
 * /chitieu: each target's latest value against its goal, the trend, and
 * recording a value. The monitoring office (admins, viewers) sees the
 * current plan's targets; anyone else sees the targets their unit is
 * responsible for, in every live plan, and records their values.
 */
export const targetsFeature = new Composer<MemberContext>();

targetsFeature.command("chitieu", (ctx) => renderTargets(ctx, 0));
targetsFeature.callbackQuery(adminTargets.pattern, (ctx) => renderTargets(ctx, Number(ctx.match[1])));

targetsFeature.callbackQuery(adminTarget.pattern, async (ctx) => {
  const found = await targetFor(ctx, Number(ctx.match[1]), "read");
  if (!found) return;
  // Back on the target's screen, a value or unit name half asked for is no longer expected.
  if (activeFlow(ctx, FLOW) || activeFlow(ctx, UNIT_SEARCH_FLOW)) await endFlow(ctx);
  const view = targetScreen(ctx, found);
  await show(ctx, view.text, view.keyboard);
});

targetsFeature.callbackQuery(adminTargetRecord.pattern, async (ctx) => {
  const found = await targetFor(ctx, Number(ctx.match[1]), "record");
  if (!found) return;
  const token = await startFlow(ctx, FLOW, "input", { targetId: found.target.id });
  await ctx.port.answer();
  await ctx.port.send(t.ask(escapeHtml(shorten(found.target.text, 300))), { html: true, actions: cancelKeyboard(token) });
});

targetsFeature.on("message:text", async (ctx, next) => {
  const flow = activeFlow(ctx, FLOW);
  if (!flow || ctx.message.text.startsWith("/")) return next();
  const targetId = Number((flow.data as { targetId: number }).targetId);
  const found = await targetFor(ctx, targetId, "record");
  if (!found) return void (await endFlow(ctx));
  const input = parseTargetInput(ctx.message.text, found.target.unitOfMeasure);
  if (!input.ok) {
    const tooLong = t.noteTooLong(TARGET_NOTE_MAX);
    return void (await ctx.port.send(
      { format: t.badFormat, period: t.badPeriod, value: t.badValue, range: t.badShare, tooLong }[input.reason],
    ));
  }
  const recorded = {
    targetId,
    period: input.period.key,
    value: input.value,
    note: input.note,
    createdAt: ctx.deps.now().toISOString(),
  };
  const id = await recordTargetValue(ctx.deps.db, { ...recorded, memberId: ctx.member.id, now: recorded.createdAt });
  await endFlow(ctx);
  // The screen as it now stands, from what was just loaded and written: no second read.
  const values = [...found.visible.values, { ...recorded, id, recordedByName: ctx.member.fullName }];
  const view = targetScreen(ctx, { ...found, visible: { ...found.visible, values } });
  await ctx.port.send(`${t.saved(periodLabelOf(input.period.key), valueText(input.value, found.target))}\n\n${view.text}`, {
    html: true,
    actions: view.keyboard,
  });
});

/**
 * The targets a member sees: for the office that monitors or oversees a
 * plan, the current plan's; for everyone, those their unit is responsible
 * for (a party cell's admin may follow the cell's own plan and still record
 * a target of the district's).
 */
type VisibleTargets = TargetList & { plan: PlanInfo | null };

async function targetsOf(ctx: MemberContext): Promise<VisibleTargets> {
  const { member, deps } = ctx;
  const plan = member.role === "admin" || member.role === "viewer" ? (await readablePlans(deps.db, member)).current : null;
  const { targets, values } = await visibleTargets(deps.db, { planId: plan?.id ?? null, unitId: member.unitId });
  // The query fetches the candidates; the policy decides, as for plans (readablePlans).
  return { plan, targets: targets.filter((target) => canReadTarget(member, target.plan, target)), values };
}

export interface FoundTarget {
  target: TargetRow;
  /** Its number in the member's list, from 0. */
  index: number;
  visible: VisibleTargets;
}

/**
 * The target behind a button or flow, if the member sees it (see
 * visibleTargets) and may do `need` with it; otherwise they are told why
 * and get nothing.
 */
export async function targetFor(
  ctx: MemberContext,
  targetId: number,
  need: "read" | "record" | "manage",
): Promise<FoundTarget | null> {
  const visible = await targetsOf(ctx);
  const index = visible.targets.findIndex((x) => x.id === targetId);
  const target = visible.targets[index];
  if (!target) {
    await deny(ctx, visible.plan ? adminTexts.otherPlan : t.notYours);
    return null;
  }
  if (need === "record" && !canRecordTarget(ctx.member, target.plan, target)) {
    await deny(ctx, t.recordOnly);
    return null;
  }
  if (need === "manage" && !canManagePlan(ctx.member, target.plan)) {
    await deny(ctx, adminTexts.manageOnly);
    return null;
  }
  return { target, index, visible };
}

async function renderTargets(ctx: MemberContext, requestedPage: number): Promise<void> {
  const visible = await targetsOf(ctx);
  const { targets: all, values, plan } = visible;
  const isOffice = ctx.member.role === "admin" || ctx.member.role === "viewer";
  // Nothing to show: the office follows no plan, or the unit was given no target.
  if (!plan && all.length === 0) return deny(ctx, isOffice ? adminTexts.noPlan : t.unitNone);

  const { page, pages, offset } = paginate(all.length, TARGETS_PER_PAGE, requestedPage);
  const targets = all.slice(offset, offset + TARGETS_PER_PAGE);
  const lines = [plan ? t.header(planLabel(plan)) : t.unitHeader(escapeHtml(ctx.member.unitName)), ""];
  if (all.length === 0) lines.push(t.none);
  // A unit's own list names the plan only when its targets come from several.
  const plansListed = new Set(all.map((target) => target.planId)).size;
  targets.forEach((target, i) => {
    lines.push(t.line(offset + i + 1, escapeHtml(shorten(target.text, 140))));
    if (showsPlan(visible, target) && (plan || plansListed > 1)) lines.push(`   ${t.plan(planLabel(target.plan))}`);
    const goal = goalText(target);
    if (goal) lines.push(t.goal(goal));
    // The office sees at a glance which unit records what; a unit's own list needs no reminder.
    if (plan && target.responsibleUnitName) lines.push(`   ${t.responsible(escapeHtml(target.responsibleUnitName))}`);
    lines.push(
      standingLine(
        target,
        values.filter((v) => v.targetId === target.id),
      ),
    );
  });
  if (targets.length > 0) lines.push("", plan ? t.footer : t.unitFooter);
  const keyboard = numberButtons(
    new Actions(),
    offset + 1,
    targets.map((target) => adminTarget.build(target.id)),
  );
  pager(keyboard, page, pages, adminTargets.build);
  if (plan) keyboard.text(adminTexts.back, adminOverview.build());
  await show(ctx, lines.join("\n"), keyboard);
}

/** A target outside the plan the member follows says which plan it belongs to. */
function showsPlan(visible: VisibleTargets, target: TargetRow): boolean {
  return visible.plan?.id !== target.planId;
}

/** A target's screen with what this member may do there. */
export function targetScreen(ctx: MemberContext, found: FoundTarget, note = "") {
  const { target, index, visible } = found;
  const values = visible.values.filter((v) => v.targetId === target.id);
  const text = targetDetailText(target, index + 1, values, { showPlan: showsPlan(visible, target) }) + note;
  const keyboard = new Actions();
  if (canRecordTarget(ctx.member, target.plan, target)) keyboard.text(t.record, adminTargetRecord.build(target.id)).row();
  if (canManagePlan(ctx.member, target.plan)) keyboard.text(t.chooseUnitButton, adminTargetUnitMenu.build(target.id)).row();
  keyboard.text(t.backToList, adminTargets.build(Math.floor(index / TARGETS_PER_PAGE)));
  return { text, keyboard };
}
