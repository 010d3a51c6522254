import { sql } from "drizzle-orm";
import { roles, type Role } from "../core/access/roles";
import { index, integer, primaryKey, sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";

/** UTC instant as ISO text, set by SQLite so every writer agrees on the clock format. */
const timestamp = (column = "created_at") =>
  text(column)
    .notNull()
    .default(sql`(strftime('%Y-%m-%dT%H:%M:%fZ','now'))`);

/**
 * Units form a tree of any depth (province → commune → party cell; the 2025
 * reorganisation removed the district level, so no level is hard-coded).
 * A group ("Các Đảng ủy, chi bộ trực thuộc Huyện ủy") is a unit row with
 * isGroup set; its members are listed in unit_group_members and a task
 * assigned to it is tracked separately for each member unit.
 */
export const units = sqliteTable(
  "units",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    parentId: integer("parent_id"),
    name: text("name").notNull(),
    shortName: text("short_name"),
    nameKey: text("name_key").notNull(),
    isGroup: integer("is_group", { mode: "boolean" }).notNull().default(false),
    createdAt: timestamp(),
  },
  (t) => [index("units_parent_idx").on(t.parentId), uniqueIndex("units_parent_key_uq").on(t.parentId, t.nameKey)],
);

export const unitGroupMembers = sqliteTable(
  "unit_group_members",
  {
    groupId: integer("group_id").notNull(),
    unitId: integer("unit_id").notNull(),
  },
  (t) => [primaryKey({ columns: [t.groupId, t.unitId] })],
);

/**
 * A plan is issued by one unit and monitored by another (the reference plan:
 * issued by the Ban Thường vụ Huyện ủy, monitored by the Ban Tổ chức).
 * Admins of the monitoring unit manage it.
 */
export const plans = sqliteTable(
  "plans",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    issuerUnitId: integer("issuer_unit_id").notNull(),
    monitorUnitId: integer("monitor_unit_id").notNull(),
    number: text("number"),
    title: text("title").notNull(),
    issuedOn: text("issued_on"),
    implementsText: text("implements_text"),
    sourceHash: text("source_hash"),
    archived: integer("archived", { mode: "boolean" }).notNull().default(false),
    createdAt: timestamp(),
  },
  (t) => [uniqueIndex("plans_source_hash_uq").on(t.sourceHash), index("plans_monitor_idx").on(t.monitorUnitId)],
);

export const targets = sqliteTable(
  "targets",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    planId: integer("plan_id").notNull(),
    text: text("text").notNull(),
    value: integer("value"),
    comparator: text("comparator", { enum: ["gt", "gte", "lt", "lte", "eq"] }),
    unitOfMeasure: text("unit_of_measure"),
    byYear: integer("by_year"),
    createdAt: timestamp(),
  },
  (t) => [index("targets_plan_idx").on(t.planId)],
);

export { roles, type Role };

/** A chat user bound to one unit with one role. Removal keeps the row so history stays readable. */
export const members = sqliteTable(
  "members",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    telegramUserId: text("telegram_user_id").notNull(),
    chatId: text("chat_id").notNull(),
    unitId: integer("unit_id").notNull(),
    role: text("role", { enum: roles }).notNull(),
    fullName: text("full_name").notNull(),
    pausedUntil: text("paused_until"),
    unreachableSince: text("unreachable_since"),
    removedAt: text("removed_at"),
    createdAt: timestamp(),
  },
  (t) => [
    uniqueIndex("members_active_user_uq").on(t.telegramUserId).where(sql`removed_at is null`),
    index("members_unit_idx").on(t.unitId),
  ],
);

export const invites = sqliteTable(
  "invites",
  {
    code: text("code").primaryKey(),
    unitId: integer("unit_id").notNull(),
    role: text("role", { enum: roles }).notNull(),
    createdBy: integer("created_by"),
    expiresAt: text("expires_at").notNull(),
    maxUses: integer("max_uses"),
    uses: integer("uses").notNull().default(0),
    createdAt: timestamp(),
  },
);

