import type { CapacityIndex } from "./capacity-index.js";
import { gridUp } from "./dealer.js";
import { cachedBound, cachedPlan, rememberBound, rememberPlan } from "./plan-cache.js";
import type { Job, LabourPlan, LabourSlice } from "./types.js";

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
// again on the same technician from the first start that leaves no more than that
// day's free minutes on that day. A job that cannot finish within
// HORIZON_DAYS of its reception is not offered.

export const SLACK_DAYS = 1;

/**
 * Work done, counted (not timed): the bench divides these by its searches so a latency
 * figure can be checked against the work behind it. Plain integer increments.
 */
export const workCounters = {
  plans: 0,
  planHits: 0,
  /** Of planHits, those answered by the cross-search plan cache (plan-cache.ts). */
  planCacheHits: 0,
  placements: 0,
  gapScans: 0,
  steps: 0,
  jumps: 0,
  memoHits: 0,
  candidates: 0,
};
export const HORIZON_DAYS = 45;

/** A planning request for one block (integers only, reused across technicians). */
interface Block {
  skill: number;
  minutes: number;
  /** Earliest wall minute. */
  from: number;
  /** The block must start before this (Infinity: no limit). */
  latestStart: number;
  /** ... and end by this: the start of day lastDay + 1. */
  horizon: number;
  lastDay: number;
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
  // Not even a block starting now and worked straight through would beat the best.
  if (b.from + b.minutes >= beat) return -1;
  // Without one of its bookings (CapacityIndex.without): the memos stay the whole index's.
  if (index.inWithout) return placeFirstFit(index, k, b, out, beat, Infinity, Infinity);
  const entries = (memo[k] ??= []);
  let m: Memo | undefined;
  for (let i = 0; i < entries.length; i++) {
    if (entries[i].skill === b.skill && entries[i].minutes === b.minutes) {
      m = entries[i];
      break;
    }
  }
  // What the entry knows holds for this request's horizon: a found block that ends by it,
  // a bound met before any gap reached the horizon, or "none" within a horizon as far.
  const usable =
    m !== undefined &&
    m.index === index &&
    m.version === index.version &&
    (m.end >= 0 ? m.end <= b.horizon : m.reach !== Infinity || b.horizon <= m.horizon);
  const from = b.from;
  if (m && usable && from >= m.from && from <= m.reach) {
    workCounters.memoHits++;
    // No block starts before m.reach; a found one (m.end ≥ 0) starts there.
    if (m.reach >= b.latestStart || m.reach + b.minutes >= beat) return -1;
    if (m.end >= 0) {
      if (m.end >= beat) return -1;
      // Slices are never changed once made (placeFirstFit merges only its own new
      // ones), so the memo, the plan and the booking may share them.
      out.length = 0;
      for (let i = 0; i < m.slices.length; i++) out.push(m.slices[i]);
      return m.end;
    }
    b.from = m.reach;
    const end = placeFirstFit(index, k, b, out, beat, Infinity, Infinity);
    b.from = from;
    return remember(m, m.from, b.horizon, end, out);
  }
  // An earlier start: the walk may jump over what the entry knows to hold no block.
  const end =
    m && usable && from < m.from
      ? placeFirstFit(index, k, b, out, beat, m.from, m.reach)
      : placeFirstFit(index, k, b, out, beat, Infinity, Infinity);
  if (!m) {
    if (entries.length < MEMO_PER_TECH)
      entries.push(
        (m = {
          index,
          version: 0,
          skill: b.skill,
          minutes: b.minutes,
          horizon: 0,
          from,
          reach: 0,
          end: -1,
          slices: [],
        }),
      );
    else {
      m = entries[(memoTurn[k] = ((memoTurn[k] ?? 0) + 1) % MEMO_PER_TECH)];
      m.skill = b.skill;
      m.minutes = b.minutes;
    }
  }
  m.index = index;
  m.version = index.version;
  return remember(m, from, b.horizon, end, out);
}

/** The entry now knows: from `from`, no block starts before `reach` (placeFirstFit's). */
function remember(m: Memo, from: number, horizon: number, end: number, out: LabourSlice[]): number {
  m.from = from;
  m.reach = reach;
  m.end = end;
  m.horizon = horizon;
  if (end >= 0) m.slices = out.slice();
  return end;
}

