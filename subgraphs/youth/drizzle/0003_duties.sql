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
CREATE TABLE `youth_forums` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`date` text NOT NULL,
	`unit_id` text NOT NULL,
	`branch_id` text NOT NULL,
	`topic` text NOT NULL,
	`attendance` integer NOT NULL,
	`proposals` integer NOT NULL,
	`note` text,
	`demo` integer DEFAULT false NOT NULL,
	`recorded_by` text NOT NULL,
	`recorded_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL
);
--> statement-breakpoint
CREATE INDEX `youth_forums_unit_date_idx` ON `youth_forums` (`unit_id`,`date`);--> statement-breakpoint
CREATE TABLE `youth_legal_sessions` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`date` text NOT NULL,
	`unit_id` text NOT NULL,
	`branch_id` text NOT NULL,
	`topic` text NOT NULL,
	`setting` text NOT NULL,
	`youth_reached` integer NOT NULL,
	`drug_prevention` integer NOT NULL,
	`note` text,
	`demo` integer DEFAULT false NOT NULL,
	`recorded_by` text NOT NULL,
	`recorded_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL
);
--> statement-breakpoint
CREATE INDEX `youth_legal_sessions_unit_date_idx` ON `youth_legal_sessions` (`unit_id`,`date`);--> statement-breakpoint
CREATE TABLE `youth_teams` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`founded_on` text NOT NULL,
	`unit_id` text NOT NULL,
	`branch_id` text NOT NULL,
	`kind` text NOT NULL,
	`name` text NOT NULL,
	`members` integer NOT NULL,
	`dissolved_on` text,
	`demo` integer DEFAULT false NOT NULL,
	`recorded_by` text NOT NULL,
	`recorded_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL
);
--> statement-breakpoint
CREATE INDEX `youth_teams_unit_date_idx` ON `youth_teams` (`unit_id`,`founded_on`);