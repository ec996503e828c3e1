import {
  CapacityIndex,
  compileDealer,
  DealerConfig,
  deriveJob,
  isJobError,
  readInstant,
  type Booking,
  type DealerConfigInput,
  type Dealer,
  type Job,
  type Mobility,
  type Option,
  type ReceptionRequest,
  type RuleCode,
  type Violation,
} from "../../src/core/index.js";

// Small builders shared by the core specification tests.

export interface Setup {
  config: DealerConfig;
  dealer: Dealer;
  index: CapacityIndex;
}

/** A parsed, compiled dealer (Europe/Rome unless told) with an empty capacity index. */
export function setup(input: Partial<DealerConfigInput> = {}): Setup {
  const config = DealerConfig.parse({ name: "Test dealer", timeZone: "Europe/Rome", ...input });
  const dealer = compileDealer("test", config);
  return { config, dealer, index: new CapacityIndex(dealer) };
}

/** Epoch minute of a local wall time "2027-03-01T09:00" in the dealer's zone. */
export function at(dealer: Dealer, local: string): number {
  return readInstant(dealer.tz, local);
}

export function job(dealer: Dealer, interventions: string[], known = true, mobility: Mobility = "none"): Job {
  const j = deriveJob(dealer, { interventions, known, mobility });
  if (isJobError(j)) throw new Error(j.detail);
  return j;
}

/**
 * checkReception's request in the dealer's local wall times: `advisor` (0 unless told)
 * receives `interventions` at `local` for `minutes`, asked at `now`.
 */
export function receptionAt(
  dealer: Dealer,
  r: { advisor?: number; local: string; minutes: number; interventions: string[]; now: string } & Pick<
    ReceptionRequest,
    "express" | "force"
  >,
): ReceptionRequest {
  const { advisor = 0, local, minutes, interventions, now, ...flags } = r;
  return {
    advisor,
    start: at(dealer, local),
    minutes,
    job: job(dealer, interventions),
    now: at(dealer, now),
    ...flags,
  };
}

let seq = 0;

/** A booking that holds only an advisor's reception (no return, no labour). */
export function reception(advisor: number, start: number, minutes: number): Booking {
  return {
    id: `r${++seq}`,
    reception: { advisor, start, minutes },
    ret: null,
    labour: [],
    readyAt: start + minutes,
    express: false,
    mobility: "none",
  };
}

/** The booking that taking a search option makes (`express`: the option was taken as a priority vehicle's). */
export function bookingOf(id: string, o: Option, express = false): Booking {
  return {
    id,
    reception: o.reception,
    ret: o.ret,
    labour: o.labour,
    readyAt: o.readyAt,
    express,
    mobility: o.mobility,
  };
}

export function codes(vs: Violation[]): RuleCode[] {
  return vs.map((v) => v.code).sort();
}

/** Interventions without labour, so that only the reception rules are exercised. */
export const NO_LABOUR = {
  q15: { receptionMinutes: 15 as const, returnMinutes: 10, labourHours: 0, skill: "mechanical" },
  q30: { receptionMinutes: 30 as const, returnMinutes: 15, labourHours: 0, skill: "mechanical" },
};

/**
 * No express reserve (no receptions, workshop hours or courtesy cars held for priority
 * vehicles), for tests whose subject is another rule; the reserve has its own rows.
 */
export const NO_RESERVE = {
  reservedReceptions: { morning: 0, afternoon: 0 },
  defaultReservedHours: 0,
  heldCourtesyCars: 0,
};
