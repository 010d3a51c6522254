import { eq, sql, type SQL } from "drizzle-orm";
import { trackedRecurrence } from "../core/deadline/tracked";
import type { BatchItem } from "drizzle-orm/batch";
import { parseDeadline } from "../core/deadline/parse";
import { unitKey } from "../core/units/match";
import type { Db } from "./client";
import { demoChildPlan, demoMembers, demoPlan, demoReports, demoTargets, demoTasks, demoUnits } from "./demo";
import {
  assignments,
  auditLog,
  planLinks,
  memberChannels,
  members,
  plans,
  progressReports,
  targets,
  targetValues,
  tasks,
  unitGroupMembers,
  units,
} from "./schema";

const unitId = (name: string): SQL => sql`(select id from units where name_key = ${unitKey(name)} limit 1)`;
const planId = sql`(select id from plans where source_hash = ${demoPlan.sourceHash})`;
const taskId = (ref: string): SQL => sql`(select id from tasks where plan_id = ${planId} and ref = ${ref})`;

/**
 * Loads the demo committee, plan and people once. Everything goes in one
 * batch (one transaction), rows referring to each other by natural keys, so
 * a run is all or nothing and a second run finds the plan and stops.
 */
export async function seedDemo(db: Db): Promise<"seeded" | "already-present"> {
  const existing = await db.select({ id: plans.id }).from(plans).where(eq(plans.sourceHash, demoPlan.sourceHash));
  if (existing.length > 0) return "already-present";

  const statements: BatchItem<"sqlite">[] = [];
  for (const unit of demoUnits) {
    statements.push(
      db.insert(units).values({
        name: unit.name,
        nameKey: unitKey(unit.name),
        parentId: unit.parent ? unitId(unit.parent) : null,
        isGroup: Boolean(unit.groupOf),
      }),
    );
  }
  for (const group of demoUnits.filter((u) => u.groupOf)) {
    for (const memberName of group.groupOf!) {
      statements.push(db.insert(unitGroupMembers).values({ groupId: unitId(group.name), unitId: unitId(memberName) }));
    }
  }
  statements.push(
    db
      .update(units)
      .set({ monitorOfficeId: unitId(demoPlan.monitor) })
      .where(eq(units.nameKey, unitKey(demoPlan.issuer))),
    db.insert(plans).values({
      issuerUnitId: unitId(demoPlan.issuer),
      monitorUnitId: unitId(demoPlan.monitor),
      number: demoPlan.number,
      title: demoPlan.title,
      issuedOn: demoPlan.issuedOn,
      implementsText: demoPlan.implementsText,
      sourceHash: demoPlan.sourceHash,
    }),
  );
  demoTasks.forEach((task, order) => {
    const deadline = parseDeadline(task.deadlineText ?? "");
    statements.push(
      db.insert(tasks).values({
        planId,
        ref: task.ref,
        section: task.section,
        title: task.title,
        deadlineText: task.deadlineText,
        deadlineKind: deadline.kind,
        dueOn: deadline.due,
        startsOn: deadline.start,
        recurrence: trackedRecurrence(deadline),
        deadlineNote: deadline.note,
        sortOrder: order,
      }),
    );
    const group = demoUnits.find((u) => u.name === task.unit)?.groupOf;
    for (const unit of group ?? [task.unit]) {
      statements.push(
        db.insert(assignments).values({
          taskId: taskId(task.ref),
          unitId: unitId(unit),
          role: "lead",
          viaGroupId: group ? unitId(task.unit) : null,
        }),
      );
    }
  });
  for (const m of demoMembers) {
    statements.push(
      db.insert(members).values({ unitId: unitId(m.unitName), role: m.role, fullName: m.fullName }),
      db.insert(memberChannels).values({
        channel: "telegram",
        userId: String(m.telegramId),
        chatId: String(m.telegramId),
        memberId: sql`(select max(id) from members)`,
      }),
    );
    if (m.zaloId) {
      statements.push(
        db
          .insert(memberChannels)
          .values({ channel: "zalo", userId: m.zaloId, chatId: m.zaloId, memberId: sql`(select max(id) from members)` }),
      );
    }
  }
  for (const r of demoReports) {
    const assignment = sql`(select id from assignments where task_id = ${taskId(r.ref)} and unit_id = ${unitId(r.unit)})`;
    const member = sql`(select id from members where full_name = ${r.member} and removed_at is null)`;
    statements.push(
      db.insert(progressReports).values({
        assignmentId: assignment,
        memberId: member,
        kind: r.done ? "completion" : "progress",
        percent: r.percent,
        note: r.note,
        createdAt: r.at,
      }),
      db
        .update(assignments)
        .set({
          progress: r.percent,
          state: r.done ? "done" : "in_progress",
          lastReportAt: r.at,
          reportedDoneAt: r.done ? r.at : null,
          completedAt: r.done ? r.at : null,
        })
        .where(sql`id = ${assignment}`),
    );
  }
  for (const target of demoTargets) {
    const { values, responsibleUnit, ...fields } = target;
    statements.push(
      db.insert(targets).values({ planId, ...fields, responsibleUnitId: responsibleUnit ? unitId(responsibleUnit) : null }),
    );
    const targetId = sql`(select id from targets where plan_id = ${planId} and text = ${target.text})`;
    for (const v of values) {
      const member = sql`(select id from members where full_name = ${v.member} and removed_at is null)`;
      statements.push(
        db
          .insert(targetValues)
          .values({ targetId, period: v.period, value: v.value, note: v.note, recordedBy: member, createdAt: v.at }),
      );
    }
  }
  statements.push(...childPlanStatements(db));
  statements.push(
    db.insert(auditLog).values({
      actorMemberId: null,
      action: "demo.seed",
      entity: "plan",
      entityId: null,
      detail: { sourceHash: demoPlan.sourceHash },
    }),
  );

  await db.batch(statements as [BatchItem<"sqlite">, ...BatchItem<"sqlite">[]]);
  return "seeded";
}

