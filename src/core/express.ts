import type { CapacityIndex } from "./capacity-index.js";
import { GRID, gridUp } from "./dealer.js";
import { SLOTS_PER_DAY, slotMask } from "./slot-mask.js";
import { evaluateStay, type StayRequest } from "./stay.js";
import type { Job, Option } from "./types.js";

// The express guarantee for priority vehicles: a reception today (if time remains) or on
// the next working day. First inside every rule, using the reserve held for priority
// vehicles; when even the reserve is used up, past the buffer caps (flagged for the
// advisor) — still never on top of another appointment and never outside opening hours.

/** The last day (day number) a priority reception counts as "within one working day" of `now`. */
export function expressHorizon(index: CapacityIndex, now: number): { first: number; last: number } {
  const dealer = index.dealer;
  const today = dealer.dayOf(now);
  let n = today + 1;
  while (n < today + 31 && dealer.day(n).open.length === 0) n++;
  return { first: today, last: n };
}

interface ExpressQuery {
  job: Job;
  now: number;
  /** The vehicle's other priority mobility (search.ts SearchQuery.alt), tried where `job`'s is not free. */
  alt?: Job;
}

function earliest(index: CapacityIndex, q: { job: Job; now: number }, force: boolean): Option | null {
  const { first, last } = expressHorizon(index, q.now);
  const dealer = index.dealer;
  const notice = q.now + dealer.config.receptionRules.minNoticeMinutes;
  for (let n = first; n <= last; n++) {
    const day = dealer.day(n);
    // Within the caps, the day's slot mask rules out a taken desk at one byte per candidate.
    const mask = force ? null : slotMask(index, day, q.job.receptionMinutes);
    for (let r = 0; r < day.open.length; r += 2) {
      let s = Math.max(day.open[r], notice - day.zone.start);
      s = gridUp(day, s);
      for (; s + q.job.receptionMinutes <= day.open[r + 1]; s += GRID) {
        const g = (s + day.gridPhase) / GRID;
        if (mask && mask[dealer.advisors.length * SLOTS_PER_DAY + g] === 0) continue;
        for (let a = 0; a < dealer.advisors.length; a++) {
          if (mask && mask[a * SLOTS_PER_DAY + g] === 0) continue;
          const req: StayRequest = {
            advisor: a,
            start: day.zone.start + s,
            minutes: q.job.receptionMinutes,
            job: q.job,
            now: q.now,
            express: true,
            priority: true,
            force,
            desk: mask !== null,
          };
          const st = evaluateStay(index, req, null, null);
          if (typeof st === "string") continue;
          return {
            reception: { advisor: a, start: req.start, minutes: req.minutes },
            ret: st.ret,
            readyAt: st.plan.readyAt,
            labour: st.plan.labour,
            quiet: false,
            express: true,
            overridesCaps: force || undefined,
            mobility: q.job.mobility,
          };
        }
      }
    }
  }
  return null;
}

/**
 * The guaranteed express option, or null only when no advisor has a free minute (or
 * mobility is gone). With `alt`, the other kind where the asked one is not free: first
 * within the caps with either kind, and only then past them (the last resort), each time
 * the asked kind first.
 */
export function expressOption(index: CapacityIndex, q: ExpressQuery): Option | null {
  const other = q.alt ? { job: q.alt, now: q.now } : null;
  return (
    earliest(index, q, false) ??
    (other && earliest(index, other, false)) ??
    earliest(index, q, true) ??
    (other && earliest(index, other, true))
  );
}
