import { Composer, InlineKeyboard } from "grammy";
import { canRecordTarget } from "../../../core/access/policy";
import { comparatorSymbol, formatNumber, parseTargetInput, periodLabelOf, standingOf, type Comparator } from "../../../core/report/target";
import { formatDateTime } from "../../../core/time/vietnam-date";
import { planTargets, recordTargetValue, targetById, type TargetRow, type TargetValueRow } from "../../../db/queries/targets";
import { adminOverview, adminTarget, adminTargetRecord, adminTargets } from "../../callback-data";
import { activeFlow, endFlow, startFlow } from "../../conversation";
import type { BotContext, MemberContext } from "../../context";
import { cancelKeyboard } from "../../keyboards/flow";
import { numberButtons, pager } from "../../keyboards/admin";
import { escapeHtml, shorten } from "../../render/html";
import { adminTexts } from "../../texts";
import { deny, paginate, planFor, planLabel, show } from "./scope";

const t = adminTexts.targets;
const FLOW = "target-value";
/** Eight targets (text, goal, latest value) keep a page well under Telegram's 4096 characters. */
const TARGETS_PER_PAGE = 8;

/** /chitieu: each target's latest value against its goal, the trend, and recording a value. */
export const targetsFeature = new Composer<BotContext>();

targetsFeature.command("chitieu", (ctx) => renderTargets(ctx as MemberContext, 0));
targetsFeature.callbackQuery(adminTargets.pattern, (ctx) => renderTargets(ctx as MemberContext, Number(ctx.match[1])));

targetsFeature.callbackQuery(adminTarget.pattern, async (ctx) => {
  const c = ctx as MemberContext;
  const found = await targetInPlan(c, Number(ctx.match[1]), "read");
  if (!found) return;
  const view = renderTarget(found.target, found.index, found.values, canRecordTarget(c.member, found.plan));
  await show(c, view.text, view.keyboard);
});

targetsFeature.callbackQuery(adminTargetRecord.pattern, async (ctx) => {
  const c = ctx as MemberContext;
  const found = await targetInPlan(c, Number(ctx.match[1]), "manage");
  if (!found) return;
  const token = await startFlow(c, FLOW, "input", { targetId: found.target.id });
  await ctx.answerCallbackQuery();
  await ctx.reply(t.ask(escapeHtml(shorten(found.target.text, 300))), { parse_mode: "HTML", reply_markup: cancelKeyboard(token) });
});

targetsFeature.on("message:text", async (ctx, next) => {
  const c = ctx as MemberContext;
  const flow = activeFlow(c, FLOW);
  if (!flow || ctx.message.text.startsWith("/")) return next();
  const found = await targetInPlan(c, Number((flow.data as { targetId: number }).targetId), "manage");
  if (!found) return void (await endFlow(c));
  const input = parseTargetInput(ctx.message.text);
  if (!input.ok) return void (await ctx.reply({ format: t.badFormat, period: t.badPeriod, value: t.badValue }[input.reason]));
  await recordTargetValue(c.deps.db, {
    targetId: found.target.id,
    period: input.period.key,
    value: input.value,
    note: input.note,
    memberId: c.member.id,
    now: c.deps.now().toISOString(),
  });
  await endFlow(c);
  const { values } = await planTargets(c.deps.db, found.plan.id);
  const view = renderTarget(found.target, found.index, values.filter((v) => v.targetId === found.target.id), true);
  await ctx.reply(`${t.saved(periodLabelOf(input.period.key), valueText(input.value, found.target))}\n\n${view.text}`, {
    parse_mode: "HTML",
    reply_markup: view.keyboard,
  });
});

async function renderTargets(ctx: MemberContext, requestedPage: number): Promise<void> {
  const plan = await planFor(ctx, "read");
  if (!plan) return;
  const { targets: all, values } = await planTargets(ctx.deps.db, plan.id);
  const { page, pages, offset } = paginate(all.length, TARGETS_PER_PAGE, requestedPage);
  const targets = all.slice(offset, offset + TARGETS_PER_PAGE);
  const lines = [t.header(planLabel(plan)), ""];
  if (all.length === 0) lines.push(t.none);
  targets.forEach((target, i) => {
    lines.push(t.line(offset + i + 1, escapeHtml(shorten(target.text, 140))));
    const goal = goalText(target);
    if (goal) lines.push(t.goal(goal));
    lines.push(standingLine(target, values.filter((v) => v.targetId === target.id)));
  });
  if (targets.length > 0) lines.push("", t.footer);
  const keyboard = numberButtons(new InlineKeyboard(), offset + 1, targets.map((target) => adminTarget.build(target.id)));
  pager(keyboard, page, pages, adminTargets.build).text(adminTexts.back, adminOverview.build());
  await show(ctx, lines.join("\n"), keyboard);
}

