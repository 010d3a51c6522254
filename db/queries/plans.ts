import { and, eq, inArray, or } from "drizzle-orm";
import { canReadPlan, type Actor } from "../../core/access/policy";
import type { Db } from "../client";
import { members, plans, units } from "../schema";
import { auditStatement } from "./audit";

export interface PlanInfo {
  id: number;
  number: string | null;
  title: string;
  issuerUnitId: number;
  monitorUnitId: number;
  monitorUnitName: string;
}

export interface ReadablePlans {
  plans: PlanInfo[];
  /** The plan commands act on: the member's choice if still readable, else the newest. */
  current: PlanInfo | null;
  /** Whether `current` is the member's own choice (else it is the newest, and a newer plan would take its place). */
  chosen: boolean;
}

/**
 * The live plans a member may read (core/access/policy canReadPlan decides),
 * newest first, and which one is current. One round trip.
 */
export async function readablePlans(db: Db, actor: Actor & { id: number }): Promise<ReadablePlans> {
  const [candidates, me] = await db.batch([
    db
      .select({
        id: plans.id,
        number: plans.number,
        title: plans.title,
        issuerUnitId: plans.issuerUnitId,
        monitorUnitId: plans.monitorUnitId,
        monitorUnitName: units.name,
      })
      .from(plans)
      .innerJoin(units, eq(units.id, plans.monitorUnitId))
      .where(and(eq(plans.archived, false), or(eq(plans.monitorUnitId, actor.unitId), eq(plans.issuerUnitId, actor.unitId))))
      .orderBy(plans.id),
    db.select({ currentPlanId: members.currentPlanId }).from(members).where(eq(members.id, actor.id)),
  ]);
  const readable = candidates.filter((p) => canReadPlan(actor, p)).reverse();
  const chosen = me[0]?.currentPlanId ?? null;
  const own = readable.find((p) => p.id === chosen) ?? null;
  return { plans: readable, current: own ?? readable[0] ?? null, chosen: own !== null };
}

export async function setCurrentPlan(db: Db, memberId: number, planId: number): Promise<void> {
  await db.batch([
    db.update(members).set({ currentPlanId: planId }).where(eq(members.id, memberId)),
    auditStatement(db, {
      actorMemberId: memberId,
      action: "member.current_plan",
      entity: "member",
      entityId: memberId,
      detail: { planId },
    }),
  ]);
}

/** Plan numbers and titles by id, for lists that name a plan. */
export function plansByIds(db: Db, ids: number[]) {
  return db.select({ id: plans.id, number: plans.number, title: plans.title }).from(plans).where(inArray(plans.id, ids));
}
