CREATE TABLE `infocomm_good_examples` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`date` text NOT NULL,
	`unit_id` text NOT NULL,
	`branch_id` text NOT NULL,
	`responsible_body` text NOT NULL,
	`subject` text NOT NULL,
	`achievement` text NOT NULL,
	`outlet_kind` text NOT NULL,
	`reach` integer,
	`demo` integer DEFAULT false NOT NULL,
	`recorded_by` text NOT NULL,
	`recorded_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL
);
--> statement-breakpoint
CREATE INDEX `infocomm_good_examples_unit_date_idx` ON `infocomm_good_examples` (`unit_id`,`date`);--> statement-breakpoint
CREATE TABLE `infocomm_media_items` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`date` text NOT NULL,
	`unit_id` text NOT NULL,
	`branch_id` text NOT NULL,
	`responsible_body` text NOT NULL,
	`outlet_kind` text NOT NULL,
	`outlet` text NOT NULL,
	`title` text NOT NULL,
	`topic` text NOT NULL,
	`reach` integer,
	`demo` integer DEFAULT false NOT NULL,
	`recorded_by` text NOT NULL,
	`recorded_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL
);
--> statement-breakpoint
CREATE INDEX `infocomm_media_items_unit_date_idx` ON `infocomm_media_items` (`unit_id`,`date`);--> statement-breakpoint
CREATE TABLE `infocomm_online_warnings` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`date` text NOT NULL,
	`unit_id` text NOT NULL,
	`branch_id` text NOT NULL,
	`responsible_body` text NOT NULL,
	`channel` text NOT NULL,
	`title` text NOT NULL,
	`method` text NOT NULL,
	`outlets` text NOT NULL,
	`reach` integer,
	`demo` integer DEFAULT false NOT NULL,
	`recorded_by` text NOT NULL,
	`recorded_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL
);
--> statement-breakpoint
CREATE INDEX `infocomm_online_warnings_unit_date_idx` ON `infocomm_online_warnings` (`unit_id`,`date`);