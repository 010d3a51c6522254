import type { Actions } from "../../ports/actions";
import { canManagePlan } from "../../../core/access/policy";
import { readablePlans, type PlanInfo } from "../../../db/queries/plans";
import type { MemberContext } from "../../context";
import { adminTexts as t } from "../../texts";

/**
 * Every screen of the monitoring office starts here: the member's current
 * plan (members.currentPlanId, else the newest they may read), and whether
 * they may read it (admins of its monitoring unit, viewers of its issuing or
 * monitoring unit) or also manage it (the admins). Anyone else is answered
 * and gets nothing: no unit name, no count.
 */
export async function planFor(ctx: MemberContext, need: "read" | "manage"): Promise<PlanInfo | null> {
  const { member } = ctx;
  if (member.role !== "admin" && member.role !== "viewer") {
    await deny(ctx, t.notForYou);
    return null;
  }
  const { current } = await readablePlans(ctx.deps.db, member);
  if (!current) {
    await deny(ctx, t.noPlan);
    return null;
  }
  if (need === "manage" && !canManagePlan(member, current)) {
    await deny(ctx, t.manageOnly);
    return null;
  }
  return current;
}

export async function deny(ctx: MemberContext, text: string): Promise<void> {
  if (ctx.callbackQuery) await ctx.port.answer({ text, alert: true });
  else await ctx.port.send(text);
}

/** A command answers with a new message; a button shows the screen in place of the one pressed. */
export async function show(ctx: MemberContext, text: string, keyboard?: Actions): Promise<void> {
  if (ctx.callbackQuery) {
    await ctx.port.answer();
    await ctx.port.show(text, keyboard);
  } else {
    await ctx.port.send(text, { html: true, actions: keyboard });
  }
}

export { planLabel } from "../../render/plan";

/** Pages of `size`, the requested one clamped into range. */
export function paginate(total: number, size: number, requested: number): { page: number; pages: number; offset: number } {
  const pages = Math.max(1, Math.ceil(total / size));
  const page = Math.min(Math.max(0, requested), pages - 1);
  return { page, pages, offset: page * size };
}
