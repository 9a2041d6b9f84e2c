PRAGMA foreign_keys=OFF;--> statement-breakpoint
CREATE TABLE `__new_mediation_cases` (
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
	`team_id` text NOT NULL,
	`unit_id` text NOT NULL,
	`received_on` text NOT NULL,
	`category` text NOT NULL,
	`parties` integer NOT NULL,
	`summary` text,
	`result` text,
	`result_on` text,
	`transferred_to` text,
	`hotspot_id` text
);
--> statement-breakpoint
INSERT INTO `__new_mediation_cases`("id", "record_id", "version", "status", "created_at", "recorded_at", "recorded_by", "demo", "team_id", "unit_id", "received_on", "category", "parties", "summary", "result", "result_on", "transferred_to", "hotspot_id") SELECT "id", CAST("id" AS TEXT), 1, 'ACTIVE', "recorded_at", "recorded_at", "recorded_by", "demo", CAST("team_id" AS TEXT), "unit_id", "received_on", "category", "parties", "summary", "result", "result_on", "transferred_to", "hotspot_id" FROM `mediation_cases`;--> statement-breakpoint
DROP TABLE `mediation_cases`;--> statement-breakpoint
ALTER TABLE `__new_mediation_cases` RENAME TO `mediation_cases`;--> statement-breakpoint
PRAGMA foreign_keys=ON;--> statement-breakpoint
CREATE UNIQUE INDEX `mediation_cases_record_version_idx` ON `mediation_cases` (`record_id`,`version`);--> statement-breakpoint
CREATE INDEX `mediation_cases_current_unit_date_idx` ON `mediation_cases` (`unit_id`,`received_on`) WHERE superseded_at IS NULL;--> statement-breakpoint
CREATE UNIQUE INDEX `mediation_cases_client_key_idx` ON `mediation_cases` (`client_key`) WHERE client_key IS NOT NULL AND version = 1;--> statement-breakpoint
CREATE TABLE `__new_reintegration_visits` (
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
	`support_id` text NOT NULL,
	`commune_id` text NOT NULL,
	`visited_on` text NOT NULL,
	`help` text NOT NULL,
	`note` text
);
--> statement-breakpoint
INSERT INTO `__new_reintegration_visits`("id", "record_id", "version", "status", "created_at", "recorded_at", "recorded_by", "demo", "support_id", "commune_id", "visited_on", "help", "note") SELECT v."id", CAST(v."id" AS TEXT), 1, 'ACTIVE', v."recorded_at", v."recorded_at", v."recorded_by", v."demo", CAST(v."support_id" AS TEXT), s."commune_id", v."visited_on", v."help", v."note" FROM `reintegration_visits` v JOIN `reintegration_supports` s ON s."id" = v."support_id";--> statement-breakpoint
DROP TABLE `reintegration_visits`;--> statement-breakpoint
ALTER TABLE `__new_reintegration_visits` RENAME TO `reintegration_visits`;--> statement-breakpoint
CREATE UNIQUE INDEX `reintegration_visits_record_version_idx` ON `reintegration_visits` (`record_id`,`version`);--> statement-breakpoint
CREATE INDEX `reintegration_visits_current_unit_date_idx` ON `reintegration_visits` (`commune_id`,`visited_on`) WHERE superseded_at IS NULL;--> statement-breakpoint
CREATE UNIQUE INDEX `reintegration_visits_client_key_idx` ON `reintegration_visits` (`client_key`) WHERE client_key IS NOT NULL AND version = 1;--> statement-breakpoint
DROP INDEX `at_risk_supports_unit_date_idx`;--> statement-breakpoint
ALTER TABLE `at_risk_supports` ADD `record_id` text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE `at_risk_supports` ADD `version` integer DEFAULT 1 NOT NULL;--> statement-breakpoint
ALTER TABLE `at_risk_supports` ADD `status` text DEFAULT 'ACTIVE' NOT NULL;--> statement-breakpoint
ALTER TABLE `at_risk_supports` ADD `created_at` text;--> statement-breakpoint
ALTER TABLE `at_risk_supports` ADD `superseded_at` text;--> statement-breakpoint
ALTER TABLE `at_risk_supports` ADD `reason` text;--> statement-breakpoint
ALTER TABLE `at_risk_supports` ADD `changed_fields` text;--> statement-breakpoint
ALTER TABLE `at_risk_supports` ADD `erased_fields` text;--> statement-breakpoint
ALTER TABLE `at_risk_supports` ADD `client_key` text;--> statement-breakpoint
ALTER TABLE `at_risk_supports` ADD `content_hash` text;--> statement-breakpoint
-- Records kept before versions existed keep the ids they were known by, as version 1.
UPDATE `at_risk_supports` SET `record_id` = CAST(`id` AS TEXT), `created_at` = `recorded_at` WHERE `record_id` = '';--> statement-breakpoint
CREATE UNIQUE INDEX `at_risk_supports_record_version_idx` ON `at_risk_supports` (`record_id`,`version`);--> statement-breakpoint
CREATE INDEX `at_risk_supports_current_unit_date_idx` ON `at_risk_supports` (`unit_id`,`date`) WHERE superseded_at IS NULL;--> statement-breakpoint
CREATE UNIQUE INDEX `at_risk_supports_client_key_idx` ON `at_risk_supports` (`client_key`) WHERE client_key IS NOT NULL AND version = 1;--> statement-breakpoint
DROP INDEX `mediation_teams_area_idx`;--> statement-breakpoint
ALTER TABLE `mediation_teams` ADD `record_id` text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE `mediation_teams` ADD `version` integer DEFAULT 1 NOT NULL;--> statement-breakpoint
ALTER TABLE `mediation_teams` ADD `status` text DEFAULT 'ACTIVE' NOT NULL;--> statement-breakpoint
ALTER TABLE `mediation_teams` ADD `created_at` text;--> statement-breakpoint
ALTER TABLE `mediation_teams` ADD `superseded_at` text;--> statement-breakpoint
ALTER TABLE `mediation_teams` ADD `reason` text;--> statement-breakpoint
ALTER TABLE `mediation_teams` ADD `changed_fields` text;--> statement-breakpoint
ALTER TABLE `mediation_teams` ADD `erased_fields` text;--> statement-breakpoint
ALTER TABLE `mediation_teams` ADD `client_key` text;--> statement-breakpoint
ALTER TABLE `mediation_teams` ADD `content_hash` text;--> statement-breakpoint
-- Records kept before versions existed keep the ids they were known by, as version 1.
UPDATE `mediation_teams` SET `record_id` = CAST(`id` AS TEXT), `created_at` = `recorded_at` WHERE `record_id` = '';--> statement-breakpoint
CREATE UNIQUE INDEX `mediation_teams_record_version_idx` ON `mediation_teams` (`record_id`,`version`);--> statement-breakpoint
CREATE INDEX `mediation_teams_current_unit_date_idx` ON `mediation_teams` (`area_id`,`formed_on`) WHERE superseded_at IS NULL;--> statement-breakpoint
CREATE UNIQUE INDEX `mediation_teams_client_key_idx` ON `mediation_teams` (`client_key`) WHERE client_key IS NOT NULL AND version = 1;--> statement-breakpoint
DROP INDEX `reintegration_supports_commune_date_idx`;--> statement-breakpoint
DROP INDEX `reintegration_supports_case_idx`;--> statement-breakpoint
ALTER TABLE `reintegration_supports` ADD `record_id` text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE `reintegration_supports` ADD `version` integer DEFAULT 1 NOT NULL;--> statement-breakpoint
ALTER TABLE `reintegration_supports` ADD `status` text DEFAULT 'ACTIVE' NOT NULL;--> statement-breakpoint
ALTER TABLE `reintegration_supports` ADD `created_at` text;--> statement-breakpoint
ALTER TABLE `reintegration_supports` ADD `superseded_at` text;--> statement-breakpoint
ALTER TABLE `reintegration_supports` ADD `reason` text;--> statement-breakpoint
ALTER TABLE `reintegration_supports` ADD `changed_fields` text;--> statement-breakpoint
ALTER TABLE `reintegration_supports` ADD `erased_fields` text;--> statement-breakpoint
ALTER TABLE `reintegration_supports` ADD `client_key` text;--> statement-breakpoint
ALTER TABLE `reintegration_supports` ADD `content_hash` text;--> statement-breakpoint
ALTER TABLE `reintegration_supports` ADD `conflict_key` text;--> statement-breakpoint
-- Records kept before versions existed keep the ids they were known by, as version 1.
UPDATE `reintegration_supports` SET `record_id` = CAST(`id` AS TEXT), `created_at` = `recorded_at`, `conflict_key` = CASE WHEN `outcome` IS NULL THEN 'open:' || `case_id` END WHERE `record_id` = '';--> statement-breakpoint
CREATE UNIQUE INDEX `reintegration_supports_record_version_idx` ON `reintegration_supports` (`record_id`,`version`);--> statement-breakpoint
CREATE INDEX `reintegration_supports_current_unit_date_idx` ON `reintegration_supports` (`commune_id`,`assigned_on`) WHERE superseded_at IS NULL;--> statement-breakpoint
CREATE UNIQUE INDEX `reintegration_supports_client_key_idx` ON `reintegration_supports` (`client_key`) WHERE client_key IS NOT NULL AND version = 1;--> statement-breakpoint
CREATE INDEX `reintegration_supports_conflict_idx` ON `reintegration_supports` (`conflict_key`) WHERE superseded_at IS NULL AND status = 'ACTIVE';--> statement-breakpoint
DROP INDEX `tip_handovers_unit_date_idx`;--> statement-breakpoint
DROP INDEX `tip_handovers_receipt_idx`;--> statement-breakpoint
ALTER TABLE `tip_handovers` ADD `record_id` text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE `tip_handovers` ADD `version` integer DEFAULT 1 NOT NULL;--> statement-breakpoint
ALTER TABLE `tip_handovers` ADD `status` text DEFAULT 'ACTIVE' NOT NULL;--> statement-breakpoint
ALTER TABLE `tip_handovers` ADD `created_at` text;--> statement-breakpoint
ALTER TABLE `tip_handovers` ADD `superseded_at` text;--> statement-breakpoint
ALTER TABLE `tip_handovers` ADD `reason` text;--> statement-breakpoint
ALTER TABLE `tip_handovers` ADD `changed_fields` text;--> statement-breakpoint
ALTER TABLE `tip_handovers` ADD `erased_fields` text;--> statement-breakpoint
ALTER TABLE `tip_handovers` ADD `client_key` text;--> statement-breakpoint
ALTER TABLE `tip_handovers` ADD `content_hash` text;--> statement-breakpoint
ALTER TABLE `tip_handovers` ADD `conflict_key` text;--> statement-breakpoint
-- Records kept before versions existed keep the ids they were known by, as version 1.
UPDATE `tip_handovers` SET `record_id` = CAST(`id` AS TEXT), `created_at` = `recorded_at`, `conflict_key` = `receipt_id` WHERE `record_id` = '';--> statement-breakpoint
CREATE UNIQUE INDEX `tip_handovers_record_version_idx` ON `tip_handovers` (`record_id`,`version`);--> statement-breakpoint
CREATE INDEX `tip_handovers_current_unit_date_idx` ON `tip_handovers` (`unit_id`,`date`) WHERE superseded_at IS NULL;--> statement-breakpoint
CREATE UNIQUE INDEX `tip_handovers_client_key_idx` ON `tip_handovers` (`client_key`) WHERE client_key IS NOT NULL AND version = 1;--> statement-breakpoint
CREATE INDEX `tip_handovers_conflict_idx` ON `tip_handovers` (`conflict_key`) WHERE superseded_at IS NULL AND status = 'ACTIVE';