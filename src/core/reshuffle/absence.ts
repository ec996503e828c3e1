import type { CapacityIndex } from "../capacity-index.js";
import { ruleViolation } from "../rule-messages.js";
import type { Booking } from "../types.js";
import { PlanBuilder } from "./plan-builder.js";
import { placeReturn } from "./placement.js";
import { reseat } from "./reseat.js";
import { settle } from "./settle.js";
import type { CorePlan, ReplanContext } from "./types.js";

// An advisor is absent over [start, end). `index` must be built over a dealer compiled
// WITH that absence, so every check already sees the advisor away. Affected: the
// advisor's receptions and returns in the absence that have not started yet. Receptions
// are re-seated with minimal disruption (reseat.ts); a return alone keeps its time with
// another advisor when it can (placeReturn).

export interface AbsenceQuery {
  advisor: number;
  start: number;
  end: number;
}

function byReception(a: Booking, b: Booking): number {
  return a.reception.start - b.reception.start || (a.id < b.id ? -1 : 1);
}

function byReturn(a: Booking, b: Booking): number {
  return a.ret!.start - b.ret!.start || (a.id < b.id ? -1 : 1);
}

function hits(advisor: number, start: number, minutes: number, q: AbsenceQuery, now: number): boolean {
  return advisor === q.advisor && start < q.end && start + minutes > q.start && start >= now;
}

export function planAbsence(index: CapacityIndex, ctx: ReplanContext, q: AbsenceQuery): CorePlan {
  const receptions: Booking[] = [];
  const returns: Booking[] = [];
  const stuck: Booking[] = [];
  for (const b of index.bookings.values()) {
    if (b.hold) continue; // an obstacle, not an appointment to re-seat
    const m = ctx.movables.get(b.id);
    if (hits(b.reception.advisor, b.reception.start, b.reception.minutes, q, ctx.now)) {
      if (m && !m.returnOnly) receptions.push(b);
      else stuck.push(b);
    } else if (m && b.ret && hits(b.ret.advisor, b.ret.start, b.ret.minutes, q, ctx.now)) {
      returns.push(b);
    }
  }
  receptions.sort(byReception);
  returns.sort(byReturn);
  const plan = new PlanBuilder(index, ctx);
  try {
    // Listed for a call below: their advisor slots off the index throughout (their labour
    // stays: the car is in and its job holds its technicians), as applyMoves lifts them.
    for (const b of stuck) plan.lift(b.id);
    for (const b of receptions) plan.take(b.id);
    reseat(plan, receptions);
    for (const found of returns) {
      // As it is now: re-seating may have handed this reception to another advisor already.
      const b = plan.take(found.id);
      if (!b) continue; // listed for a call already
      if (!b.ret || !hits(b.ret.advisor, b.ret.start, b.ret.minutes, q, ctx.now)) {
        plan.place(b);
        continue;
      }
      const ret = placeReturn(index, b, ctx.movables.get(b.id)!, ctx.now);
      if (ret) {
        plan.place({ ...b, ret });
        continue;
      }
      plan.place(b); // where it is now (its reception may have moved already)
      // Listed, it stays where it was before the plan (addContact puts it back there, a
      // re-seated reception included): that is where the advisor's call starts from.
      const v = ruleViolation(index.dealer, "advisor_absent", found.ret!, found.readyAt);
      plan.addContact({
        id: b.id,
        from: found,
        reason: "no advisor can hand the car back near this time; agree a new return time with the customer",
        violations: [v],
        near: null,
        options: [],
      });
    }
    for (const b of stuck) {
      const v = ruleViolation(index.dealer, "advisor_absent", b.reception, null);
      plan.addContact({
        id: b.id,
        from: b,
        reason: "this appointment cannot be moved automatically (the car is already in); reassign it by hand",
        violations: [v],
        near: null,
        options: [],
      });
    }
    const settled = settle(plan, plan.result(), new Set());
    if (!settled.ok) throw new Error("an absence re-plan always settles (what does not apply is listed for a call)");
    return settled.plan;
  } finally {
    plan.restore();
  }
}
