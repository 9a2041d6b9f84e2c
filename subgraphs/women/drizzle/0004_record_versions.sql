DROP INDEX `women_model_replicas_unit_date_idx`;--> statement-breakpoint
ALTER TABLE `women_model_replicas` ADD `record_id` text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE `women_model_replicas` ADD `version` integer DEFAULT 1 NOT NULL;--> statement-breakpoint
ALTER TABLE `women_model_replicas` ADD `status` text DEFAULT 'ACTIVE' NOT NULL;--> statement-breakpoint
ALTER TABLE `women_model_replicas` ADD `created_at` text;--> statement-breakpoint
ALTER TABLE `women_model_replicas` ADD `superseded_at` text;--> statement-breakpoint
ALTER TABLE `women_model_replicas` ADD `reason` text;--> statement-breakpoint
ALTER TABLE `women_model_replicas` ADD `changed_fields` text;--> statement-breakpoint
ALTER TABLE `women_model_replicas` ADD `erased_fields` text;--> statement-breakpoint
ALTER TABLE `women_model_replicas` ADD `client_key` text;--> statement-breakpoint
ALTER TABLE `women_model_replicas` ADD `content_hash` text;--> statement-breakpoint
-- Records kept before versions existed keep the ids they were known by, as version 1.
UPDATE `women_model_replicas` SET `record_id` = CAST(`id` AS TEXT), `created_at` = `recorded_at` WHERE `record_id` = '';--> statement-breakpoint
CREATE UNIQUE INDEX `women_model_replicas_record_version_idx` ON `women_model_replicas` (`record_id`,`version`);--> statement-breakpoint
CREATE INDEX `women_model_replicas_current_unit_date_idx` ON `women_model_replicas` (`unit_id`,`started_on`) WHERE superseded_at IS NULL;--> statement-breakpoint
CREATE UNIQUE INDEX `women_model_replicas_client_key_idx` ON `women_model_replicas` (`client_key`) WHERE client_key IS NOT NULL AND version = 1;--> statement-breakpoint
-- original_model_id held the same constant in every row (MODEL-CHIENG-SON-CAM-HOA, set by the code, never typed):
-- a replica's original is the Chiềng Sơn model by definition of the kind (CHIENG_SON_MODEL in src/kinds).
ALTER TABLE `women_model_replicas` DROP COLUMN `original_model_id`;--> statement-breakpoint
-- Protection cases: the victim's identity moves from women_protection_victims into the case's own
-- columns (one record, versioned, erasable field by field), and the table is rebuilt because `support`
-- may now be null. Every case is copied under the id it was known by, as version 1, with its victim.
-- The victims' table is dropped before the old cases' table: its foreign key cascades on delete, and
-- PRAGMA foreign_keys=OFF does nothing inside the migration's transaction.
CREATE TABLE `__new_women_protection_cases` (
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
	`opened_on` text NOT NULL,
	`unit_id` text NOT NULL,
	`kind` text NOT NULL,
	`victim_is_child` integer NOT NULL,
	`victim_full_name` text,
	`victim_year_of_birth` integer,
	`victim_contact` text,
	`support` text,
	`tip_receipt_id` text,
	`closed_on` text,
	`note` text,
	`branch_id` text NOT NULL
);
--> statement-breakpoint
INSERT INTO `__new_women_protection_cases`("id", "record_id", "version", "status", "created_at", "recorded_at", "recorded_by", "demo", "opened_on", "unit_id", "kind", "victim_is_child", "victim_full_name", "victim_year_of_birth", "victim_contact", "support", "tip_receipt_id", "closed_on", "note", "branch_id") SELECT c."id", CAST(c."id" AS TEXT), 1, 'ACTIVE', c."recorded_at", c."recorded_at", c."recorded_by", c."demo", c."opened_on", c."unit_id", c."kind", c."victim_is_child", v."full_name", v."year_of_birth", v."contact", c."support", c."tip_receipt_id", c."closed_on", c."note", c."branch_id" FROM `women_protection_cases` c LEFT JOIN `women_protection_victims` v ON v."case_id" = c."id";--> statement-breakpoint
DROP TABLE `women_protection_victims`;--> statement-breakpoint
DROP TABLE `women_protection_cases`;--> statement-breakpoint
ALTER TABLE `__new_women_protection_cases` RENAME TO `women_protection_cases`;--> statement-breakpoint
CREATE UNIQUE INDEX `women_protection_cases_record_version_idx` ON `women_protection_cases` (`record_id`,`version`);--> statement-breakpoint
CREATE INDEX `women_protection_cases_current_unit_date_idx` ON `women_protection_cases` (`unit_id`,`opened_on`) WHERE superseded_at IS NULL;--> statement-breakpoint
CREATE UNIQUE INDEX `women_protection_cases_client_key_idx` ON `women_protection_cases` (`client_key`) WHERE client_key IS NOT NULL AND version = 1;--> statement-breakpoint
DROP INDEX `women_social_issue_actions_unit_date_idx`;--> statement-breakpoint
ALTER TABLE `women_social_issue_actions` ADD `record_id` text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE `women_social_issue_actions` ADD `version` integer DEFAULT 1 NOT NULL;--> statement-breakpoint
ALTER TABLE `women_social_issue_actions` ADD `status` text DEFAULT 'ACTIVE' NOT NULL;--> statement-breakpoint
ALTER TABLE `women_social_issue_actions` ADD `created_at` text;--> statement-breakpoint
ALTER TABLE `women_social_issue_actions` ADD `superseded_at` text;--> statement-breakpoint
ALTER TABLE `women_social_issue_actions` ADD `reason` text;--> statement-breakpoint
ALTER TABLE `women_social_issue_actions` ADD `changed_fields` text;--> statement-breakpoint
ALTER TABLE `women_social_issue_actions` ADD `erased_fields` text;--> statement-breakpoint
ALTER TABLE `women_social_issue_actions` ADD `client_key` text;--> statement-breakpoint
ALTER TABLE `women_social_issue_actions` ADD `content_hash` text;--> statement-breakpoint
-- Records kept before versions existed keep the ids they were known by, as version 1.
UPDATE `women_social_issue_actions` SET `record_id` = CAST(`id` AS TEXT), `created_at` = `recorded_at` WHERE `record_id` = '';--> statement-breakpoint
CREATE UNIQUE INDEX `women_social_issue_actions_record_version_idx` ON `women_social_issue_actions` (`record_id`,`version`);--> statement-breakpoint
CREATE INDEX `women_social_issue_actions_current_unit_date_idx` ON `women_social_issue_actions` (`unit_id`,`date`) WHERE superseded_at IS NULL;--> statement-breakpoint
CREATE UNIQUE INDEX `women_social_issue_actions_client_key_idx` ON `women_social_issue_actions` (`client_key`) WHERE client_key IS NOT NULL AND version = 1;