function renderTarget(target: TargetRow, index: number, values: TargetValueRow[], canRecord: boolean) {
  const lines = [t.detailHeader(index + 1), escapeHtml(shorten(target.text, 1000))];
  const goal = goalText(target);
  if (goal) lines.push(t.goal(goal).trim());
  lines.push(standingLine(target, values).trim(), "");
  const { series } = standingOf(goalOf(target), values);
  if (series.length > 0) {
    lines.push(t.seriesHeader);
    // The newest twelve periods: enough for a trend, short enough for a phone.
    for (const v of series.slice(-12)) {
      lines.push(t.seriesLine(periodLabelOf(v.period), valueText(v.value, target), escapeHtml(v.recordedByName), formatDateTime(v.createdAt), v.note && escapeHtml(shorten(v.note, 200))));
    }
  }
  const keyboard = new InlineKeyboard();
  if (canRecord) keyboard.text(t.record, adminTargetRecord.build(target.id)).row();
  keyboard.text(t.backToList, adminTargets.build(Math.floor(index / TARGETS_PER_PAGE)));
  return { text: lines.join("\n"), keyboard };
}

/** The target behind a button or flow, if it belongs to the member's current plan and they may do `need`. */
async function targetInPlan(ctx: MemberContext, targetId: number, need: "read" | "manage") {
  const plan = await planFor(ctx, need);
  if (!plan) return null;
  const target = await targetById(ctx.deps.db, targetId);
  if (!target || target.planId !== plan.id) {
    await deny(ctx, adminTexts.otherPlan);
    return null;
  }
  const { targets, values } = await planTargets(ctx.deps.db, plan.id);
  return { plan, target, index: targets.findIndex((x) => x.id === target.id), values: values.filter((v) => v.targetId === target.id) };
}

const goalOf = (target: TargetRow) => ({ comparator: target.comparator as Comparator | null, value: target.value });

/** "≥ 70% đến năm 2030" */
export function goalText(target: TargetRow): string | null {
  if (target.value === null) return target.byYear ? t.byYear(target.byYear).trim() : null;
  const symbol = target.comparator ? `${comparatorSymbol[target.comparator]} ` : "";
  return `${symbol}${valueText(target.value, target)}${target.byYear ? t.byYear(target.byYear) : ""}`;
}

export function valueText(value: number, target: { unitOfMeasure: string | null }): string {
  const unit = target.unitOfMeasure ?? "";
  return `${formatNumber(value)}${unit === "%" ? "%" : unit ? ` ${escapeHtml(unit)}` : ""}`;
}

/** "Mới nhất: 62,5% (năm 2025) ↑ từ 58% · ⚠️ chưa đạt", or that nothing is recorded. */
export function standingLine(target: TargetRow, values: TargetValueRow[]): string {
  const s = standingOf(goalOf(target), values);
  if (!s.latest) return t.noValue;
  const from = s.previous ? `${valueText(s.previous.value, target)} (${periodLabelOf(s.previous.period)})` : "";
  const trend = s.trend === "up" ? t.trend.up(from) : s.trend === "down" ? t.trend.down(from) : s.trend === "flat" ? t.trend.flat() : "";
  const verdict = s.met === true ? t.met : s.met === false ? t.notMet : "";
  return t.latest(valueText(s.latest.value, target), periodLabelOf(s.latest.period), trend, verdict);
}

/** One line per target for the overview. */
export function targetOverviewLines(targets: TargetRow[], values: TargetValueRow[]): string[] {
  return targets.map((target) => {
    const s = standingOf(goalOf(target), values.filter((v) => v.targetId === target.id));
    const text = escapeHtml(shorten(target.text, 70));
    if (!s.latest) return t.overviewNone(text);
    const verdict = s.met === true ? " ✅" : s.met === false ? ` ⚠️ (mục tiêu ${goalText(target)})` : "";
    return t.overviewLine(text, `${valueText(s.latest.value, target)} (${periodLabelOf(s.latest.period)})`, verdict);
  });
}
