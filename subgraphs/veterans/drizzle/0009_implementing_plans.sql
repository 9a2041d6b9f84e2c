CREATE TABLE `implementing_plans` (
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
	`issuing_body` text NOT NULL,
	`plan_level` text NOT NULL,
	`document_kind` text NOT NULL,
	`title` text NOT NULL,
	`implements` text NOT NULL,
	`conflict_key` text
);
--> statement-breakpoint
CREATE UNIQUE INDEX `implementing_plans_record_version_idx` ON `implementing_plans` (`record_id`,`version`);--> statement-breakpoint
CREATE INDEX `implementing_plans_current_unit_date_idx` ON `implementing_plans` (`unit_id`,`issued_on`) WHERE superseded_at IS NULL;--> statement-breakpoint
CREATE UNIQUE INDEX `implementing_plans_client_key_idx` ON `implementing_plans` (`client_key`) WHERE client_key IS NOT NULL AND version = 1;--> statement-breakpoint
CREATE INDEX `implementing_plans_conflict_idx` ON `implementing_plans` (`conflict_key`) WHERE superseded_at IS NULL AND status = 'ACTIVE';