// What each technician's last first-fit walks learned, per (skill, minutes, horizon): from
// `from`, no block starts before `reach` (the gaps before it are too small, whatever the
// bound or the best so far), and a found block starts exactly there. A later `from` up to
// `reach` therefore has the same first fit: the search asks for one job from reception
// ends that only move forward, and asks again for every technician per plan, so most
// asks are answered here in one comparison, as long as the index has not changed (version).
interface Memo {
  index: CapacityIndex;
  version: number;
  skill: number;
  minutes: number;
  horizon: number;
  from: number;
  reach: number;
  end: number;
  slices: LabourSlice[];
}
const MEMO_PER_TECH = 4;
const memo: Array<Memo[] | undefined> = [];
const memoTurn: number[] = [];
/** Set by placeFirstFit: no block of its request starts before this (Infinity: none within the horizon). */
let reach = 0;

/** `[jumpFrom, jumpTo)`: known to hold no start of this block (placeOn's memo); the walk skips it. */
function placeFirstFit(
  index: CapacityIndex,
  k: number,
  b: Block,
  out: LabourSlice[],
  beat: number,
  jumpFrom: number,
  jumpTo: number,
): number {
  workCounters.placements++;
  const dealer = index.dealer;
  const jobs = index.techJobs(k);
  const gaps = index.techGaps(k);
  let t = b.from;
  let j = firstEndingAfter(jobs, t);
  const lastDay = b.lastDay;
  for (;;) {
    while (j < jobs.length && jobs[j] <= t) {
      workCounters.steps++;
      if (jobs[j + 1] > t) t = jobs[j + 1];
      j += 2;
    }
    if (t >= jumpFrom && t < jumpTo) {
      workCounters.jumps++;
      t = jumpTo;
      jumpFrom = Infinity;
      if (t === Infinity) {
        reach = Infinity;
        return -1;
      }
      j = firstEndingAfter(jobs, t);
      continue;
    }
    // Cannot end before `beat`; a gap shorter than the labour cannot hold it.
    if (t + b.minutes >= beat || t >= b.latestStart) {
      reach = t;
      return -1;
    }
    const gapEnd = j < jobs.length ? jobs[j] : Infinity;
    if (gapEnd - t < b.minutes) {
      t = jobs[j + 1];
      j += 2;
      continue;
    }
    // A whole gap (from the previous block's end) has a measured size in productive
    // minutes: too small, and it is skipped without walking the working hours.
    if (j > 0 && j < jobs.length && t === jobs[j - 1]) {
      let size = gaps[j >> 1];
      if (size < 0) size = gaps[j >> 1] = productiveBetween(dealer, k, t, gapEnd);
      if (size < b.minutes) {
        t = jobs[j + 1];
        j += 2;
        continue;
      }
    }
    workCounters.gapScans++;
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
          if (s >= b.latestStart) {
            reach = s;
            return -1;
          }
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
      reach = out[0].start!;
      return out[out.length - 1].end!;
    }
    if (gapEnd === Infinity || gapEnd >= b.horizon) {
      reach = Infinity;
      return -1;
    }
    t = jobs[j + 1];
    j += 2;
  }
}

/** Set by counterBreak: the free minutes of the day it returned. */
let breakFree = 0;

/** Flat index of the first job that ends after t (binary search: sorted, non-overlapping). */
function firstEndingAfter(jobs: readonly number[], t: number): number {
  let lo = 0;
  let hi = jobs.length >> 1;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (jobs[2 * mid + 1] <= t) lo = mid + 1;
    else hi = mid;
  }
  return 2 * lo;
}

/**
 * Technician k's productive minutes in [a, b): per working range, floor(wall × num / den),
 * exactly as placeFirstFit counts them, so a gap measured too small really is.
 */
