/** @jsxImportSource hono/jsx */
import { Hono, type Context } from "hono";
import { canRecordTarget, canReport, canViewUnitPage } from "../../core/access/policy";
import { sortByUrgency } from "../../core/status/of-assignment";
import { vietnamDate } from "../../core/time/vietnam-date";
import { createDb } from "../../db/client";
import { unitAssignments } from "../../db/queries/assignments";
import { unitName } from "../../db/queries/plan-scope";
import type { PlanInfo } from "../../db/queries/plans";
import { unitTargets } from "../../db/queries/targets";
import { unitMembers } from "../../db/queries/unit-view";
import { childPlansByUnit } from "../../db/queries/plan-chain";
import type { WebEnv } from "../env";
import { isOffice, MessagePage } from "../layout";
import { officialFormLink, targetFormLink } from "../../services/links";
import { UnitPage, type UnitTaskRow } from "../pages/unit-page";
import { actorOf, currentPlan, planFromPath, unitHref } from "../plan-context";
import { webTexts as t } from "../texts";

/**
 * A unit's tasks, most urgent first, and its people: /web/don-vi/:id for
 * its own people (every plan), /web/ke-hoach/:planId/don-vi/:id for the office (that plan).
 */
export const unitRoutes = new Hono<WebEnv>();

unitRoutes.get("/don-vi/:id{[0-9]+}", async (c) => {
  const viewer = c.var.viewer;
  const plan = isOffice(viewer) ? currentPlan(c) : null;
  if (plan) return c.redirect(unitHref(plan.id, Number(c.req.param("id"))), 303);
  return unitPage(c, null);
});

unitRoutes.get("/ke-hoach/:planId{[0-9]+}/don-vi/:id{[0-9]+}", planFromPath, (c) => unitPage(c, c.var.plan));

async function unitPage(c: Context<WebEnv>, plan: PlanInfo | null) {
  const unitId = Number(c.req.param("id"));
  const viewer = c.var.viewer;
  const actor = actorOf(c);
  // A plan read through a plan above it (planFromPath) is read whole, and only read.
  const readOnly = plan !== null && c.var.planAccess === "chain";
  if (!readOnly && !canViewUnitPage(actor, unitId, plan))
    return c.html(<MessagePage title={t.errors.title} message={t.errors.unitForbidden} viewer={viewer} />, 403);
  const unit = await unitName(c.env.DB, unitId);
  if (!unit) return c.html(<MessagePage title={t.errors.notFoundTitle} message={t.errors.notFound} viewer={viewer} />, 404);

  const today = vietnamDate(new Date());
  const all = await unitAssignments(createDb(c.env.DB), unitId);
  const shown = plan ? all.filter((a) => a.planId === plan.id) : all;
  const rows: UnitTaskRow[] = await Promise.all(
    sortByUrgency(shown, today).map(async (a) => {
      const scope = { issuerUnitId: a.planIssuerUnitId, monitorUnitId: a.planMonitorUnitId };
      const mayReport =
        !readOnly &&
        canReport(actor, { unitId: a.unitId, plan: scope }) &&
        a.state !== "done" &&
        a.state !== "awaiting_confirmation";
      return {
        assignment: a,
        forms: mayReport
          ? {
              progress: await officialFormLink(c.env, viewer.memberId, a.id, "progress"),
              completion: await officialFormLink(c.env, viewer.memberId, a.id, "completion"),
              extension: (a.dueOverride ?? a.dueOn) ? await officialFormLink(c.env, viewer.memberId, a.id, "extension") : null,
            }
          : null,
      };
    }),
  );
  const [people, targets, childPlans] = await Promise.all([
    unitMembers(c.env.DB, unitId),
    unitTargets(createDb(c.env.DB), { unitId, planId: plan?.id ?? null }),
    plan ? childPlansByUnit(createDb(c.env.DB), plan.id, today) : Promise.resolve([]),
  ]);
  const forms = new Map<number, string>();
  for (const target of targets.targets)
    if (!readOnly && canRecordTarget(actor, target.plan, target))
      forms.set(target.id, await targetFormLink(c.env, viewer.memberId, target.id));
  return c.html(
    <UnitPage
      viewer={viewer}
      unit={unit}
      rows={rows}
      people={people}
      targets={{ list: targets, forms }}
      childPlans={childPlans.find((u) => u.unitId === unitId) ?? null}
      today={today}
      readOnly={readOnly}
    />,
  );
}
