import { sql } from "drizzle-orm";
import { roles, type Role } from "../core/access/roles";
import { index, integer, primaryKey, real, sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";

/** UTC instant as ISO text, set by SQLite so every writer agrees on the clock format. */
const timestamp = (column = "created_at") => text(column).notNull().default(sql`(strftime('%Y-%m-%dT%H:%M:%fZ','now'))`);

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
    /** The office this unit's admins designated to monitor its plans (import, edit, monitor them for it). */
    monitorOfficeId: integer("monitor_office_id"),
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
 * A plan is issued by one unit and monitored by itself or by the office its
 * admins designated (units.monitor_office_id: the district committee's plans,
 * monitored by its Ban Tổ chức); it assigns only units under its issuer.
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
    /** The plan this one implements (a commune's plan carrying out the province's); links in plan_links say which of its tasks. */
    parentPlanId: integer("parent_plan_id"),
    sourceHash: text("source_hash"),
    archived: integer("archived", { mode: "boolean" }).notNull().default(false),
    createdAt: timestamp(),
  },
  (t) => [
    uniqueIndex("plans_source_hash_uq").on(t.sourceHash),
    index("plans_monitor_idx").on(t.monitorUnitId),
    index("plans_parent_idx").on(t.parentPlanId),
  ],
);

/**
 * A child plan carries out these assignments of its parent plan (the unit's
 * tasks there, or its planning task "xây dựng kế hoạch thực hiện…"). The
 * parent office reads the child plan's progress through them (issue 22).
 */
export const planLinks = sqliteTable(
  "plan_links",
  {
    childPlanId: integer("child_plan_id").notNull(),
    /** The parent plan's assignment that the child plan carries out. */
    assignmentId: integer("assignment_id").notNull(),
    linkedBy: integer("linked_by"),
    createdAt: timestamp(),
  },
  (t) => [primaryKey({ columns: [t.childPlanId, t.assignmentId] }), index("plan_links_assignment_idx").on(t.assignmentId)],
);

export const targets = sqliteTable(
  "targets",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    planId: integer("plan_id").notNull(),
    text: text("text").notNull(),
    value: real("value"),
    comparator: text("comparator", { enum: ["gt", "gte", "lt", "lte", "eq"] }),
    unitOfMeasure: text("unit_of_measure"),
    byYear: integer("by_year"),
    /** The unit whose leaders and members record the target's values, besides the plan's admins; null: the admins only. */
    responsibleUnitId: integer("responsible_unit_id"),
    createdAt: timestamp(),
  },
  (t) => [index("targets_plan_idx").on(t.planId), index("targets_responsible_unit_idx").on(t.responsibleUnitId)],
);

export { roles, type Role };

/**
 * A person bound to one unit with one role. Removal keeps the row so history
 * stays readable; how they are reached lives in member_channels.
 */
export const members = sqliteTable(
  "members",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    unitId: integer("unit_id").notNull(),
    role: text("role", { enum: roles }).notNull(),
    fullName: text("full_name").notNull(),
    /** The plan an admin's commands act on; null means the newest plan they manage. */
    currentPlanId: integer("current_plan_id"),
    /** Alerts paused (leave, holiday) until this ISO date, inclusive. */
    pausedUntil: text("paused_until"),
    /** No linked channel can reach them any more (blocked the bot everywhere). */
    unreachableSince: text("unreachable_since"),
    removedAt: text("removed_at"),
    createdAt: timestamp(),
  },
  (t) => [index("members_unit_idx").on(t.unitId)],
);

export const channels = ["telegram", "zalo"] as const;
export type Channel = (typeof channels)[number];

/**
 * How a member is reached: a Telegram id, a Zalo id or both. One row per
 * channel account, so an account belongs to one active member at most;
 * removal deletes the member's rows (their history stays on members).
 */
