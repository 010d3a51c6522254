/** @jsxImportSource hono/jsx */
import { Hono } from "hono";
import { DEFAULT_SOON_DAYS } from "../../core/status/derive";
import { addDays, formatDate, vietnamDate } from "../../core/time/vietnam-date";
import { createDb } from "../../db/client";
import { BUCKETS, planOverviewWith, planUnits } from "../../db/queries/overview";
import { planTargets } from "../../db/queries/targets";
import { canManagePlan } from "../../core/access/policy";
import { childPlansQuery, planParent } from "../../db/queries/plan-chain";
import { parentCandidates } from "../../db/queries/plan-chain-import";
import type { WebEnv } from "../env";
import { isOffice, MessagePage } from "../layout";
import { OverviewPage } from "../pages/overview-page";
import { actorOf, currentPlan, planFromPath, planHref } from "../plan-context";
import { webTexts as t } from "../texts";

/** /web: the office goes to its current plan's overview; members and leaders to their unit. */
export const homeRoutes = new Hono<WebEnv>();

homeRoutes.get("/", (c) => {
  const viewer = c.var.viewer;
  if (!isOffice(viewer)) return c.redirect(`/web/don-vi/${viewer.unitId}`, 303);
  const plan = currentPlan(c);
  if (!plan) return c.html(<MessagePage title={t.nav.overview} message={t.errors.noPlan} viewer={viewer} kind="notice" />);
  return c.redirect(planHref(plan.id), 303);
});

/** The plan picker's GET form. */
homeRoutes.get("/ke-hoach", (c) => {
  const id = c.req.query("id") ?? "";
  if (!/^\d{1,12}$/.test(id))
    return c.html(<MessagePage title={t.errors.title} message={t.errors.planNotFound} viewer={c.var.viewer} />, 400);
  return c.redirect(planHref(Number(id)), 303);
});

homeRoutes.get("/ke-hoach/:planId{[0-9]+}", planFromPath, async (c) => {
  const viewer = c.var.viewer;
  const plan = c.var.plan;
  const today = vietnamDate(new Date());
  const db = createDb(c.env.DB);
  const managesLink = c.var.planAccess === "own" && canManagePlan(actorOf(c), plan);
  const [[overview, childPlans], units, targets, parent, candidates] = await Promise.all([
    // The roll-up of the units' plans rides in the overview's batch: one round trip for both.
    planOverviewWith(
      c.env.DB,
      { planId: plan.id, today, soonUntil: addDays(today, DEFAULT_SOON_DAYS), top: 5 },
      childPlansQuery(c.env.DB, plan.id, today),
    ),
    planUnits(c.env.DB, { planId: plan.id, today, offset: 0, limit: 40 }),
    planTargets(createDb(c.env.DB), plan.id),
    planParent(db, plan.id),
    managesLink ? parentCandidates(db, plan.issuerUnitId) : Promise.resolve(null),
  ]);
  return c.html(
    <OverviewPage
      viewer={viewer}
      plan={plan}
      today={formatDate(today)}
      todayIso={today}
      overview={overview}
      buckets={BUCKETS}
      units={units.units}
      targets={targets}
      childPlans={childPlans}
      parent={parent}
      parentCandidates={candidates?.filter((p) => p.planId !== plan.id) ?? null}
      readOnly={c.var.planAccess === "chain"}
    />,
  );
});
