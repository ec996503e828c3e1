import { GRID } from "../dealer.js";
import { checkStay } from "../stay.js";
import type { Booking } from "../types.js";
import { reassignToFree } from "./augment.js";
import { advisorsByLoad } from "./order.js";
import type { PlanBuilder } from "./plan-builder.js";
import { staffRequest, timeBound } from "./placement.js";
import { seatAt } from "./seat.js";

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
//   4. otherwise it stays where it is and goes on the contact list, with the nearest
//      alternatives its move alone is accepted at once the plan is applied (settle.ts).
//
// Step 1 keeps every time whenever some advisor is free at that time; the greedy can
// still lose optimality when two receptions compete for the same free advisor (step 2
// recovers the one-swap cases). Each item must already be off the index (plan.take).

function sameTime(plan: PlanBuilder, x: Booking, order: number[]): boolean {
  for (let i = 0; i < order.length; i++) {
    const code = seatAt(plan, x, order[i], x.reception.start);
    if (code === null) return true;
    if (timeBound(code)) return false;
  }
  return false;
}

function nearestTime(plan: PlanBuilder, x: Booking, order: number[]): boolean {
  const dealer = plan.index.dealer;
  const s = x.reception.start;
  const day = dealer.day(dealer.dayOf(s));
  const lo = Math.max(plan.ctx.now, day.zone.start + (day.open[0] ?? 0));
  const hi = day.zone.start + day.windowEnd;
  for (let d = GRID; s + d < hi || s - d >= lo; d += GRID) {
    for (let side = 0; side < 2; side++) {
      const t = side === 0 ? s + d : s - d;
      if (t < lo || t + x.reception.minutes > hi) continue;
      for (let i = 0; i < order.length; i++) {
        const code = seatAt(plan, x, order[i], t);
        if (code === null) return true;
        if (timeBound(code)) break;
      }
    }
  }
  return false;
}

function toContact(plan: PlanBuilder, x: Booking): void {
  const { index, ctx } = plan;
  const m = ctx.movables.get(x.id)!;
  const chk = checkStay(
    index,
    staffRequest(index, x, m, x.reception.advisor, x.reception.start, ctx.now, false),
    x.ret,
  );
  const date = index.dealer.format(x.reception.start).slice(0, 10);
  // Where it was from now on with only its advisor slots off the index (its labour back on
  // the technicians), as applyMoves has it: it lifts the contact list's advisor slots.
  // Its options come later, on the plan as applied (settle.ts): this index is mid-plan.
  plan.addContact({
    id: x.id,
    from: x,
    reason: `no advisor can receive this customer on ${date} within the rules; call the customer with the options`,
    violations: chk.violations,
    near: x.reception.start,
    options: [],
  });
}

/** Re-seats each booking (already taken off the index), in the order given. */
export function reseat(plan: PlanBuilder, items: Booking[]): void {
  const dealer = plan.index.dealer;
  for (const x of items) {
    const day = dealer.day(dealer.dayOf(x.reception.start));
    const order = advisorsByLoad(plan.index, day, x.reception.advisor);
    if (sameTime(plan, x, order)) continue;
    if (reassignToFree(plan, x, order)) continue;
    if (nearestTime(plan, x, order)) continue;
    toContact(plan, x);
  }
}
