import { checkStayOverCaps } from "../core/cap-override.js";
import type { Stay } from "../core/stay.js";
import type { AdvisorSlot, Job, Violation } from "../core/types.js";
import { DomainError } from "./errors.js";
import { optionView } from "./present.js";
import type { DealerRuntime } from "./runtime.js";
import { searchOptions } from "./search.js";

// The stay check a booking and a hold share: a priority vehicle inside the express
// window may, as the guarantee's last resort, go past the buffer caps (and only those),
// flagged as forced. One place, so a hold never promises what a booking would refuse;
// the rule itself is core/cap-override.ts.

/** Where a booking or a hold lands: the advisor, the stay, whether forced past the caps, and the job (its mobility). */
export interface StayChoice {
  advisor: number;
  stay: Stay;
  forced: boolean;
  job: Job;
}

/**
 * The first of `jobs` (the same visit with each mobility it may have, in order: priority.ts
 * mobilityChoices) and, for it, the first of `advisors` whose stay checks at
 * `start`; else the first refusal's violations. `ret`: the option's return, its length
 * the job's own. A booking and a hold both place this way, so a hold never holds a kind
 * or an advisor the booking would not take.
 *
 * Going past the caps is the LAST resort, as in the search (core/express.ts): first every
 * kind and advisor within the caps; then, only if no advisor of the dealer could take the
 * visit at `start` within them, past them. Trap: one pass that let each advisor be forced
 * in turn seated an express booking past the named (or first) advisor's caps while another
 * advisor was free at that very time.
 */
export function firstStay(
  rt: DealerRuntime,
  at: { start: number; now: number; express: boolean; priority: boolean; ret: AdvisorSlot | null | undefined },
  jobs: readonly Job[],
  advisors: readonly number[],
): StayChoice | Violation[] {
  const { start, now, express, priority, ret } = at;
  let violations: Violation[] = [];
  const place = (job: Job, advisor: number, force: boolean) =>
    checkStayOverCaps(
      rt.index,
      { advisor, start, minutes: job.receptionMinutes, job, now, express, priority },
      ret ? { ...ret, minutes: job.returnMinutes } : null,
      force,
      null, // the forced placement looks for its own return: the option's was found under the caps
    );
  for (const job of jobs)
    for (const advisor of advisors) {
      const chk = place(job, advisor, false);
      if (chk.stay) return { advisor, stay: chk.stay, forced: false, job };
      if (violations.length === 0) violations = chk.violations;
    }
  if (!express) return violations;
  // Another advisor (one the caller did not name) within the caps: refused, not forced;
  // the alternatives offer that advisor.
  for (const job of jobs)
    for (let advisor = 0; advisor < rt.dealer.advisors.length; advisor++)
      if (!advisors.includes(advisor) && place(job, advisor, false).stay) return violations;
  for (const job of jobs)
    for (const advisor of advisors) {
      const chk = place(job, advisor, true);
      if (chk.stay) return { advisor, stay: chk.stay, forced: chk.forced, job };
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
