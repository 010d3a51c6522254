CREATE TABLE `alert_mutes` (
	`member_id` integer NOT NULL,
	`assignment_id` integer NOT NULL,
	`until` text NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	PRIMARY KEY(`member_id`, `assignment_id`)
);
--> statement-breakpoint
CREATE TABLE `assignments` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`task_id` integer NOT NULL,
	`unit_id` integer NOT NULL,
	`role` text NOT NULL,
	`via_group_id` integer,
	`state` text DEFAULT 'open' NOT NULL,
	`progress` integer DEFAULT 0 NOT NULL,
	`due_override` text,
	`reported_done_at` text,
	`completed_at` text,
	`last_report_at` text,
	`updated_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `assignments_task_unit_uq` ON `assignments` (`task_id`,`unit_id`);--> statement-breakpoint
CREATE INDEX `assignments_unit_idx` ON `assignments` (`unit_id`,`state`);--> statement-breakpoint
CREATE TABLE `audit_log` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`actor_member_id` integer,
	`action` text NOT NULL,
	`entity` text NOT NULL,
	`entity_id` integer,
	`detail` text,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL
);
--> statement-breakpoint
CREATE INDEX `audit_entity_idx` ON `audit_log` (`entity`,`entity_id`);--> statement-breakpoint
CREATE TABLE `conversations` (
	`chat_id` text PRIMARY KEY NOT NULL,
	`member_id` integer NOT NULL,
	`flow` text NOT NULL,
	`step` text NOT NULL,
	`data` text NOT NULL,
	`token` text NOT NULL,
	`expires_at` text NOT NULL,
	`updated_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL
);
--> statement-breakpoint
CREATE TABLE `extension_requests` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`assignment_id` integer NOT NULL,
	`requested_by` integer NOT NULL,
	`original_due` text,
	`proposed_due` text NOT NULL,
	`reason` text NOT NULL,
	`status` text DEFAULT 'pending' NOT NULL,
	`decided_by` integer,
	`decided_at` text,
	`decision_note` text,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL
);
--> statement-breakpoint
CREATE INDEX `extension_requests_assignment_idx` ON `extension_requests` (`assignment_id`);--> statement-breakpoint
CREATE INDEX `extension_requests_status_idx` ON `extension_requests` (`status`);--> statement-breakpoint
CREATE TABLE `invites` (
	`code` text PRIMARY KEY NOT NULL,
	`unit_id` integer NOT NULL,
	`role` text NOT NULL,
	`created_by` integer,
	`expires_at` text NOT NULL,
	`max_uses` integer,
	`uses` integer DEFAULT 0 NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL
);
--> statement-breakpoint
CREATE TABLE `members` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`telegram_user_id` text NOT NULL,
	`chat_id` text NOT NULL,
	`unit_id` integer NOT NULL,
	`role` text NOT NULL,
	`full_name` text NOT NULL,
	`current_plan_id` integer,
	`paused_until` text,
	`unreachable_since` text,
	`removed_at` text,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `members_active_user_uq` ON `members` (`telegram_user_id`) WHERE removed_at is null;--> statement-breakpoint
CREATE INDEX `members_unit_idx` ON `members` (`unit_id`);--> statement-breakpoint
CREATE TABLE `plan_imports` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`member_id` integer NOT NULL,
	`source_hash` text NOT NULL,
	`file_name` text,
	`extraction` text NOT NULL,
	`status` text DEFAULT 'reviewing' NOT NULL,
	`plan_id` integer,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL
);
--> statement-breakpoint
CREATE INDEX `plan_imports_member_idx` ON `plan_imports` (`member_id`,`status`);--> statement-breakpoint
CREATE TABLE `plans` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`issuer_unit_id` integer NOT NULL,
	`monitor_unit_id` integer NOT NULL,
	`number` text,
	`title` text NOT NULL,
	`issued_on` text,
	`implements_text` text,
	`source_hash` text,
	`archived` integer DEFAULT false NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `plans_source_hash_uq` ON `plans` (`source_hash`);--> statement-breakpoint
