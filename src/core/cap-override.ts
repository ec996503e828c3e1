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
 * Whether an existing appointment is express at a reception it is moved to: an advisor's
 * move, the customer's reschedule, every reshuffle (explicit moves, swap, late, absence,
 * configuration change) and the alternatives each of them offers. Express is a promise
 * for the express window, not a property of the car: booked express and still inside the
 * window, it stays express; moved further out, by anyone, it is an ordinary appointment,
 * checked against the express reserve and the slack like any other (else a move could
 * take express capacity weeks out). A move never makes an appointment express: a priority
 * car booked as ordinary stays ordinary when moved into the window (only a booking, at its
 * express option or a start inside the window, takes the express promise).
 * Trap: `bookedExpress` is the appointment's flag as stored, not one a plan recomputed.
 */
export function movedExpress(index: CapacityIndex, bookedExpress: boolean, start: number, now: number): boolean {
  return isExpress(index, start, now, bookedExpress);
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
