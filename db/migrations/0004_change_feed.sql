CREATE TABLE `index_changes` (
	`seq` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`dealer_id` text NOT NULL,
	`appointment_id` text
);
