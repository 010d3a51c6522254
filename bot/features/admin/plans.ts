import { Composer } from "grammy";
import { Actions } from "../../ports/actions";
import { readablePlans, setCurrentPlan, type PlanInfo } from "../../../db/queries/plans";
import { adminPlans, adminPlanSwitch } from "../../callback-data";
import type { MemberContext } from "../../context";
import { numberButtons } from "../../keyboards/admin";
import { escapeHtml, shorten } from "../../render/html";
import { adminTexts } from "../../texts";
import { deny, show } from "./scope";

const t = adminTexts.plans;
const PLANS_SHOWN = 20;

/** /kehoach: the plans this member follows; the chosen one is what the other screens show. */
export const plansFeature = new Composer<MemberContext>();

plansFeature.command("kehoach", (ctx) => renderPlans(ctx));
plansFeature.callbackQuery(adminPlans.pattern, (ctx) => renderPlans(ctx));

plansFeature.callbackQuery(adminPlanSwitch.pattern, async (ctx) => {
  if (ctx.member.role !== "admin" && ctx.member.role !== "viewer") return deny(ctx, adminTexts.notForYou);
  const { plans } = await readablePlans(ctx.deps.db, ctx.member);
  const plan = plans.find((p) => p.id === Number(ctx.match[1]));
  if (!plan) return deny(ctx, t.notReadable);
  await setCurrentPlan(ctx.deps.db, ctx.member.id, plan.id);
  await ctx.port.answer({ text: t.switched(label(plan)) });
  await renderPlans(ctx, true);
});

async function renderPlans(ctx: MemberContext, answered = false): Promise<void> {
  if (ctx.member.role !== "admin" && ctx.member.role !== "viewer") return deny(ctx, adminTexts.notForYou);
  const { plans: all, current } = await readablePlans(ctx.deps.db, ctx.member);
  if (all.length === 0) return deny(ctx, adminTexts.noPlan);
  // The newest twenty (a committee rarely follows more at once); the message stays under Telegram's 4096 characters.
  const plans = all.slice(0, PLANS_SHOWN);
  if (current && !plans.includes(current)) plans.push(current);
  const lines = [t.header(all.length), ""];
  plans.forEach((p, i) => {
    lines.push(t.line(i + 1, escapeHtml(label(p, 150)), p.id === current?.id));
  });
  lines.push("", t.footer);
  const keyboard = numberButtons(
    new Actions(),
    1,
    plans.map((p) => adminPlanSwitch.build(p.id)),
  );
  if (answered) {
    await ctx.port.show(lines.join("\n"), keyboard);
    return;
  }
  await show(ctx, lines.join("\n"), keyboard);
}

function label(plan: PlanInfo, max = 60): string {
  return plan.number ? `${plan.number} — ${shorten(plan.title, max)}` : shorten(plan.title, max);
}
