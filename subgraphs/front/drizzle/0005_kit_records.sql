ALTER TABLE `activities` ADD `record_id` text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE `activities` ADD `version` integer DEFAULT 1 NOT NULL;--> statement-breakpoint
ALTER TABLE `activities` ADD `status` text DEFAULT 'ACTIVE' NOT NULL;--> statement-breakpoint
ALTER TABLE `activities` ADD `created_at` text;--> statement-breakpoint
ALTER TABLE `activities` ADD `superseded_at` text;--> statement-breakpoint
ALTER TABLE `activities` ADD `reason` text;--> statement-breakpoint
ALTER TABLE `activities` ADD `changed_fields` text;--> statement-breakpoint
ALTER TABLE `activities` ADD `erased_fields` text;--> statement-breakpoint
ALTER TABLE `activities` ADD `client_key` text;--> statement-breakpoint
ALTER TABLE `activities` ADD `content_hash` text;--> statement-breakpoint
UPDATE `activities` SET `record_id` = CAST(`id` AS TEXT), `created_at` = `recorded_at` WHERE `record_id` = '';--> statement-breakpoint
INSERT INTO `activities` (`record_id`, `version`, `status`, `created_at`, `recorded_at`, `recorded_by`, `superseded_at`, `reason`, `changed_fields`, `demo`, `type`, `topic`, `date`, `unit_id`, `branch_id`, `participants`, `note`, `plan_task_id`)
SELECT CAST(r.`activity_id` AS TEXT), r.`n`, 'ACTIVE', a.`recorded_at`,
  CASE WHEN r.`n` = 1 THEN a.`recorded_at` ELSE r.`prev_at` END,
  CASE WHEN r.`n` = 1 THEN coalesce(json_extract(r.`previous`, '$.recordedBy'), a.`recorded_by`) ELSE r.`prev_by` END,
  r.`corrected_at`,
  CASE WHEN r.`n` = 1 THEN NULL ELSE r.`prev_reason` END,
  CASE WHEN r.`n` = 1 THEN NULL ELSE '[]' END,
  a.`demo`,
  json_extract(r.`previous`, '$.type'), json_extract(r.`previous`, '$.topic'), json_extract(r.`previous`, '$.date'), json_extract(r.`previous`, '$.unitId'), json_extract(r.`previous`, '$.branchId'), json_extract(r.`previous`, '$.participants'), json_extract(r.`previous`, '$.note'), json_extract(r.`previous`, '$.planTaskId')
FROM (
  SELECT `activity_id`, `previous`, `corrected_at`,
    row_number() OVER (PARTITION BY `activity_id` ORDER BY `id`) AS `n`,
    lag(`corrected_at`) OVER (PARTITION BY `activity_id` ORDER BY `id`) AS `prev_at`,
    lag(`corrected_by`) OVER (PARTITION BY `activity_id` ORDER BY `id`) AS `prev_by`,
    lag(`reason`) OVER (PARTITION BY `activity_id` ORDER BY `id`) AS `prev_reason`
  FROM `activity_revisions`
) r JOIN `activities` a ON a.`id` = r.`activity_id`;--> statement-breakpoint
UPDATE `activities` SET
  `version` = 1 + (SELECT count(*) FROM `activity_revisions` r WHERE r.`activity_id` = `activities`.`id`),
  `recorded_at` = (SELECT r.`corrected_at` FROM `activity_revisions` r WHERE r.`activity_id` = `activities`.`id` ORDER BY r.`id` DESC LIMIT 1),
  `recorded_by` = (SELECT r.`corrected_by` FROM `activity_revisions` r WHERE r.`activity_id` = `activities`.`id` ORDER BY r.`id` DESC LIMIT 1),
  `reason` = (SELECT r.`reason` FROM `activity_revisions` r WHERE r.`activity_id` = `activities`.`id` ORDER BY r.`id` DESC LIMIT 1),
  `changed_fields` = '[]'
