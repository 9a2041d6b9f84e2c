PRAGMA foreign_keys=OFF;--> statement-breakpoint
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
PRAGMA foreign_keys=ON;--> statement-breakpoint
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
CREATE INDEX `reintegration_supports_conflict_idx` ON `reintegration_supports` (`conflict_key`) WHERE superseded_at IS NULL AND status = 'ACTIVE';