export const memberChannels = sqliteTable(
  "member_channels",
  {
    channel: text("channel", { enum: channels }).notNull(),
    /** The person's id on the channel. */
    userId: text("user_id").notNull(),
    memberId: integer("member_id").notNull(),
    /** Their private chat with the bot: where alerts go. */
    chatId: text("chat_id").notNull(),
    /** The channel refused delivery (blocked the bot, unknown chat); their other channels are unaffected. */
    unreachableSince: text("unreachable_since"),
    linkedAt: timestamp("linked_at"),
  },
  (t) => [primaryKey({ columns: [t.channel, t.userId] }), index("member_channels_member_idx").on(t.memberId)],
);

/**
 * A one-time code a member makes on one channel to link another (10 minutes).
 * Only a hash is kept: the code itself is a credential.
 */
export const channelLinkCodes = sqliteTable("channel_link_codes", {
  codeHash: text("code_hash").primaryKey(),
  memberId: integer("member_id").notNull(),
  expiresAt: text("expires_at").notNull(),
  usedAt: text("used_at"),
  createdAt: timestamp(),
});

/**
 * The last menu a chat without buttons (Zalo) was shown: its keys ("1", "a")
 * and the action each stands for, so a typed "2" is dispatched as that button.
 */
/**
 * The live menus of a chat without buttons (Zalo): one row per message that
 * offered choices, its keys unique among the chat's live menus, so a typed
 * key acts on its own item until that message is answered or a day old.
 */
export const chatMenus = sqliteTable(
  "chat_menus",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    chatKey: text("chat_key").notNull(),
    /**
     * `reply`: a screen answering the person (the next one replaces it, as a screen is edited in place on
     * Telegram); `notice`: an alert or another person's action (lives until answered or a day old).
     */
    kind: text("kind", { enum: ["reply", "notice"] })
      .notNull()
      .default("notice"),
    /** The message's first line, to say what its keys do when a key names nothing. */
    title: text("title").notNull().default(""),
    items: text("items", { mode: "json" }).$type<{ key: string; data: string; label?: string }[]>().notNull(),
    createdAt: timestamp(),
  },
  (t) => [index("chat_menus_chat_idx").on(t.chatKey, t.createdAt)],
);

/** Group chats the bot has told, once, that it works in private chat only (Zalo): after that it stays silent there. */
export const groupChats = sqliteTable("group_chats", {
  chatKey: text("chat_key").primaryKey(),
  toldAt: timestamp("told_at"),
});

export const invites = sqliteTable("invites", {
  code: text("code").primaryKey(),
  unitId: integer("unit_id").notNull(),
  role: text("role", { enum: roles }).notNull(),
  createdBy: integer("created_by"),
  expiresAt: text("expires_at").notNull(),
  maxUses: integer("max_uses"),
  uses: integer("uses").notNull().default(0),
  createdAt: timestamp(),
});

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
    /** For recurring duties: how often the unit checks in; null means the default (quarterly). */
    checkinEvery: text("checkin_every", { enum: ["monthly", "quarterly", "semiannual", "yearly"] }),
    sortOrder: integer("sort_order").notNull().default(0),
    createdAt: timestamp(),
  },
  (t) => [index("tasks_plan_idx").on(t.planId, t.sortOrder), index("tasks_plan_due_idx").on(t.planId, t.dueOn)],
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
    // Covers what a plan's overview counts (db/queries/overview.ts): one index entry read per assignment, not index and row.
    index("assignments_task_status_idx").on(t.taskId, t.unitId, t.state, t.dueOverride, t.reportedDoneAt),
    index("assignments_unit_idx").on(t.unitId, t.state),
    // The daily alert scan reads only open work: done assignments, most of a plan's past, stay out of its way.
    index("assignments_open_task_idx").on(t.taskId).where(sql`state in ('open', 'in_progress')`),
    index("assignments_extended_idx").on(t.dueOverride).where(sql`due_override is not null and state in ('open', 'in_progress')`),
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
    evidence: text("evidence", { mode: "json" }).$type<Evidence[]>(),
    /** The flow that produced the report: a second tap on "Gửi" finds it taken. */
    dedupeKey: text("dedupe_key"),
    /** For completions: what the monitoring office decided. */
    reviewStatus: text("review_status", { enum: ["pending", "confirmed", "returned"] }),
    reviewedBy: integer("reviewed_by"),
    reviewedAt: text("reviewed_at"),
    reviewNote: text("review_note"),
    /** For check-ins of recurring duties: the period answered, e.g. 2026-Q4. */
    periodKey: text("period_key"),
    createdAt: timestamp(),
  },
  (t) => [
    index("progress_reports_assignment_idx").on(t.assignmentId, t.createdAt),
    uniqueIndex("progress_reports_dedupe_uq").on(t.dedupeKey),
    index("progress_reports_review_idx").on(t.reviewStatus),
    index("progress_reports_checkin_idx").on(t.periodKey, t.assignmentId).where(sql`kind = 'checkin'`),
  ],
);

