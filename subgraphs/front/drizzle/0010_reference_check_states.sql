CREATE TABLE `reference_check_states` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`check_id` integer NOT NULL,
	`state` text NOT NULL,
	`since` text NOT NULL
);
--> statement-breakpoint
CREATE INDEX `reference_check_states_check_idx` ON `reference_check_states` (`check_id`,`since`);--> statement-breakpoint
-- The history of the checks noted before this table existed, inferred once: the first state from noted_at
-- (a DANGLING check was LEGACY before), the present one from checked_at (a SUPERSEDED one, whose time was
-- not kept, from now: readings of the time between count its record as unconfirmed, never as confirmed).
INSERT INTO `reference_check_states` (`check_id`, `state`, `since`)
SELECT `id`, CASE WHEN `state` IN ('LEGACY', 'DANGLING') THEN 'LEGACY' ELSE 'PENDING' END, `noted_at` FROM `reference_checks`;
--> statement-breakpoint
INSERT INTO `reference_check_states` (`check_id`, `state`, `since`)
SELECT `id`, `state`, CASE WHEN `state` = 'SUPERSEDED' OR `checked_at` IS NULL THEN strftime('%Y-%m-%dT%H:%M:%fZ', 'now') ELSE `checked_at` END
FROM `reference_checks` WHERE `state` NOT IN ('PENDING', 'LEGACY');
--> statement-breakpoint
-- From now on every state a check takes is kept, whichever code writes it.
CREATE TRIGGER `reference_check_states_noted` AFTER INSERT ON `reference_checks` BEGIN
  INSERT INTO `reference_check_states` (`check_id`, `state`, `since`) VALUES (NEW.`id`, NEW.`state`, NEW.`noted_at`);
END;
--> statement-breakpoint
CREATE TRIGGER `reference_check_states_changed` AFTER UPDATE OF `state` ON `reference_checks` WHEN NEW.`state` IS NOT OLD.`state` BEGIN
  INSERT INTO `reference_check_states` (`check_id`, `state`, `since`)
  VALUES (NEW.`id`, NEW.`state`, CASE WHEN NEW.`checked_at` IS NOT NULL AND NEW.`checked_at` IS NOT OLD.`checked_at` THEN NEW.`checked_at` ELSE strftime('%Y-%m-%dT%H:%M:%fZ', 'now') END);
END;
