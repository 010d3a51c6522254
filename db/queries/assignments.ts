import { and, eq, sql, type SQL } from "drizzle-orm";
import type { drizzle as drizzleBuilder } from "drizzle-orm/d1";
import type { Db } from "../client";
import { compileSelect, compiledRows, compiledStatement, runCompiled } from "../compiled";
import type { SelectedFields } from "drizzle-orm/sqlite-core";
import { assignments, plans, tasks, units } from "../schema";
import { auditStatement } from "./audit";
import { pickedAssignmentId } from "./chat-menus";

type Builder = ReturnType<typeof drizzleBuilder>;

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
  lastCheckinPeriod: sql<
    string | null
  >`(select max(pr.period_key) from progress_reports pr where pr.assignment_id = ${assignments.id} and pr.kind = 'checkin')`,
  planId: plans.id,
  planNumber: plans.number,
  planTitle: plans.title,
  planIssuerUnitId: plans.issuerUnitId,
  planMonitorUnitId: plans.monitorUnitId,
  unitName: units.name,
  monitorUnitName: sql<string>`(select mu.name from units mu where mu.id = ${plans.monitorUnitId})`,
};

/** The view's joins, for any choice of fields (the compiled queries name each column after its key). */
const viewFrom = (db: Db | Builder, fields: SelectedFields) =>
  (db as Builder)
    // Typed as the view: the compiled queries select the same columns, each named after its key.
    .select(fields as typeof assignmentView)
    .from(assignments)
    .innerJoin(tasks, eq(tasks.id, assignments.taskId))
    .innerJoin(plans, eq(plans.id, tasks.planId))
    .innerJoin(units, eq(units.id, assignments.unitId));

const viewQuery = (db: Db) => viewFrom(db, assignmentView);
export type AssignmentView = Awaited<ReturnType<typeof viewQuery>>[number];

/** The unit of the member behind a channel identity (as the webhook's member read finds them). */
const senderUnit = sql`(select m.unit_id from member_channels mc join members m on m.id = mc.member_id
  where mc.channel = ${sql.placeholder("channel")} and mc.user_id = ${sql.placeholder("userId")} and m.removed_at is null limit 1)`;
/** The task a chat's open flow is about (flows keep it as data.assignmentId). */
const flowAssignmentId = sql`(select json_extract(c.data, '$.assignmentId') from conversations c where c.chat_id = ${sql.placeholder("chatKey")})`;

const tracked = eq(plans.archived, false);
const byUnit = compileSelect<AssignmentView>(assignmentView, (db, f) =>
  viewFrom(db, f).where(and(eq(assignments.unitId, sql.placeholder("unitId")), tracked)),
);
const bySender = compileSelect<AssignmentView>(assignmentView, (db, f) =>
  viewFrom(db, f).where(and(eq(assignments.unitId, senderUnit), tracked)),
);
const byId = compileSelect<AssignmentView>(assignmentView, (db, f) =>
  viewFrom(db, f)
    .where(eq(assignments.id, sql.placeholder("id")))
    .limit(1),
);
const byFlow = compileSelect<AssignmentView>(assignmentView, (db, f) =>
  viewFrom(db, f).where(eq(assignments.id, flowAssignmentId)).limit(1),
);
const byPick = compileSelect<AssignmentView>(assignmentView, (db, f) =>
  viewFrom(db, f)
    .where(eq(assignments.id, pickedAssignmentId(false)))
    .limit(1),
);

/** Every assignment of a unit in the plans still being tracked. */
export function unitAssignments(db: Db, unitId: number): Promise<AssignmentView[]> {
  return runCompiled(db.$client, byUnit, { unitId });
}

export async function assignmentById(db: Db, assignmentId: number): Promise<AssignmentView | null> {
  return (await runCompiled(db.$client, byId, { id: assignmentId }))[0] ?? null;
}

/** Statements for a webhook's first batch (db/queries/prefetch.ts); read their results with `assignmentRowsFrom`. */
export const assignmentStatements = {
  /** The sender's unit's assignments, like `unitAssignments` for the member the same batch reads. */
  ofSender: (d1: D1Database, channel: string, userId: string) => compiledStatement(d1, bySender, { channel, userId }),
  byId: (d1: D1Database, id: number) => compiledStatement(d1, byId, { id }),
  /** The assignment of the chat's open flow, if it has one. */
  ofFlow: (d1: D1Database, chatKey: string) => compiledStatement(d1, byFlow, { chatKey }),
  /** The assignment named by the item of the chat's last menu whose key was typed. */
  ofPick: (d1: D1Database, chatKey: string, key: string) => compiledStatement(d1, byPick, { chatKey, key }),
};

/** The rows of any of `assignmentStatements` (they select the same view). */
export function assignmentRowsFrom(result: D1Result<unknown> | undefined): AssignmentView[] {
  return compiledRows(byUnit, result);
}

export interface TaskUnit {
  unitId: number;
  unitName: string;
  role: "lead" | "coop";
  state: AssignmentView["state"];
}

/** The units a task is assigned to, leads first, found from one of its assignments (its id, or a menu pick's). */
const unitsOfTask = (assignmentId: SQL) =>
  compileSelect<TaskUnit>(
    { unitId: assignments.unitId, unitName: units.name, role: assignments.role, state: assignments.state },
    (db, f) =>
      db
        .select(f)
        .from(assignments)
        .innerJoin(units, eq(units.id, assignments.unitId))
        .where(eq(assignments.taskId, sql`(select a2.task_id from assignments a2 where a2.id = ${assignmentId})`))
        .orderBy(sql`case ${assignments.role} when 'lead' then 0 else 1 end`, units.name),
  );
const unitsById = unitsOfTask(sql`${sql.placeholder("assignmentId")}`);
const unitsByPick = unitsOfTask(pickedAssignmentId(true));

export function taskUnitsStatement(d1: D1Database, assignmentId: number): D1PreparedStatement {
  return compiledStatement(d1, unitsById, { assignmentId });
}

/** As `taskUnitsStatement`, for the task whose card a typed menu key opens. */
export function pickedTaskUnitsStatement(d1: D1Database, chatKey: string, key: string): D1PreparedStatement {
  return compiledStatement(d1, unitsByPick, { chatKey, key });
}

export function taskUnitsFrom(result: D1Result<unknown> | undefined): TaskUnit[] {
  return compiledRows(unitsById, result);
}

/** How often a recurring duty checks in, for every unit it is assigned to; audited. */
export async function setCheckinCadence(
  db: Db,
  taskId: number,
  every: "monthly" | "quarterly" | "semiannual" | "yearly",
  actorMemberId: number,
) {
  await db.batch([
    db.update(tasks).set({ checkinEvery: every }).where(eq(tasks.id, taskId)),
    auditStatement(db, { actorMemberId, action: "task.checkin_every", entity: "task", entityId: taskId, detail: { every } }),
  ]);
}

/** The plan an assignment belongs to, in the shape the access rules take. */
export function planScopeOf(a: Pick<AssignmentView, "planIssuerUnitId" | "planMonitorUnitId">) {
  return { issuerUnitId: a.planIssuerUnitId, monitorUnitId: a.planMonitorUnitId };
}
