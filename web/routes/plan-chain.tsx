/** @jsxImportSource hono/jsx */
import { Hono } from "hono";
import { canManagePlan } from "../../core/access/policy";
import { assignmentsToLink } from "../../core/plan-chain";
import { createDb } from "../../db/client";
import { linkChildPlan, unlinkChildPlan } from "../../db/queries/plan-chain";
import { parentCandidates } from "../../db/queries/plan-chain-import";
import type { WebEnv } from "../env";
import { MessagePage } from "../layout";
import { actorOf, planFromPath, planHref } from "../plan-context";
import { chainTexts, importWebTexts, webTexts as t } from "../texts";

/**
 * /web/ke-hoach/:planId/ke-hoach-cap-tren — the plan's managers link it to
 * the plan above it carries out, or to none (a plan imported before linking,
 * or linked to the wrong parent). Refused as linkChildPlan refuses.
 */
export const planChainRoutes = new Hono<WebEnv>();

planChainRoutes.post("/ke-hoach/:planId{[0-9]+}/ke-hoach-cap-tren", planFromPath, async (c) => {
  const plan = c.var.plan;
  const viewer = c.var.viewer;
  const refuse = (message: string, status: 400 | 403 | 409) =>
    c.html(<MessagePage title={chainTexts.parentHeading} message={message} viewer={viewer} />, status);
  if (!canManagePlan(actorOf(c), plan)) return refuse(t.errors.manageOnly, 403);
  const db = createDb(c.env.DB);
  const picked = Number((await c.req.parseBody()).parent);
  if (picked === 0) {
    await unlinkChildPlan(db, { childPlanId: plan.id, memberId: viewer.memberId });
    return c.redirect(planHref(plan.id), 303);
  }
  const parent = (await parentCandidates(db, plan.issuerUnitId)).find((p) => p.planId === picked && p.planId !== plan.id);
  if (!parent) return refuse(importWebTexts.parentNotInList, 400);
  const linked = await linkChildPlan(db, {
    childPlanId: plan.id,
    parentPlanId: parent.planId,
    assignmentIds: assignmentsToLink(parent),
    memberId: viewer.memberId,
  });
  if (!linked.ok) return refuse(importWebTexts.parentRefused[linked.reason], 409);
  return c.redirect(planHref(plan.id), 303);
});
