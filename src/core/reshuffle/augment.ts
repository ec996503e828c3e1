import type { CapacityIndex } from "../capacity-index.js";
import type { Booking } from "../types.js";
import type { PlanBuilder } from "./plan-builder.js";
import { placeStay, staffRequest, stayBooking } from "./placement.js";
import { seatAt } from "./seat.js";

// One augmenting step for a reception that found no free advisor at its own time: an
// advisor busy then with exactly one movable reception Y hands Y to another advisor at
// Y's own time, and takes the reception. One advisor change instead of a time change.

/** Receptions of other advisors overlapping [s, e), grouped per advisor (null: more than one). */
function blockers(index: CapacityIndex, x: Booking): Map<number, Booking | null> {
  const s = x.reception.start;
  const e = s + x.reception.minutes;
  const out = new Map<number, Booking | null>();
  for (const b of index.bookings.values()) {
    const r = b.reception;
    if (r.start >= e || r.start + r.minutes <= s || r.advisor === x.reception.advisor) continue;
    out.set(r.advisor, out.has(r.advisor) ? null : b);
  }
  return out;
}

export function reassignToFree(plan: PlanBuilder, x: Booking, order: number[]): boolean {
  const { index, ctx } = plan;
  const mx = ctx.movables.get(x.id)!;
  const found = blockers(index, x);
  for (let i = 0; i < order.length; i++) {
    const b = order[i];
    const y = found.get(b);
    if (!y) continue;
    const my = ctx.movables.get(y.id);
    if (!my || my.returnOnly || y.reception.start < ctx.now) continue;
    plan.take(y.id);
    const req = staffRequest(index, x, mx, b, x.reception.start, ctx.now, false);
    const st = placeStay(index, req, x.ret);
    if (typeof st !== "string") {
      plan.place(stayBooking(x, req, st));
      for (let k = 0; k < order.length; k++) {
        if (order[k] === b || order[k] === y.reception.advisor) continue;
        if (seatAt(plan, y, order[k], y.reception.start) === null) return true;
      }
      plan.take(x.id);
    }
    // Y back exactly where it was (its own earlier move, if any, included).
    plan.place(y);
  }
  return false;
}