export interface Evidence {
  fileId: string;
  kind: "document" | "photo";
  name: string | null;
  mime: string | null;
  size: number | null;
}

export const extensionRequests = sqliteTable(
  "extension_requests",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    assignmentId: integer("assignment_id").notNull(),
    requestedBy: integer("requested_by").notNull(),
    /** The due date in force when asked, kept so history shows what was moved. */
    originalDue: text("original_due"),
    proposedDue: text("proposed_due").notNull(),
    reason: text("reason").notNull(),
    status: text("status", { enum: ["pending", "approved", "refused"] })
      .notNull()
      .default("pending"),
    decidedBy: integer("decided_by"),
    decidedAt: text("decided_at"),
    decisionNote: text("decision_note"),
    createdAt: timestamp(),
  },
  (t) => [index("extension_requests_assignment_idx").on(t.assignmentId), index("extension_requests_status_idx").on(t.status)],
);

/** Multi-step chat flows keep their state here: every update may reach a fresh isolate. */
export const conversations = sqliteTable("conversations", {
  chatId: text("chat_id").primaryKey(),
  memberId: integer("member_id").notNull(),
  flow: text("flow").notNull(),
  step: text("step").notNull(),
  data: text("data", { mode: "json" }).$type<Record<string, unknown>>().notNull(),
  /** Random per flow: buttons carry it, so a button from an older flow is recognised as stale. */
  token: text("token").notNull(),
  expiresAt: text("expires_at").notNull(),
  updatedAt: timestamp("updated_at"),
});

/** A member's alerts for one assignment muted until a date (inclusive). */
export const alertMutes = sqliteTable(
  "alert_mutes",
  {
    memberId: integer("member_id").notNull(),
    assignmentId: integer("assignment_id").notNull(),
    until: text("until").notNull(),
    createdAt: timestamp(),
  },
  (t) => [primaryKey({ columns: [t.memberId, t.assignmentId] })],
);

/** Values recorded against a target (chỉ tiêu) for a period, e.g. the share of highly qualified recruits in 2025. */
export const targetValues = sqliteTable(
  "target_values",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    targetId: integer("target_id").notNull(),
    period: text("period").notNull(),
    value: real("value").notNull(),
    note: text("note"),
    recordedBy: integer("recorded_by").notNull(),
    createdAt: timestamp(),
  },
  (t) => [index("target_values_target_idx").on(t.targetId, t.period)],
);

/** A plan document being reviewed before it is saved: the extraction, editable, and nothing else written. */
export const planImports = sqliteTable(
  "plan_imports",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    memberId: integer("member_id").notNull(),
    sourceHash: text("source_hash").notNull(),
    fileName: text("file_name"),
    extraction: text("extraction", { mode: "json" }).$type<Record<string, unknown>>().notNull(),
    status: text("status", { enum: ["reviewing", "confirmed", "cancelled"] })
      .notNull()
      .default("reviewing"),
    planId: integer("plan_id"),
    createdAt: timestamp(),
  },
  (t) => [index("plan_imports_member_idx").on(t.memberId, t.status)],
);

