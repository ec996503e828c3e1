-- The messages about one appointment (GET /v1/dealers/{id}/messages?appointmentId=,
-- src/db/repos/outbox.ts listMessages) without reading the dealer's whole outbox: its own
-- messages through the first index, and the group notices to the supervisor (appointment_id
-- NULL, a line per booking in data.bookings; journey/supervisor-notice.ts) through the
-- second, which holds those alone. Both partial: a row is in one of them at most (a group
-- notice in the second only), so the booking path pays one index entry a message.
CREATE INDEX `outbox_appointment_idx` ON `outbox` (`appointment_id`,`created_at`) WHERE "outbox"."appointment_id" IS NOT NULL;
--> statement-breakpoint
CREATE INDEX `outbox_group_notices_idx` ON `outbox` (`dealer_id`,`created_at`) WHERE "outbox"."appointment_id" IS NULL AND "outbox"."kind" = 'supervisor_notice';
