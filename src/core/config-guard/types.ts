import type { DealerConfig } from "../dealer-config.js";
import type { Dealer } from "../dealer.js";
import type { Booking } from "../types.js";

// A configuration change checked against the appointments it would strand. Each check
// is independent and pure: it sees the dealer before and after, the holding bookings
// under both, and reports what the change itself breaks (something already broken
// before is not this change's doing). Adding a rule = one more entry in CONFIG_CHECKS.

export const CONFLICT_CODES = [
  "advisor_removed",
  "closure",
  "outside_opening_hours",
  "courtesy_cars_exceeded",
  "workshop_exceeded",
  "skill_removed",
  "technician_unavailable",
  // rule-checks.ts: a rule of the appointment's own, by its rule code.
  "advisor_off_duty",
  "advisor_absent",
  "hourly_cap",
  "two_hour_cap",
  "mobility_not_offered",
  "mobility_unavailable",
] as const;
/** Work of a skill the new workshop drops: no other time or advisor resolves it. */
export const SKILL_REMOVED = "skill_removed";
export type ConflictCode = (typeof CONFLICT_CODES)[number] | (string & {});

export interface ConfigConflict {
  id: string;
  code: ConflictCode;
  message: string;
}

export interface GuardInput {
  before: Dealer;
  /** The new configuration compiled with its retired advisors appended (rebase.ts). */
  after: Dealer;
  /** The new configuration as sent (without retired advisors). */
  afterConfig: DealerConfig;
  /** Holding bookings, placed on `before`'s advisors and skills. */
  beforeBookings: ReadonlyMap<string, Booking>;
  /** The same bookings on `after`'s advisors and skills. */
  afterBookings: ReadonlyMap<string, Booking>;
  /** Epoch minute: only what is still ahead can be stranded. */
  now: number;
}

export interface ConfigCheck {
  name: string;
  run(input: GuardInput): ConfigConflict[];
}