export function productiveBetween(dealer: CapacityIndex["dealer"], k: number, a: number, b: number): number {
  let sum = 0;
  for (let n = dealer.dayOf(a), last = dealer.dayOf(b - 1); n <= last; n++) {
    const day = dealer.day(n);
    const r = day.tech.ranges[k];
    const z = day.zone.start;
    for (let i = 0; i < r.length; i += 2) {
      const s = Math.max(a, z + r[i]);
      const e = Math.min(b, z + r[i + 1]);
      if (e > s) sum += Math.floor(((e - s) * day.tech.num[k]) / day.tech.den[k]);
    }
  }
  return sum;
}

/**
 * The first day whose booked minutes plus `slices` would pass the skill's capacity (or,
 * for ordinary jobs before that day's release, take the express reserve); -1 if none.
 * Its free minutes are left in `breakFree`.
 */
function counterBreak(
  index: CapacityIndex,
  slices: LabourSlice[],
  planned: LabourSlice[],
  now: number,
  express: boolean,
): number {
  for (let i = 0; i < slices.length; i++) {
    const l = slices[i];
    const day = index.dealer.day(l.day);
    const st = index.peek(l.day);
    let free = day.capacity[l.skill] - (st ? st.booked[l.skill] : 0);
    for (let j = 0; j < planned.length; j++)
      if (planned[j].day === l.day && planned[j].skill === l.skill) free -= planned[j].minutes;
    if (!express) {
      if (now < day.releaseAt) {
        free -= Math.max(0, day.reservedLabour[l.skill] - (st ? st.expressBooked[l.skill] : 0));
        if (day.releaseAt < windowHi) windowHi = day.releaseAt;
      } else if (day.releaseAt > windowLo) windowLo = day.releaseAt;
    }
    if (l.minutes > free) {
      breakFree = free;
      return l.day;
    }
  }
  return -1;
}

/**
 * The earliest start on day n from which technician k's block leaves at most `free`
 * minutes on that day: a block of `minutes` ≤ free may start at the day's beginning;
 * a longer one where k's remaining productive minutes that day drop to `free`. Every
 * earlier start (that day or before) puts more than `free` on day n, so this is the next
 * candidate, and the plan stays monotone in the reception end (a later reception never
 * finishes earlier, which the search's day gate relies on).
 */
