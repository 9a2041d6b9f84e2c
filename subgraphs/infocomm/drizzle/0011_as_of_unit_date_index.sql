CREATE INDEX `activities_unit_date_idx` ON `activities` (`unit_id`,`date`);--> statement-breakpoint
CREATE INDEX `infocomm_good_examples_unit_date_idx` ON `infocomm_good_examples` (`unit_id`,`date`);--> statement-breakpoint
CREATE INDEX `infocomm_media_items_unit_date_idx` ON `infocomm_media_items` (`unit_id`,`date`);--> statement-breakpoint
CREATE INDEX `infocomm_online_warnings_unit_date_idx` ON `infocomm_online_warnings` (`unit_id`,`date`);--> statement-breakpoint
CREATE INDEX `forums_unit_date_idx` ON `forums` (`unit_id`,`date`);--> statement-breakpoint
CREATE INDEX `implementing_plans_unit_date_idx` ON `implementing_plans` (`unit_id`,`issued_on`);--> statement-breakpoint
CREATE INDEX `models_unit_date_idx` ON `models` (`unit_id`,`started_on`);--> statement-breakpoint
CREATE INDEX `opinions_unit_date_idx` ON `opinions` (`unit_id`,`raised_on`);--> statement-breakpoint
CREATE INDEX `reports_unit_date_idx` ON `reports` (`unit_id`,`period_end`);