import { checkStayOverCaps } from "../core/cap-override.js";
import type { StayCheck, StayRequest } from "../core/stay.js";
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
