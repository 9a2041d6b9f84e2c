CREATE TABLE `audit_log` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`at` text NOT NULL,
	`request_id` text NOT NULL,
	`user_id` text NOT NULL,
	`organization` text NOT NULL,
	`roles` text NOT NULL,
	`operation` text NOT NULL,
	`action` text NOT NULL,
	`type_name` text,
	`data_class` text,
	`record_ids` text NOT NULL,
	`fields` text NOT NULL,
	`outcome` text NOT NULL,
	`prev_hash` text NOT NULL,
	`hash` text NOT NULL
);
--> statement-breakpoint
CREATE INDEX `audit_log_at_idx` ON `audit_log` (`at`);