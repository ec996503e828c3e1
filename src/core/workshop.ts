import type { CapacityIndex } from "./capacity-index.js";
import { gridUp } from "./dealer.js";
import type { Job, LabourSlice } from "./types.js";

// Where the job's labour goes and when the car is ready (documented in the README).
//
// Each skill's labour is one block on ONE technician's timeline: it starts when the car
// reaches the workshop (reception end + handoverMinutes, or when the previous skill's
// block ends: a car is in one place at a time), runs over that technician's working
// minutes (across days when it must) and never overlaps another job of theirs. Among
// the technicians with the skill, the one whose block ends first wins; ties go to the
// earlier technician in the roster. The car is ready at the last block's end plus
// qualityCheckMinutes, rounded up to the quarter hour — a time the plan really holds.
//
// Ordinary jobs must also start within SLACK_DAYS open days after the reception's day
// (a car is not parked for a week before anyone touches it: the workshop is full for
// it), may not take the express reserve before its release, and every job keeps each
// day's booked minutes within the skill's capacity (which also holds the slices of
// jobs planned before technicians were modelled): a block that would not is tried
// again from the next day on the same technician. A job that cannot finish within
// HORIZON_DAYS of its reception is not offered.

export const SLACK_DAYS = 1;
export const HORIZON_DAYS = 45;

export interface LabourPlan {
  labour: LabourSlice[];
  readyAt: number;
}

/** A planning request for one block (integers only, reused across technicians). */
interface Block {
  skill: number;
  minutes: number;
  /** Earliest wall minute. */
  from: number;
  /** The block must start before this (Infinity: no limit). */
  latestStart: number;
  /** ... and end by this. */
  horizon: number;
}

/**
 * Earliest block of `b.minutes` productive minutes on technician `k` at or after
 * `b.from`, in one gap of the technician's jobs. Fills `out` with the day slices and
 * returns the end, or -1 when no such block starts before `latestStart` and ends by `horizon`
 * (or, given `beat`, when it cannot end before `beat`: the search's best so far).
 * Trap: a block is never shorter in wall minutes than in productive ones (speed ≤ 1),
 * which is what makes the two quick rejections below exact.
 */
export function placeOn(index: CapacityIndex, k: number, b: Block, out: LabourSlice[], beat = Infinity): number {
  const m = memo[k];
  if (m && m.index === index && m.version === index.version && m.skill === b.skill && m.minutes === b.minutes && b.from >= m.from && b.from <= m.start && m.start < b.latestStart && m.end <= b.horizon) {
    if (m.end >= beat) return -1;
    out.length = 0;
    for (const l of m.slices) out.push({ ...l });
    return m.end;
  }
  const end = placeFirstFit(index, k, b, out, beat);
  if (end >= 0) memo[k] = { index, version: index.version, skill: b.skill, minutes: b.minutes, from: b.from, start: out[0].start!, end, slices: out.map((l) => ({ ...l })) };
  return end;
}

// The last block found per technician. The search asks for the same job from reception
// ends that only move forward; a first-fit block found from `from` is also the first fit
// from any later start up to its own start (no earlier gap could hold it: gaps before it
// failed on their size alone), as long as the index has not changed (version).
interface Memo {
  index: CapacityIndex;
  version: number;
  skill: number;
  minutes: number;
  from: number;
  start: number;
  end: number;
  slices: LabourSlice[];
}
const memo: Array<Memo | undefined> = [];

function placeFirstFit(index: CapacityIndex, k: number, b: Block, out: LabourSlice[], beat: number): number {
  const dealer = index.dealer;
  const jobs = index.techJobs(k);
  let t = b.from;
  // First job that ends after t (binary search: the list is sorted and non-overlapping).
  let lo = 0;
  let hi = jobs.length >> 1;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (jobs[2 * mid + 1] <= t) lo = mid + 1;
    else hi = mid;
  }
  let j = 2 * lo;
  const lastDay = dealer.dayOf(b.horizon - 1);
  for (;;) {
    while (j < jobs.length && jobs[j] <= t) {
      if (jobs[j + 1] > t) t = jobs[j + 1];
      j += 2;
    }
    // Cannot end before `beat`; a gap shorter than the labour cannot hold it.
    if (t + b.minutes >= beat || t >= b.latestStart) return -1;
    const gapEnd = j < jobs.length ? jobs[j] : Infinity;
    if (gapEnd - t < b.minutes) {
      t = jobs[j + 1];
      j += 2;
      continue;
    }
    if (out.length) out.length = 0;
    let left = b.minutes;
    let started = false;
    let fits = false;
    scan: for (let n = dealer.dayOf(t); n <= lastDay; n++) {
      const day = dealer.day(n);
      const r = day.tech.ranges[k];
      const num = day.tech.num[k];
      const den = day.tech.den[k];
      const z = day.zone.start;
      for (let i = 0; i < r.length; i += 2) {
        const re = z + r[i + 1];
        if (re <= t) continue;
        const s = Math.max(t, z + r[i]);
        if (!started) {
          if (s >= b.latestStart) return -1;
          started = true;
        }
        if (s >= gapEnd) break scan;
        const until = Math.min(re, gapEnd, b.horizon);
        const productive = Math.floor(((until - s) * num) / den);
        if (productive >= left) {
          const end = s + Math.ceil((left * den) / num);
          out.push({ skill: b.skill, day: n, minutes: left, tech: k, start: s, end });
          fits = true;
          break scan;
        }
        if (until < re) break scan; // cut by the next job or the horizon
        if (productive > 0) {
          out.push({ skill: b.skill, day: n, minutes: productive, tech: k, start: s, end: re });
          left -= productive;
        }
      }
    }
    if (fits) {
      // One slice per day: merge a day's ranges (a lunch break inside one job).
      for (let i = out.length - 1; i > 0; i--) {
        if (out[i].day === out[i - 1].day) {
          out[i - 1].minutes += out[i].minutes;
          out[i - 1].end = out[i].end;
          out.splice(i, 1);
        }
      }
      return out[out.length - 1].end!;
    }
    if (gapEnd === Infinity || gapEnd >= b.horizon) return -1;
    t = jobs[j + 1];
    j += 2;
  }
}

