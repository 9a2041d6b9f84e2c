CREATE TABLE `steering_consolidations` (
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
	`unit_id` text NOT NULL,
	`decided_on` text NOT NULL,
	`decision_number` text NOT NULL,
	`issued_by` text NOT NULL,
	`summary` text,
	`conflict_key` text
);
--> statement-breakpoint
CREATE UNIQUE INDEX `steering_consolidations_record_version_idx` ON `steering_consolidations` (`record_id`,`version`);--> statement-breakpoint
CREATE INDEX `steering_consolidations_current_unit_date_idx` ON `steering_consolidations` (`unit_id`,`decided_on`) WHERE superseded_at IS NULL;--> statement-breakpoint
CREATE UNIQUE INDEX `steering_consolidations_client_key_idx` ON `steering_consolidations` (`client_key`) WHERE client_key IS NOT NULL AND version = 1;--> statement-breakpoint
CREATE INDEX `steering_consolidations_conflict_idx` ON `steering_consolidations` (`conflict_key`) WHERE superseded_at IS NULL AND status = 'ACTIVE';--> statement-breakpoint
CREATE TABLE `steering_decisions` (
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
	`unit_id` text NOT NULL,
	`issued_on` text NOT NULL,
	`document_number` text NOT NULL,
	`decision_kind` text NOT NULL,
	`subject` text NOT NULL,
	`meeting_id` text
);
--> statement-breakpoint
CREATE UNIQUE INDEX `steering_decisions_record_version_idx` ON `steering_decisions` (`record_id`,`version`);--> statement-breakpoint
CREATE INDEX `steering_decisions_current_unit_date_idx` ON `steering_decisions` (`unit_id`,`issued_on`) WHERE superseded_at IS NULL;--> statement-breakpoint
CREATE UNIQUE INDEX `steering_decisions_client_key_idx` ON `steering_decisions` (`client_key`) WHERE client_key IS NOT NULL AND version = 1;--> statement-breakpoint
CREATE TABLE `steering_meetings` (
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
	`unit_id` text NOT NULL,
	`held_on` text NOT NULL,
	`meeting_kind` text NOT NULL,
	`members_present` integer NOT NULL,
	`agenda` text NOT NULL,
	`conclusions` text
);
--> statement-breakpoint
CREATE UNIQUE INDEX `steering_meetings_record_version_idx` ON `steering_meetings` (`record_id`,`version`);--> statement-breakpoint
CREATE INDEX `steering_meetings_current_unit_date_idx` ON `steering_meetings` (`unit_id`,`held_on`) WHERE superseded_at IS NULL;--> statement-breakpoint
CREATE UNIQUE INDEX `steering_meetings_client_key_idx` ON `steering_meetings` (`client_key`) WHERE client_key IS NOT NULL AND version = 1;--> statement-breakpoint
CREATE TABLE `steering_members` (
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
	`appointed_by_id` text NOT NULL,
	`unit_id` text NOT NULL,
	`from_date` text NOT NULL,
	`full_name` text,
	`position` text NOT NULL,
	`representing` text NOT NULL,
	`committee_role` text NOT NULL,
	`ended_by_id` text,
	`to_date` text
);
--> statement-breakpoint
CREATE UNIQUE INDEX `steering_members_record_version_idx` ON `steering_members` (`record_id`,`version`);--> statement-breakpoint
CREATE INDEX `steering_members_current_unit_date_idx` ON `steering_members` (`unit_id`,`from_date`) WHERE superseded_at IS NULL;--> statement-breakpoint
CREATE UNIQUE INDEX `steering_members_client_key_idx` ON `steering_members` (`client_key`) WHERE client_key IS NOT NULL AND version = 1;