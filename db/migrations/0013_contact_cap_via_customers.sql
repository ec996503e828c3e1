-- The per-contact cap (db/repos/appointments.ts) counts a booking linked to a customer
-- whose hashes equal its own through that customer (customers_dealer_{email,phone}_idx,
-- already there for matching), so such a booking writes no contact entry of its own: two
-- random index leaves fewer per booking that makes its own customer (issue 17). Every
-- existing row keeps own_contact_indexed = 1 and so counts exactly as before.
ALTER TABLE `appointments` ADD `own_contact_indexed` integer DEFAULT true NOT NULL;
--> statement-breakpoint
DROP INDEX `appointments_dealer_email_idx`;
--> statement-breakpoint
DROP INDEX `appointments_dealer_phone_idx`;
--> statement-breakpoint
CREATE INDEX `appointments_own_email_idx` ON `appointments` (`dealer_id`,`contact_email_hash`) WHERE "appointments"."own_contact_indexed" = 1;
--> statement-breakpoint
CREATE INDEX `appointments_own_phone_idx` ON `appointments` (`dealer_id`,`contact_phone_hash`) WHERE "appointments"."own_contact_indexed" = 1;
--> statement-breakpoint
CREATE INDEX `appointments_customer_idx` ON `appointments` (`customer_id`) WHERE "appointments"."customer_id" IS NOT NULL;
