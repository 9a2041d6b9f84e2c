ALTER TABLE `identity_reads` ADD `prev_hash` text;--> statement-breakpoint
ALTER TABLE `identity_reads` ADD `hash` text;