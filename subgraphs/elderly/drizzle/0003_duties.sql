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
CREATE TABLE `elderly_family_pledges` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`signed_on` text NOT NULL,
	`unit_id` text NOT NULL,
	`branch_id` text NOT NULL,
	`families_signed` integer NOT NULL,
	`families_total` integer NOT NULL,
	`note` text,
	`demo` integer DEFAULT false NOT NULL,
	`recorded_by` text NOT NULL,
	`recorded_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL
);
--> statement-breakpoint
CREATE INDEX `elderly_family_pledges_unit_date_idx` ON `elderly_family_pledges` (`unit_id`,`signed_on`);--> statement-breakpoint
CREATE TABLE `mediation_cases` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`team_id` integer NOT NULL,
	`unit_id` text NOT NULL,
	`received_on` text NOT NULL,
	`category` text NOT NULL,
	`parties` integer NOT NULL,
	`summary` text,
	`result` text DEFAULT 'PENDING' NOT NULL,
	`result_on` text,
	`transferred_to` text,
	`hotspot_id` text,
	`demo` integer DEFAULT false NOT NULL,
	`recorded_by` text NOT NULL,
	`recorded_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	FOREIGN KEY (`team_id`) REFERENCES `mediation_teams`(`id`) ON UPDATE no action ON DELETE restrict
);
--> statement-breakpoint
CREATE INDEX `mediation_cases_unit_date_idx` ON `mediation_cases` (`unit_id`,`received_on`);--> statement-breakpoint
CREATE INDEX `mediation_cases_team_idx` ON `mediation_cases` (`team_id`);--> statement-breakpoint
CREATE TABLE `mediation_teams` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`area_id` text NOT NULL,
	`name` text NOT NULL,
	`formed_on` text NOT NULL,
	`mediators` integer NOT NULL,
	`women_mediators` integer NOT NULL,
	`our_members` integer NOT NULL,
	`partner_organizations` text NOT NULL,
	`leader_name` text,
	`dissolved_on` text,
	`demo` integer DEFAULT false NOT NULL,
	`recorded_by` text NOT NULL,
	`recorded_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL
);
--> statement-breakpoint
CREATE INDEX `mediation_teams_area_idx` ON `mediation_teams` (`area_id`,`formed_on`);--> statement-breakpoint
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
CREATE TABLE `tip_handovers` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`date` text NOT NULL,
	`unit_id` text NOT NULL,
	`branch_id` text NOT NULL,
	`source` text NOT NULL,
	`receipt_id` text NOT NULL,
	`demo` integer DEFAULT false NOT NULL,
	`recorded_by` text NOT NULL,
	`recorded_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL
);
--> statement-breakpoint
CREATE INDEX `tip_handovers_unit_date_idx` ON `tip_handovers` (`unit_id`,`date`);--> statement-breakpoint
CREATE UNIQUE INDEX `tip_handovers_receipt_idx` ON `tip_handovers` (`receipt_id`);