CREATE TABLE `bulletins` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`title` text NOT NULL,
	`body` text NOT NULL,
	`topic` text NOT NULL,
	`issued_on` text NOT NULL,
	`audience` text NOT NULL,
	`demo` integer DEFAULT false NOT NULL,
	`recorded_by` text NOT NULL
);
--> statement-breakpoint
CREATE TABLE `core_forces` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`kind` text NOT NULL,
	`name` text NOT NULL,
	`unit_id` text NOT NULL,
	`member_count` integer NOT NULL,
	`since` text NOT NULL,
	`demo` integer DEFAULT false NOT NULL,
	`recorded_by` text NOT NULL
);
--> statement-breakpoint
CREATE TABLE `crime_tips` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`channel` text NOT NULL,
	`received_at` text NOT NULL,
	`unit_id` text NOT NULL,
	`summary` text NOT NULL,
	`category` text NOT NULL,
	`reporter_sealed` text,
	`confidentiality_requested` integer NOT NULL,
	`remote_area` integer NOT NULL,
	`handed_over_by` text,
	`receipt_id` text,
	`status` text NOT NULL,
	`forwarded_at` text,
	`forwarded_to` text,
	`decision_due_on` text NOT NULL,
	`extensions` integer DEFAULT 0 NOT NULL,
	`decision` text,
	`decided_on` text,
	`reporter_notified_on` text,
	`demo` integer DEFAULT false NOT NULL,
	`recorded_by` text NOT NULL,
	`recorded_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `crime_tips_receipt_id_unique` ON `crime_tips` (`receipt_id`);--> statement-breakpoint
CREATE INDEX `crime_tips_unit_received_idx` ON `crime_tips` (`unit_id`,`received_at`);--> statement-breakpoint
CREATE TABLE `criterion_results` (
	`assessment_id` integer NOT NULL,
	`code` text NOT NULL,
	`met` integer NOT NULL,
	`note` text,
	PRIMARY KEY(`assessment_id`, `code`),
	FOREIGN KEY (`assessment_id`) REFERENCES `standard_assessments`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE TABLE `establishments` (
	`id` text PRIMARY KEY NOT NULL,
	`name` text NOT NULL,
	`kind` text NOT NULL,
	`sub_kind` text NOT NULL,
	`unit_id` text NOT NULL,
	`managed_by` text NOT NULL,
	`recorded_by` text NOT NULL,
	`recorded_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL
);
--> statement-breakpoint
CREATE INDEX `establishments_unit_idx` ON `establishments` (`unit_id`);--> statement-breakpoint
CREATE TABLE `hotspots` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`kind` text NOT NULL,
	`unit_id` text NOT NULL,
	`summary` text NOT NULL,
	`parties_count` integer NOT NULL,
	`risk_level` text NOT NULL,
	`since` text NOT NULL,
	`actions` text,
	`status` text NOT NULL,
	`closed_on` text,
	`mediating_organization` text,
	`mediation_case_id` text,
	`reported_by` text NOT NULL,
	`demo` integer DEFAULT false NOT NULL,
	`recorded_by` text NOT NULL,
	`recorded_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL
);
--> statement-breakpoint
CREATE INDEX `hotspots_unit_idx` ON `hotspots` (`unit_id`);--> statement-breakpoint
CREATE TABLE `identity_reads` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`record_kind` text NOT NULL,
	`record_id` text NOT NULL,
	`user_id` text NOT NULL,
	`organization` text NOT NULL,
	`reason` text NOT NULL,
	`at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL
);
--> statement-breakpoint
CREATE TABLE `key_areas` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`unit_id` text NOT NULL,
	`reason` text NOT NULL,
	`listed_on` text NOT NULL,
	`transformation_plan` text,
	`status` text NOT NULL,
	`cleared_on` text,
	`demo` integer DEFAULT false NOT NULL,
	`recorded_by` text NOT NULL
);
--> statement-breakpoint
CREATE TABLE `model_units` (
	`unit_id` text NOT NULL,
	`kind` text NOT NULL,
	`since` text NOT NULL,
	`source` text NOT NULL,
	PRIMARY KEY(`unit_id`, `kind`)
);
--> statement-breakpoint
CREATE TABLE `police_trainings` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`date` text NOT NULL,
	`topic` text NOT NULL,
	`unit_id` text NOT NULL,
	`demo` integer DEFAULT false NOT NULL,
	`recorded_by` text NOT NULL
);
--> statement-breakpoint
CREATE TABLE `provincial_criteria` (
	`code` text PRIMARY KEY NOT NULL,
	`subject_kind` text NOT NULL,
	`text_vi` text NOT NULL,
	`text_en` text NOT NULL,
	`from_year` integer NOT NULL,
	`recorded_by` text NOT NULL,
	`recorded_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL
);
--> statement-breakpoint
CREATE TABLE `reintegration_cases` (
	`id` text PRIMARY KEY NOT NULL,
	`commune_id` text NOT NULL,
	`returned_on` text NOT NULL,
	`kind` text NOT NULL,
	`person_sealed` text NOT NULL,
	`demo` integer DEFAULT false NOT NULL,
	`recorded_by` text NOT NULL
);
--> statement-breakpoint
CREATE TABLE `standard_assessments` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`year` integer NOT NULL,
	`subject_kind` text NOT NULL,
	`unit_id` text NOT NULL,
	`establishment_id` text,
	`criteria_set_id` text NOT NULL,
	`registered_on` text,
	`households_total` integer,
	`households_registered` integer,
	`self_assessed_on` text,
	`chaired_by` text,
	`decision_number` text,
	`decided_on` text,
	`authority` text,
	`demo` integer DEFAULT false NOT NULL,
	`recorded_by` text NOT NULL,
	`recorded_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	FOREIGN KEY (`establishment_id`) REFERENCES `establishments`(`id`) ON UPDATE no action ON DELETE restrict
);
--> statement-breakpoint
CREATE UNIQUE INDEX `standard_assessments_subject_year` ON `standard_assessments` (`year`,`subject_kind`,`unit_id`,`establishment_id`);--> statement-breakpoint
CREATE INDEX `standard_assessments_year_idx` ON `standard_assessments` (`year`,`subject_kind`);--> statement-breakpoint
CREATE TABLE `tip_status_history` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`tip_id` integer NOT NULL,
	`status` text NOT NULL,
	`at` text NOT NULL,
	`note` text,
	`by` text NOT NULL,
	FOREIGN KEY (`tip_id`) REFERENCES `crime_tips`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `tip_status_history_tip_idx` ON `tip_status_history` (`tip_id`);--> statement-breakpoint
CREATE TABLE `training_participants` (
	`training_id` integer NOT NULL,
	`organization` text NOT NULL,
	`count` integer NOT NULL,
	PRIMARY KEY(`training_id`, `organization`),
	FOREIGN KEY (`training_id`) REFERENCES `police_trainings`(`id`) ON UPDATE no action ON DELETE cascade
);
