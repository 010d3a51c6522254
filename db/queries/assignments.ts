import { and, eq, sql } from "drizzle-orm";
import type { drizzle as drizzleBuilder } from "drizzle-orm/d1";
import type { Db } from "../client";
import { compileSelect, runCompiled } from "../compiled";
import { assignments, plans, tasks, units } from "../schema";
import { auditStatement } from "./audit";

const assignmentView = {
  id: assignments.id,
  unitId: assignments.unitId,
  role: assignments.role,
  state: assignments.state,
  progress: assignments.progress,
  dueOverride: assignments.dueOverride,
  reportedDoneAt: assignments.reportedDoneAt,
  lastReportAt: assignments.lastReportAt,
  taskId: tasks.id,
  ref: tasks.ref,
  title: tasks.title,
  deadlineText: tasks.deadlineText,
  deadlineKind: tasks.deadlineKind,
  dueOn: tasks.dueOn,
  recurrence: tasks.recurrence,
  checkinEvery: tasks.checkinEvery,
  deadlineNote: tasks.deadlineNote,
  assignedAt: tasks.createdAt,
  lastCheckinPeriod: sql<string | null>`(select max(pr.period_key) from progress_reports pr where pr.assignment_id = ${assignments.id} and pr.kind = 'checkin')`,
  planId: plans.id,
  planNumber: plans.number,
  planTitle: plans.title,
  planIssuerUnitId: plans.issuerUnitId,
  planMonitorUnitId: plans.monitorUnitId,
  unitName: units.name,
  monitorUnitName: sql<string>`(select mu.name from units mu where mu.id = ${plans.monitorUnitId})`,
};

const viewQuery = (db: Db | ReturnType<typeof drizzleBuilder>) =>
  db
    .select(assignmentView)
    .from(assignments)
    .innerJoin(tasks, eq(tasks.id, assignments.taskId))
    .innerJoin(plans, eq(plans.id, tasks.planId))
    .innerJoin(units, eq(units.id, assignments.unitId));

export type AssignmentView = Awaited<ReturnType<typeof viewQuery>>[number];

const viewKeys = Object.keys(assignmentView) as (keyof AssignmentView & string)[];
const byUnit = compileSelect<AssignmentView>(viewKeys, (db) => viewQuery(db).where(and(eq(assignments.unitId, sql.placeholder("unitId")), eq(plans.archived, false))));
const byId = compileSelect<AssignmentView>(viewKeys, (db) => viewQuery(db).where(eq(assignments.id, sql.placeholder("id"))).limit(1));

/** Every assignment of a unit in the plans still being tracked. */
export function unitAssignments(db: Db, unitId: number): Promise<AssignmentView[]> {
  return runCompiled(db.$client, byUnit, { unitId });
}

export async function assignmentById(db: Db, assignmentId: number): Promise<AssignmentView | null> {
  return (await runCompiled(db.$client, byId, { id: assignmentId }))[0] ?? null;
}

/** The units a task is assigned to, leads first. */
export function taskUnits(db: Db, taskId: number) {
  return db
    .select({ unitId: assignments.unitId, unitName: units.name, role: assignments.role, state: assignments.state })
    .from(assignments)
    .innerJoin(units, eq(units.id, assignments.unitId))
    .where(eq(assignments.taskId, taskId))
    .orderBy(sql`case ${assignments.role} when 'lead' then 0 else 1 end`, units.name);
}

/** How often a recurring duty checks in, for every unit it is assigned to; audited. */
export async function setCheckinCadence(db: Db, taskId: number, every: "monthly" | "quarterly" | "semiannual" | "yearly", actorMemberId: number) {
  await db.batch([
    db.update(tasks).set({ checkinEvery: every }).where(eq(tasks.id, taskId)),
    auditStatement(db, { actorMemberId, action: "task.checkin_every", entity: "task", entityId: taskId, detail: { every } }),
  ]);
}

/** The plan an assignment belongs to, in the shape the access rules take. */
export function planScopeOf(a: Pick<AssignmentView, "planIssuerUnitId" | "planMonitorUnitId">) {
  return { issuerUnitId: a.planIssuerUnitId, monitorUnitId: a.planMonitorUnitId };
}
