-- The desk's attempts at its tasks (scheduler/tasks): a call made, with its outcome.
-- "reached" and "not_needed" close the task; at most one closing attempt per task (the
-- unique partial index), so a task is closed once. New tables and indexes only: an
-- existing database upgrades with no row touched.
CREATE TABLE `task_attempts` (
	`id` text PRIMARY KEY NOT NULL,
	`dealer_id` text NOT NULL,
	`message_id` text NOT NULL,
	`outcome` text NOT NULL,
	`note` text,
	`by_label` text NOT NULL,
	`at` text NOT NULL,
	FOREIGN KEY (`message_id`) REFERENCES `outbox`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `task_attempts_message_idx` ON `task_attempts` (`message_id`);
--> statement-breakpoint
CREATE UNIQUE INDEX `task_attempts_closed_idx` ON `task_attempts` (`message_id`) WHERE outcome IN ('reached', 'not_needed');
--> statement-breakpoint
CREATE INDEX `task_attempts_dealer_at_idx` ON `task_attempts` (`dealer_id`,`at`);
--> statement-breakpoint
CREATE INDEX `outbox_desk_tasks_idx` ON `outbox` (`dealer_id`,`created_at`) WHERE audience = 'staff' AND status <> 'withdrawn' AND kind IN ('no_show_task', 'car_ready_call', 'follow_up_call', 'parts_arrived_call', 'parts_notice_overdue', 'parts_on_cancelled');
