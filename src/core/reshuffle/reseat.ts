import type { CapacityIndex } from "../capacity-index.js";
import { GRID } from "../dealer.js";
import { checkStay } from "../stay.js";
import type { Booking } from "../types.js";
import { nearestOptions } from "./alternatives.js";
import { reassignToFree } from "./augment.js";
import { advisorsByLoad } from "./order.js";
import type { PlanBuilder } from "./plan-builder.js";
import { staffRequest, timeBound } from "./placement.js";
import { seatAt } from "./seat.js";
import type { ReplanContext } from "./types.js";

// Minimal-disruption re-seating of receptions that lost their place (an absent advisor,
// a knock-on of a late customer). Minimised lexicographically: customers whose time
// changes, then the size of the time changes, then advisor changes. Greedy, in time
// order, each reception taking the first of:
//
//   1. its own time with its own advisor, then with another advisor (least loaded first);
//   2. its own time with an advisor freed by moving one of theirs to another advisor at
//      that booking's own time (one augmenting step: an advisor change instead of a time
//      change — the exact improvement the greedy misses most often);
//   3. the nearest other time that day, |Δ| growing by the quarter hour, later first on
//      ties (a customer can always come later; earlier may already be past), its own
//      advisor first at each time;
//   4. otherwise it stays where it is and goes on the contact list with the nearest
//      valid alternatives (at least two when they exist).
//
// Step 1 keeps every time whenever some advisor is free at that time; the greedy can
// still lose optimality when two receptions compete for the same free advisor (step 2
// recovers the one-swap cases). Each item must already be off the index (plan.take).

function sameTime(index: CapacityIndex, ctx: ReplanContext, plan: PlanBuilder, x: Booking, order: number[]): boolean {
  for (let i = 0; i < order.length; i++) {
    const code = seatAt(index, ctx, plan, x, order[i], x.reception.start);
    if (code === null) return true;
    if (timeBound(code)) return false;
  }
  return false;
}

function nearestTime(
  index: CapacityIndex,
  ctx: ReplanContext,
  plan: PlanBuilder,
  x: Booking,
  order: number[],
): boolean {
  const dealer = index.dealer;
  const s = x.reception.start;
  const day = dealer.day(dealer.dayOf(s));
  const lo = Math.max(ctx.now, day.zone.start + (day.open[0] ?? 0));
  const hi = day.zone.start + day.windowEnd;
  for (let d = GRID; s + d < hi || s - d >= lo; d += GRID) {
    for (let side = 0; side < 2; side++) {
      const t = side === 0 ? s + d : s - d;
      if (t < lo || t + x.reception.minutes > hi) continue;
      for (let i = 0; i < order.length; i++) {
        const code = seatAt(index, ctx, plan, x, order[i], t);
        if (code === null) return true;
        if (timeBound(code)) break;
      }
    }
  }
  return false;
}

function toContact(index: CapacityIndex, ctx: ReplanContext, plan: PlanBuilder, x: Booking): void {
  const m = ctx.movables.get(x.id)!;
  const chk = checkStay(index, staffRequest(x, m, x.reception.advisor, x.reception.start, ctx.now, false), x.ret);
  const options = nearestOptions(index, x, m, x.reception.start, 2, ctx.now);
  plan.keep(x.id);
  const date = index.dealer.format(x.reception.start).slice(0, 10);
  plan.addContact({
    id: x.id,
    from: x,
    reason: `no advisor can receive this customer on ${date} within the rules; call the customer with the options`,
    violations: chk.violations,
    options,
  });
}

/** Re-seats each booking (already taken off the index), in the order given. */
export function reseat(index: CapacityIndex, ctx: ReplanContext, plan: PlanBuilder, items: Booking[]): void {
  const dealer = index.dealer;
  for (const x of items) {
    const day = dealer.day(dealer.dayOf(x.reception.start));
    const order = advisorsByLoad(index, day, x.reception.advisor);
    if (sameTime(index, ctx, plan, x, order)) continue;
    if (reassignToFree(index, ctx, plan, x, order)) continue;
    if (nearestTime(index, ctx, plan, x, order)) continue;
    toContact(index, ctx, plan, x);
  }
}
