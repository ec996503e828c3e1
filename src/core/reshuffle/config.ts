import type { CapacityIndex } from "../capacity-index.js";
import type { Booking } from "../types.js";
import { ALTERNATIVE_CANDIDATES } from "./accepted.js";
import { nearestOptions } from "./alternatives.js";
import { PlanBuilder } from "./plan-builder.js";
import { placeStay, staffRequest, stayBooking } from "./placement.js";
import { reseat } from "./reseat.js";
import type { CorePlan, Movable, ReplanContext } from "./types.js";

// The way through a refused configuration change: the appointments it would strand are
// re-placed under the NEW configuration (`index` is built over the dealer compiled with
// it, every current booking on it). First the absence re-plan's minimal-disruption
// re-seat (same time with another advisor, then the nearest time that day); what cannot
// stay on its day moves to the nearest valid option on the following days (the search,
// customer notice included). What still has no place — or cannot move because the car
// is already in — stays on the contact list, and such a plan cannot be applied. The
// plan is written as planned, not through applyMoves (which keeps the labour of a stay
// at its own reception: the new workshop may not hold it), so a stay re-seated at its own
// reception has its labour planned again here.

function byReception(a: Booking, b: Booking): number {
  return a.reception.start - b.reception.start || (a.id < b.id ? -1 : 1);
}

/**
 * The first of the nearest candidates on the following days that the checker places `b`
 * at, as this plan is written (a staff move: express only inside the window), or null.
 * The candidates are the search's: its express option is no place for an appointment
 * booked as ordinary (alternatives.ts), so each is checked, not taken as offered.
 */
function nextDays(plan: PlanBuilder, b: Booking, m: Movable): Booking | null {
  const { index, ctx } = plan;
  for (const o of nearestOptions(index, b, m, b.reception.start, ALTERNATIVE_CANDIDATES, ctx.now)) {
    const req = staffRequest(index, b, m, o.reception.advisor, o.reception.start, ctx.now, false);
    const st = placeStay(index, req, o.ret);
    if (typeof st !== "string") return stayBooking(b, req, st);
  }
  return null;
}

export function planConfigChange(
  index: CapacityIndex,
  ctx: ReplanContext,
  affected: Map<string, string>,
  /** Appointments no move resolves (work of a skill the new workshop drops): straight to the contact list. */
  unplaceable: ReadonlySet<string> = new Set(),
): CorePlan {
  const items: Booking[] = [];
  const stuck: Booking[] = [];
  const byHand: Booking[] = [];
  for (const id of affected.keys()) {
    const b = index.bookings.get(id);
    if (!b) continue;
    const m = ctx.movables.get(id);
    // Trap: re-seated, such a job would be planned without the dropped skill's work, and
    // the plan would "resolve" it by losing that work.
    if (unplaceable.has(id)) byHand.push(b);
    else (m && !m.returnOnly ? items : stuck).push(b);
  }
  items.sort(byReception);
  const plan = new PlanBuilder(index, ctx, false);
  try {
    for (const b of items) plan.take(b.id);
    reseat(plan, items);
    // Not placeable on its own day: the nearest option on the days after (listed, so off the index).
    // Trap: one still listed offers no options. Any it could offer were candidates this plan
    // just could not place, and what the admin does next is not a move this plan could check:
    // a move under the configuration in force, then the change assessed again.
    for (const c of plan.takeContacts()) {
      const to = nextDays(plan, c.from, ctx.movables.get(c.id)!);
      if (to) plan.place(to);
      else plan.addContact(c);
    }
    for (const b of byHand)
      plan.addContact({
        id: b.id,
        from: b,
        reason: `${affected.get(b.id)}; no other time or advisor resolves this: change or cancel it by hand first`,
        violations: [],
        near: null,
        options: [],
      });
    for (const b of stuck) {
      plan.addContact({
        id: b.id,
        from: b,
        reason: `${affected.get(b.id)}; the car is already in, so it cannot be moved automatically: handle it by hand first`,
        violations: [],
        near: null,
        options: [],
      });
    }
    return plan.result();
  } finally {
    plan.restore();
  }
}
