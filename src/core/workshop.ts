import type { CapacityIndex } from "./capacity-index.js";
import { gridUp } from "./dealer.js";
import type { Job, LabourSlice } from "./types.js";

// Where the job's labour goes and when the car is ready.
//
// Model (documented in the README): a job is worked by one technician at a time, at
// most one technician-day of productive minutes per day, spread evenly over the
// workshop window (first opening to last closing). It starts at reception end on the
// reception day and rolls over the following open days, taking only capacity nobody
// else holds. It must finish within the days it needs on an empty workshop plus
// SLACK_DAYS more open days; otherwise the workshop is full for it. The car is ready at
// the finish rounded up to the 15-minute grid: the plan holds the labour, so the ready
// time is one the workshop can meet.

export const SLACK_DAYS = 1;
const MAX_CALENDAR_DAYS = 45;

export interface LabourPlan {
  labour: LabourSlice[];
  readyAt: number;
}

/**
 * `express` jobs may use the skill's reserved hours and are not bound by the slack
 * (the reception is guaranteed; the ready time is honest). Ordinary jobs see the
 * reserve as taken until the day's release time has passed at `now`.
 */
export function planLabour(index: CapacityIndex, job: Job, receptionEnd: number, now: number, express = false): LabourPlan | null {
  const dealer = index.dealer;
  const first = dealer.dayOf(receptionEnd);
  let readyAt = receptionEnd;
  const labour: LabourSlice[] = [];
  for (const demand of job.labour) {
    let left = demand.minutes;
    let openDays = 0;
    let allowedDays = Infinity;
    for (let n = first; left > 0 && n < first + MAX_CALENDAR_DAYS; n++) {
      const day = dealer.day(n);
      if (day.open.length === 0) continue;
      const tech = day.techMinutes[demand.skill];
      const window = day.windowEnd - day.windowStart;
      if (tech <= 0 || window <= 0) continue;
      if (allowedDays === Infinity) allowedDays = Math.ceil(demand.minutes / tech) + SLACK_DAYS;
      if (++openDays > allowedDays && !express) return null;
      const start = n === first ? Math.max(day.windowStart, receptionEnd - day.zone.start) : day.windowStart;
      if (start >= day.windowEnd) continue;
      const byTime = Math.floor(((day.windowEnd - start) * tech) / window);
      const st = index.peek(n);
      let free = day.capacity[demand.skill] - (st ? st.booked[demand.skill] : 0);
      if (!express && now < day.releaseAt) {
        // The part of the reserve that express jobs have not used yet stays held.
        free -= Math.max(0, day.reservedLabour[demand.skill] - (st ? st.expressBooked[demand.skill] : 0));
      }
      const use = Math.min(left, free, byTime, tech);
      if (use <= 0) continue;
      labour.push({ skill: demand.skill, day: n, minutes: use });
      left -= use;
      if (left === 0) {
        const finish = start + Math.ceil((use * window) / tech);
        const onGrid = gridUp(day, finish);
        const at = day.zone.start + Math.min(onGrid, day.windowEnd);
        if (at > readyAt) readyAt = at;
      }
    }
    if (left > 0) return null;
  }
  return { labour, readyAt };
}
