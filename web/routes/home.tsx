/** @jsxImportSource hono/jsx */
import { Hono } from "hono";
import { addDays } from "../../core/time/vietnam-date";
import { formatDate, vietnamDate } from "../../core/time/vietnam-date";
import { DEFAULT_SOON_DAYS } from "../../core/status/derive";
import { createDb } from "../../db/client";
import { BUCKETS, planOverview, planUnits } from "../../db/queries/overview";
import { planTargets } from "../../db/queries/targets";
import type { WebEnv } from "../env";
import { isOffice, MessagePage } from "../layout";
import { OverviewPage } from "../pages/overview-page";
import { currentPlan } from "../plan-context";
import { webTexts as t } from "../texts";

/** /web: the plan overview for the office; members and leaders go to their unit. */
export const homeRoutes = new Hono<WebEnv>();

homeRoutes.get("/", async (c) => {
  const viewer = c.var.viewer;
  if (!isOffice(viewer)) return c.redirect(`/web/don-vi/${viewer.unitId}`, 303);
  const plan = await currentPlan(c);
  if (!plan) return c.html(<MessagePage title={t.nav.overview} message={t.errors.noPlan} viewer={viewer} kind="notice" />);
  const today = vietnamDate(new Date());
  const [overview, units, targets] = await Promise.all([
    planOverview(c.env.DB, { planId: plan.id, today, soonUntil: addDays(today, DEFAULT_SOON_DAYS), top: 5 }),
    planUnits(c.env.DB, { planId: plan.id, today, offset: 0, limit: 40 }),
    planTargets(createDb(c.env.DB), plan.id),
  ]);
  return c.html(
    <OverviewPage
      viewer={viewer}
      plan={plan}
      today={formatDate(today)}
      overview={overview}
      buckets={BUCKETS}
      units={units.units}
      targets={targets}
    />,
  );
});
