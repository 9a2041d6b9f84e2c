CREATE TABLE `labour_boarding_house_checks` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`house_id` integer NOT NULL,
	`checked_on` text NOT NULL,
	`status` text NOT NULL,
	`note` text,
	`demo` integer DEFAULT false NOT NULL,
	`recorded_by` text NOT NULL,
	`recorded_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	FOREIGN KEY (`house_id`) REFERENCES `labour_boarding_houses`(`id`) ON UPDATE no action ON DELETE restrict
);
--> statement-breakpoint
CREATE INDEX `labour_boarding_house_checks_house_idx` ON `labour_boarding_house_checks` (`house_id`,`checked_on`);--> statement-breakpoint
CREATE TABLE `labour_boarding_houses` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`name` text NOT NULL,
	`unit_id` text NOT NULL,
	`branch_id` text NOT NULL,
	`registered_on` text NOT NULL,
	`rooms` integer NOT NULL,
	`workers_living` integer NOT NULL,
	`demo` integer DEFAULT false NOT NULL,
	`recorded_by` text NOT NULL,
	`recorded_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL
);
--> statement-breakpoint
CREATE INDEX `labour_boarding_houses_unit_date_idx` ON `labour_boarding_houses` (`unit_id`,`registered_on`);--> statement-breakpoint
CREATE TABLE `labour_core_teams` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`establishment_id` text NOT NULL,
	`unit_id` text NOT NULL,
	`branch_id` text NOT NULL,
	`name` text NOT NULL,
	`founded_on` text NOT NULL,
	`members` integer NOT NULL,
	`dissolved_on` text,
	`demo` integer DEFAULT false NOT NULL,
	`recorded_by` text NOT NULL,
	`recorded_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL
);
--> statement-breakpoint
CREATE INDEX `labour_core_teams_unit_date_idx` ON `labour_core_teams` (`unit_id`,`founded_on`);--> statement-breakpoint
CREATE TABLE `labour_disputes` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`establishment_id` text,
	`unit_id` text NOT NULL,
	`branch_id` text NOT NULL,
	`started_on` text NOT NULL,
	`kind` text NOT NULL,
	`cause` text NOT NULL,
	`workers_involved` integer NOT NULL,
	`hotspot_id` text,
	`resolved_on` text,
	`note` text,
	`demo` integer DEFAULT false NOT NULL,
	`recorded_by` text NOT NULL,
	`recorded_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL
);
--> statement-breakpoint
CREATE INDEX `labour_disputes_unit_date_idx` ON `labour_disputes` (`unit_id`,`started_on`);--> statement-breakpoint
CREATE TABLE `labour_participations` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`establishment_id` text NOT NULL,
	`year` integer NOT NULL,
	`registered_on` text NOT NULL,
	`unit_id` text NOT NULL,
	`branch_id` text NOT NULL,
	`industrial_zone` text,
	`workers` integer NOT NULL,
	`pledge_signed` integer NOT NULL,
	`note` text,
	`demo` integer DEFAULT false NOT NULL,
	`recorded_by` text NOT NULL,
	`recorded_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL
);
--> statement-breakpoint
CREATE INDEX `labour_participations_unit_date_idx` ON `labour_participations` (`unit_id`,`registered_on`);--> statement-breakpoint
CREATE UNIQUE INDEX `labour_participations_establishment_year_idx` ON `labour_participations` (`establishment_id`,`year`);