export const deadlineKinds = ["date", "month", "quarter", "year", "range", "recurring", "event", "per_plan", "none"] as const;
export const recurrences = ["ongoing", "monthly", "quarterly", "semiannual", "yearly"] as const;

/** The deadline phrase is kept exactly as written beside its normalised form. */
export const tasks = sqliteTable(
  "tasks",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    planId: integer("plan_id").notNull(),
    ref: text("ref").notNull(),
    section: text("section"),
    title: text("title").notNull(),
    deadlineText: text("deadline_text"),
    deadlineKind: text("deadline_kind", { enum: deadlineKinds }).notNull(),
    dueOn: text("due_on"),
    startsOn: text("starts_on"),
    recurrence: text("recurrence", { enum: recurrences }),
    deadlineNote: text("deadline_note"),
    sortOrder: integer("sort_order").notNull().default(0),
    createdAt: timestamp(),
  },
  (t) => [index("tasks_plan_idx").on(t.planId, t.sortOrder)],
);

export const assignmentStates = ["open", "in_progress", "awaiting_confirmation", "done"] as const;

/**
 * Task × unit. `state` is what people did; the status a user sees (quá hạn,
 * sắp đến hạn…) is derived from it and the effective due date in core/.
 */
export const assignments = sqliteTable(
  "assignments",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    taskId: integer("task_id").notNull(),
    unitId: integer("unit_id").notNull(),
    role: text("role", { enum: ["lead", "coop"] }).notNull(),
    viaGroupId: integer("via_group_id"),
    state: text("state", { enum: assignmentStates }).notNull().default("open"),
    progress: integer("progress").notNull().default(0),
    dueOverride: text("due_override"),
    reportedDoneAt: text("reported_done_at"),
    completedAt: text("completed_at"),
    lastReportAt: text("last_report_at"),
    updatedAt: timestamp("updated_at"),
  },
  (t) => [
    uniqueIndex("assignments_task_unit_uq").on(t.taskId, t.unitId),
    index("assignments_unit_idx").on(t.unitId, t.state),
  ],
);

export const progressReports = sqliteTable(
  "progress_reports",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    assignmentId: integer("assignment_id").notNull(),
    memberId: integer("member_id").notNull(),
    kind: text("kind", { enum: ["progress", "completion", "checkin"] }).notNull(),
    percent: integer("percent"),
    note: text("note"),
    evidence: text("evidence", { mode: "json" }).$type<{ fileId: string; name: string | null; mime: string | null }[]>(),
    createdAt: timestamp(),
  },
  (t) => [index("progress_reports_assignment_idx").on(t.assignmentId, t.createdAt)],
);

/** Outbox: one row per alert, unique per assignment, recipient, kind and period, so retries never repeat one. */
export const reminders = sqliteTable(
  "reminders",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    assignmentId: integer("assignment_id"),
    memberId: integer("member_id").notNull(),
    kind: text("kind").notNull(),
    periodKey: text("period_key").notNull(),
    status: text("status", { enum: ["pending", "sent", "failed", "unreachable"] }).notNull().default("pending"),
    attempts: integer("attempts").notNull().default(0),
    sentAt: text("sent_at"),
    createdAt: timestamp(),
  },
  (t) => [
    uniqueIndex("reminders_once_uq").on(t.assignmentId, t.memberId, t.kind, t.periodKey),
    index("reminders_status_idx").on(t.status),
  ],
);

/** Telegram re-sends an update until it gets a 2xx; the first insert wins. */
export const processedUpdates = sqliteTable("processed_updates", {
  updateId: integer("update_id").primaryKey(),
  receivedAt: timestamp("received_at"),
});

export const auditLog = sqliteTable(
  "audit_log",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    actorMemberId: integer("actor_member_id"),
    action: text("action").notNull(),
    entity: text("entity").notNull(),
    entityId: integer("entity_id"),
    detail: text("detail", { mode: "json" }).$type<Record<string, unknown>>(),
    createdAt: timestamp(),
  },
  (t) => [index("audit_entity_idx").on(t.entity, t.entityId)],
);
