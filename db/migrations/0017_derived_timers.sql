-- Two timers every booking had as rows are derived from the appointment until they fall
-- due (src/scheduler/journey/derived-timers.ts, issue 17): the no-show check (30 minutes
-- after the reception, found through appointments_dealer_reception_idx) and the online
-- request's confirm-overdue alert (24 hours after it was made, found through the index
-- below). The journey's runner writes their job rows when they fall due; timer_sweeps
-- says up to which instant it has. Rows written before this migration stay and run as
-- they always did.
CREATE TABLE `timer_sweeps` (
	`kind` text PRIMARY KEY NOT NULL,
	`swept_to` integer NOT NULL
);
--> statement-breakpoint
CREATE INDEX `appointments_requested_online_idx` ON `appointments` (`created_at`) WHERE "appointments"."status" = 'requested' AND "appointments"."channel" IN ('app', 'web');
