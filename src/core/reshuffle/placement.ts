import type { CapacityIndex } from "../capacity-index.js";
import { GRID, type DayInfo } from "../dealer.js";
import { mobilityViolation } from "../mobility.js";
import { findReturn } from "../return-slot.js";
import { evaluateReturn } from "../rules.js";
import { evaluateStay, type Stay, type StayRequest } from "../stay.js";
import type { AdvisorSlot, Booking, RuleCode } from "../types.js";
import type { Movable } from "./types.js";
import { CAP_CODES } from "../caps.js";
import { movedExpress } from "../cap-override.js";

// Placing an existing appointment somewhere else, through THE checker (evaluateStay).
// The return follows the customer's interest: kept when still valid, else the same
// time with another advisor, else the first free return after the car is ready.
// No closures in here: these run inside the planners' loops.

/** Codes that do not depend on the advisor: no other advisor at that time can pass. */
export function timeBound(code: string): boolean {
  return (
    code === "in_the_past" ||
    code === "beyond_horizon" ||
    code === "off_grid" ||
    code === "closed" ||
    code === "outside_opening_hours" ||
    code === "workshop_full"
  );
}

/**
 * A staff request for `b`'s reception at (advisor, start): no minimum notice, never before
 * now; express only as a move is (movedExpress: booked express and still inside the
 * window). `b` carries the appointment's flag as stored (the index's booking, or the
 * planner's copy of it from before the plan).
 */
export function staffRequest(
  index: CapacityIndex,
  b: Booking,
  m: Movable,
  advisor: number,
  start: number,
  now: number,
  force: boolean,
): StayRequest {
  return {
    advisor,
    start,
    minutes: b.reception.minutes,
    job: m.job,
    now,
    notice: 0,
    express: movedExpress(index, b.express, start, now),
    priority: m.priority,
    force,
  };
}

/** The return at `hint`'s time with another advisor (`prefer` first), or null. */
export function sameTimeReturn(
  index: CapacityIndex,
  hint: AdvisorSlot,
  readyAt: number,
  prefer: number,
): AdvisorSlot | null {
  const A = index.dealer.advisors.length;
  for (let i = -1; i < A; i++) {
    const a = i < 0 ? prefer : i;
    if ((i >= 0 && a === prefer) || a === hint.advisor) continue;
    const slot: AdvisorSlot = { advisor: a, start: hint.start, minutes: hint.minutes };
    if (evaluateReturn(index, slot, readyAt, null) === null) return slot;
  }
  return null;
}

/** The checked stay of a reception request, with the return chosen as described above. */
export function placeStay(index: CapacityIndex, req: StayRequest, hint: AdvisorSlot | null): Stay | RuleCode {
  const s = evaluateStay(index, req, hint, null);
  if (typeof s === "string" || hint === null || s.ret === hint) return s;
  const alt = sameTimeReturn(index, hint, s.plan.readyAt, req.advisor);
  if (!alt) return s;
  const again = evaluateStay(index, req, alt, null);
  return typeof again !== "string" && again.ret === alt ? again : s;
}

/**
 * `b` placed by `req`'s checked stay. Express as the request was checked (staffRequest):
 * the stored row, the audit and the index's express counters follow the new reception.
 */
export function stayBooking(b: Booking, req: StayRequest, stay: Stay): Booking {
  return {
    id: b.id,
    reception: { advisor: req.advisor, start: req.start, minutes: req.minutes },
    ret: stay.ret,
    labour: stay.plan.labour,
    readyAt: stay.plan.readyAt,
    express: req.express === true,
    mobility: b.mobility,
  };
}

function returnFits(index: CapacityIndex, b: Booking, m: Movable, slot: AdvisorSlot): boolean {
  if (evaluateReturn(index, slot, b.readyAt, null) !== null) return false;
  return (
    mobilityViolation(index, b.mobility, { reception: b.reception, ret: slot, readyAt: b.readyAt }, m.priority) === null
  );
}

/**
 * A new return for a booking whose reception stays (the car is in, or only the return is
 * hit): the same slot, else the same time with another advisor, else the nearest time
 * that day (later first on ties), else the first free return. `b` is off the index.
 */
export function placeReturn(index: CapacityIndex, b: Booking, m: Movable, now: number): AdvisorSlot | null {
  const hint = b.ret;
  if (!hint) return null;
  if (returnFits(index, b, m, hint)) return hint;
  const A = index.dealer.advisors.length;
  const day: DayInfo = index.dealer.day(index.dealer.dayOf(hint.start));
  const lo = Math.max(now, b.readyAt, day.zone.start + day.windowStart);
  const hi = day.zone.start + day.windowEnd;
  for (let d = 0; hint.start + d < hi || hint.start - d >= lo; d += GRID) {
    for (let side = 0; side < 2; side++) {
      if (d === 0 && side === 1) continue;
      const t = side === 0 ? hint.start + d : hint.start - d;
      if (t < lo || t + hint.minutes > hi) continue;
      for (let i = -1; i < A; i++) {
        const a = i < 0 ? b.reception.advisor : i;
        if (i >= 0 && a === b.reception.advisor) continue;
        const slot: AdvisorSlot = { advisor: a, start: t, minutes: hint.minutes };
        if (returnFits(index, b, m, slot)) return slot;
      }
    }
  }
  const later = findReturn(index, b.reception.advisor, Math.max(now, b.readyAt), hint.minutes);
  return later && returnFits(index, b, m, later) ? later : null;
}

export function isCap(code: RuleCode): boolean {
  return CAP_CODES.has(code);
}

/**
 * The stay placed past the buffer caps (and nothing else: never past busy, hours,
 * absences, the workshop, mobility or the express reserve), with the caps it overrides;
 * null when even that breaks a rule.
 */
export function forcePlace(
  index: CapacityIndex,
  req: StayRequest,
  hint: AdvisorSlot | null,
): { stay: Stay; overridden: RuleCode[] } | null {
  const st = placeStay(index, { ...req, force: true }, hint);
  if (typeof st === "string") return null;
  const codes: RuleCode[] = [];
  evaluateStay(index, { ...req, force: false }, st.ret, codes);
  for (const c of codes) if (!CAP_CODES.has(c)) return null;
  return { stay: st, overridden: codes };
}
