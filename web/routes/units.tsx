/** @jsxImportSource hono/jsx */
import { Hono } from "hono";
import { canReport, canViewUnitPage } from "../../core/access/policy";
import { sortByUrgency } from "../../core/status/of-assignment";
import { vietnamDate } from "../../core/time/vietnam-date";
import { createDb } from "../../db/client";
import { unitAssignments } from "../../db/queries/assignments";
import { unitName } from "../../db/queries/plan-scope";
import { unitMembers } from "../../db/queries/unit-view";
import type { WebEnv } from "../env";
import { isOffice, MessagePage } from "../layout";
import { officialFormLink } from "../../services/links";
import { UnitPage, type UnitTaskRow } from "../pages/unit-page";
import { actorOf, currentPlan } from "../plan-context";
import { webTexts as t } from "../texts";

/** /web/don-vi/:id — a unit's tasks, most urgent first, and its people. */
export const unitRoutes = new Hono<WebEnv>();

unitRoutes.get("/don-vi/:id{[0-9]+}", async (c) => {
  const unitId = Number(c.req.param("id"));
  const viewer = c.var.viewer;
  const actor = actorOf(c);
  const plan = isOffice(viewer) ? await currentPlan(c) : null;
  if (!canViewUnitPage(actor, unitId, plan))
    return c.html(<MessagePage title={t.errors.title} message={t.errors.unitForbidden} viewer={viewer} />, 403);
  const unit = await unitName(c.env.DB, unitId);
  if (!unit) return c.html(<MessagePage title={t.errors.title} message={t.errors.notFound} viewer={viewer} />, 404);

  const today = vietnamDate(new Date());
  const all = await unitAssignments(createDb(c.env.DB), unitId);
  const shown = plan ? all.filter((a) => a.planId === plan.id) : all;
  const rows: UnitTaskRow[] = await Promise.all(
    sortByUrgency(shown, today).map(async (a) => {
      const scope = { issuerUnitId: a.planIssuerUnitId, monitorUnitId: a.planMonitorUnitId };
      const mayReport =
        canReport(actor, { unitId: a.unitId, plan: scope }) && a.state !== "done" && a.state !== "awaiting_confirmation";
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
  const people = await unitMembers(c.env.DB, unitId);
  return c.html(<UnitPage viewer={viewer} unit={unit} rows={rows} people={people} />);
});
