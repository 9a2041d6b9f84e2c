DROP INDEX `veterans_condemnation_forums_unit_date_idx`;--> statement-breakpoint
ALTER TABLE `veterans_condemnation_forums` ADD `record_id` text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE `veterans_condemnation_forums` ADD `version` integer DEFAULT 1 NOT NULL;--> statement-breakpoint
ALTER TABLE `veterans_condemnation_forums` ADD `status` text DEFAULT 'ACTIVE' NOT NULL;--> statement-breakpoint
ALTER TABLE `veterans_condemnation_forums` ADD `created_at` text;--> statement-breakpoint
ALTER TABLE `veterans_condemnation_forums` ADD `superseded_at` text;--> statement-breakpoint
ALTER TABLE `veterans_condemnation_forums` ADD `reason` text;--> statement-breakpoint
ALTER TABLE `veterans_condemnation_forums` ADD `changed_fields` text;--> statement-breakpoint
ALTER TABLE `veterans_condemnation_forums` ADD `erased_fields` text;--> statement-breakpoint
ALTER TABLE `veterans_condemnation_forums` ADD `client_key` text;--> statement-breakpoint
ALTER TABLE `veterans_condemnation_forums` ADD `content_hash` text;--> statement-breakpoint
-- Records kept before versions existed keep the ids they were known by, as version 1.
UPDATE `veterans_condemnation_forums` SET `record_id` = CAST(`id` AS TEXT), `created_at` = `recorded_at` WHERE `record_id` = '';--> statement-breakpoint
CREATE UNIQUE INDEX `veterans_condemnation_forums_record_version_idx` ON `veterans_condemnation_forums` (`record_id`,`version`);--> statement-breakpoint
CREATE INDEX `veterans_condemnation_forums_current_unit_date_idx` ON `veterans_condemnation_forums` (`unit_id`,`date`) WHERE superseded_at IS NULL;--> statement-breakpoint
CREATE UNIQUE INDEX `veterans_condemnation_forums_client_key_idx` ON `veterans_condemnation_forums` (`client_key`) WHERE client_key IS NOT NULL AND version = 1;--> statement-breakpoint
DROP INDEX `veterans_patrols_unit_date_idx`;--> statement-breakpoint
ALTER TABLE `veterans_patrols` ADD `record_id` text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE `veterans_patrols` ADD `version` integer DEFAULT 1 NOT NULL;--> statement-breakpoint
ALTER TABLE `veterans_patrols` ADD `status` text DEFAULT 'ACTIVE' NOT NULL;--> statement-breakpoint
ALTER TABLE `veterans_patrols` ADD `created_at` text;--> statement-breakpoint
ALTER TABLE `veterans_patrols` ADD `superseded_at` text;--> statement-breakpoint
ALTER TABLE `veterans_patrols` ADD `reason` text;--> statement-breakpoint
ALTER TABLE `veterans_patrols` ADD `changed_fields` text;--> statement-breakpoint
ALTER TABLE `veterans_patrols` ADD `erased_fields` text;--> statement-breakpoint
ALTER TABLE `veterans_patrols` ADD `client_key` text;--> statement-breakpoint
ALTER TABLE `veterans_patrols` ADD `content_hash` text;--> statement-breakpoint
-- Records kept before versions existed keep the ids they were known by, as version 1.
UPDATE `veterans_patrols` SET `record_id` = CAST(`id` AS TEXT), `created_at` = `recorded_at` WHERE `record_id` = '';--> statement-breakpoint
CREATE UNIQUE INDEX `veterans_patrols_record_version_idx` ON `veterans_patrols` (`record_id`,`version`);--> statement-breakpoint
CREATE INDEX `veterans_patrols_current_unit_date_idx` ON `veterans_patrols` (`unit_id`,`date`) WHERE superseded_at IS NULL;--> statement-breakpoint
CREATE UNIQUE INDEX `veterans_patrols_client_key_idx` ON `veterans_patrols` (`client_key`) WHERE client_key IS NOT NULL AND version = 1;