PRAGMA foreign_keys=OFF;--> statement-breakpoint
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
	`inspected_orgs` text,
	`inspecting_orgs` text,
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
-- Every row is copied as version 1 of itself, under the id it was known by (String of the old integer id).
INSERT INTO `__new_inspections`(`id`, `record_id`, `created_at`, `recorded_at`, `recorded_by`, `demo`, `kind`, `started_on`, `ended_on`, `inspected_unit_id`, `inspected_orgs`, `inspecting_orgs`, `lead_org`, `plan_id`, `subject`, `findings`, `follow_up`, `follow_up_due_on`, `follow_up_done_on`, `follow_up_note`) SELECT `id`, CAST(`id` AS TEXT), `recorded_at`, `recorded_at`, `recorded_by`, `demo`, `kind`, `started_on`, `ended_on`, `inspected_unit_id`, `inspected_orgs`, `inspecting_orgs`, `lead_org`, CAST(`plan_id` AS TEXT), `subject`, `findings`, `follow_up`, `follow_up_due_on`, `follow_up_done_on`, `follow_up_note` FROM `inspections`;--> statement-breakpoint
DROP TABLE `inspections`;--> statement-breakpoint
ALTER TABLE `__new_inspections` RENAME TO `inspections`;--> statement-breakpoint
PRAGMA foreign_keys=ON;--> statement-breakpoint
CREATE UNIQUE INDEX `inspections_record_version_idx` ON `inspections` (`record_id`,`version`);--> statement-breakpoint
CREATE INDEX `inspections_current_unit_date_idx` ON `inspections` (`inspected_unit_id`,`started_on`) WHERE superseded_at IS NULL;--> statement-breakpoint
CREATE UNIQUE INDEX `inspections_client_key_idx` ON `inspections` (`client_key`) WHERE client_key IS NOT NULL AND version = 1;--> statement-breakpoint
CREATE TABLE `__new_plan_tasks` (
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
	`plan_id` text NOT NULL,
	`code` text NOT NULL,
	`section` text NOT NULL,
	`year` integer,
	`title` text NOT NULL,
	`plan_task_ref` text,
	`lead_orgs` text,
	`participating_orgs` text,
	`deadline` text,
	`progress` text NOT NULL,
	`status_since` text,
	`status_note` text,
	`set_on` text NOT NULL,
	`unit_id` text NOT NULL,
	`conflict_key` text
);
--> statement-breakpoint
-- Every row is copied as version 1 of itself, under the id it was known by (String of the old integer id).
-- A task's progress was its `status`; it was set on its plan's issue day, for the province; who last updated it recorded this version.
INSERT INTO `__new_plan_tasks`(`id`, `record_id`, `created_at`, `recorded_at`, `recorded_by`, `demo`, `plan_id`, `code`, `section`, `year`, `title`, `plan_task_ref`, `lead_orgs`, `participating_orgs`, `deadline`, `progress`, `status_since`, `status_note`, `set_on`, `unit_id`, `conflict_key`) SELECT t.`id`, CAST(t.`id` AS TEXT), p.`recorded_at`, coalesce(t.`updated_at`, p.`recorded_at`), coalesce(t.`updated_by`, p.`recorded_by`), t.`demo`, CAST(t.`plan_id` AS TEXT), t.`code`, t.`section`, t.`year`, t.`title`, t.`plan_task_ref`, t.`lead_orgs`, t.`participating_orgs`, t.`deadline`, t.`status`, t.`status_since`, t.`status_note`, p.`issued_on`, 'province:14', CAST(t.`plan_id` AS TEXT) || '|' || t.`code` FROM `plan_tasks` t JOIN `plans` p ON p.`id` = t.`plan_id`;--> statement-breakpoint
DROP TABLE `plan_tasks`;--> statement-breakpoint
ALTER TABLE `__new_plan_tasks` RENAME TO `plan_tasks`;--> statement-breakpoint
CREATE UNIQUE INDEX `plan_tasks_record_version_idx` ON `plan_tasks` (`record_id`,`version`);--> statement-breakpoint
CREATE INDEX `plan_tasks_current_unit_date_idx` ON `plan_tasks` (`unit_id`,`set_on`) WHERE superseded_at IS NULL;--> statement-breakpoint
CREATE UNIQUE INDEX `plan_tasks_client_key_idx` ON `plan_tasks` (`client_key`) WHERE client_key IS NOT NULL AND version = 1;--> statement-breakpoint
CREATE INDEX `plan_tasks_conflict_idx` ON `plan_tasks` (`conflict_key`) WHERE superseded_at IS NULL AND status = 'ACTIVE';--> statement-breakpoint
CREATE TABLE `__new_plans` (
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
	`number` text NOT NULL,
	`title` text NOT NULL,
	`issued_on` text NOT NULL,
	`issuers` text NOT NULL,
	`from_year` integer NOT NULL,
	`to_year` integer NOT NULL,
	`predecessor_id` text,
	`note` text,
	`unit_id` text NOT NULL,
	`conflict_key` text
);
--> statement-breakpoint
-- Every row is copied as version 1 of itself, under the id it was known by (String of the old integer id).
-- A plan is issued for the province; its number is what a second plan may not repeat.
INSERT INTO `__new_plans`(`id`, `record_id`, `created_at`, `recorded_at`, `recorded_by`, `demo`, `number`, `title`, `issued_on`, `issuers`, `from_year`, `to_year`, `predecessor_id`, `note`, `unit_id`, `conflict_key`) SELECT `id`, CAST(`id` AS TEXT), `recorded_at`, `recorded_at`, `recorded_by`, `demo`, `number`, `title`, `issued_on`, `issuers`, `from_year`, `to_year`, CAST(`predecessor_id` AS TEXT), `note`, 'province:14', `number` FROM `plans`;--> statement-breakpoint
-- A plan's predecessor is restricted on delete and the migration runs with foreign keys on: unlink the old rows (already copied) before dropping them.
UPDATE `plans` SET `predecessor_id` = NULL;--> statement-breakpoint
DROP TABLE `plans`;--> statement-breakpoint
ALTER TABLE `__new_plans` RENAME TO `plans`;--> statement-breakpoint
CREATE UNIQUE INDEX `plans_record_version_idx` ON `plans` (`record_id`,`version`);--> statement-breakpoint
CREATE INDEX `plans_current_unit_date_idx` ON `plans` (`unit_id`,`issued_on`) WHERE superseded_at IS NULL;--> statement-breakpoint
CREATE UNIQUE INDEX `plans_client_key_idx` ON `plans` (`client_key`) WHERE client_key IS NOT NULL AND version = 1;--> statement-breakpoint
CREATE INDEX `plans_conflict_idx` ON `plans` (`conflict_key`) WHERE superseded_at IS NULL AND status = 'ACTIVE';--> statement-breakpoint
CREATE TABLE `__new_commendations` (
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
	`recipient_kind` text NOT NULL,
	`recipient_unit_id` text NOT NULL,
	`recipient_branch_id` text,
	`recipient_name` text,
	`achievement` text NOT NULL,
	`form` text NOT NULL,
	`proposed_by_org` text NOT NULL,
	`proposed_on` text NOT NULL,
	`award_status` text NOT NULL,
	`decision_number` text,
	`decided_on` text,
	`issuing_authority` text,
	`decision_note` text,
	`decided_by` text
);
--> statement-breakpoint
-- Every row is copied as version 1 of itself, under the id it was known by (String of the old integer id).
-- Where a commendation stands was its `status`; `status` is now the record's (ACTIVE/VOIDED).
INSERT INTO `__new_commendations`(`id`, `record_id`, `created_at`, `recorded_at`, `recorded_by`, `demo`, `recipient_kind`, `recipient_unit_id`, `recipient_branch_id`, `recipient_name`, `achievement`, `form`, `proposed_by_org`, `proposed_on`, `award_status`, `decision_number`, `decided_on`, `issuing_authority`, `decision_note`, `decided_by`) SELECT `id`, CAST(`id` AS TEXT), `recorded_at`, `recorded_at`, `recorded_by`, `demo`, `recipient_kind`, `recipient_unit_id`, `recipient_branch_id`, `recipient_name`, `achievement`, `form`, `proposed_by_org`, `proposed_on`, `status`, `decision_number`, `decided_on`, `issuing_authority`, `decision_note`, `decided_by` FROM `commendations`;--> statement-breakpoint
DROP TABLE `commendations`;--> statement-breakpoint
ALTER TABLE `__new_commendations` RENAME TO `commendations`;--> statement-breakpoint
CREATE UNIQUE INDEX `commendations_record_version_idx` ON `commendations` (`record_id`,`version`);--> statement-breakpoint
CREATE INDEX `commendations_current_unit_date_idx` ON `commendations` (`recipient_unit_id`,`proposed_on`) WHERE superseded_at IS NULL;--> statement-breakpoint
CREATE UNIQUE INDEX `commendations_client_key_idx` ON `commendations` (`client_key`) WHERE client_key IS NOT NULL AND version = 1;--> statement-breakpoint
CREATE TABLE `__new_model_reviews` (
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
	`model_id` text NOT NULL,
	`model_org` text,
	`unit_id` text NOT NULL,
	`reviewed_on` text NOT NULL,
	`reviewer_org` text,
	`rating` text NOT NULL,
	`evidence` text NOT NULL,
	`decision` text NOT NULL,
	`basis` text
);
--> statement-breakpoint
-- Every row is copied as version 1 of itself, under the id it was known by (String of the old integer id).
INSERT INTO `__new_model_reviews`(`id`, `record_id`, `created_at`, `recorded_at`, `recorded_by`, `demo`, `model_id`, `model_org`, `unit_id`, `reviewed_on`, `reviewer_org`, `rating`, `evidence`, `decision`, `basis`) SELECT `id`, CAST(`id` AS TEXT), `recorded_at`, `recorded_at`, `recorded_by`, `demo`, `model_id`, `model_org`, `unit_id`, `reviewed_on`, `reviewer_org`, `rating`, `evidence`, `decision`, `basis` FROM `model_reviews`;--> statement-breakpoint
DROP TABLE `model_reviews`;--> statement-breakpoint
ALTER TABLE `__new_model_reviews` RENAME TO `model_reviews`;--> statement-breakpoint
CREATE UNIQUE INDEX `model_reviews_record_version_idx` ON `model_reviews` (`record_id`,`version`);--> statement-breakpoint
CREATE INDEX `model_reviews_current_unit_date_idx` ON `model_reviews` (`unit_id`,`reviewed_on`) WHERE superseded_at IS NULL;--> statement-breakpoint
CREATE UNIQUE INDEX `model_reviews_client_key_idx` ON `model_reviews` (`client_key`) WHERE client_key IS NOT NULL AND version = 1;--> statement-breakpoint
CREATE TABLE `__new_people_of_standing` (
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
	`full_name` text,
	`birth_year` integer,
	`ethnicity` text,
	`unit_id` text NOT NULL,
	`role` text NOT NULL,
	`nominated_on` text NOT NULL,
	`decision` text NOT NULL,
	`decided_on` text,
	`decision_note` text,
	`decided_by` text,
	`branch_id` text NOT NULL
);
--> statement-breakpoint
-- Every row is copied as version 1 of itself, under the id it was known by (String of the old integer id).
INSERT INTO `__new_people_of_standing`(`id`, `record_id`, `created_at`, `recorded_at`, `recorded_by`, `demo`, `full_name`, `birth_year`, `ethnicity`, `unit_id`, `role`, `nominated_on`, `decision`, `decided_on`, `decision_note`, `decided_by`, `branch_id`) SELECT `id`, CAST(`id` AS TEXT), `recorded_at`, `recorded_at`, `recorded_by`, `demo`, `full_name`, `birth_year`, `ethnicity`, `unit_id`, `role`, `nominated_on`, `decision`, `decided_on`, `decision_note`, `decided_by`, `branch_id` FROM `people_of_standing`;--> statement-breakpoint
DROP TABLE `people_of_standing`;--> statement-breakpoint
ALTER TABLE `__new_people_of_standing` RENAME TO `people_of_standing`;--> statement-breakpoint
CREATE UNIQUE INDEX `people_of_standing_record_version_idx` ON `people_of_standing` (`record_id`,`version`);--> statement-breakpoint
CREATE INDEX `people_of_standing_current_unit_date_idx` ON `people_of_standing` (`unit_id`,`nominated_on`) WHERE superseded_at IS NULL;--> statement-breakpoint
CREATE UNIQUE INDEX `people_of_standing_client_key_idx` ON `people_of_standing` (`client_key`) WHERE client_key IS NOT NULL AND version = 1;