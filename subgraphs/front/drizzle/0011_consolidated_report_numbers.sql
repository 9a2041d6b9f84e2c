CREATE TABLE `consolidated_report_numbers` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`unit_id` text NOT NULL,
	`period_id` text NOT NULL,
	`version` integer NOT NULL,
	`fingerprint` text NOT NULL,
	`year` integer NOT NULL,
	`number` integer NOT NULL,
	`allocated_at` text NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `consolidated_report_numbers_version` ON `consolidated_report_numbers` (`unit_id`,`period_id`,`version`);--> statement-breakpoint
CREATE UNIQUE INDEX `consolidated_report_numbers_fingerprint` ON `consolidated_report_numbers` (`unit_id`,`period_id`,`fingerprint`);--> statement-breakpoint
CREATE UNIQUE INDEX `consolidated_report_numbers_number` ON `consolidated_report_numbers` (`year`,`number`);