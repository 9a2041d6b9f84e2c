CREATE INDEX `activities_unit_date_idx` ON `activities` (`unit_id`,`date`);--> statement-breakpoint
CREATE INDEX `commendations_unit_date_idx` ON `commendations` (`recipient_unit_id`,`proposed_on`);--> statement-breakpoint
CREATE INDEX `inspections_unit_date_idx` ON `inspections` (`inspected_unit_id`,`started_on`);--> statement-breakpoint
CREATE INDEX `model_reviews_unit_date_idx` ON `model_reviews` (`unit_id`,`reviewed_on`);--> statement-breakpoint
CREATE INDEX `people_of_standing_unit_date_idx` ON `people_of_standing` (`unit_id`,`nominated_on`);--> statement-breakpoint
CREATE INDEX `plan_tasks_unit_date_idx` ON `plan_tasks` (`unit_id`,`set_on`);--> statement-breakpoint
CREATE INDEX `plans_unit_date_idx` ON `plans` (`unit_id`,`issued_on`);--> statement-breakpoint
CREATE INDEX `forums_unit_date_idx` ON `forums` (`unit_id`,`date`);--> statement-breakpoint
CREATE INDEX `implementing_plans_unit_date_idx` ON `implementing_plans` (`unit_id`,`issued_on`);--> statement-breakpoint
CREATE INDEX `models_unit_date_idx` ON `models` (`unit_id`,`started_on`);--> statement-breakpoint
CREATE INDEX `opinions_unit_date_idx` ON `opinions` (`unit_id`,`raised_on`);--> statement-breakpoint
CREATE INDEX `reports_unit_date_idx` ON `reports` (`unit_id`,`period_end`);