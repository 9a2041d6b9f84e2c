PRAGMA foreign_keys=OFF;--> statement-breakpoint
CREATE TABLE `__new_criterion_results` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`record_id` text DEFAULT '' NOT NULL,
	`version` integer DEFAULT 1 NOT NULL,
	`status` text DEFAULT 'ACTIVE' NOT NULL,
	`created_at` text,
	`recorded_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	`recorded_by` text NOT NULL,
	`superseded_at` text,
	`reason` text,
	`changed_fields` text,
	`erased_fields` text,
	`client_key` text,
	`content_hash` text,
	`demo` integer DEFAULT false NOT NULL,
	`assessment_id` text NOT NULL,
	`code` text NOT NULL,
	`met` integer NOT NULL,
	`note` text,
	`unit_id` text NOT NULL,
	`window_ends_on` text NOT NULL,
	`conflict_key` text
);
--> statement-breakpoint
-- Each result becomes version 1 of a record of its own, under its assessment's id and its code; its unit and window are its assessment's.
INSERT INTO `__new_criterion_results`("record_id", "version", "status", "created_at", "recorded_at", "recorded_by", "demo", "assessment_id", "code", "met", "note", "unit_id", "window_ends_on", "conflict_key") SELECT CAST(r."assessment_id" AS TEXT) || ':' || r."code", 1, 'ACTIVE', a."recorded_at", a."recorded_at", a."recorded_by", a."demo", CAST(r."assessment_id" AS TEXT), r."code", r."met", r."note", a."unit_id", CASE a."subject_kind" WHEN 'RESIDENTIAL_AREA' THEN a."year" || '-10-31' ELSE a."year" || '-11-15' END, CAST(r."assessment_id" AS TEXT) || '|' || r."code" FROM `criterion_results` r JOIN `standard_assessments` a ON a."id" = r."assessment_id" ORDER BY r."assessment_id", r."code";--> statement-breakpoint
DROP TABLE `criterion_results`;--> statement-breakpoint
ALTER TABLE `__new_criterion_results` RENAME TO `criterion_results`;--> statement-breakpoint
PRAGMA foreign_keys=ON;--> statement-breakpoint
CREATE UNIQUE INDEX `criterion_results_record_version_idx` ON `criterion_results` (`record_id`,`version`);--> statement-breakpoint
CREATE INDEX `criterion_results_current_unit_date_idx` ON `criterion_results` (`unit_id`,`window_ends_on`) WHERE superseded_at IS NULL;--> statement-breakpoint
CREATE UNIQUE INDEX `criterion_results_client_key_idx` ON `criterion_results` (`client_key`) WHERE client_key IS NOT NULL AND version = 1;--> statement-breakpoint
CREATE INDEX `criterion_results_conflict_idx` ON `criterion_results` (`conflict_key`) WHERE superseded_at IS NULL AND status = 'ACTIVE';--> statement-breakpoint
CREATE TABLE `__new_standard_assessments` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`record_id` text DEFAULT '' NOT NULL,
	`version` integer DEFAULT 1 NOT NULL,
	`status` text DEFAULT 'ACTIVE' NOT NULL,
	`created_at` text,
	`recorded_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	`recorded_by` text NOT NULL,
	`superseded_at` text,
	`reason` text,
	`changed_fields` text,
	`erased_fields` text,
	`client_key` text,
	`content_hash` text,
	`demo` integer DEFAULT false NOT NULL,
	`year` integer NOT NULL,
	`unit_id` text,
	`establishment_id` text,
	`subject_kind` text NOT NULL,
	`window_ends_on` text NOT NULL,
	`criteria_set_id` text NOT NULL,
	`registered_on` text,
	`households_total` integer,
	`households_registered` integer,
	`self_assessed_on` text,
	`chaired_by` text,
	`decision_number` text,
	`decided_on` text,
	`authority` text,
	`conflict_key` text
);
--> statement-breakpoint
-- Each assessment becomes version 1 of itself under the id it was known by, held to one per subject and year (conflict_key).
INSERT INTO `__new_standard_assessments`("id", "record_id", "version", "status", "created_at", "recorded_at", "recorded_by", "demo", "year", "unit_id", "establishment_id", "subject_kind", "window_ends_on", "criteria_set_id", "registered_on", "households_total", "households_registered", "self_assessed_on", "chaired_by", "decision_number", "decided_on", "authority", "conflict_key") SELECT "id", CAST("id" AS TEXT), 1, 'ACTIVE', "recorded_at", "recorded_at", "recorded_by", "demo", "year", "unit_id", "establishment_id", "subject_kind", CASE "subject_kind" WHEN 'RESIDENTIAL_AREA' THEN "year" || '-10-31' ELSE "year" || '-11-15' END, "criteria_set_id", "registered_on", "households_total", "households_registered", "self_assessed_on", "chaired_by", "decision_number", "decided_on", "authority", "year" || '|' || "subject_kind" || '|' || coalesce("establishment_id", "unit_id") FROM `standard_assessments` ORDER BY "id";--> statement-breakpoint
DROP TABLE `standard_assessments`;--> statement-breakpoint
ALTER TABLE `__new_standard_assessments` RENAME TO `standard_assessments`;--> statement-breakpoint
CREATE UNIQUE INDEX `standard_assessments_record_version_idx` ON `standard_assessments` (`record_id`,`version`);--> statement-breakpoint
CREATE INDEX `standard_assessments_current_unit_date_idx` ON `standard_assessments` (`unit_id`,`window_ends_on`) WHERE superseded_at IS NULL;--> statement-breakpoint
CREATE UNIQUE INDEX `standard_assessments_client_key_idx` ON `standard_assessments` (`client_key`) WHERE client_key IS NOT NULL AND version = 1;--> statement-breakpoint
CREATE INDEX `standard_assessments_conflict_idx` ON `standard_assessments` (`conflict_key`) WHERE superseded_at IS NULL AND status = 'ACTIVE';--> statement-breakpoint
CREATE TABLE `__new_establishments` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`record_id` text DEFAULT '' NOT NULL,
	`version` integer DEFAULT 1 NOT NULL,
	`status` text DEFAULT 'ACTIVE' NOT NULL,
	`created_at` text,
	`recorded_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	`recorded_by` text NOT NULL,
	`superseded_at` text,
	`reason` text,
	`changed_fields` text,
	`erased_fields` text,
	`client_key` text,
	`content_hash` text,
	`demo` integer DEFAULT false NOT NULL,
	`name` text NOT NULL,
	`kind` text NOT NULL,
	`sub_kind` text NOT NULL,
	`unit_id` text NOT NULL,
	`managed_by` text NOT NULL,
	`registered_on` text NOT NULL
);
--> statement-breakpoint
-- Each establishment becomes version 1 of itself under its register id (CS-0001, DEMO-CS-0001), registered on the day it was recorded.
INSERT INTO `__new_establishments`("record_id", "version", "status", "created_at", "recorded_at", "recorded_by", "demo", "name", "kind", "sub_kind", "unit_id", "managed_by", "registered_on") SELECT "id", 1, 'ACTIVE', "recorded_at", "recorded_at", "recorded_by", "id" GLOB 'DEMO-*', "name", "kind", "sub_kind", "unit_id", "managed_by", substr("recorded_at", 1, 10) FROM `establishments` ORDER BY "id";--> statement-breakpoint
DROP TABLE `establishments`;--> statement-breakpoint
ALTER TABLE `__new_establishments` RENAME TO `establishments`;--> statement-breakpoint
CREATE UNIQUE INDEX `establishments_record_version_idx` ON `establishments` (`record_id`,`version`);--> statement-breakpoint
CREATE INDEX `establishments_current_unit_date_idx` ON `establishments` (`unit_id`,`registered_on`) WHERE superseded_at IS NULL;--> statement-breakpoint
CREATE UNIQUE INDEX `establishments_client_key_idx` ON `establishments` (`client_key`) WHERE client_key IS NOT NULL AND version = 1;