import type { Context } from "hono";
import { createDb } from "../db/client";
import { readablePlans, type PlanInfo } from "../db/queries/plans";
import type { WebEnv } from "./env";

/** The plan the office's pages show: the member's chosen one, else the newest they may read (as /kehoach in chat). */
export async function currentPlan(c: Context<WebEnv>): Promise<PlanInfo | null> {
  const v = c.var.viewer;
  const { current } = await readablePlans(createDb(c.env.DB), { id: v.memberId, role: v.role, unitId: v.unitId });
  return current;
}

export function actorOf(c: Context<WebEnv>) {
  const v = c.var.viewer;
  return { id: v.memberId, role: v.role, unitId: v.unitId };
}

/** Vietnam's today, for statuses. */
export { vietnamDate } from "../core/time/vietnam-date";
