PRAGMA foreign_keys=OFF;--> statement-breakpoint
CREATE TABLE `__new_labour_boarding_house_checks` (
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
	`house_id` text NOT NULL,
	`unit_id` text NOT NULL,
	`checked_on` text NOT NULL,
	`safety` text NOT NULL,
	`note` text
);
--> statement-breakpoint
-- Each check keeps its id as version 1 of itself; it points at its house by the house's record id (the
-- house's old id, as text), is kept under its house's unit, and its safety moves out of `status`, which
-- now says whether the record stands.
INSERT INTO `__new_labour_boarding_house_checks`("id", "record_id", "version", "status", "created_at", "recorded_at", "recorded_by", "demo", "house_id", "unit_id", "checked_on", "safety", "note") SELECT c."id", CAST(c."id" AS TEXT), 1, 'ACTIVE', c."recorded_at", c."recorded_at", c."recorded_by", c."demo", CAST(c."house_id" AS TEXT), h."unit_id", c."checked_on", c."status", c."note" FROM `labour_boarding_house_checks` c LEFT JOIN `labour_boarding_houses` h ON h."id" = c."house_id";--> statement-breakpoint
DROP TABLE `labour_boarding_house_checks`;--> statement-breakpoint
ALTER TABLE `__new_labour_boarding_house_checks` RENAME TO `labour_boarding_house_checks`;--> statement-breakpoint
PRAGMA foreign_keys=ON;--> statement-breakpoint
CREATE UNIQUE INDEX `labour_boarding_house_checks_record_version_idx` ON `labour_boarding_house_checks` (`record_id`,`version`);--> statement-breakpoint
CREATE INDEX `labour_boarding_house_checks_current_unit_date_idx` ON `labour_boarding_house_checks` (`unit_id`,`checked_on`) WHERE superseded_at IS NULL;--> statement-breakpoint
CREATE UNIQUE INDEX `labour_boarding_house_checks_client_key_idx` ON `labour_boarding_house_checks` (`client_key`) WHERE client_key IS NOT NULL AND version = 1;--> statement-breakpoint
DROP INDEX `labour_boarding_houses_unit_date_idx`;--> statement-breakpoint
ALTER TABLE `labour_boarding_houses` ADD `record_id` text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE `labour_boarding_houses` ADD `version` integer DEFAULT 1 NOT NULL;--> statement-breakpoint
ALTER TABLE `labour_boarding_houses` ADD `status` text DEFAULT 'ACTIVE' NOT NULL;--> statement-breakpoint
ALTER TABLE `labour_boarding_houses` ADD `created_at` text;--> statement-breakpoint
ALTER TABLE `labour_boarding_houses` ADD `superseded_at` text;--> statement-breakpoint
ALTER TABLE `labour_boarding_houses` ADD `reason` text;--> statement-breakpoint
ALTER TABLE `labour_boarding_houses` ADD `changed_fields` text;--> statement-breakpoint
ALTER TABLE `labour_boarding_houses` ADD `erased_fields` text;--> statement-breakpoint
ALTER TABLE `labour_boarding_houses` ADD `client_key` text;--> statement-breakpoint
ALTER TABLE `labour_boarding_houses` ADD `content_hash` text;--> statement-breakpoint
-- Records kept before versions existed keep the ids they were known by, as version 1.
UPDATE `labour_boarding_houses` SET `record_id` = CAST(`id` AS TEXT), `created_at` = `recorded_at` WHERE `record_id` = '';--> statement-breakpoint
CREATE UNIQUE INDEX `labour_boarding_houses_record_version_idx` ON `labour_boarding_houses` (`record_id`,`version`);--> statement-breakpoint
CREATE INDEX `labour_boarding_houses_current_unit_date_idx` ON `labour_boarding_houses` (`unit_id`,`registered_on`) WHERE superseded_at IS NULL;--> statement-breakpoint
CREATE UNIQUE INDEX `labour_boarding_houses_client_key_idx` ON `labour_boarding_houses` (`client_key`) WHERE client_key IS NOT NULL AND version = 1;--> statement-breakpoint
DROP INDEX `labour_core_teams_unit_date_idx`;--> statement-breakpoint
ALTER TABLE `labour_core_teams` ADD `record_id` text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE `labour_core_teams` ADD `version` integer DEFAULT 1 NOT NULL;--> statement-breakpoint
ALTER TABLE `labour_core_teams` ADD `status` text DEFAULT 'ACTIVE' NOT NULL;--> statement-breakpoint
ALTER TABLE `labour_core_teams` ADD `created_at` text;--> statement-breakpoint
ALTER TABLE `labour_core_teams` ADD `superseded_at` text;--> statement-breakpoint
ALTER TABLE `labour_core_teams` ADD `reason` text;--> statement-breakpoint
ALTER TABLE `labour_core_teams` ADD `changed_fields` text;--> statement-breakpoint
ALTER TABLE `labour_core_teams` ADD `erased_fields` text;--> statement-breakpoint
ALTER TABLE `labour_core_teams` ADD `client_key` text;--> statement-breakpoint
ALTER TABLE `labour_core_teams` ADD `content_hash` text;--> statement-breakpoint
-- Records kept before versions existed keep the ids they were known by, as version 1.
UPDATE `labour_core_teams` SET `record_id` = CAST(`id` AS TEXT), `created_at` = `recorded_at` WHERE `record_id` = '';--> statement-breakpoint
CREATE UNIQUE INDEX `labour_core_teams_record_version_idx` ON `labour_core_teams` (`record_id`,`version`);--> statement-breakpoint
CREATE INDEX `labour_core_teams_current_unit_date_idx` ON `labour_core_teams` (`unit_id`,`founded_on`) WHERE superseded_at IS NULL;--> statement-breakpoint
CREATE UNIQUE INDEX `labour_core_teams_client_key_idx` ON `labour_core_teams` (`client_key`) WHERE client_key IS NOT NULL AND version = 1;--> statement-breakpoint
DROP INDEX `labour_disputes_unit_date_idx`;--> statement-breakpoint
ALTER TABLE `labour_disputes` ADD `record_id` text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE `labour_disputes` ADD `version` integer DEFAULT 1 NOT NULL;--> statement-breakpoint
ALTER TABLE `labour_disputes` ADD `status` text DEFAULT 'ACTIVE' NOT NULL;--> statement-breakpoint
ALTER TABLE `labour_disputes` ADD `created_at` text;--> statement-breakpoint
ALTER TABLE `labour_disputes` ADD `superseded_at` text;--> statement-breakpoint
ALTER TABLE `labour_disputes` ADD `reason` text;--> statement-breakpoint
ALTER TABLE `labour_disputes` ADD `changed_fields` text;--> statement-breakpoint
ALTER TABLE `labour_disputes` ADD `erased_fields` text;--> statement-breakpoint
ALTER TABLE `labour_disputes` ADD `client_key` text;--> statement-breakpoint
ALTER TABLE `labour_disputes` ADD `content_hash` text;--> statement-breakpoint
-- Records kept before versions existed keep the ids they were known by, as version 1.
UPDATE `labour_disputes` SET `record_id` = CAST(`id` AS TEXT), `created_at` = `recorded_at` WHERE `record_id` = '';--> statement-breakpoint
CREATE UNIQUE INDEX `labour_disputes_record_version_idx` ON `labour_disputes` (`record_id`,`version`);--> statement-breakpoint
CREATE INDEX `labour_disputes_current_unit_date_idx` ON `labour_disputes` (`unit_id`,`started_on`) WHERE superseded_at IS NULL;--> statement-breakpoint
CREATE UNIQUE INDEX `labour_disputes_client_key_idx` ON `labour_disputes` (`client_key`) WHERE client_key IS NOT NULL AND version = 1;--> statement-breakpoint
DROP INDEX `labour_participations_unit_date_idx`;--> statement-breakpoint
DROP INDEX `labour_participations_establishment_year_idx`;--> statement-breakpoint
ALTER TABLE `labour_participations` ADD `record_id` text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE `labour_participations` ADD `version` integer DEFAULT 1 NOT NULL;--> statement-breakpoint
ALTER TABLE `labour_participations` ADD `status` text DEFAULT 'ACTIVE' NOT NULL;--> statement-breakpoint
ALTER TABLE `labour_participations` ADD `created_at` text;--> statement-breakpoint
ALTER TABLE `labour_participations` ADD `superseded_at` text;--> statement-breakpoint
ALTER TABLE `labour_participations` ADD `reason` text;--> statement-breakpoint
ALTER TABLE `labour_participations` ADD `changed_fields` text;--> statement-breakpoint
ALTER TABLE `labour_participations` ADD `erased_fields` text;--> statement-breakpoint
ALTER TABLE `labour_participations` ADD `client_key` text;--> statement-breakpoint
ALTER TABLE `labour_participations` ADD `content_hash` text;--> statement-breakpoint
ALTER TABLE `labour_participations` ADD `conflict_key` text;--> statement-breakpoint
-- One participation per establishment and year, as participationKey (src/kinds) says it.
-- Records kept before versions existed keep the ids they were known by, as version 1.
UPDATE `labour_participations` SET `record_id` = CAST(`id` AS TEXT), `created_at` = `recorded_at`, `conflict_key` = `establishment_id` || '|' || `year` WHERE `record_id` = '';--> statement-breakpoint
CREATE UNIQUE INDEX `labour_participations_record_version_idx` ON `labour_participations` (`record_id`,`version`);--> statement-breakpoint
CREATE INDEX `labour_participations_current_unit_date_idx` ON `labour_participations` (`unit_id`,`registered_on`) WHERE superseded_at IS NULL;--> statement-breakpoint
CREATE UNIQUE INDEX `labour_participations_client_key_idx` ON `labour_participations` (`client_key`) WHERE client_key IS NOT NULL AND version = 1;--> statement-breakpoint
CREATE INDEX `labour_participations_conflict_idx` ON `labour_participations` (`conflict_key`) WHERE superseded_at IS NULL AND status = 'ACTIVE';