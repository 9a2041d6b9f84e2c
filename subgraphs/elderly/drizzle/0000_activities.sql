CREATE TABLE `activities` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`type` text NOT NULL,
	`topic` text NOT NULL,
	`date` text NOT NULL,
	`unit_id` text NOT NULL,
	`branch_id` text NOT NULL,
	`participants` integer NOT NULL,
	`note` text,
	`plan_task_id` text,
	`demo` integer DEFAULT false NOT NULL,
	`recorded_by` text NOT NULL,
	`recorded_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	`corrected_by` text,
	`corrected_at` text
);
--> statement-breakpoint
CREATE INDEX `activities_unit_date_idx` ON `activities` (`unit_id`,`date`);--> statement-breakpoint
CREATE INDEX `activities_date_idx` ON `activities` (`date`);--> statement-breakpoint
CREATE TABLE `activity_revisions` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`activity_id` integer NOT NULL,
	`previous` text NOT NULL,
	`reason` text,
	`corrected_by` text NOT NULL,
	`corrected_at` text NOT NULL,
	FOREIGN KEY (`activity_id`) REFERENCES `activities`(`id`) ON UPDATE no action ON DELETE restrict
);
--> statement-breakpoint
CREATE INDEX `activity_revisions_activity_idx` ON `activity_revisions` (`activity_id`);--> statement-breakpoint
CREATE TABLE `meta` (
	`key` text PRIMARY KEY NOT NULL,
	`value` text NOT NULL
);