/**
 * The first day whose booked minutes plus `slices` would pass the skill's capacity (or,
 * for ordinary jobs before that day's release, take the express reserve); -1 if none.
 */
function counterBreak(index: CapacityIndex, slices: LabourSlice[], planned: LabourSlice[], now: number, express: boolean): number {
  for (const l of slices) {
    const day = index.dealer.day(l.day);
    const st = index.peek(l.day);
    let free = day.capacity[l.skill] - (st ? st.booked[l.skill] : 0);
    for (const p of planned) if (p.day === l.day && p.skill === l.skill) free -= p.minutes;
    if (!express && now < day.releaseAt) free -= Math.max(0, day.reservedLabour[l.skill] - (st ? st.expressBooked[l.skill] : 0));
    if (l.minutes > free) return l.day;
  }
  return -1;
}

/** Window end (epoch) of the SLACK_DAYS-th open day after day n: an ordinary job's labour starts before it. */
export function latestStartAfter(index: CapacityIndex, n: number): number {
  let seen = 0;
  for (let m = n + 1; m < n + HORIZON_DAYS; m++) {
    const d = index.dealer.day(m);
    if (d.open.length === 0) continue;
    if (++seen === SLACK_DAYS) return d.zone.start + d.windowEnd;
  }
  return Infinity;
}

const scratch: LabourSlice[] = [];

/**
 * `express` jobs may use the skill's reserved hours and are not bound by the slack
 * (the reception is guaranteed; the ready time is honest). Ordinary jobs see the
 * reserve as taken until the day's release time has passed at `now`.
 */
export function planLabour(index: CapacityIndex, job: Job, receptionEnd: number, now: number, express = false): LabourPlan | null {
  if (job.labour.length === 0) return { labour: [], readyAt: receptionEnd };
  const dealer = index.dealer;
  const first = dealer.dayOf(receptionEnd);
  const b: Block = {
    skill: 0,
    minutes: 0,
    from: receptionEnd + dealer.handoverMinutes,
    latestStart: express ? Infinity : latestStartAfter(index, first),
    horizon: dealer.day(first + HORIZON_DAYS).zone.start,
  };
  const labour: LabourSlice[] = [];
  for (const demand of job.labour) {
    b.skill = demand.skill;
    b.minutes = demand.minutes;
    let bestEnd = Infinity;
    let best: LabourSlice[] | null = null;
    const from = b.from;
    for (const k of dealer.roster.bySkill[demand.skill]) {
      b.from = from;
      for (;;) {
        const end = placeOn(index, k, b, scratch, bestEnd);
        if (end < 0 || end >= bestEnd) break;
        // A block that would overfill a day's skill hours (or take the express reserve)
        // is tried again from the next day, on the same technician.
        const full = counterBreak(index, scratch, labour, now, express);
        if (full < 0) {
          bestEnd = end;
          best = scratch.map((l) => ({ ...l }));
          break;
        }
        b.from = dealer.day(full + 1).zone.start;
      }
    }
    if (!best) return null;
    labour.push(...best);
    // The next skill's work starts when this one's ends; only the first waits for the slack.
    b.from = bestEnd;
    b.latestStart = Infinity;
  }
  const done = b.from + dealer.qualityCheckMinutes;
  const day = dealer.day(dealer.dayOf(done));
  return { labour, readyAt: day.zone.start + gridUp(day, done - day.zone.start) };
}

/**
 * A lower bound of when the job's first block can start from `receptionEnd` on: the
 * earliest start of any technician with the skill, on the timelines alone (no slack,
 * no day counters: both only push a block later). First-fit is monotone in its start,
 * so a reception ending later can never start its labour before this. The search uses
 * it to skip, in one comparison, every day whose slack ends before it.
 */
export function labourStartBound(index: CapacityIndex, job: Job, receptionEnd: number): number {
  if (job.labour.length === 0) return -Infinity;
  const dealer = index.dealer;
  const first = dealer.dayOf(receptionEnd);
  const b: Block = { skill: job.labour[0].skill, minutes: job.labour[0].minutes, from: receptionEnd + dealer.handoverMinutes, latestStart: Infinity, horizon: dealer.day(first + HORIZON_DAYS).zone.start };
  let bound = Infinity;
  for (const k of dealer.roster.bySkill[b.skill]) {
    // A block starting at or after the bound cannot lower it: beat = bound + labour prunes it.
    if (placeOn(index, k, b, scratch, bound + b.minutes) >= 0 && scratch[0].start! < bound) bound = scratch[0].start!;
  }
  return bound;
}
