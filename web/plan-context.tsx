/** @jsxImportSource hono/jsx */
import type { Context, MiddlewareHandler } from "hono";
import { canReadPlan, canReadPlanInChain } from "../core/access/policy";
import { createDb } from "../db/client";
import { planWithAncestors } from "../db/queries/plan-chain";
import { unitName } from "../db/queries/plan-scope";
import { readablePlans, type PlanInfo } from "../db/queries/plans";
import type { WebEnv } from "./env";
import { isOffice, MessagePage } from "./layout";
import { webTexts as t } from "./texts";

export function actorOf(c: Context<WebEnv>) {
  const v = c.var.viewer;
  return { id: v.memberId, role: v.role, unitId: v.unitId };
}

/**
 * For the office (admins, viewers): the plans they follow, for the picker
 * every page shows, and the one they last chose (/kehoach in chat) or the newest.
 */
export const loadPlans: MiddlewareHandler<WebEnv> = async (c, next) => {
  const viewer = c.var.viewer;
  if (isOffice(viewer)) {
    const { plans, current } = await readablePlans(createDb(c.env.DB), actorOf(c));
    c.set("viewer", { ...viewer, plans, planId: current?.id ?? null });
  }
  await next();
};

/** The plan the office's home shows: the member's chosen one, else the newest they may read. */
export function currentPlan(c: Context<WebEnv>): PlanInfo | null {
  const v = c.var.viewer;
  return v.plans?.find((p) => p.id === v.planId) ?? null;
}

/**
 * /web/ke-hoach/:planId/…: the plan in the address, read only if the policy
 * lets this member read it (an archived plan too); 404 for no such plan.
 * A plan read only through a plan above it (core/access canReadPlanInChain:
 * a unit's plan, opened by the office of the plan it carries out) is read
 * only: pages show no forms, and a POST is refused.
 */
export const planFromPath: MiddlewareHandler<WebEnv> = async (c, next) => {
  const viewer = c.var.viewer;
  const planId = Number(c.req.param("planId"));
  let plan = viewer.plans?.find((p) => p.id === planId) ?? null;
  let access: "own" | "chain" = "own";
  if (!plan) {
    const found = Number.isSafeInteger(planId) ? await planWithAncestors(createDb(c.env.DB), planId) : null;
    if (!found) return c.html(<MessagePage title={t.errors.title} message={t.errors.planNotFound} viewer={viewer} />, 404);
    const actor = actorOf(c);
    if (!canReadPlanInChain(actor, found.plan, found.ancestors))
      return c.html(<MessagePage title={t.errors.title} message={t.errors.planForbidden} viewer={viewer} />, 403);
    if (!canReadPlan(actor, found.plan)) access = "chain";
    if (access === "chain" && c.req.method !== "GET" && c.req.method !== "HEAD")
      return c.html(<MessagePage title={t.errors.title} message={t.errors.readOnlyPlan} viewer={viewer} />, 403);
    const monitor = await unitName(c.env.DB, found.plan.monitorUnitId);
    const { parentPlanId: _parent, ...scope } = found.plan;
    plan = { ...scope, monitorUnitName: monitor?.name ?? "" };
  }
  c.set("plan", plan);
  c.set("planAccess", access);
  c.set("viewer", { ...viewer, planId: plan.id });
  await next();
};

/** Addresses of a plan's pages. */
export const planHref = (planId: number, rest = "") => `/web/ke-hoach/${planId}${rest}`;
export const unitHref = (planId: number | null | undefined, unitId: number) =>
  planId ? planHref(planId, `/don-vi/${unitId}`) : `/web/don-vi/${unitId}`;

/** Vietnam's today, for statuses. */
export { vietnamDate } from "../core/time/vietnam-date";
