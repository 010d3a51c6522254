import { Composer } from "grammy";
import { canManagePlan } from "../../../core/access/policy";
import { assignmentsToLink, type ParentCandidate } from "../../../core/plan-chain";
import { linkChildPlan, planWithAncestors, type ChainPlan } from "../../../db/queries/plan-chain";
import { parentCandidates } from "../../../db/queries/plan-chain-import";
import type { Db } from "../../../db/client";
import { readablePlans } from "../../../db/queries/plans";
import { linkParentPlan } from "../../callback-data";
import type { MemberContext } from "../../context";
import { adminsOnly } from "../../filters/admins-only";
import { numberButtons } from "../../keyboards/admin";
import { Actions } from "../../ports/actions";
import { parentPlanName } from "../../render/unit-plans";
import { chainTexts } from "../../texts";
import { tellParentOffice } from "../../plan-chain-notice";
import { planLabel, show } from "./scope";

const t = chainTexts.link;
/** Plans offered at once; a unit is given work by a few plans at a time. */
const CANDIDATES_MAX = 20;

/**
 * /lienketkh: an admin links the plan they manage (the current one) to the
 * plan above that gave their unit its tasks. The choice offers only plans
 * that give work to the plan's issuing unit or a unit above it; the press
 * checks the policy and the link again (core/access canManagePlan on the
 * child, db/queries/plan-chain linkChildPlan: no cycle, the right unit),
 * and a refusal writes nothing.
 */
export const linkPlanFeature = new Composer<MemberContext>();

linkPlanFeature.command("lienketkh", adminsOnly, async (ctx) => {
  const { db } = ctx.deps;
  const { current } = await readablePlans(db, ctx.member);
  if (!current || !canManagePlan(ctx.member, current)) return void (await ctx.port.send(t.noOwnPlan));
  const found = await planWithAncestors(db, current.id);
  if (!found) return void (await ctx.port.send(t.noOwnPlan));
  const candidates = await parentsOf(db, found.plan);
  const child = planLabel(current);
  if (candidates.length === 0) return void (await ctx.port.send(`${t.header(child)}\n\n${t.none}`, { html: true }));
  const lines = [t.header(child)];
  const linked = candidates.find((c) => c.planId === found.plan.parentPlanId);
  if (linked) lines.push(t.current(parentPlanName(linked)));
  lines.push("");
  candidates.forEach((c, i) => {
    lines.push(t.line(i + 1, parentPlanName(c), assignmentsToLink(c).length));
  });
  lines.push("", t.footer);
  await show(
    ctx,
    lines.join("\n"),
    numberButtons(
      new Actions(),
      1,
      candidates.map((c) => linkParentPlan.build(current.id, c.planId)),
    ),
  );
});

linkPlanFeature.callbackQuery(linkParentPlan.pattern, adminsOnly, async (ctx) => {
  const { db } = ctx.deps;
  const [childId, parentId] = [Number(ctx.match[1]), Number(ctx.match[2])];
  const child = (await planWithAncestors(db, childId))?.plan;
  if (!child || child.archived) return refuse(ctx, t.refused.gone!);
  if (!canManagePlan(ctx.member, child)) return refuse(ctx, t.refused.not_yours!);
  const parent = (await parentsOf(db, child)).find((c) => c.planId === parentId);
  if (!parent) return refuse(ctx, t.refused.wrong_unit!);
  const assignmentIds = assignmentsToLink(parent);
  const result = await linkChildPlan(db, {
    childPlanId: childId,
    parentPlanId: parentId,
    assignmentIds,
    memberId: ctx.member.id,
    now: ctx.deps.now().toISOString(),
  });
  if (!result.ok) return refuse(ctx, t.refused[refusalText(result.reason)]!);
  await ctx.port.answer();
  await ctx.port.clearActions();
  await ctx.port.send(t.done(planLabel(child), parentPlanName(parent), assignmentIds.length), { html: true });
  await tellParentOffice(ctx, childId, result.reported);
});

/** The plans that give work to the child's issuer or a unit above it, the child itself aside. */
async function parentsOf(db: Db, child: ChainPlan): Promise<ParentCandidate[]> {
  return (await parentCandidates(db, child.issuerUnitId)).filter((c) => c.planId !== child.id).slice(0, CANDIDATES_MAX);
}

/** A refusal stays in the chat (not a passing alert): it says why and that nothing changed. */
async function refuse(ctx: MemberContext, text: string): Promise<void> {
  await ctx.port.answer();
  await ctx.port.send(text);
}

/** The model's reasons, as the texts name them. */
export function refusalText(reason: string): "cycle" | "wrong_unit" | "not_in_parent" | "gone" {
  if (reason === "cycle") return "cycle";
  if (reason === "not_child_unit") return "wrong_unit";
  if (reason === "not_in_parent" || reason === "no_assignments") return "not_in_parent";
  return "gone";
}
