import type { CapacityIndex } from "../capacity-index.js";
import { GRID, type DayInfo } from "../dealer.js";
import { overlaps } from "../ranges.js";
import { searchIndex } from "../search.js";
import type { StayRequest } from "../stay.js";
import type { Booking, Option } from "../types.js";
import { movedExpress } from "../cap-override.js";
import { advisorsByLoad } from "./order.js";
import { placeStay, timeBound } from "./placement.js";
import type { Movable } from "./types.js";

// The nearest valid alternatives for an appointment that cannot go where it was asked:
// the closest times that day (either direction, one advisor per time), then the search's
// own options on the following days. These are proposals for the customer, so the
// dealer's minimum notice applies. `b` must be off the index.
// Trap: they are candidates, not answers. The search offers a priority car its express
// option (within one working day, whatever day it was asked from), which a move refuses
// to an appointment booked as ordinary; and the index they were found on may not be the
// one the move is checked on. What is offered goes through acceptedAlternatives with the
// move's own check (accepted.ts, alone.ts, retarget.ts).

function quietAt(index: CapacityIndex, day: DayInfo, s: number, e: number, advisors: number): boolean {
  const st = index.peek(day.n);
  let load = 0;
  if (st)
    for (let g = Math.floor(s / GRID), last = Math.ceil(e / GRID); g < last; g++)
      if (st.desk[g] > load) load = st.desk[g];
  const limit = Math.max(1, Math.ceil(index.dealer.config.receptionRules.quietMaxDeskShare * advisors));
  return load < limit && !overlaps(day.rush, s, e);
}

/** What the alternatives are wanted for: `b` (off the index), near `target`, `count` of them. */
interface Wanted {
  b: Booking;
  m: Movable;
  target: number;
  count: number;
  now: number;
}

function sameDay(index: CapacityIndex, { b, m, target, count, now }: Wanted, out: Option[]): void {
  const dealer = index.dealer;
  const day = dealer.day(dealer.dayOf(target));
  if (day.open.length === 0) return;
  const order = advisorsByLoad(index, day, b.reception.advisor);
  const lo = day.zone.start + day.open[0];
  const hi = day.zone.start + day.windowEnd;
  const t0 = day.zone.start + Math.round((target - day.zone.start + day.gridPhase) / GRID) * GRID - day.gridPhase;
  // Express as a move there would be: the window is whole days, so one answer for the day.
  const express = movedExpress(index, b.express, day.zone.start, now);
  for (let d = 0; (t0 + d < hi || t0 - d >= lo) && out.length < count; d += GRID) {
    for (let side = 0; side < 2 && out.length < count; side++) {
      if (d === 0 && side === 1) continue;
      const t = side === 0 ? t0 + d : t0 - d;
      if (t < lo || t + b.reception.minutes > hi) continue;
      for (let i = 0; i < order.length; i++) {
        const req: StayRequest = {
          advisor: order[i],
          start: t,
          minutes: b.reception.minutes,
          job: m.job,
          now,
          express,
          priority: m.priority,
        };
        const st = placeStay(index, req, null);
        if (typeof st === "string") {
          if (timeBound(st)) break;
          continue;
        }
        const s = t - day.zone.start;
        out.push({
          reception: { advisor: order[i], start: t, minutes: req.minutes },
          ret: st.ret,
          readyAt: st.plan.readyAt,
          labour: st.plan.labour,
          quiet: quietAt(index, day, s, s + req.minutes, order.length),
          express,
          mobility: b.mobility,
        });
        break;
      }
    }
  }
}

export function nearestOptions(
  index: CapacityIndex,
  b: Booking,
  m: Movable,
  target: number,
  count: number,
  now: number,
): Option[] {
  const out: Option[] = [];
  sameDay(index, { b, m, target, count, now }, out);
  if (out.length < count) {
    const fromDay = Math.max(index.dealer.dayOf(target) + 1, index.dealer.dayOf(now));
    const r = searchIndex(index, {
      job: m.job,
      fromDay,
      days: 14,
      count: count - out.length,
      now,
      priority: m.priority,
      preferredAdvisor: b.reception.advisor,
    });
    for (const o of r.options) if (out.length < count) out.push(o);
  }
  return out;
}
