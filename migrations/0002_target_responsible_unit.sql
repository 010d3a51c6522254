ALTER TABLE `targets` ADD `responsible_unit_id` integer;--> statement-breakpoint
CREATE INDEX `targets_responsible_unit_idx` ON `targets` (`responsible_unit_id`);