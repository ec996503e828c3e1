import type { CapacityIndex } from "../capacity-index.js";
import type { Booking, RuleCode } from "../types.js";
import type { PlanBuilder } from "./plan-builder.js";
import { placeReturn, placeStay, staffRequest, stayBooking } from "./placement.js";

// Seating a booking that is off the index. At its own reception a stay keeps the labour
// it has (applyMoves re-checks only the return of a move that keeps the reception, and
// puts such moves back before any other stay's labour is planned): so it fits there only
// while that labour is still free. Elsewhere the checker plans its labour afresh.

/** Why a booking could not be seated: a broken rule, or its own labour taken at its own reception. */
export type Unseated = RuleCode | "labour_taken";

/** No job on the booking's technicians overlaps its labour (the booking is off the index). */
export function labourFree(index: CapacityIndex, b: Booking): boolean {
  for (const l of b.labour) {
    if (l.tech === undefined || l.start === undefined || l.end === undefined) continue;
    const jobs = index.techJobs(l.tech);
    for (let i = 0; i < jobs.length && jobs[i] < l.end; i += 2) if (jobs[i + 1] > l.start) return false;
  }
  return true;
}

/**
 * `x` (off the index) at its own reception with its own labour, and its return when that
 * still fits (`newReturn`: else the nearest return that does); null when it cannot stay.
 */
export function inPlace(index: CapacityIndex, plan: PlanBuilder, x: Booking, newReturn: boolean): Booking | Unseated {
  const m = plan.ctx.movables.get(x.id)!;
  // The reception's own rules (desk, hours, absences) through THE checker.
  const st = placeStay(
    index,
    staffRequest(index, x, m, x.reception.advisor, x.reception.start, plan.ctx.now, false),
    x.ret,
  );
  if (typeof st === "string") return st;
  if (!labourFree(index, x)) return "labour_taken";
  if (x.ret === null) return x;
  const ret = placeReturn(index, x, m, plan.ctx.now);
  if (ret === x.ret) return x;
  return newReturn && ret ? { ...x, ret } : "return_before_ready";
}

/** Tries `x` (off the index) at (advisor, start): places it and returns null, or says why not. */
export function seatAt(plan: PlanBuilder, x: Booking, advisor: number, start: number): Unseated | null {
  const index = plan.index;
  const own = plan.originOf(x.id) ?? x;
  if (plan.ownLabour && advisor === own.reception.advisor && start === own.reception.start) {
    const b = inPlace(index, plan, own, true);
    if (typeof b === "string") return b;
    plan.place(b);
    return null;
  }
  const m = plan.ctx.movables.get(x.id)!;
  // Express from the booking as it was before the plan (`own`), as apply has it: not from
  // a placement this plan already gave it and took back.
  const req = staffRequest(index, own, m, advisor, start, plan.ctx.now, false);
  const st = placeStay(index, req, x.ret);
  if (typeof st === "string") return st;
  plan.place(stayBooking(x, req, st));
  return null;
}
