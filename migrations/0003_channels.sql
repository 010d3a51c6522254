CREATE TABLE `channel_link_codes` (
	`code_hash` text PRIMARY KEY NOT NULL,
	`member_id` integer NOT NULL,
	`expires_at` text NOT NULL,
	`used_at` text,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL
);
--> statement-breakpoint
CREATE TABLE `chat_menus` (
	`chat_key` text PRIMARY KEY NOT NULL,
	`items` text NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL
);
--> statement-breakpoint
CREATE TABLE `inbound_updates` (
	`key` text PRIMARY KEY NOT NULL,
	`state` text DEFAULT 'processing' NOT NULL,
	`claimed_at` text NOT NULL
);
--> statement-breakpoint
CREATE TABLE `member_channels` (
	`channel` text NOT NULL,
	`user_id` text NOT NULL,
	`member_id` integer NOT NULL,
	`chat_id` text NOT NULL,
	`unreachable_since` text,
	`linked_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	PRIMARY KEY(`channel`, `user_id`)
);
--> statement-breakpoint
CREATE INDEX `member_channels_member_idx` ON `member_channels` (`member_id`);--> statement-breakpoint
DROP TABLE `processed_updates`;--> statement-breakpoint
-- Every active member's Telegram account becomes their first channel.
INSERT INTO `member_channels` (`channel`, `user_id`, `member_id`, `chat_id`, `unreachable_since`)
SELECT 'telegram', `telegram_user_id`, `id`, `chat_id`, `unreachable_since` FROM `members` WHERE `removed_at` IS NULL;--> statement-breakpoint
DROP INDEX `members_active_user_uq`;--> statement-breakpoint
ALTER TABLE `members` DROP COLUMN `telegram_user_id`;--> statement-breakpoint
ALTER TABLE `members` DROP COLUMN `chat_id`;--> statement-breakpoint
DROP INDEX `reminders_once_uq`;--> statement-breakpoint
ALTER TABLE `reminders` ADD `channel` text DEFAULT 'telegram' NOT NULL;--> statement-breakpoint
CREATE UNIQUE INDEX `reminders_once_uq` ON `reminders` (`member_id`,`channel`,`kind`,`subject`,`period_key`);