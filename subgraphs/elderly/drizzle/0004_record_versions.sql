DROP INDEX `elderly_family_pledges_unit_date_idx`;--> statement-breakpoint
ALTER TABLE `elderly_family_pledges` ADD `record_id` text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE `elderly_family_pledges` ADD `version` integer DEFAULT 1 NOT NULL;--> statement-breakpoint
ALTER TABLE `elderly_family_pledges` ADD `status` text DEFAULT 'ACTIVE' NOT NULL;--> statement-breakpoint
ALTER TABLE `elderly_family_pledges` ADD `created_at` text;--> statement-breakpoint
ALTER TABLE `elderly_family_pledges` ADD `superseded_at` text;--> statement-breakpoint
ALTER TABLE `elderly_family_pledges` ADD `reason` text;--> statement-breakpoint
ALTER TABLE `elderly_family_pledges` ADD `changed_fields` text;--> statement-breakpoint
ALTER TABLE `elderly_family_pledges` ADD `erased_fields` text;--> statement-breakpoint
ALTER TABLE `elderly_family_pledges` ADD `client_key` text;--> statement-breakpoint
ALTER TABLE `elderly_family_pledges` ADD `content_hash` text;--> statement-breakpoint
ALTER TABLE `elderly_family_pledges` ADD `conflict_key` text;--> statement-breakpoint
-- Records kept before versions existed keep the ids they were known by, as version 1, and the key a
-- new round may not share with them (one round per residential area and year: pledgeKey in src/kinds).
UPDATE `elderly_family_pledges` SET `record_id` = CAST(`id` AS TEXT), `created_at` = `recorded_at`, `conflict_key` = `unit_id` || '|' || substr(`signed_on`, 1, 4) WHERE `record_id` = '';--> statement-breakpoint
CREATE UNIQUE INDEX `elderly_family_pledges_record_version_idx` ON `elderly_family_pledges` (`record_id`,`version`);--> statement-breakpoint
CREATE INDEX `elderly_family_pledges_current_unit_date_idx` ON `elderly_family_pledges` (`unit_id`,`signed_on`) WHERE superseded_at IS NULL;--> statement-breakpoint
CREATE UNIQUE INDEX `elderly_family_pledges_client_key_idx` ON `elderly_family_pledges` (`client_key`) WHERE client_key IS NOT NULL AND version = 1;--> statement-breakpoint
CREATE INDEX `elderly_family_pledges_conflict_idx` ON `elderly_family_pledges` (`conflict_key`) WHERE superseded_at IS NULL AND status = 'ACTIVE';