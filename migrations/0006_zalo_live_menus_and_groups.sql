CREATE TABLE `group_chats` (
	`chat_key` text PRIMARY KEY NOT NULL,
	`told_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL
);
--> statement-breakpoint
PRAGMA foreign_keys=OFF;--> statement-breakpoint
CREATE TABLE `__new_chat_menus` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`chat_key` text NOT NULL,
	`kind` text DEFAULT 'notice' NOT NULL,
	`title` text DEFAULT '' NOT NULL,
	`items` text NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL
);
--> statement-breakpoint
INSERT INTO `__new_chat_menus`("chat_key", "items", "created_at") SELECT "chat_key", "items", "created_at" FROM `chat_menus`;--> statement-breakpoint
DROP TABLE `chat_menus`;--> statement-breakpoint
ALTER TABLE `__new_chat_menus` RENAME TO `chat_menus`;--> statement-breakpoint
PRAGMA foreign_keys=ON;--> statement-breakpoint
CREATE INDEX `chat_menus_chat_idx` ON `chat_menus` (`chat_key`,`created_at`);