-- responsible_body held the body of the record's date (the old code set it from the date, never changed
-- either, and a record is attributed by its date from now on): stop here if any row says otherwise, so
-- that dropping the column below loses nothing.
CREATE TEMP TABLE `responsible_body_check` (`agrees` integer NOT NULL CHECK (`agrees` = 1));--> statement-breakpoint
INSERT INTO `responsible_body_check` SELECT `responsible_body` = CASE WHEN `date` <= '2025-02-28' THEN 'infocomm' ELSE 'infocomm:successor' END FROM `infocomm_good_examples`;--> statement-breakpoint
INSERT INTO `responsible_body_check` SELECT `responsible_body` = CASE WHEN `date` <= '2025-02-28' THEN 'infocomm' ELSE 'infocomm:successor' END FROM `infocomm_media_items`;--> statement-breakpoint
INSERT INTO `responsible_body_check` SELECT `responsible_body` = CASE WHEN `date` <= '2025-02-28' THEN 'infocomm' ELSE 'infocomm:successor' END FROM `infocomm_online_warnings`;--> statement-breakpoint
DROP TABLE `responsible_body_check`;--> statement-breakpoint
DROP INDEX `infocomm_good_examples_unit_date_idx`;--> statement-breakpoint
ALTER TABLE `infocomm_good_examples` ADD `record_id` text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE `infocomm_good_examples` ADD `version` integer DEFAULT 1 NOT NULL;--> statement-breakpoint
ALTER TABLE `infocomm_good_examples` ADD `status` text DEFAULT 'ACTIVE' NOT NULL;--> statement-breakpoint
ALTER TABLE `infocomm_good_examples` ADD `created_at` text;--> statement-breakpoint
ALTER TABLE `infocomm_good_examples` ADD `superseded_at` text;--> statement-breakpoint
ALTER TABLE `infocomm_good_examples` ADD `reason` text;--> statement-breakpoint
ALTER TABLE `infocomm_good_examples` ADD `changed_fields` text;--> statement-breakpoint
ALTER TABLE `infocomm_good_examples` ADD `erased_fields` text;--> statement-breakpoint
ALTER TABLE `infocomm_good_examples` ADD `client_key` text;--> statement-breakpoint
ALTER TABLE `infocomm_good_examples` ADD `content_hash` text;--> statement-breakpoint
-- Records kept before versions existed keep the ids they were known by, as version 1.
UPDATE `infocomm_good_examples` SET `record_id` = CAST(`id` AS TEXT), `created_at` = `recorded_at` WHERE `record_id` = '';--> statement-breakpoint
CREATE UNIQUE INDEX `infocomm_good_examples_record_version_idx` ON `infocomm_good_examples` (`record_id`,`version`);--> statement-breakpoint
CREATE INDEX `infocomm_good_examples_current_unit_date_idx` ON `infocomm_good_examples` (`unit_id`,`date`) WHERE superseded_at IS NULL;--> statement-breakpoint
CREATE UNIQUE INDEX `infocomm_good_examples_client_key_idx` ON `infocomm_good_examples` (`client_key`) WHERE client_key IS NOT NULL AND version = 1;--> statement-breakpoint
ALTER TABLE `infocomm_good_examples` DROP COLUMN `responsible_body`;--> statement-breakpoint
DROP INDEX `infocomm_media_items_unit_date_idx`;--> statement-breakpoint
ALTER TABLE `infocomm_media_items` ADD `record_id` text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE `infocomm_media_items` ADD `version` integer DEFAULT 1 NOT NULL;--> statement-breakpoint
ALTER TABLE `infocomm_media_items` ADD `status` text DEFAULT 'ACTIVE' NOT NULL;--> statement-breakpoint
ALTER TABLE `infocomm_media_items` ADD `created_at` text;--> statement-breakpoint
ALTER TABLE `infocomm_media_items` ADD `superseded_at` text;--> statement-breakpoint
ALTER TABLE `infocomm_media_items` ADD `reason` text;--> statement-breakpoint
ALTER TABLE `infocomm_media_items` ADD `changed_fields` text;--> statement-breakpoint
ALTER TABLE `infocomm_media_items` ADD `erased_fields` text;--> statement-breakpoint
ALTER TABLE `infocomm_media_items` ADD `client_key` text;--> statement-breakpoint
ALTER TABLE `infocomm_media_items` ADD `content_hash` text;--> statement-breakpoint
-- Records kept before versions existed keep the ids they were known by, as version 1.
UPDATE `infocomm_media_items` SET `record_id` = CAST(`id` AS TEXT), `created_at` = `recorded_at` WHERE `record_id` = '';--> statement-breakpoint
CREATE UNIQUE INDEX `infocomm_media_items_record_version_idx` ON `infocomm_media_items` (`record_id`,`version`);--> statement-breakpoint
CREATE INDEX `infocomm_media_items_current_unit_date_idx` ON `infocomm_media_items` (`unit_id`,`date`) WHERE superseded_at IS NULL;--> statement-breakpoint
CREATE UNIQUE INDEX `infocomm_media_items_client_key_idx` ON `infocomm_media_items` (`client_key`) WHERE client_key IS NOT NULL AND version = 1;--> statement-breakpoint
ALTER TABLE `infocomm_media_items` DROP COLUMN `responsible_body`;--> statement-breakpoint
DROP INDEX `infocomm_online_warnings_unit_date_idx`;--> statement-breakpoint
ALTER TABLE `infocomm_online_warnings` ADD `record_id` text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE `infocomm_online_warnings` ADD `version` integer DEFAULT 1 NOT NULL;--> statement-breakpoint
ALTER TABLE `infocomm_online_warnings` ADD `status` text DEFAULT 'ACTIVE' NOT NULL;--> statement-breakpoint
ALTER TABLE `infocomm_online_warnings` ADD `created_at` text;--> statement-breakpoint
ALTER TABLE `infocomm_online_warnings` ADD `superseded_at` text;--> statement-breakpoint
ALTER TABLE `infocomm_online_warnings` ADD `reason` text;--> statement-breakpoint
ALTER TABLE `infocomm_online_warnings` ADD `changed_fields` text;--> statement-breakpoint
ALTER TABLE `infocomm_online_warnings` ADD `erased_fields` text;--> statement-breakpoint
ALTER TABLE `infocomm_online_warnings` ADD `client_key` text;--> statement-breakpoint
ALTER TABLE `infocomm_online_warnings` ADD `content_hash` text;--> statement-breakpoint
-- Records kept before versions existed keep the ids they were known by, as version 1.
UPDATE `infocomm_online_warnings` SET `record_id` = CAST(`id` AS TEXT), `created_at` = `recorded_at` WHERE `record_id` = '';--> statement-breakpoint
CREATE UNIQUE INDEX `infocomm_online_warnings_record_version_idx` ON `infocomm_online_warnings` (`record_id`,`version`);--> statement-breakpoint
CREATE INDEX `infocomm_online_warnings_current_unit_date_idx` ON `infocomm_online_warnings` (`unit_id`,`date`) WHERE superseded_at IS NULL;--> statement-breakpoint
CREATE UNIQUE INDEX `infocomm_online_warnings_client_key_idx` ON `infocomm_online_warnings` (`client_key`) WHERE client_key IS NOT NULL AND version = 1;--> statement-breakpoint
ALTER TABLE `infocomm_online_warnings` DROP COLUMN `responsible_body`;