/**
 * Admins' changes to a saved plan's tasks, each with its audit entry in the
 * same batch: title and deadline, a task added, a task withdrawn.
 */
import { trackedRecurrence } from "../../core/deadline/tracked";
import type { Deadline } from "../../core/deadline/types";
import type { Db } from "../client";
import { guardedChange } from "./audit";

export function editTask(
  db: Db,
  e: {
    taskId: number;
    actorId: number;
    title: string;
    deadlineText: string | null;
    deadline: Deadline;
    before: { title: string; deadlineText: string | null };
  },
): Promise<boolean> {
  const update = db.$client
    .prepare(
      `update tasks set title = ?2, deadline_text = ?3, deadline_kind = ?4, due_on = ?5, starts_on = ?6, recurrence = ?7, deadline_note = ?8
       where id = ?1 and title = ?9 and deadline_text is ?10 returning id`,
    )
    .bind(
      e.taskId,
      e.title,
      e.deadlineText,
      e.deadline.kind,
      e.deadline.due,
      e.deadline.start,
      trackedRecurrence(e.deadline),
      e.deadline.note,
      e.before.title,
      e.before.deadlineText,
    );
  return guardedChange(db, update, {
    actorMemberId: e.actorId,
    action: "task.edit",
    entity: "task",
    entityId: e.taskId,
    detail: { from: e.before, to: { title: e.title, deadlineText: e.deadlineText } },
  });
}

/** A task added by hand after the import, led by one unit; its ref is the next free "BS<n>". Returns the task id. */
export async function addTask(
  db: Db,
  a: { planId: number; unitId: number; title: string; deadlineText: string | null; deadline: Deadline; actorId: number },
): Promise<{ id: number; ref: string }> {
  const d1 = db.$client;
  const n = await d1
    .prepare("select count(*) as n from tasks where plan_id = ?1 and ref like 'BS%'")
    .bind(a.planId)
    .first<{ n: number }>();
  const ref = `BS${(n?.n ?? 0) + 1}`;
  const [task] = await d1.batch([
    d1
      .prepare(
        `insert into tasks (plan_id, ref, section, title, deadline_text, deadline_kind, due_on, starts_on, recurrence, deadline_note, sort_order)
         values (?1, ?2, 'Nhiệm vụ bổ sung', ?3, ?4, ?5, ?6, ?7, ?8, ?9, (select coalesce(max(sort_order), 0) + 1 from tasks where plan_id = ?1))
         returning id`,
      )
      .bind(
        a.planId,
        ref,
        a.title,
        a.deadlineText,
        a.deadline.kind,
        a.deadline.due,
        a.deadline.start,
        trackedRecurrence(a.deadline),
        a.deadline.note,
      ),
    d1.prepare("insert into assignments (task_id, unit_id, role) values (last_insert_rowid(), ?1, 'lead')").bind(a.unitId),
    d1
      .prepare(
        `insert into audit_log (actor_member_id, action, entity, entity_id, detail) select ?1, 'task.add', 'task', task_id, ?2 from assignments where id = last_insert_rowid()`,
      )
      .bind(a.actorId, JSON.stringify({ ref, title: a.title, unitId: a.unitId })),
  ]);
  return { id: (task!.results as { id: number }[])[0]!.id, ref };
}

/**
 * Withdraws a task nobody has reported on or asked to extend: its
 * assignments and unsent alerts go, the audit entry stays. A task with
 * history is kept (its history is the record of the plan).
 */
export async function withdrawTask(
  db: Db,
  w: { taskId: number; actorId: number },
): Promise<"withdrawn" | "has_history" | "gone"> {
  const d1 = db.$client;
  const task = await d1
    .prepare(
      `select t.ref, t.title,
              exists (select 1 from progress_reports r join assignments a on a.id = r.assignment_id where a.task_id = t.id)
              or exists (select 1 from extension_requests e join assignments a on a.id = e.assignment_id where a.task_id = t.id) as history
       from tasks t where t.id = ?1`,
    )
    .bind(w.taskId)
    .first<{ ref: string; title: string; history: number }>();
  if (!task) return "gone";
  if (task.history) return "has_history";
  await d1.batch([
    d1
      .prepare(
        "insert into audit_log (actor_member_id, action, entity, entity_id, detail) values (?1, 'task.withdraw', 'task', ?2, ?3)",
      )
      .bind(w.actorId, w.taskId, JSON.stringify({ ref: task.ref, title: task.title })),
    d1
      .prepare(
        "delete from reminders where status = 'pending' and assignment_id in (select id from assignments where task_id = ?1)",
      )
      .bind(w.taskId),
    d1.prepare("delete from assignments where task_id = ?1").bind(w.taskId),
    d1.prepare("delete from tasks where id = ?1").bind(w.taskId),
  ]);
  return "withdrawn";
}

/** The members and leaders of the units a task is assigned to, each with their unit's assignment: who hears of a change to it. */
export async function taskRecipients(d1: D1Database, taskId: number): Promise<{ memberId: number; assignmentId: number }[]> {
  const { results } = await d1
    .prepare(
      `select m.id as memberId, a.id as assignmentId from assignments a
       join members m on m.unit_id = a.unit_id and m.removed_at is null and m.role in ('member', 'leader')
       where a.task_id = ?1`,
    )
    .bind(taskId)
    .all<{ memberId: number; assignmentId: number }>();
  return results;
}