/** The front organisation's plan carrying out the demo plan, linked to its task there (demoChildPlan). */
function childPlanStatements(db: Db): BatchItem<"sqlite">[] {
  const child = demoChildPlan;
  const childId = sql`(select id from plans where source_hash = ${child.sourceHash})`;
  const unit = unitId(child.issuer);
  const statements: BatchItem<"sqlite">[] = [
    db.insert(plans).values({
      issuerUnitId: unit,
      monitorUnitId: unit,
      number: child.number,
      title: child.title,
      issuedOn: child.issuedOn,
      implementsText: child.implementsText,
      parentPlanId: planId,
      sourceHash: child.sourceHash,
    }),
  ];
  child.tasks.forEach((task, order) => {
    const deadline = parseDeadline(task.deadlineText);
    statements.push(
      db.insert(tasks).values({
        planId: childId,
        ref: task.ref,
        title: task.title,
        deadlineText: task.deadlineText,
        deadlineKind: deadline.kind,
        dueOn: deadline.due,
        startsOn: deadline.start,
        recurrence: deadline.recurrence,
        deadlineNote: deadline.note,
        sortOrder: order,
      }),
      db.insert(assignments).values({
        taskId: sql`(select id from tasks where plan_id = ${childId} and ref = ${task.ref})`,
        unitId: unit,
        role: "lead",
        state: task.done ? "done" : "open",
        progress: task.done ? 100 : 0,
        reportedDoneAt: task.done ? deadline.due : null,
        completedAt: task.done ? deadline.due : null,
      }),
    );
  });
  statements.push(
    db.insert(planLinks).values({
      childPlanId: childId,
      assignmentId: sql`(select id from assignments where task_id = ${taskId(child.parentRef)} and unit_id = ${unit})`,
    }),
  );
  return statements;
}
