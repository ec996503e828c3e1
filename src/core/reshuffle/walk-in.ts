import type { CapacityIndex } from "../capacity-index.js";
import { GRID, gridUp } from "../dealer.js";
import { searchIndex } from "../search.js";
import { checkStay } from "../stay.js";
import type { AdvisorSlot, Booking, Job, LabourSlice, RuleCode } from "../types.js";
import { advisorsByLoad } from "./order.js";
import { forcePlace, placeStay, staffRequest, timeBound } from "./placement.js";
import type { Movable, Refusal } from "./types.js";

// A walk-in: the customer is at the desk. Received now or at the nearest gap today, by
// any advisor (the preferred one, then the least loaded). At each time the rules are
// tried first; when only the buffer stands in the way the advisor uses it (forced,
// recorded), rather than sending the customer away to a later time.

export interface WalkInQuery {
  job: Job;
  now: number;
  priority: boolean;
  /** A priority vehicle inside the express window: may use the express reserve. */
  express: boolean;
  preferredAdvisor?: number;
}

export interface WalkInPlan {
  reception: AdvisorSlot;
  ret: AdvisorSlot | null;
  readyAt: number;
  labour: LabourSlice[];
  forced: boolean;
  overridden: RuleCode[];
}

const PROBE_ID = "\u0000walk-in";

export function planWalkIn(index: CapacityIndex, q: WalkInQuery): WalkInPlan | Refusal {
  const dealer = index.dealer;
  const day = dealer.day(dealer.dayOf(q.now));
  const stub: Booking = {
    id: PROBE_ID,
    reception: { advisor: 0, start: q.now, minutes: q.job.receptionMinutes },
    ret: null,
    labour: [],
    readyAt: q.now,
    express: q.express,
    mobility: q.job.mobility,
  };
  const m: Movable = { job: q.job, priority: q.priority };
  const order = advisorsByLoad(index, day, q.preferredAdvisor ?? -1);
  const first = Math.max(q.now - day.zone.start, day.open[0] ?? 0);
  const t0 = day.zone.start + gridUp(day, first);
  const end = day.zone.start + day.windowEnd;
  for (let t = t0; day.open.length > 0 && t + q.job.receptionMinutes <= end; t += GRID) {
    for (let force = 0; force < 2; force++) {
      let bound = false;
      for (let i = 0; i < order.length && !bound; i++) {
        const req = staffRequest(index, stub, m, order[i], t, q.now, false);
        if (force === 0) {
          const st = placeStay(index, req, null);
          if (typeof st !== "string")
            return {
              reception: { advisor: order[i], start: t, minutes: req.minutes },
              ret: st.ret,
              readyAt: st.plan.readyAt,
              labour: st.plan.labour,
              forced: false,
              overridden: [],
            };
          bound = timeBound(st);
        } else {
          const f = forcePlace(index, req, null);
          if (f)
            return {
              reception: { advisor: order[i], start: t, minutes: req.minutes },
              ret: f.stay.ret,
              readyAt: f.stay.plan.readyAt,
              labour: f.stay.plan.labour,
              forced: f.overridden.length > 0,
              overridden: f.overridden,
            };
        }
      }
      if (bound) break;
    }
  }
  // Nothing today: why (at the first time, with the first advisor), and the next options.
  // The search's own, not checked as a reshuffle would (alone.ts): a walk-in is a new
  // booking, the walk-in's apply only ever places today, and what the desk does with one of
  // these is a booking of its optionId, which the booking checks as the search answers it.
  const chk = checkStay(index, staffRequest(index, stub, m, order[0] ?? 0, t0, q.now, false), null);
  const alt = searchIndex(index, {
    job: q.job,
    fromDay: day.n,
    days: 14,
    count: 2,
    now: q.now,
    priority: q.priority,
    preferredAdvisor: q.preferredAdvisor,
  });
  return { refused: true, failures: [{ id: null, violations: chk.violations, options: alt.options }] };
}