/** Outbox: one row per alert, unique per assignment, recipient, kind and period, so retries never repeat one. */
export const reminders = sqliteTable(
  "reminders",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    memberId: integer("member_id").notNull(),
    /** One row per channel the member is reached on: each delivery is recorded on its own. */
    channel: text("channel", { enum: channels }).notNull().default("telegram"),
    assignmentId: integer("assignment_id"),
    kind: text("kind").notNull(),
    /** What the alert is about ("assignment:12", "digest"): with kind and period it makes the alert unique. */
    subject: text("subject").notNull(),
    periodKey: text("period_key").notNull(),
    status: text("status", { enum: ["pending", "queued", "sent", "failed", "unreachable"] })
      .notNull()
      .default("pending"),
    attempts: integer("attempts").notNull().default(0),
    lastError: text("last_error"),
    /** The message as it will be sent (text, buttons), rendered when the alert is found. */
    payload: text("payload", { mode: "json" }).$type<Record<string, unknown>>(),
    sentAt: text("sent_at"),
    createdAt: timestamp(),
  },
  (t) => [
    uniqueIndex("reminders_once_uq").on(t.memberId, t.channel, t.kind, t.subject, t.periodKey),
    index("reminders_status_idx").on(t.status),
    index("reminders_assignment_idx").on(t.assignmentId),
  ],
);

/**
 * Platforms re-send an update until they get a 2xx: the first claim wins
 * ("tg:<update_id>", "zl:<message_id>"). A claim still `processing` after a
 * minute belongs to a Worker that was killed (CPU, memory) and may be taken
 * again, so the retry is handled rather than lost.
 */
export const inboundUpdates = sqliteTable("inbound_updates", {
  key: text("key").primaryKey(),
  state: text("state", { enum: ["processing", "done"] })
    .notNull()
    .default("processing"),
  claimedAt: text("claimed_at").notNull(),
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

/* ---------------------------------------------------------------- web back office (issue 11) */

/**
 * One-time login links sent by /web in chat. Only the SHA-256 of the signed
 * token is kept: a leaked table cannot be replayed as links. Used once.
 */
export const webLoginTokens = sqliteTable(
  "web_login_tokens",
  {
    tokenHash: text("token_hash").primaryKey(),
    memberId: integer("member_id").notNull(),
    expiresAt: text("expires_at").notNull(),
    usedAt: text("used_at"),
    createdAt: timestamp(),
  },
  (t) => [index("web_login_tokens_member_idx").on(t.memberId)],
);

/**
 * Web sessions: the cookie holds a random secret, the row its SHA-256. Every
 * request re-reads the row with the member, so logging out, revoking or
 * removing the member ends it at once.
 */
export const webSessions = sqliteTable(
  "web_sessions",
  {
    idHash: text("id_hash").primaryKey(),
    memberId: integer("member_id").notNull(),
    /** Put in a hidden field of every form: a POST without it is refused. */
    csrfToken: text("csrf_token").notNull(),
    expiresAt: text("expires_at").notNull(),
    revokedAt: text("revoked_at"),
    createdAt: timestamp(),
  },
  (t) => [index("web_sessions_member_idx").on(t.memberId)],
);

/* ---------------------------------------------------------------- committee members in charge of units (issue 21) */

/**
 * A member of the standing committee (a viewer of the issuing unit) follows
 * some units ("được phân công phụ trách"): they get a weekly digest of those
 * units, and their overview and report filtered to them. Set by an admin of
 * the same unit (core/access/policy canAssignUnitsInCharge).
 */
export const unitsInCharge = sqliteTable(
  "units_in_charge",
  {
    memberId: integer("member_id").notNull(),
    unitId: integer("unit_id").notNull(),
    assignedBy: integer("assigned_by").notNull(),
    createdAt: timestamp(),
  },
  (t) => [primaryKey({ columns: [t.memberId, t.unitId] }), index("units_in_charge_unit_idx").on(t.unitId)],
);
