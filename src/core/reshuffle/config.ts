import type { CapacityIndex } from "../capacity-index.js";
import { movedExpress } from "../cap-override.js";
import type { Booking, Option } from "../types.js";
import { nearestOptions } from "./alternatives.js";
import { PlanBuilder } from "./plan-builder.js";
import { reseat } from "./reseat.js";
import type { CorePlan, ReplanContext } from "./types.js";

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

function optionBooking(index: CapacityIndex, now: number, b: Booking, o: Option): Booking {
  return {
    id: b.id,
    reception: o.reception,
    ret: o.ret,
    labour: o.labour,
    readyAt: o.readyAt,
    // Express as a move there is (cap-override.ts): only inside the window.
    express: movedExpress(index, b.express, o.reception.start, now),
    mobility: b.mobility,
  };
}

export function planConfigChange(index: CapacityIndex, ctx: ReplanContext, affected: Map<string, string>): CorePlan {
  const items: Booking[] = [];
  const stuck: Booking[] = [];
  for (const id of affected.keys()) {
    const b = index.bookings.get(id);
    if (!b) continue;
    const m = ctx.movables.get(id);
    (m && !m.returnOnly ? items : stuck).push(b);
  }
  items.sort(byReception);
  const plan = new PlanBuilder(index, ctx, false);
  try {
    for (const b of items) plan.take(b.id);
    reseat(plan, items);
    // Not placeable on its own day: the nearest option on the days after (listed, so off the index).
    for (const c of plan.takeContacts()) {
      const b = c.from;
      const [o] = nearestOptions(index, b, ctx.movables.get(c.id)!, b.reception.start, 1, ctx.now);
      if (o) plan.place(optionBooking(index, ctx.now, b, o));
      else plan.addContact(c);
    }
    for (const b of stuck) {
      plan.addContact({
        id: b.id,
        from: b,
        reason: `${affected.get(b.id)}; the car is already in, so it cannot be moved automatically: handle it by hand first`,
        violations: [],
        options: [],
      });
    }
    return plan.result();
  } finally {
    plan.restore();
  }
}