CREATE INDEX `plans_monitor_idx` ON `plans` (`monitor_unit_id`);--> statement-breakpoint
CREATE TABLE `processed_updates` (
	`update_id` integer PRIMARY KEY NOT NULL,
	`received_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL
);
--> statement-breakpoint
CREATE TABLE `progress_reports` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`assignment_id` integer NOT NULL,
	`member_id` integer NOT NULL,
	`kind` text NOT NULL,
	`percent` integer,
	`note` text,
	`evidence` text,
	`dedupe_key` text,
	`review_status` text,
	`reviewed_by` integer,
	`reviewed_at` text,
	`review_note` text,
	`period_key` text,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL
);
--> statement-breakpoint
CREATE INDEX `progress_reports_assignment_idx` ON `progress_reports` (`assignment_id`,`created_at`);--> statement-breakpoint
CREATE UNIQUE INDEX `progress_reports_dedupe_uq` ON `progress_reports` (`dedupe_key`);--> statement-breakpoint
CREATE INDEX `progress_reports_review_idx` ON `progress_reports` (`review_status`);--> statement-breakpoint
CREATE TABLE `reminders` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`member_id` integer NOT NULL,
	`assignment_id` integer,
	`kind` text NOT NULL,
	`subject` text NOT NULL,
	`period_key` text NOT NULL,
	`status` text DEFAULT 'pending' NOT NULL,
	`attempts` integer DEFAULT 0 NOT NULL,
	`last_error` text,
	`payload` text,
	`sent_at` text,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `reminders_once_uq` ON `reminders` (`member_id`,`kind`,`subject`,`period_key`);--> statement-breakpoint
CREATE INDEX `reminders_status_idx` ON `reminders` (`status`);--> statement-breakpoint
CREATE INDEX `reminders_assignment_idx` ON `reminders` (`assignment_id`);--> statement-breakpoint
CREATE TABLE `target_values` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`target_id` integer NOT NULL,
	`period` text NOT NULL,
	`value` real NOT NULL,
	`note` text,
	`recorded_by` integer NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL
);
--> statement-breakpoint
CREATE INDEX `target_values_target_idx` ON `target_values` (`target_id`,`period`);--> statement-breakpoint
CREATE TABLE `targets` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`plan_id` integer NOT NULL,
	`text` text NOT NULL,
	`value` real,
	`comparator` text,
	`unit_of_measure` text,
	`by_year` integer,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL
);
--> statement-breakpoint
CREATE INDEX `targets_plan_idx` ON `targets` (`plan_id`);--> statement-breakpoint
CREATE TABLE `tasks` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`plan_id` integer NOT NULL,
	`ref` text NOT NULL,
	`section` text,
	`title` text NOT NULL,
	`deadline_text` text,
	`deadline_kind` text NOT NULL,
	`due_on` text,
	`starts_on` text,
	`recurrence` text,
	`deadline_note` text,
	`checkin_every` text,
	`sort_order` integer DEFAULT 0 NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL
);
--> statement-breakpoint
CREATE INDEX `tasks_plan_idx` ON `tasks` (`plan_id`,`sort_order`);--> statement-breakpoint
CREATE TABLE `unit_group_members` (
	`group_id` integer NOT NULL,
	`unit_id` integer NOT NULL,
	PRIMARY KEY(`group_id`, `unit_id`)
);
--> statement-breakpoint
CREATE TABLE `units` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`parent_id` integer,
	`name` text NOT NULL,
	`short_name` text,
	`name_key` text NOT NULL,
	`is_group` integer DEFAULT false NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL
);
--> statement-breakpoint
CREATE INDEX `units_parent_idx` ON `units` (`parent_id`);--> statement-breakpoint
CREATE UNIQUE INDEX `units_parent_key_uq` ON `units` (`parent_id`,`name_key`);