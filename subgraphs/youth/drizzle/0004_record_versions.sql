DROP INDEX `youth_forums_unit_date_idx`;--> statement-breakpoint
ALTER TABLE `youth_forums` ADD `record_id` text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE `youth_forums` ADD `version` integer DEFAULT 1 NOT NULL;--> statement-breakpoint
ALTER TABLE `youth_forums` ADD `status` text DEFAULT 'ACTIVE' NOT NULL;--> statement-breakpoint
ALTER TABLE `youth_forums` ADD `created_at` text;--> statement-breakpoint
ALTER TABLE `youth_forums` ADD `superseded_at` text;--> statement-breakpoint
ALTER TABLE `youth_forums` ADD `reason` text;--> statement-breakpoint
ALTER TABLE `youth_forums` ADD `changed_fields` text;--> statement-breakpoint
ALTER TABLE `youth_forums` ADD `erased_fields` text;--> statement-breakpoint
ALTER TABLE `youth_forums` ADD `client_key` text;--> statement-breakpoint
ALTER TABLE `youth_forums` ADD `content_hash` text;--> statement-breakpoint
-- Records kept before versions existed keep the ids they were known by, as version 1.
UPDATE `youth_forums` SET `record_id` = CAST(`id` AS TEXT), `created_at` = `recorded_at` WHERE `record_id` = '';--> statement-breakpoint
CREATE UNIQUE INDEX `youth_forums_record_version_idx` ON `youth_forums` (`record_id`,`version`);--> statement-breakpoint
CREATE INDEX `youth_forums_current_unit_date_idx` ON `youth_forums` (`unit_id`,`date`) WHERE superseded_at IS NULL;--> statement-breakpoint
CREATE UNIQUE INDEX `youth_forums_client_key_idx` ON `youth_forums` (`client_key`) WHERE client_key IS NOT NULL AND version = 1;--> statement-breakpoint
DROP INDEX `youth_legal_sessions_unit_date_idx`;--> statement-breakpoint
ALTER TABLE `youth_legal_sessions` ADD `record_id` text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE `youth_legal_sessions` ADD `version` integer DEFAULT 1 NOT NULL;--> statement-breakpoint
ALTER TABLE `youth_legal_sessions` ADD `status` text DEFAULT 'ACTIVE' NOT NULL;--> statement-breakpoint
ALTER TABLE `youth_legal_sessions` ADD `created_at` text;--> statement-breakpoint
ALTER TABLE `youth_legal_sessions` ADD `superseded_at` text;--> statement-breakpoint
ALTER TABLE `youth_legal_sessions` ADD `reason` text;--> statement-breakpoint
ALTER TABLE `youth_legal_sessions` ADD `changed_fields` text;--> statement-breakpoint
ALTER TABLE `youth_legal_sessions` ADD `erased_fields` text;--> statement-breakpoint
ALTER TABLE `youth_legal_sessions` ADD `client_key` text;--> statement-breakpoint
ALTER TABLE `youth_legal_sessions` ADD `content_hash` text;--> statement-breakpoint
-- Records kept before versions existed keep the ids they were known by, as version 1.
UPDATE `youth_legal_sessions` SET `record_id` = CAST(`id` AS TEXT), `created_at` = `recorded_at` WHERE `record_id` = '';--> statement-breakpoint
CREATE UNIQUE INDEX `youth_legal_sessions_record_version_idx` ON `youth_legal_sessions` (`record_id`,`version`);--> statement-breakpoint
CREATE INDEX `youth_legal_sessions_current_unit_date_idx` ON `youth_legal_sessions` (`unit_id`,`date`) WHERE superseded_at IS NULL;--> statement-breakpoint
CREATE UNIQUE INDEX `youth_legal_sessions_client_key_idx` ON `youth_legal_sessions` (`client_key`) WHERE client_key IS NOT NULL AND version = 1;--> statement-breakpoint
DROP INDEX `youth_teams_unit_date_idx`;--> statement-breakpoint
ALTER TABLE `youth_teams` ADD `record_id` text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE `youth_teams` ADD `version` integer DEFAULT 1 NOT NULL;--> statement-breakpoint
ALTER TABLE `youth_teams` ADD `status` text DEFAULT 'ACTIVE' NOT NULL;--> statement-breakpoint
ALTER TABLE `youth_teams` ADD `created_at` text;--> statement-breakpoint
ALTER TABLE `youth_teams` ADD `superseded_at` text;--> statement-breakpoint
ALTER TABLE `youth_teams` ADD `reason` text;--> statement-breakpoint
ALTER TABLE `youth_teams` ADD `changed_fields` text;--> statement-breakpoint
ALTER TABLE `youth_teams` ADD `erased_fields` text;--> statement-breakpoint
ALTER TABLE `youth_teams` ADD `client_key` text;--> statement-breakpoint
ALTER TABLE `youth_teams` ADD `content_hash` text;--> statement-breakpoint
-- Records kept before versions existed keep the ids they were known by, as version 1.
UPDATE `youth_teams` SET `record_id` = CAST(`id` AS TEXT), `created_at` = `recorded_at` WHERE `record_id` = '';--> statement-breakpoint
CREATE UNIQUE INDEX `youth_teams_record_version_idx` ON `youth_teams` (`record_id`,`version`);--> statement-breakpoint
CREATE INDEX `youth_teams_current_unit_date_idx` ON `youth_teams` (`unit_id`,`founded_on`) WHERE superseded_at IS NULL;--> statement-breakpoint
CREATE UNIQUE INDEX `youth_teams_client_key_idx` ON `youth_teams` (`client_key`) WHERE client_key IS NOT NULL AND version = 1;