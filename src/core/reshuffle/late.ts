import type { CapacityIndex } from "../capacity-index.js";
import { anySet } from "../bitset.js";
import { gridUp, WORDS_PER_DAY } from "../dealer.js";
import { checkStay, type StayRequest } from "../stay.js";
import type { Booking } from "../types.js";
import { PlanBuilder } from "./plan-builder.js";
import { forcePlace, placeStay, staffRequest, stayBooking } from "./placement.js";
import { reseat } from "./reseat.js";
import { inPlace } from "./seat.js";
import { refusal, settle } from "./settle.js";
import type { CorePlan, Refusal, ReplanContext } from "./types.js";

// Running late / overrun: one reception shifts by N minutes (rounded up to the quarter
// hour) with the same advisor — past the buffer caps if it must, since the customer is
// coming anyway. The advisor's later receptions that day that no longer fit are
// re-seated with the same minimal-disruption order as an absence (reseat.ts); those
// that still fit stay exactly as they are.

export interface LateQuery {
  id: string;
  minutes: number;
}

export interface LatePlan extends CorePlan {
  /** The shift actually applied (the request rounded up to the grid). */
  shiftMinutes: number;
}

function byReception(a: Booking, b: Booking): number {
  return a.reception.start - b.reception.start;
}

/** Places the late reception at `req` (past the caps if it must); false when even that breaks a rule. */
function placeLate(index: CapacityIndex, plan: PlanBuilder, b: Booking, req: StayRequest): boolean {
  const st = placeStay(index, req, b.ret);
  if (typeof st !== "string") {
    plan.place(stayBooking(b, req, st));
    return true;
  }
  const f = forcePlace(index, req, b.ret);
  if (!f) return false;
  plan.place(stayBooking(b, req, f.stay), f.overridden.length > 0, f.overridden);
  return true;
}

/** Whether a later reception may be re-seated (else it stays exactly where it is). */
function movable(ctx: ReplanContext, o: Booking): boolean {
  const mo = ctx.movables.get(o.id);
  return mo !== undefined && !mo.returnOnly;
}

/**
 * Puts back each later reception that still fits exactly where it is (its labour and
 * return included); returns the others (off the index).
 */
function sortOut(index: CapacityIndex, ctx: ReplanContext, plan: PlanBuilder, later: Booking[]): Booking[] {
  const knocked: Booking[] = [];
  for (const o of later) {
    if (!movable(ctx, o)) continue; // never taken off
    if (typeof inPlace(index, plan, o, false) === "string") knocked.push(o);
    else plan.keep(o.id);
  }
  return knocked;
}

export function planLate(index: CapacityIndex, ctx: ReplanContext, q: LateQuery): LatePlan | Refusal {
  const b = index.bookings.get(q.id);
  const m = ctx.movables.get(q.id);
  if (!b || !m) throw new Error(`appointment ${q.id} is not movable`);
  const dealer = index.dealer;
  const day = dealer.day(dealer.dayOf(b.reception.start));
  const raw = b.reception.start + q.minutes - day.zone.start;
  const newStart = day.zone.start + gridUp(day, raw);
  const advisor = b.reception.advisor;
  const dayEnd = day.zone.start + day.zone.length;
  const later: Booking[] = [];
  for (const o of index.bookings.values()) {
    const r = o.reception;
    if (
      o.id !== b.id &&
      !o.hold &&
      r.advisor === advisor &&
      r.start > b.reception.start &&
      r.start < dayEnd &&
      r.start >= ctx.now
    )
      later.push(o);
  }
  later.sort(byReception);
  const plan = new PlanBuilder(index, ctx);
  try {
    plan.take(b.id);
    // The ones that cannot move stay on the index throughout, as applyMoves has them.
    for (const o of later) if (movable(ctx, o)) plan.take(o.id);
    const req = staffRequest(index, b, m, advisor, newStart, ctx.now, false);
    // First the gentle way: only the new reception (a probe) decides who is knocked on, and
    // the late stay's return and mobility then go around everyone who still fits.
    // (Only on free minutes: busy minutes are bits, and taking the probe back must not free
    // another booking's. When they are not free, nothing can place the late stay there.)
    const st = index.peek(day.n);
    const s = newStart - day.zone.start;
    const free = !st || !anySet(st.busy, advisor * WORDS_PER_DAY, s, s + b.reception.minutes);
    let knocked: Booking[] = later;
    if (free) {
      index.add({
        id: b.id,
        reception: { advisor, start: newStart, minutes: b.reception.minutes },
        ret: null,
        labour: [],
        readyAt: newStart,
        express: false,
        mobility: "none",
      });
      knocked = sortOut(index, ctx, plan, later);
      index.remove(b.id);
    }
    if (!free || !placeLate(index, plan, b, req)) {
      // The late stay itself needs what a later one holds (its return, a courtesy car):
      // the late customer comes first, everyone later is sorted out around them.
      for (const o of later) if (movable(ctx, o) && index.bookings.has(o.id)) plan.take(o.id);
      if (!placeLate(index, plan, b, req)) {
        const chk = checkStay(index, req, b.ret);
        // The options on the index as it was (refusal() puts it back): here everyone later
        // is off it, and their times are not free.
        return refusal(plan, [{ id: b.id, violations: chk.violations }], new Map([[b.id, newStart]]));
      }
      knocked = sortOut(index, ctx, plan, later);
    }
    reseat(plan, knocked);
    const settled = settle(plan, plan.result(), new Set([b.id]));
    if (!settled.ok) return refusal(plan, settled.failures, new Map([[b.id, newStart]]));
    return { ...settled.plan, shiftMinutes: newStart - b.reception.start };
  } finally {
    plan.restore();
  }
}
