import { checkStayOverCaps } from "../core/cap-override.js";
import type { Stay, StayCheck, StayRequest } from "../core/stay.js";
import type { AdvisorSlot, Job, Violation } from "../core/types.js";
import { DomainError } from "./errors.js";
import { optionView } from "./present.js";
import type { DealerRuntime } from "./runtime.js";
import { searchOptions } from "./search.js";

// The stay check a booking and a hold share: a priority vehicle inside the express
// window may, as the guarantee's last resort, go past the buffer caps (and only those),
// flagged as forced. One place, so a hold never promises what a booking would refuse;
// the rule itself is core/cap-override.ts.

export function checkExpressStay(
  rt: DealerRuntime,
  req: StayRequest,
  retHint: AdvisorSlot | null,
): StayCheck & { forced: boolean; overridden: Violation[] } {
  // The forced placement looks for its own return (no hint): the option's return was
  // found under the caps.
  return checkStayOverCaps(rt.index, req, retHint, req.express === true, null);
}

/** Where a booking or a hold lands: the advisor, the stay, whether forced past the caps, and the job (its mobility). */
export interface StayChoice {
  advisor: number;
  stay: Stay;
  forced: boolean;
  job: Job;
}

/**
 * The first of `jobs` (the same visit with each mobility it may have, in order: priority.ts
 * mobilityChoices) and, for it, the first of `advisors` that checkExpressStay accepts at
 * `start`; else the first refusal's violations. `ret`: the option's return, its length
 * the job's own. A booking and a hold both place this way, so a hold never holds a kind
 * or an advisor the booking would not take.
 */
export function firstStay(
  rt: DealerRuntime,
  at: { start: number; now: number; express: boolean; priority: boolean; ret: AdvisorSlot | null | undefined },
  jobs: readonly Job[],
  advisors: readonly number[],
): StayChoice | Violation[] {
  const { start, now, express, priority, ret } = at;
  let violations: Violation[] = [];
  for (const job of jobs) {
    for (const advisor of advisors) {
      const req = { advisor, start, minutes: job.receptionMinutes, job, now, express, priority };
      const chk = checkExpressStay(rt, req, ret ? { ...ret, minutes: job.returnMinutes } : null);
      if (chk.stay) return { advisor, stay: chk.stay, forced: chk.forced, job };
      if (violations.length === 0) violations = chk.violations;
    }
  }
  return violations;
}

/** 409 slot_unavailable with the broken rules and fresh alternatives from that day on. */
export function slotUnavailable(
  rt: DealerRuntime,
  job: Job,
  start: number,
  now: number,
  nowMs: number,
  priority: boolean,
  violations: Violation[],
  /** A priority vehicle's other mobility (priority.ts): the alternatives offer it where `job`'s is not free. */
  altJob?: Job,
): DomainError {
  const fromDay = Math.max(rt.dealer.dayOf(start), rt.dealer.dayOf(now));
  const alt = searchOptions(rt, job, fromDay, 14, 3, nowMs, altJob ? { priority, alt: altJob } : { priority });
  return new DomainError("slot_unavailable", violations[0]?.message ?? "the slot is no longer available", {
    violations,
    alternatives: alt.options.map((o) => optionView(rt.dealer, o)),
  });
}
