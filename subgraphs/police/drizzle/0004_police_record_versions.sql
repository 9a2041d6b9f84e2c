-- The police's own records become kinds of the record framework: one row per version, each record
-- kept before under the id it was known by (CAST(id AS TEXT); a reintegration case under its case id,
-- e.g. DEMO-TH-0001) as version 1, recorded when it was (or on its own date where no time was kept).
-- Columns whose names the framework takes for itself move: a tip's, a hotspot's and a key area's
-- status to tip_status, hotspot_status, area_status, a key area's reason to listing_reason. Every table
-- is recreated by hand (the framework's recorded_at default cannot be added by ALTER TABLE), children
-- before the parents they cascade from: foreign keys are on inside the migration's transaction.
-- Tip history kept before versions loses its foreign key first, so that crime_tips can be recreated.
CREATE TABLE `__new_tip_status_history` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`tip_id` integer NOT NULL,
	`status` text NOT NULL,
	`at` text NOT NULL,
	`note` text,
	`by` text NOT NULL
);--> statement-breakpoint
INSERT INTO `__new_tip_status_history`("id", "tip_id", "status", "at", "note", "by") SELECT "id", "tip_id", "status", "at", "note", "by" FROM `tip_status_history`;--> statement-breakpoint
DROP TABLE `tip_status_history`;--> statement-breakpoint
ALTER TABLE `__new_tip_status_history` RENAME TO `tip_status_history`;--> statement-breakpoint
CREATE INDEX `tip_status_history_tip_idx` ON `tip_status_history` (`tip_id`);--> statement-breakpoint
CREATE TABLE `__new_crime_tips` (
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
	`channel` text NOT NULL,
	`received_at` text NOT NULL,
	`received_on` text NOT NULL,
	`unit_id` text NOT NULL,
	`summary` text NOT NULL,
	`category` text NOT NULL,
	`reporter_sealed` text,
	`confidentiality_requested` integer NOT NULL,
	`remote_area` integer NOT NULL,
	`handed_over_by` text,
	`receipt_id` text,
	`tip_status` text NOT NULL,
	`forwarded_at` text,
	`forwarded_to` text,
	`decision_due_on` text,
	`extensions` integer,
	`decision` text,
	`decided_on` text,
	`reporter_notified_on` text
);--> statement-breakpoint
INSERT INTO `__new_crime_tips`(`id`, `record_id`, `version`, `status`, `created_at`, `recorded_at`, `recorded_by`, `demo`, `channel`, `received_at`, `received_on`, `unit_id`, `summary`, `category`, `reporter_sealed`, `confidentiality_requested`, `remote_area`, `handed_over_by`, `receipt_id`, `tip_status`, `forwarded_at`, `forwarded_to`, `decision_due_on`, `extensions`, `decision`, `decided_on`, `reporter_notified_on`) SELECT `id`, CAST(`id` AS TEXT), 1, 'ACTIVE', `recorded_at`, `recorded_at`, `recorded_by`, `demo`, `channel`, `received_at`, date(`received_at`, '+7 hours'), `unit_id`, `summary`, `category`, `reporter_sealed`, `confidentiality_requested`, `remote_area`, `handed_over_by`, `receipt_id`, `status`, `forwarded_at`, `forwarded_to`, `decision_due_on`, `extensions`, `decision`, `decided_on`, `reporter_notified_on` FROM `crime_tips` ORDER BY `id`;--> statement-breakpoint
DROP TABLE `crime_tips`;--> statement-breakpoint
ALTER TABLE `__new_crime_tips` RENAME TO `crime_tips`;--> statement-breakpoint
CREATE UNIQUE INDEX `crime_tips_record_version_idx` ON `crime_tips` (`record_id`,`version`);--> statement-breakpoint
CREATE INDEX `crime_tips_current_unit_date_idx` ON `crime_tips` (`unit_id`,`received_on`) WHERE superseded_at IS NULL;--> statement-breakpoint
CREATE UNIQUE INDEX `crime_tips_client_key_idx` ON `crime_tips` (`client_key`) WHERE client_key IS NOT NULL AND version = 1;--> statement-breakpoint
CREATE TABLE `__new_hotspots` (
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
	`kind` text NOT NULL,
	`unit_id` text NOT NULL,
	`summary` text NOT NULL,
	`parties_count` integer NOT NULL,
	`risk_level` text NOT NULL,
	`since` text NOT NULL,
	`actions` text,
	`hotspot_status` text NOT NULL,
	`closed_on` text,
	`mediating_organization` text,
	`mediation_case_id` text,
	`reported_by` text NOT NULL
);--> statement-breakpoint
INSERT INTO `__new_hotspots`(`id`, `record_id`, `version`, `status`, `created_at`, `recorded_at`, `recorded_by`, `demo`, `kind`, `unit_id`, `summary`, `parties_count`, `risk_level`, `since`, `actions`, `hotspot_status`, `closed_on`, `mediating_organization`, `mediation_case_id`, `reported_by`) SELECT `id`, CAST(`id` AS TEXT), 1, 'ACTIVE', `recorded_at`, `recorded_at`, `recorded_by`, `demo`, `kind`, `unit_id`, `summary`, `parties_count`, `risk_level`, `since`, `actions`, `status`, `closed_on`, `mediating_organization`, `mediation_case_id`, `reported_by` FROM `hotspots` ORDER BY `id`;--> statement-breakpoint
DROP TABLE `hotspots`;--> statement-breakpoint
ALTER TABLE `__new_hotspots` RENAME TO `hotspots`;--> statement-breakpoint
CREATE UNIQUE INDEX `hotspots_record_version_idx` ON `hotspots` (`record_id`,`version`);--> statement-breakpoint
CREATE INDEX `hotspots_current_unit_date_idx` ON `hotspots` (`unit_id`,`since`) WHERE superseded_at IS NULL;--> statement-breakpoint
CREATE UNIQUE INDEX `hotspots_client_key_idx` ON `hotspots` (`client_key`) WHERE client_key IS NOT NULL AND version = 1;--> statement-breakpoint
CREATE TABLE `__new_key_areas` (
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
	`unit_id` text NOT NULL,
	`listing_reason` text NOT NULL,
	`listed_on` text NOT NULL,
	`transformation_plan` text,
	`area_status` text NOT NULL,
	`cleared_on` text
);--> statement-breakpoint
INSERT INTO `__new_key_areas`(`id`, `record_id`, `version`, `status`, `created_at`, `recorded_at`, `recorded_by`, `demo`, `unit_id`, `listing_reason`, `listed_on`, `transformation_plan`, `area_status`, `cleared_on`) SELECT `id`, CAST(`id` AS TEXT), 1, 'ACTIVE', `listed_on` || 'T00:00:00.000Z', `listed_on` || 'T00:00:00.000Z', `recorded_by`, `demo`, `unit_id`, `reason`, `listed_on`, `transformation_plan`, `status`, `cleared_on` FROM `key_areas` ORDER BY `id`;--> statement-breakpoint
DROP TABLE `key_areas`;--> statement-breakpoint
ALTER TABLE `__new_key_areas` RENAME TO `key_areas`;--> statement-breakpoint
CREATE UNIQUE INDEX `key_areas_record_version_idx` ON `key_areas` (`record_id`,`version`);--> statement-breakpoint
CREATE INDEX `key_areas_current_unit_date_idx` ON `key_areas` (`unit_id`,`listed_on`) WHERE superseded_at IS NULL;--> statement-breakpoint
CREATE UNIQUE INDEX `key_areas_client_key_idx` ON `key_areas` (`client_key`) WHERE client_key IS NOT NULL AND version = 1;--> statement-breakpoint
CREATE TABLE `__new_reintegration_cases` (
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
	`commune_id` text NOT NULL,
	`returned_on` text NOT NULL,
	`kind` text NOT NULL,
	`person_sealed` text
);--> statement-breakpoint
INSERT INTO `__new_reintegration_cases`(`record_id`, `version`, `status`, `created_at`, `recorded_at`, `recorded_by`, `demo`, `commune_id`, `returned_on`, `kind`, `person_sealed`) SELECT `id`, 1, 'ACTIVE', `returned_on` || 'T00:00:00.000Z', `returned_on` || 'T00:00:00.000Z', `recorded_by`, `demo`, `commune_id`, `returned_on`, `kind`, `person_sealed` FROM `reintegration_cases` ORDER BY `id`;--> statement-breakpoint
DROP TABLE `reintegration_cases`;--> statement-breakpoint
ALTER TABLE `__new_reintegration_cases` RENAME TO `reintegration_cases`;--> statement-breakpoint
CREATE UNIQUE INDEX `reintegration_cases_record_version_idx` ON `reintegration_cases` (`record_id`,`version`);--> statement-breakpoint
CREATE INDEX `reintegration_cases_current_unit_date_idx` ON `reintegration_cases` (`commune_id`,`returned_on`) WHERE superseded_at IS NULL;--> statement-breakpoint
CREATE UNIQUE INDEX `reintegration_cases_client_key_idx` ON `reintegration_cases` (`client_key`) WHERE client_key IS NOT NULL AND version = 1;--> statement-breakpoint
CREATE TABLE `__new_bulletins` (
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
	`title` text NOT NULL,
	`body` text NOT NULL,
	`topic` text NOT NULL,
	`issued_on` text NOT NULL,
	`unit_id` text NOT NULL,
	`audience` text NOT NULL
);--> statement-breakpoint
INSERT INTO `__new_bulletins`(`id`, `record_id`, `version`, `status`, `created_at`, `recorded_at`, `recorded_by`, `demo`, `title`, `body`, `topic`, `issued_on`, `unit_id`, `audience`) SELECT `id`, CAST(`id` AS TEXT), 1, 'ACTIVE', `issued_on` || 'T00:00:00.000Z', `issued_on` || 'T00:00:00.000Z', `recorded_by`, `demo`, `title`, `body`, `topic`, `issued_on`, 'province:14', `audience` FROM `bulletins` ORDER BY `id`;--> statement-breakpoint
DROP TABLE `bulletins`;--> statement-breakpoint
ALTER TABLE `__new_bulletins` RENAME TO `bulletins`;--> statement-breakpoint
CREATE UNIQUE INDEX `bulletins_record_version_idx` ON `bulletins` (`record_id`,`version`);--> statement-breakpoint
CREATE INDEX `bulletins_current_unit_date_idx` ON `bulletins` (`unit_id`,`issued_on`) WHERE superseded_at IS NULL;--> statement-breakpoint
CREATE UNIQUE INDEX `bulletins_client_key_idx` ON `bulletins` (`client_key`) WHERE client_key IS NOT NULL AND version = 1;--> statement-breakpoint
CREATE TABLE `__new_core_forces` (
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
	`kind` text NOT NULL,
	`name` text NOT NULL,
	`unit_id` text NOT NULL,
	`member_count` integer NOT NULL,
	`since` text NOT NULL
);--> statement-breakpoint
INSERT INTO `__new_core_forces`(`id`, `record_id`, `version`, `status`, `created_at`, `recorded_at`, `recorded_by`, `demo`, `kind`, `name`, `unit_id`, `member_count`, `since`) SELECT `id`, CAST(`id` AS TEXT), 1, 'ACTIVE', `since` || 'T00:00:00.000Z', `since` || 'T00:00:00.000Z', `recorded_by`, `demo`, `kind`, `name`, `unit_id`, `member_count`, `since` FROM `core_forces` ORDER BY `id`;--> statement-breakpoint
DROP TABLE `core_forces`;--> statement-breakpoint
ALTER TABLE `__new_core_forces` RENAME TO `core_forces`;--> statement-breakpoint
CREATE UNIQUE INDEX `core_forces_record_version_idx` ON `core_forces` (`record_id`,`version`);--> statement-breakpoint
CREATE INDEX `core_forces_current_unit_date_idx` ON `core_forces` (`unit_id`,`since`) WHERE superseded_at IS NULL;--> statement-breakpoint
CREATE UNIQUE INDEX `core_forces_client_key_idx` ON `core_forces` (`client_key`) WHERE client_key IS NOT NULL AND version = 1;--> statement-breakpoint
CREATE TABLE `__new_police_trainings` (
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
	`date` text NOT NULL,
	`topic` text NOT NULL,
	`unit_id` text NOT NULL,
	`participants` text NOT NULL
);--> statement-breakpoint
INSERT INTO `__new_police_trainings`(`id`, `record_id`, `version`, `status`, `created_at`, `recorded_at`, `recorded_by`, `demo`, `date`, `topic`, `unit_id`, `participants`) SELECT `id`, CAST(`id` AS TEXT), 1, 'ACTIVE', `date` || 'T00:00:00.000Z', `date` || 'T00:00:00.000Z', `recorded_by`, `demo`, `date`, `topic`, `unit_id`, coalesce((SELECT json_group_array(json_object('organizationId', p.`organization`, 'count', p.`count`)) FROM (SELECT * FROM `training_participants` WHERE `training_id` = `police_trainings`.`id` ORDER BY rowid) p), '[]') FROM `police_trainings` ORDER BY `id`;--> statement-breakpoint
-- Participants are folded into their training (participants, JSON).
DROP TABLE `training_participants`;--> statement-breakpoint
DROP TABLE `police_trainings`;--> statement-breakpoint
ALTER TABLE `__new_police_trainings` RENAME TO `police_trainings`;--> statement-breakpoint
CREATE UNIQUE INDEX `police_trainings_record_version_idx` ON `police_trainings` (`record_id`,`version`);--> statement-breakpoint
CREATE INDEX `police_trainings_current_unit_date_idx` ON `police_trainings` (`unit_id`,`date`) WHERE superseded_at IS NULL;--> statement-breakpoint
CREATE UNIQUE INDEX `police_trainings_client_key_idx` ON `police_trainings` (`client_key`) WHERE client_key IS NOT NULL AND version = 1;