WHERE `version` = 1 AND `id` IN (SELECT `activity_id` FROM `activity_revisions`);--> statement-breakpoint
DROP TABLE `activity_revisions`;--> statement-breakpoint
DROP INDEX `activities_unit_date_idx`;--> statement-breakpoint
DROP INDEX `activities_date_idx`;--> statement-breakpoint
CREATE UNIQUE INDEX `activities_record_version_idx` ON `activities` (`record_id`,`version`);--> statement-breakpoint
CREATE INDEX `activities_current_unit_date_idx` ON `activities` (`unit_id`,`date`) WHERE superseded_at IS NULL;--> statement-breakpoint
CREATE UNIQUE INDEX `activities_client_key_idx` ON `activities` (`client_key`) WHERE client_key IS NOT NULL AND version = 1;--> statement-breakpoint
ALTER TABLE `activities` DROP COLUMN `corrected_by`;--> statement-breakpoint
ALTER TABLE `activities` DROP COLUMN `corrected_at`;--> statement-breakpoint
CREATE TABLE `__new_forums` (
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
	`title` text,
	`date` text NOT NULL,
	`unit_id` text NOT NULL,
	`co_host_ids` text NOT NULL,
	`attendance` integer NOT NULL,
	`opinions_voiced` integer NOT NULL,
	`note` text,
	`branch_id` text NOT NULL
);
--> statement-breakpoint
INSERT INTO `__new_forums`("id", "record_id", "version", "status", "created_at", "recorded_at", "recorded_by", "demo", "kind", "title", "date", "unit_id", "co_host_ids", "attendance", "opinions_voiced", "note", "branch_id") SELECT "id", 'forum:front:' || "id", 1, 'ACTIVE', "recorded_at", "recorded_at", "recorded_by", "demo", "kind", "title", "date", "unit_id", "co_host_ids", "attendance", "opinions_voiced", "note", "branch_id" FROM `forums`;--> statement-breakpoint
DROP TABLE `forums`;--> statement-breakpoint
ALTER TABLE `__new_forums` RENAME TO `forums`;--> statement-breakpoint
CREATE UNIQUE INDEX `forums_record_version_idx` ON `forums` (`record_id`,`version`);--> statement-breakpoint
CREATE INDEX `forums_current_unit_date_idx` ON `forums` (`unit_id`,`date`) WHERE superseded_at IS NULL;--> statement-breakpoint
CREATE UNIQUE INDEX `forums_client_key_idx` ON `forums` (`client_key`) WHERE client_key IS NOT NULL AND version = 1;--> statement-breakpoint
CREATE TABLE `__new_models` (
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
	`name` text NOT NULL,
	`kind` text NOT NULL,
	`description` text,
	`unit_id` text NOT NULL,
	`started_on` text NOT NULL,
	`partner_ids` text NOT NULL,
	`model_status` text NOT NULL,
	`status_since` text,
	`replica_of_id` text
);
--> statement-breakpoint
INSERT INTO `__new_models`("id", "record_id", "version", "status", "created_at", "recorded_at", "recorded_by", "demo", "name", "kind", "description", "unit_id", "started_on", "partner_ids", "model_status", "status_since", "replica_of_id") SELECT "id", 'model:front:' || "id", 1, 'ACTIVE', "recorded_at", "recorded_at", "recorded_by", "demo", "name", "kind", "description", "unit_id", "started_on", "partner_ids", "status", "status_since", "replica_of_id" FROM `models`;--> statement-breakpoint
DROP TABLE `models`;--> statement-breakpoint
ALTER TABLE `__new_models` RENAME TO `models`;--> statement-breakpoint
CREATE UNIQUE INDEX `models_record_version_idx` ON `models` (`record_id`,`version`);--> statement-breakpoint
CREATE INDEX `models_current_unit_date_idx` ON `models` (`unit_id`,`started_on`) WHERE superseded_at IS NULL;--> statement-breakpoint
CREATE UNIQUE INDEX `models_client_key_idx` ON `models` (`client_key`) WHERE client_key IS NOT NULL AND version = 1;--> statement-breakpoint
DROP INDEX `opinions_unit_due_idx`;--> statement-breakpoint
DROP INDEX `opinions_forum_idx`;--> statement-breakpoint
ALTER TABLE `opinions` ADD `record_id` text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE `opinions` ADD `version` integer DEFAULT 1 NOT NULL;--> statement-breakpoint
ALTER TABLE `opinions` ADD `status` text DEFAULT 'ACTIVE' NOT NULL;--> statement-breakpoint
ALTER TABLE `opinions` ADD `created_at` text;--> statement-breakpoint
ALTER TABLE `opinions` ADD `superseded_at` text;--> statement-breakpoint
ALTER TABLE `opinions` ADD `reason` text;--> statement-breakpoint
ALTER TABLE `opinions` ADD `changed_fields` text;--> statement-breakpoint
ALTER TABLE `opinions` ADD `erased_fields` text;--> statement-breakpoint
ALTER TABLE `opinions` ADD `client_key` text;--> statement-breakpoint
ALTER TABLE `opinions` ADD `content_hash` text;--> statement-breakpoint
UPDATE `opinions` SET `record_id` = 'opinion:front:' || `id`, `created_at` = `recorded_at` WHERE `record_id` = '';--> statement-breakpoint
CREATE UNIQUE INDEX `opinions_record_version_idx` ON `opinions` (`record_id`,`version`);--> statement-breakpoint
CREATE INDEX `opinions_current_unit_date_idx` ON `opinions` (`unit_id`,`raised_on`) WHERE superseded_at IS NULL;--> statement-breakpoint
CREATE UNIQUE INDEX `opinions_client_key_idx` ON `opinions` (`client_key`) WHERE client_key IS NOT NULL AND version = 1;
--> statement-breakpoint
CREATE TABLE `__new_inspections` (
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
	`started_on` text NOT NULL,
	`ended_on` text NOT NULL,
	`inspected_unit_id` text NOT NULL,
	`inspected_orgs` text NOT NULL,
	`inspecting_orgs` text NOT NULL,
	`lead_org` text NOT NULL,
	`plan_id` text,
	`subject` text NOT NULL,
	`findings` text NOT NULL,
	`follow_up` text,
	`follow_up_due_on` text,
	`follow_up_done_on` text,
	`follow_up_note` text
);
--> statement-breakpoint
INSERT INTO `__new_inspections`("id", "record_id", "version", "status", "created_at", "recorded_at", "recorded_by", "superseded_at", "reason", "changed_fields", "erased_fields", "client_key", "content_hash", "demo", "kind", "started_on", "ended_on", "inspected_unit_id", "inspected_orgs", "inspecting_orgs", "lead_org", "plan_id", "subject", "findings", "follow_up", "follow_up_due_on", "follow_up_done_on", "follow_up_note") SELECT "id", "record_id", "version", "status", "created_at", "recorded_at", "recorded_by", "superseded_at", "reason", "changed_fields", "erased_fields", "client_key", "content_hash", "demo", "kind", "started_on", "ended_on", "inspected_unit_id", "inspected_orgs", "inspecting_orgs", "lead_org", "plan_id", "subject", "findings", "follow_up", "follow_up_due_on", "follow_up_done_on", "follow_up_note" FROM `inspections`;--> statement-breakpoint
DROP TABLE `inspections`;--> statement-breakpoint
ALTER TABLE `__new_inspections` RENAME TO `inspections`;--> statement-breakpoint
CREATE UNIQUE INDEX `inspections_record_version_idx` ON `inspections` (`record_id`,`version`);--> statement-breakpoint
CREATE INDEX `inspections_current_unit_date_idx` ON `inspections` (`inspected_unit_id`,`started_on`) WHERE superseded_at IS NULL;--> statement-breakpoint
CREATE UNIQUE INDEX `inspections_client_key_idx` ON `inspections` (`client_key`) WHERE client_key IS NOT NULL AND version = 1;
