import { asc, eq, inArray } from "drizzle-orm";
import type { Db } from "../client";
import { members, targets, targetValues } from "../schema";
import { auditStatement } from "./audit";

export type TargetRow = typeof targets.$inferSelect;

export interface TargetValueRow {
  id: number;
  targetId: number;
  period: string;
  value: number;
  note: string | null;
  createdAt: string;
  recordedByName: string;
}

/** A plan's targets and every value recorded against them (a few per target): trends are worked out in core/report/target. */
export async function planTargets(db: Db, planId: number): Promise<{ targets: TargetRow[]; values: TargetValueRow[] }> {
  const list = await db.select().from(targets).where(eq(targets.planId, planId)).orderBy(asc(targets.id));
  if (list.length === 0) return { targets: [], values: [] };
  const values = await db
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
    .innerJoin(members, eq(members.id, targetValues.recordedBy))
    .where(inArray(targetValues.targetId, list.map((t) => t.id)))
    .orderBy(asc(targetValues.createdAt), asc(targetValues.id));
  return { targets: list, values };
}

export async function targetById(db: Db, targetId: number): Promise<TargetRow | null> {
  const rows = await db.select().from(targets).where(eq(targets.id, targetId)).limit(1);
  return rows[0] ?? null;
}

export async function recordTargetValue(
  db: Db,
  v: { targetId: number; period: string; value: number; note: string | null; memberId: number; now: string },
): Promise<void> {
  await db.batch([
    db.insert(targetValues).values({ targetId: v.targetId, period: v.period, value: v.value, note: v.note, recordedBy: v.memberId, createdAt: v.now }),
    auditStatement(db, { actorMemberId: v.memberId, action: "target.value", entity: "target", entityId: v.targetId, detail: { period: v.period, value: v.value } }),
  ]);
}
