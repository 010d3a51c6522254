import { and, asc, eq, or, sql, type SQL } from "drizzle-orm";
import type { Db } from "../client";
import { members, plans, targets, targetValues, units } from "../schema";
import { auditStatement, guardedChange } from "./audit";

/** A target with what its screens need: the responsible unit's name and the plan's scope and label. */
export type TargetRow = typeof targets.$inferSelect & {
  responsibleUnitName: string | null;
  plan: { id: number; number: string | null; title: string; issuerUnitId: number; monitorUnitId: number };
};

export interface TargetValueRow {
  id: number;
  targetId: number;
  period: string;
  value: number;
  note: string | null;
  createdAt: string;
  recordedByName: string;
}

export interface TargetList {
  targets: TargetRow[];
  /** Every value recorded against them (a few per target): trends are worked out in core/report/target. */
  values: TargetValueRow[];
}

/** A plan's targets, in the order of the document. */
export function planTargets(db: Db, planId: number): Promise<TargetList> {
  return targetList(db, eq(targets.planId, planId));
}

/**
 * What a member sees of targets: a plan's (the one an office member follows;
 * none for others) and those their unit is responsible for in any live plan.
 * The plan's come first.
 */
export function visibleTargets(db: Db, c: { planId: number | null; unitId: number }): Promise<TargetList> {
  const ofUnit = and(eq(targets.responsibleUnitId, c.unitId), eq(plans.archived, false))!;
  if (c.planId === null) return targetList(db, ofUnit);
  return targetList(db, or(eq(targets.planId, c.planId), ofUnit)!, sql`${targets.planId} = ${c.planId} desc`);
}

/** The targets a unit is responsible for, in live plans (or in one plan). */
export function unitTargets(db: Db, c: { unitId: number; planId: number | null }): Promise<TargetList> {
  const ofUnit = and(eq(targets.responsibleUnitId, c.unitId), eq(plans.archived, false))!;
  return targetList(db, c.planId === null ? ofUnit : and(ofUnit, eq(targets.planId, c.planId))!);
}

/** Targets and their values in one round trip. */
async function targetList(db: Db, where: SQL, first?: SQL): Promise<TargetList> {
  const [list, values] = await db.batch([
    db
      .select({
        target: targets,
        responsibleUnitName: units.name,
        // No plans.id: D1 names result columns, and a second "id" would overwrite the target's in a batch.
        plan: { number: plans.number, title: plans.title, issuerUnitId: plans.issuerUnitId, monitorUnitId: plans.monitorUnitId },
      })
      .from(targets)
      .innerJoin(plans, eq(plans.id, targets.planId))
      .leftJoin(units, eq(units.id, targets.responsibleUnitId))
      .where(where)
      .orderBy(...(first ? [first] : []), asc(targets.planId), asc(targets.id)),
    db
      .select({
        id: targetValues.id,
        targetId: targetValues.targetId,
        period: targetValues.period,
        value: targetValues.value,
        note: targetValues.note,
        createdAt: targetValues.createdAt,
        recordedByName: members.fullName,
      })
      .from(targetValues)
      .innerJoin(targets, eq(targets.id, targetValues.targetId))
      .innerJoin(plans, eq(plans.id, targets.planId))
      .innerJoin(members, eq(members.id, targetValues.recordedBy))
      .where(where)
      .orderBy(asc(targetValues.createdAt), asc(targetValues.id)),
  ]);
  return {
    targets: list.map((r) => ({
      ...r.target,
      responsibleUnitName: r.responsibleUnitName,
      plan: { id: r.target.planId, ...r.plan },
    })),
    values,
  };
}

/** Records a value with its audit entry; returns its id. */
export async function recordTargetValue(
  db: Db,
  v: { targetId: number; period: string; value: number; note: string | null; memberId: number; now: string },
): Promise<number> {
  const [inserted] = await db.batch([
    db
      .insert(targetValues)
      .values({ targetId: v.targetId, period: v.period, value: v.value, note: v.note, recordedBy: v.memberId, createdAt: v.now })
      .returning({ id: targetValues.id }),
    auditStatement(db, {
      actorMemberId: v.memberId,
      action: "target.value",
      entity: "target",
      entityId: v.targetId,
      detail: { period: v.period, value: v.value },
    }),
  ]);
  return inserted[0]!.id;
}

/** Make `unitId` (or nobody, null) responsible for a target, if it still has the unit the screen showed (`from`). */
export function setTargetUnit(
  db: Db,
  c: { targetId: number; from: number | null; unitId: number | null; memberId: number },
): Promise<boolean> {
  if (c.from === c.unitId) return Promise.resolve(false);
  const update = db.$client
    .prepare("update targets set responsible_unit_id = ?3 where id = ?1 and responsible_unit_id is ?2 returning id")
    .bind(c.targetId, c.from, c.unitId);
  return guardedChange(db, update, {
    actorMemberId: c.memberId,
    action: "target.unit",
    entity: "target",
    entityId: c.targetId,
    detail: { from: c.from, to: c.unitId },
  });
}
