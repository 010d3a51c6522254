CREATE TABLE `units_in_charge` (
	`member_id` integer NOT NULL,
	`unit_id` integer NOT NULL,
	`assigned_by` integer NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	PRIMARY KEY(`member_id`, `unit_id`)
);
--> statement-breakpoint
CREATE INDEX `units_in_charge_unit_idx` ON `units_in_charge` (`unit_id`);