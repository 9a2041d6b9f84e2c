CREATE INDEX `activities_unit_date_idx` ON `activities` (`unit_id`,`date`);--> statement-breakpoint
CREATE INDEX `labour_boarding_house_checks_unit_date_idx` ON `labour_boarding_house_checks` (`unit_id`,`checked_on`);--> statement-breakpoint
CREATE INDEX `labour_boarding_houses_unit_date_idx` ON `labour_boarding_houses` (`unit_id`,`registered_on`);--> statement-breakpoint
CREATE INDEX `labour_core_teams_unit_date_idx` ON `labour_core_teams` (`unit_id`,`founded_on`);--> statement-breakpoint
CREATE INDEX `labour_disputes_unit_date_idx` ON `labour_disputes` (`unit_id`,`started_on`);--> statement-breakpoint
CREATE INDEX `labour_participations_unit_date_idx` ON `labour_participations` (`unit_id`,`registered_on`);--> statement-breakpoint
CREATE INDEX `forums_unit_date_idx` ON `forums` (`unit_id`,`date`);--> statement-breakpoint
CREATE INDEX `implementing_plans_unit_date_idx` ON `implementing_plans` (`unit_id`,`issued_on`);--> statement-breakpoint
CREATE INDEX `models_unit_date_idx` ON `models` (`unit_id`,`started_on`);--> statement-breakpoint
CREATE INDEX `opinions_unit_date_idx` ON `opinions` (`unit_id`,`raised_on`);--> statement-breakpoint
CREATE INDEX `reports_unit_date_idx` ON `reports` (`unit_id`,`period_end`);