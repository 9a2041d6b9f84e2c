CREATE INDEX `activities_unit_date_idx` ON `activities` (`unit_id`,`date`);--> statement-breakpoint
CREATE INDEX `at_risk_supports_unit_date_idx` ON `at_risk_supports` (`unit_id`,`date`);--> statement-breakpoint
CREATE INDEX `elderly_family_pledges_unit_date_idx` ON `elderly_family_pledges` (`unit_id`,`signed_on`);--> statement-breakpoint
CREATE INDEX `mediation_cases_unit_date_idx` ON `mediation_cases` (`unit_id`,`received_on`);--> statement-breakpoint
CREATE INDEX `mediation_teams_unit_date_idx` ON `mediation_teams` (`area_id`,`formed_on`);--> statement-breakpoint
CREATE INDEX `reintegration_supports_unit_date_idx` ON `reintegration_supports` (`commune_id`,`assigned_on`);--> statement-breakpoint
CREATE INDEX `reintegration_visits_unit_date_idx` ON `reintegration_visits` (`commune_id`,`visited_on`);--> statement-breakpoint
CREATE INDEX `tip_handovers_unit_date_idx` ON `tip_handovers` (`unit_id`,`date`);--> statement-breakpoint
CREATE INDEX `forums_unit_date_idx` ON `forums` (`unit_id`,`date`);--> statement-breakpoint
CREATE INDEX `implementing_plans_unit_date_idx` ON `implementing_plans` (`unit_id`,`issued_on`);--> statement-breakpoint
CREATE INDEX `models_unit_date_idx` ON `models` (`unit_id`,`started_on`);--> statement-breakpoint
CREATE INDEX `opinions_unit_date_idx` ON `opinions` (`unit_id`,`raised_on`);--> statement-breakpoint
CREATE INDEX `reports_unit_date_idx` ON `reports` (`unit_id`,`period_end`);