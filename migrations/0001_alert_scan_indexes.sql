CREATE INDEX `assignments_open_task_idx` ON `assignments` (`task_id`) WHERE state in ('open', 'in_progress');--> statement-breakpoint
CREATE INDEX `assignments_extended_idx` ON `assignments` (`due_override`) WHERE due_override is not null and state in ('open', 'in_progress');--> statement-breakpoint
CREATE INDEX `progress_reports_checkin_idx` ON `progress_reports` (`period_key`,`assignment_id`) WHERE kind = 'checkin';--> statement-breakpoint
CREATE INDEX `tasks_plan_due_idx` ON `tasks` (`plan_id`,`due_on`);