ALTER TABLE `api_keys` ADD `channel` text;--> statement-breakpoint
ALTER TABLE `vehicles` ADD `priority` integer DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE `appointments` ADD `possible_match_json` text;--> statement-breakpoint
ALTER TABLE `appointments` ADD `priority` integer;
