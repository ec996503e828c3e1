import type { CapacityIndex } from "./capacity-index.js";
import { CAP_CODES } from "./caps.js";
import { expressHorizon } from "./express.js";
import { checkStay, type StayCheck, type StayRequest } from "./stay.js";
import type { AdvisorSlot, Violation } from "./types.js";

// When a placement may go past the buffer caps, and only those: an express booking or
// hold (a priority vehicle inside the express window, the guarantee's last resort) and
// an advisor's move with `force` and a reason. One rule for booking, holds and moves;
// the re-plans (reshuffle/placement.ts) use CAP_CODES the same way.

/** A priority reception that falls inside the express window ("within one working day" of now). */
export function isExpress(index: CapacityIndex, start: number, now: number, priority: boolean): boolean {
  return priority && index.dealer.dayOf(start) <= expressHorizon(index, now).last;
}

/**
 * checkStay, and when `overrideCaps` and the buffer caps are all the request breaks, the
 * placement with the caps off (`forced`). `forcedHint` is the return hint for that second
 * check (default: the first one's). When even that fails, its violations are returned.
 * `overridden`: the cap violations a forced placement went past (for the audit log).
 */
export function checkStayOverCaps(
  index: CapacityIndex,
  req: StayRequest,
  retHint: AdvisorSlot | null,
  overrideCaps: boolean,
  forcedHint: AdvisorSlot | null = retHint,
): StayCheck & { forced: boolean; overridden: Violation[] } {
  const chk = checkStay(index, req, retHint);
  if (chk.stay || !overrideCaps || !chk.violations.every((v) => CAP_CODES.has(v.code)))
    return { ...chk, forced: false, overridden: [] };
  const forcedChk = checkStay(index, { ...req, force: true }, forcedHint);
  const forced = forcedChk.stay !== null;
  return { ...forcedChk, forced, overridden: forced ? chk.violations : [] };
}
