-- The VINs a dealer holds as priority, read whole into each dealer's runtime (scheduler/trust.ts)
-- after any change of a priority flag: a partial index keeps that read to the priority rows,
-- not every vehicle of the dealer.
CREATE INDEX `vehicles_priority_idx` ON `vehicles` (`dealer_id`,`vin`) WHERE "vehicles"."priority" = 1;
