CREATE TABLE `reference_checks` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`record_table` text NOT NULL,
	`record_id` text NOT NULL,
	`field` text NOT NULL,
	`owner` text NOT NULL,
	`owner_table` text NOT NULL,
	`by_field` text,
	`writer_field` text,
	`within_unit` text NOT NULL,
	`ref_id` text NOT NULL,
	`state` text DEFAULT 'PENDING' NOT NULL,
	`noted_at` text NOT NULL,
	`checked_at` text,
	`attempts` integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
CREATE INDEX `reference_checks_state_idx` ON `reference_checks` (`state`,`record_table`);--> statement-breakpoint
CREATE INDEX `reference_checks_record_idx` ON `reference_checks` (`record_table`,`record_id`);