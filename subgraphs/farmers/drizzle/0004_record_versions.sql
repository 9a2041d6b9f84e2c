DROP INDEX `farmers_campaigns_unit_date_idx`;--> statement-breakpoint
ALTER TABLE `farmers_campaigns` ADD `record_id` text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE `farmers_campaigns` ADD `version` integer DEFAULT 1 NOT NULL;--> statement-breakpoint
ALTER TABLE `farmers_campaigns` ADD `status` text DEFAULT 'ACTIVE' NOT NULL;--> statement-breakpoint
ALTER TABLE `farmers_campaigns` ADD `created_at` text;--> statement-breakpoint
ALTER TABLE `farmers_campaigns` ADD `superseded_at` text;--> statement-breakpoint
ALTER TABLE `farmers_campaigns` ADD `reason` text;--> statement-breakpoint
ALTER TABLE `farmers_campaigns` ADD `changed_fields` text;--> statement-breakpoint
ALTER TABLE `farmers_campaigns` ADD `erased_fields` text;--> statement-breakpoint
ALTER TABLE `farmers_campaigns` ADD `client_key` text;--> statement-breakpoint
ALTER TABLE `farmers_campaigns` ADD `content_hash` text;--> statement-breakpoint
-- Records kept before versions existed keep the ids they were known by, as version 1.
UPDATE `farmers_campaigns` SET `record_id` = CAST(`id` AS TEXT), `created_at` = `recorded_at` WHERE `record_id` = '';--> statement-breakpoint
CREATE UNIQUE INDEX `farmers_campaigns_record_version_idx` ON `farmers_campaigns` (`record_id`,`version`);--> statement-breakpoint
CREATE INDEX `farmers_campaigns_current_unit_date_idx` ON `farmers_campaigns` (`unit_id`,`started_on`) WHERE superseded_at IS NULL;--> statement-breakpoint
CREATE UNIQUE INDEX `farmers_campaigns_client_key_idx` ON `farmers_campaigns` (`client_key`) WHERE client_key IS NOT NULL AND version = 1;--> statement-breakpoint
DROP INDEX `farmers_plan447_results_unit_date_idx`;--> statement-breakpoint
ALTER TABLE `farmers_plan447_results` ADD `record_id` text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE `farmers_plan447_results` ADD `version` integer DEFAULT 1 NOT NULL;--> statement-breakpoint
ALTER TABLE `farmers_plan447_results` ADD `status` text DEFAULT 'ACTIVE' NOT NULL;--> statement-breakpoint
ALTER TABLE `farmers_plan447_results` ADD `created_at` text;--> statement-breakpoint
ALTER TABLE `farmers_plan447_results` ADD `superseded_at` text;--> statement-breakpoint
ALTER TABLE `farmers_plan447_results` ADD `reason` text;--> statement-breakpoint
ALTER TABLE `farmers_plan447_results` ADD `changed_fields` text;--> statement-breakpoint
ALTER TABLE `farmers_plan447_results` ADD `erased_fields` text;--> statement-breakpoint
ALTER TABLE `farmers_plan447_results` ADD `client_key` text;--> statement-breakpoint
ALTER TABLE `farmers_plan447_results` ADD `content_hash` text;--> statement-breakpoint
-- Records kept before versions existed keep the ids they were known by, as version 1.
UPDATE `farmers_plan447_results` SET `record_id` = CAST(`id` AS TEXT), `created_at` = `recorded_at` WHERE `record_id` = '';--> statement-breakpoint
CREATE UNIQUE INDEX `farmers_plan447_results_record_version_idx` ON `farmers_plan447_results` (`record_id`,`version`);--> statement-breakpoint
CREATE INDEX `farmers_plan447_results_current_unit_date_idx` ON `farmers_plan447_results` (`unit_id`,`reported_on`) WHERE superseded_at IS NULL;--> statement-breakpoint
CREATE UNIQUE INDEX `farmers_plan447_results_client_key_idx` ON `farmers_plan447_results` (`client_key`) WHERE client_key IS NOT NULL AND version = 1;