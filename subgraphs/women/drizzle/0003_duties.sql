CREATE TABLE `at_risk_supports` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`date` text NOT NULL,
	`unit_id` text NOT NULL,
	`branch_id` text NOT NULL,
	`supported_group` text NOT NULL,
	`help` text NOT NULL,
	`people_helped` integer NOT NULL,
	`given_by` text NOT NULL,
	`note` text,
	`demo` integer DEFAULT false NOT NULL,
	`recorded_by` text NOT NULL,
	`recorded_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL
);
--> statement-breakpoint
CREATE INDEX `at_risk_supports_unit_date_idx` ON `at_risk_supports` (`unit_id`,`date`);--> statement-breakpoint
CREATE TABLE `reintegration_supports` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`case_id` text NOT NULL,
	`commune_id` text NOT NULL,
	`branch_id` text NOT NULL,
	`assigned_on` text NOT NULL,
	`supporter_kind` text NOT NULL,
	`mentor_name` text,
	`group_name` text,
	`outcome` text,
	`outcome_on` text,
	`note` text,
	`demo` integer DEFAULT false NOT NULL,
	`recorded_by` text NOT NULL,
	`recorded_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL
);
--> statement-breakpoint
CREATE INDEX `reintegration_supports_commune_date_idx` ON `reintegration_supports` (`commune_id`,`assigned_on`);--> statement-breakpoint
CREATE INDEX `reintegration_supports_case_idx` ON `reintegration_supports` (`case_id`);--> statement-breakpoint
CREATE TABLE `reintegration_visits` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`support_id` integer NOT NULL,
	`visited_on` text NOT NULL,
	`help` text NOT NULL,
	`note` text,
	`demo` integer DEFAULT false NOT NULL,
	`recorded_by` text NOT NULL,
	`recorded_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	FOREIGN KEY (`support_id`) REFERENCES `reintegration_supports`(`id`) ON UPDATE no action ON DELETE restrict
);
--> statement-breakpoint
CREATE INDEX `reintegration_visits_support_idx` ON `reintegration_visits` (`support_id`,`visited_on`);--> statement-breakpoint
CREATE TABLE `women_model_replicas` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`started_on` text NOT NULL,
	`unit_id` text NOT NULL,
	`branch_id` text NOT NULL,
	`name` text NOT NULL,
	`original_model_id` text NOT NULL,
	`people_supported` integer NOT NULL,
	`discontinued_on` text,
	`note` text,
	`demo` integer DEFAULT false NOT NULL,
	`recorded_by` text NOT NULL,
	`recorded_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL
);
--> statement-breakpoint
CREATE INDEX `women_model_replicas_unit_date_idx` ON `women_model_replicas` (`unit_id`,`started_on`);--> statement-breakpoint
CREATE TABLE `women_protection_cases` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`opened_on` text NOT NULL,
	`unit_id` text NOT NULL,
	`branch_id` text NOT NULL,
	`kind` text NOT NULL,
	`victim_is_child` integer NOT NULL,
	`support` text NOT NULL,
	`tip_receipt_id` text,
	`closed_on` text,
	`note` text,
	`demo` integer DEFAULT false NOT NULL,
	`recorded_by` text NOT NULL,
	`recorded_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL
);
--> statement-breakpoint
CREATE INDEX `women_protection_cases_unit_date_idx` ON `women_protection_cases` (`unit_id`,`opened_on`);--> statement-breakpoint
CREATE TABLE `women_protection_victims` (
	`case_id` integer PRIMARY KEY NOT NULL,
	`full_name` text NOT NULL,
	`year_of_birth` integer,
	`contact` text,
	FOREIGN KEY (`case_id`) REFERENCES `women_protection_cases`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE TABLE `women_social_issue_actions` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`date` text NOT NULL,
	`unit_id` text NOT NULL,
	`branch_id` text NOT NULL,
	`issue` text NOT NULL,
	`form` text NOT NULL,
	`participants` integer NOT NULL,
	`note` text,
	`demo` integer DEFAULT false NOT NULL,
	`recorded_by` text NOT NULL,
	`recorded_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL
);
--> statement-breakpoint
CREATE INDEX `women_social_issue_actions_unit_date_idx` ON `women_social_issue_actions` (`unit_id`,`date`);