// Integer-world types of the scheduling core. Every instant is an *epoch minute*
// (whole minutes since 1970-01-01T00:00Z); every local day is a *day number* (days since
// 1970-01-01 of the dealer's local calendar). Temporal turns them into ISO strings at the edge.

export const MOBILITY = ["none", "courtesy_car", "pickup_delivery", "rental", "taxi", "shuttle"] as const;
export type Mobility = (typeof MOBILITY)[number];

/** Labour minutes a booking holds in one skill on one local day. */
export interface LabourSlice {
  skill: number;
  day: number;
  minutes: number;
  /**
   * The technician (roster index) and the wall-clock part of the job on that day,
   * [start, end) epoch minutes. Absent on slices planned before technicians were
   * modelled: those hold skill hours only.
   */
  tech?: number;
  start?: number;
  end?: number;
}

/** Where a job's labour goes and when the car is ready (core/workshop.ts plans it). */
export interface LabourPlan {
  labour: LabourSlice[];
  readyAt: number;
}

export interface AdvisorSlot {
  advisor: number;
  start: number;
  minutes: number;
}

/** What the capacity index knows of one appointment that holds capacity. */
export interface Booking {
  id: string;
  reception: AdvisorSlot;
  ret: AdvisorSlot | null;
  labour: LabourSlice[];
  readyAt: number;
  express: boolean;
  mobility: Mobility;
  /** A hold (issue 14): counts for every rule, but is nobody's appointment: never moved or listed by a re-plan. */
  hold?: boolean;
}

/** A job as the customer describes it; durations and labour derive from it. */
export interface JobRequest {
  interventions: string[];
  known: boolean;
  mobility: Mobility;
}

/** Durations and labour demand derived from a JobRequest by the duration model. */
export interface Job {
  receptionMinutes: 15 | 30;
  returnMinutes: number;
  /** Labour minutes per skill index (sparse: only skills with demand). */
  labour: Array<{ skill: number; minutes: number }>;
  mobility: Mobility;
}

export const RULE_CODES = [
  "in_the_past",
  "beyond_horizon",
  "invalid_length",
  "off_grid",
  "closed",
  "outside_opening_hours",
  "unknown_advisor",
  "advisor_off_duty",
  "advisor_absent",
  "advisor_busy",
  "hourly_cap",
  "two_hour_cap",
  "workshop_full",
  "return_before_ready",
  "invalid_return_length",
  "express_reserve",
  "mobility_not_offered",
  "mobility_unavailable",
] as const;
export type RuleCode = (typeof RULE_CODES)[number];

/** What a rule's sentence is about (rule-messages.ts, rule-messages-it.ts): the slot, and for some rules the clock and the job. */
export interface RuleSubject extends AdvisorSlot {
  now?: number;
  notice?: number;
  job?: { labour: Array<{ skill: number; minutes: number }> };
}

export interface Violation {
  code: RuleCode;
  message: string;
  /** The sentence in Italian, with the same facts (rule-messages-it.ts). */
  texts?: { it: string };
}

/** A bookable proposal, in integers. */
export interface Option {
  reception: AdvisorSlot;
  /** Proposed return; null only when no advisor is free within three weeks of readyAt. */
  ret: AdvisorSlot | null;
  readyAt: number;
  labour: LabourSlice[];
  quiet: boolean;
  express: boolean;
  /** Express option that goes past the buffer caps (flagged for the advisor). */
  overridesCaps?: boolean;
  mobility: Mobility;
  /**
   * A priority vehicle's search chose `mobility` between courtesy car and pickup & delivery
   * (search.ts `alt`): the optionId carries it, and a booking of the option reserves
   * exactly it. Absent on every other option (their optionIds do not change).
   */
  mobilityPinned?: boolean;
}

export type DayPart = "morning" | "afternoon";
