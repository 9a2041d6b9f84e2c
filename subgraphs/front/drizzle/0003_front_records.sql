CREATE TABLE `commendations` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`recipient_kind` text NOT NULL,
	`recipient_unit_id` text NOT NULL,
	`recipient_branch_id` text,
	`recipient_name` text,
	`achievement` text NOT NULL,
	`form` text NOT NULL,
	`proposed_by_org` text NOT NULL,
	`proposed_on` text NOT NULL,
	`status` text DEFAULT 'PROPOSED' NOT NULL,
	`decision_number` text,
	`decided_on` text,
	`issuing_authority` text,
	`decision_note` text,
	`decided_by` text,
	`demo` integer DEFAULT false NOT NULL,
	`recorded_by` text NOT NULL,
	`recorded_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL
);
--> statement-breakpoint
CREATE INDEX `commendations_unit_idx` ON `commendations` (`recipient_unit_id`,`proposed_on`);--> statement-breakpoint
CREATE TABLE `inspections` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`kind` text NOT NULL,
	`started_on` text NOT NULL,
	`ended_on` text NOT NULL,
	`inspected_unit_id` text NOT NULL,
	`inspected_orgs` text NOT NULL,
	`inspecting_orgs` text NOT NULL,
	`lead_org` text NOT NULL,
	`plan_id` integer,
	`subject` text NOT NULL,
	`findings` text NOT NULL,
	`follow_up` text,
	`follow_up_due_on` text,
	`follow_up_done_on` text,
	`follow_up_note` text,
	`demo` integer DEFAULT false NOT NULL,
	`recorded_by` text NOT NULL,
	`recorded_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	FOREIGN KEY (`plan_id`) REFERENCES `plans`(`id`) ON UPDATE no action ON DELETE restrict
);
--> statement-breakpoint
CREATE INDEX `inspections_unit_idx` ON `inspections` (`inspected_unit_id`,`started_on`);--> statement-breakpoint
CREATE TABLE `model_reviews` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`model_id` text NOT NULL,
	`model_org` text NOT NULL,
	`unit_id` text NOT NULL,
	`reviewed_on` text NOT NULL,
	`reviewer_org` text NOT NULL,
	`rating` text NOT NULL,
	`evidence` text NOT NULL,
	`decision` text NOT NULL,
	`basis` text,
	`demo` integer DEFAULT false NOT NULL,
	`recorded_by` text NOT NULL,
	`recorded_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL
);
--> statement-breakpoint
CREATE INDEX `model_reviews_model_idx` ON `model_reviews` (`model_id`,`reviewed_on`);--> statement-breakpoint
CREATE INDEX `model_reviews_unit_idx` ON `model_reviews` (`unit_id`,`reviewed_on`);--> statement-breakpoint
CREATE TABLE `people_of_standing` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`full_name` text NOT NULL,
	`birth_year` integer NOT NULL,
	`ethnicity` text,
	`unit_id` text NOT NULL,
	`role` text NOT NULL,
	`nominated_on` text NOT NULL,
	`branch_id` text NOT NULL,
	`decision` text DEFAULT 'PENDING' NOT NULL,
	`decided_on` text,
	`decision_note` text,
	`decided_by` text,
	`demo` integer DEFAULT false NOT NULL,
	`recorded_by` text NOT NULL,
	`recorded_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL
);
--> statement-breakpoint
CREATE INDEX `people_of_standing_unit_idx` ON `people_of_standing` (`unit_id`,`nominated_on`);--> statement-breakpoint
CREATE TABLE `plan_tasks` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`plan_id` integer NOT NULL,
	`code` text NOT NULL,
	`section` text NOT NULL,
	`year` integer,
	`title` text NOT NULL,
	`plan_task_ref` text,
	`lead_orgs` text NOT NULL,
	`participating_orgs` text DEFAULT '[]' NOT NULL,
	`deadline` text,
	`status` text DEFAULT 'NOT_STARTED' NOT NULL,
	`status_since` text,
	`status_note` text,
	`demo` integer DEFAULT false NOT NULL,
	`updated_by` text,
	`updated_at` text,
	FOREIGN KEY (`plan_id`) REFERENCES `plans`(`id`) ON UPDATE no action ON DELETE restrict
);
--> statement-breakpoint
CREATE UNIQUE INDEX `plan_tasks_code_idx` ON `plan_tasks` (`plan_id`,`code`);--> statement-breakpoint
CREATE TABLE `plans` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`number` text NOT NULL,
	`title` text NOT NULL,
	`issued_on` text NOT NULL,
	`issuers` text NOT NULL,
	`from_year` integer NOT NULL,
	`to_year` integer NOT NULL,
	`predecessor_id` integer,
	`note` text,
	`demo` integer DEFAULT false NOT NULL,
	`recorded_by` text NOT NULL,
	`recorded_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	FOREIGN KEY (`predecessor_id`) REFERENCES `plans`(`id`) ON UPDATE no action ON DELETE restrict
);
--> statement-breakpoint
CREATE UNIQUE INDEX `plans_number_idx` ON `plans` (`number`);