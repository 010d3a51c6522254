/** @jsxImportSource hono/jsx */
/**
 * The back office's overview page (/web) on the benchmark's plan: its three
 * reads (counts and worst units, every unit's line, the targets) and the
 * server-side render of the page with its SVG charts — what the Worker does
 * for one request, less the session check.
 */
import { DEFAULT_SOON_DAYS } from "../../core/status/derive";
import { addDays, formatDate } from "../../core/time/vietnam-date";
import { createDb } from "../../db/client";
import { BUCKETS, planOverview, planUnits } from "../../db/queries/overview";
import type { PlanInfo } from "../../db/queries/plans";
import { planTargets } from "../../db/queries/targets";
import type { StatementStats } from "../../db/queries/stats";
import { OverviewPage } from "../../web/pages/overview-page";

export async function renderWebOverview(
  d1: D1Database,
  planId: number,
  today: string,
): Promise<{ html: string; stats: StatementStats[] }> {
  const db = createDb(d1);
  const [overview, units, targets] = await Promise.all([
    planOverview(d1, { planId, today, soonUntil: addDays(today, DEFAULT_SOON_DAYS), top: 5 }),
    planUnits(d1, { planId, today, offset: 0, limit: 40 }),
    planTargets(db, planId),
  ]);
  const plan: PlanInfo = {
    id: planId,
    number: "KH-1",
    title: "Kế hoạch bench",
    issuerUnitId: 1,
    monitorUnitId: 2,
    monitorUnitName: "Ban Tổ chức Bench",
  };
  const viewer = {
    memberId: 499000001,
    fullName: "Quản trị 1",
    unitId: 2,
    unitName: "Ban Tổ chức Bench",
    role: "admin" as const,
    csrfToken: "bench",
    // The plan picker every office page shows.
    plans: [plan],
    planId: planId,
  };
  const page = (
    <OverviewPage
      viewer={viewer}
      plan={plan}
      today={formatDate(today)}
      todayIso={today}
      overview={overview}
      buckets={BUCKETS}
      units={units.units}
      targets={targets}
    />
  );
  return { html: (await page).toString(), stats: overview.stats };
}
