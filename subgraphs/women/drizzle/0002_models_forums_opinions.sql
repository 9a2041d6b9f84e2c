CREATE TABLE `forums` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`kind` text NOT NULL,
	`title` text,
	`date` text NOT NULL,
	`unit_id` text NOT NULL,
	`branch_id` text NOT NULL,
	`co_host_ids` text DEFAULT '[]' NOT NULL,
	`attendance` integer NOT NULL,
	`opinions_voiced` integer DEFAULT 0 NOT NULL,
	`note` text,
	`demo` integer DEFAULT false NOT NULL,
	`recorded_by` text NOT NULL,
	`recorded_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL
);
--> statement-breakpoint
CREATE INDEX `forums_unit_date_idx` ON `forums` (`unit_id`,`date`);--> statement-breakpoint
CREATE INDEX `forums_date_idx` ON `forums` (`date`);--> statement-breakpoint
CREATE TABLE `models` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`name` text NOT NULL,
	`kind` text NOT NULL,
	`description` text,
	`unit_id` text NOT NULL,
	`started_on` text NOT NULL,
	`partner_ids` text DEFAULT '[]' NOT NULL,
	`status` text NOT NULL,
	`status_since` text,
	`replica_of_id` text,
	`demo` integer DEFAULT false NOT NULL,
	`recorded_by` text NOT NULL,
	`recorded_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	`updated_by` text,
	`updated_at` text
);
--> statement-breakpoint
CREATE INDEX `models_unit_idx` ON `models` (`unit_id`);--> statement-breakpoint
CREATE INDEX `models_replica_of_idx` ON `models` (`replica_of_id`);--> statement-breakpoint
CREATE TABLE `opinions` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`forum_id` text NOT NULL,
	`unit_id` text NOT NULL,
	`raised_on` text NOT NULL,
	`topic` text NOT NULL,
	`summary` text NOT NULL,
	`agency` text,
	`due_date` text NOT NULL,
	`handed_over_by` text NOT NULL,
	`answer` text,
	`answered_on` text,
	`answered_by` text,
	`demo` integer DEFAULT false NOT NULL,
	`recorded_by` text NOT NULL,
	`recorded_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL
);
--> statement-breakpoint
CREATE INDEX `opinions_unit_due_idx` ON `opinions` (`unit_id`,`due_date`);--> statement-breakpoint
CREATE INDEX `opinions_forum_idx` ON `opinions` (`forum_id`);