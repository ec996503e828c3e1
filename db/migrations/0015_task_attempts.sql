-- The desk's attempts at its tasks (scheduler/tasks): a call made, with its outcome.
-- "reached" and "not_needed" close the task; at most one closing attempt per task (the
-- unique partial index), so a task is closed once. The outbox row of a closed task
-- carries task_closed_at, and the partial index of desk tasks holds only the open ones:
-- the open list never walks a dealer's closed tasks, however many years of them.
--
-- Before this migration nothing could close a task: every desk task ever raised would
-- come back open. Those raised more than 7 days before the upgrade are closed by it
-- ("not_needed", by "Pitlane (upgrade)"): the desk dealt with them, or they are moot by now; the
-- last week's stay open for the desk to record.
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
ALTER TABLE `outbox` ADD `task_closed_at` text;
--> statement-breakpoint
INSERT INTO `task_attempts` (`id`, `dealer_id`, `message_id`, `outcome`, `note`, `by_label`, `at`)
SELECT 'upgrade:' || `id`, `dealer_id`, `id`, 'not_needed', NULL, 'Pitlane (upgrade)', strftime('%Y-%m-%dT%H:%M:%fZ', 'now')
FROM `outbox` WHERE audience = 'staff' AND status <> 'withdrawn' AND kind IN ('no_show_task', 'car_ready_call', 'follow_up_call', 'parts_arrived_call', 'parts_notice_overdue', 'parts_on_cancelled')
  AND `created_at` < strftime('%Y-%m-%dT%H:%M:%fZ', 'now', '-7 days');
--> statement-breakpoint
UPDATE `outbox` SET `task_closed_at` = strftime('%Y-%m-%dT%H:%M:%fZ', 'now')
WHERE `id` IN (SELECT `message_id` FROM `task_attempts` WHERE `id` LIKE 'upgrade:%');
--> statement-breakpoint
CREATE INDEX `outbox_desk_tasks_idx` ON `outbox` (`dealer_id`,`created_at`) WHERE audience = 'staff' AND status <> 'withdrawn' AND kind IN ('no_show_task', 'car_ready_call', 'follow_up_call', 'parts_arrived_call', 'parts_notice_overdue', 'parts_on_cancelled') AND task_closed_at IS NULL;
