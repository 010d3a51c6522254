CREATE TABLE `plan_links` (
	`child_plan_id` integer NOT NULL,
	`assignment_id` integer NOT NULL,
	`linked_by` integer,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	PRIMARY KEY(`child_plan_id`, `assignment_id`)
);
--> statement-breakpoint
CREATE INDEX `plan_links_assignment_idx` ON `plan_links` (`assignment_id`);--> statement-breakpoint
ALTER TABLE `plans` ADD `parent_plan_id` integer;--> statement-breakpoint
CREATE INDEX `plans_parent_idx` ON `plans` (`parent_plan_id`);