function restartAfterFullDay(index: CapacityIndex, k: number, n: number, free: number, minutes: number): number {
  const day = index.dealer.day(n);
  const z = day.zone.start;
  if (free <= 0) return index.dealer.day(n + 1).zone.start;
  if (minutes <= free) return z;
  const r = day.tech.ranges[k];
  const num = day.tech.num[k];
  const den = day.tech.den[k];
  let acc = 0;
  for (let i = r.length - 2; i >= 0; i -= 2) {
    const prod = Math.floor(((r[i + 1] - r[i]) * num) / den);
    if (acc + prod > free) {
      // Longest wall stretch w ending at the range's end with floor(w·num/den) ≤ free − acc.
      const w = Math.ceil(((free - acc + 1) * den) / num) - 1;
      return z + r[i + 1] - w;
    }
    acc += prod;
  }
  return z;
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
export function planLabour(
  index: CapacityIndex,
  job: Job,
  receptionEnd: number,
  now: number,
  express = false,
): LabourPlan | null {
  if (job.labour.length === 0) return { labour: [], readyAt: receptionEnd };
  const dealer = index.dealer;
  const first = dealer.dayOf(receptionEnd);
  const from = receptionEnd + dealer.handoverMinutes;
  const m = lastPlan;
  if (
    m.index === index &&
    m.version === index.version &&
    m.first === first &&
    now >= m.nowLo &&
    now < m.nowHi &&
    m.express === express &&
    from >= m.from &&
    from <= m.upTo &&
    sameLabour(m.job, job)
  ) {
    workCounters.planHits++;
    return m.plan;
  }
  let c = cachedPlan(index, job, from, now, express);
  if (c) {
    workCounters.planHits++;
    workCounters.planCacheHits++;
  } else {
    windowLo = -Infinity;
    windowHi = Infinity;
    const plan = planFresh(index, job, first, from, now, express);
    // The plan holds for any later start up to its first block's start (each technician's
    // first fit is unchanged there, so is the winner); "no plan" holds for every later
    // start of the same reception day (the plan is monotone: restartAfterFullDay).
    c = { plan, nowLo: windowLo, nowHi: windowHi, upTo: plan ? (plan.labour[0].start ?? from) : Infinity };
    rememberPlan(index, job, from, express, c);
  }
  m.index = index;
  m.version = index.version;
  m.first = first;
  m.nowLo = c.nowLo;
  m.nowHi = c.nowHi;
  m.express = express;
  m.job = job;
  m.from = from;
  m.upTo = c.upTo;
  m.plan = c.plan;
  return c.plan;
}

// The last plan made. The search asks for one job from reception ends 15 minutes apart,
// and on a busy workshop the labour starts later than most of them: one plan serves them
// all until the index changes (version) or the reception moves to another day.
const lastPlan: {
  index: CapacityIndex | null;
  version: number;
  first: number;
  nowLo: number;
  nowHi: number;
  express: boolean;
  job: Job | null;
  from: number;
  upTo: number;
  plan: LabourPlan | null;
} = {
  index: null,
  version: -1,
  first: 0,
  nowLo: 0,
  nowHi: 0,
  express: false,
  job: null,
  from: 0,
  upTo: -1,
  plan: null,
};

/**
 * The `now` window of the plan being made: every "is this day's express reserve
 * released at now?" test the planner made (counterBreak) has the same answer for any
 * now in [windowLo, windowHi), so the plan does too (plan-cache.ts).
 */
let windowLo = -Infinity;
let windowHi = Infinity;

function sameLabour(a: Job | null, b: Job): boolean {
  if (a === b) return true;
  if (!a || a.labour.length !== b.labour.length) return false;
  for (let i = 0; i < a.labour.length; i++)
    if (a.labour[i].skill !== b.labour[i].skill || a.labour[i].minutes !== b.labour[i].minutes) return false;
  return true;
}

function planFresh(
  index: CapacityIndex,
  job: Job,
  first: number,
  from: number,
  now: number,
  express: boolean,
): LabourPlan | null {
  workCounters.plans++;
  const dealer = index.dealer;
  const b: Block = {
    skill: 0,
    minutes: 0,
    from,
    latestStart: express ? Infinity : latestStartAfter(index, first),
    horizon: dealer.day(first + HORIZON_DAYS).zone.start,
    lastDay: first + HORIZON_DAYS - 1,
  };
  const labour: LabourSlice[] = [];
  for (const demand of job.labour) {
    b.skill = demand.skill;
    b.minutes = demand.minutes;
    let bestEnd = Infinity;
    let best: LabourSlice[] | null = null;
    const start = b.from;
    for (const k of dealer.roster.bySkill[demand.skill]) {
      b.from = start;
      for (;;) {
        const end = placeOn(index, k, b, scratch, bestEnd);
        if (end < 0 || end >= bestEnd) break;
        // A block that would overfill a day's skill hours (or take the express reserve)
        // is tried again, on the same technician, from the first start that leaves no
        // more than that day's free minutes on it.
        const full = counterBreak(index, scratch, labour, now, express);
        if (full < 0) {
          bestEnd = end;
          best = scratch.slice();
          break;
        }
        b.from = restartAfterFullDay(index, k, full, breakFree, demand.minutes);
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
  let bound = cachedBound(index, job, receptionEnd);
  if (bound === undefined) rememberBound(index, job, receptionEnd, (bound = startBound(index, job, receptionEnd)));
  return bound;
}

function startBound(index: CapacityIndex, job: Job, receptionEnd: number): number {
  const dealer = index.dealer;
  const first = dealer.dayOf(receptionEnd);
  const b: Block = {
    skill: job.labour[0].skill,
    minutes: job.labour[0].minutes,
    from: receptionEnd + dealer.handoverMinutes,
    latestStart: Infinity,
    horizon: dealer.day(first + HORIZON_DAYS).zone.start,
    lastDay: first + HORIZON_DAYS - 1,
  };
  let bound = Infinity;
  for (const k of dealer.roster.bySkill[b.skill]) {
    // A block starting at or after the bound cannot lower it: beat = bound + labour prunes it.
    if (placeOn(index, k, b, scratch, bound + b.minutes) >= 0 && scratch[0].start! < bound) bound = scratch[0].start!;
  }
  return bound;
}
