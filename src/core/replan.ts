import type { CapacityIndex } from "./capacity-index.js";
import { gridUp, type Dealer } from "./dealer.js";
import type { Booking, LabourSlice } from "./types.js";
import { HORIZON_DAYS, placeOn } from "./workshop.js";

// Re-planning one technician's remaining jobs after a progress report (issue 13 item 3).
//
// The reported job's current block (its first technician slice not yet over at `now`)
// names the technician. Every job with a block on that technician still running or
// ahead is taken off and placed again, first fit, on the SAME technicians (a job never
// changes hands behind the advisor's back): the part already worked stays where it was
// (cut at `now`), the rest goes back in this order:
//   - the reported job first when "started" (the technician is on it now);
//   - the other jobs in their planned order;
//   - the reported job last when "paused" (the technician takes the queued work; the
//     paused job resumes in the first gap that holds it);
//   - "done" ends the reported job at `now` (nothing of it is placed again).
// A job's later blocks (another skill) follow its re-placed block on their own technician.
// Nothing starts before `now` nor before the car reaches the workshop. Day counters are
// not re-checked: the cars are in the workshop, the timelines are the truth.

export type ProgressState = "started" | "paused" | "done";

export interface ProgressEvent {
  id: string;
  state: ProgressState;
  /** Labour minutes left on the current block, replacing what the plan has left; absent: keep. */
  remainingMinutes?: number;
  /** Approved extra work, in minutes, added to the current block. */
  extraMinutes?: number;
}

export interface Replanned {
  before: Booking;
  after: Booking;
}

export interface ReplanResult {
  /** The technician re-planned (roster index), or null when the job has no block left on one. */
  tech: number | null;
  /** Every booking whose placement was recomputed (unchanged ones included), in placement order. */
  jobs: Replanned[];
}

interface Block {
  tech: number;
  skill: number;
  minutes: number;
}

/** The car is ready at the last block's end plus the quality check, on the quarter hour. */
export function readyFrom(dealer: Dealer, end: number): number {
  const done = end + dealer.qualityCheckMinutes;
  const day = dealer.day(dealer.dayOf(done));
  return day.zone.start + gridUp(day, done - day.zone.start);
}

const timed = (l: LabourSlice): l is LabourSlice & { tech: number; start: number; end: number } =>
  l.tech !== undefined && l.start !== undefined && l.end !== undefined;

/**
 * The reported job's technician: that of its first timed slice still running or ahead
 * at `now`; when its plan is already over (the job overran), that of its last slice.
 */
export function currentTech(b: Booking, now: number): number | null {
  let best: (LabourSlice & { start: number }) | null = null;
  let last: (LabourSlice & { end: number }) | null = null;
  for (const l of b.labour) {
    if (!timed(l)) continue;
    if (l.end > now && (!best || l.start < best.start)) best = l;
    if (!last || l.end > last.end) last = l;
  }
  return best ? best.tech! : last ? last.tech! : null;
}

/** Splits a booking into what stays (worked, or untouched) and the blocks to place again from its first block on `k` ahead of `now`. */
function split(b: Booking, k: number, now: number): { kept: LabourSlice[]; blocks: Block[]; firstStart: number } {
  const slices = b.labour.filter(timed).sort((x, y) => x.start - y.start);
  const untimed = b.labour.filter((l) => !timed(l));
  const i0 = slices.findIndex((l) => l.tech === k && l.end > now);
  if (i0 < 0) {
    // An overrun: the plan is over, the job is not. Whatever is left goes on after now.
    const last = slices.filter((l) => l.tech === k).reduce((a, l) => (l.end > a.end ? l : a));
    return {
      kept: b.labour.map((l) => ({ ...l })),
      blocks: [{ tech: k, skill: last.skill, minutes: 0 }],
      firstStart: now,
    };
  }
  const kept: LabourSlice[] = [...untimed, ...slices.slice(0, i0).map((l) => ({ ...l }))];
  const blocks: Block[] = [];
  for (const l of slices.slice(i0)) {
    const last = blocks[blocks.length - 1];
    if (last && last.tech === l.tech && last.skill === l.skill) last.minutes += l.minutes;
    else blocks.push({ tech: l.tech, skill: l.skill, minutes: l.minutes });
  }
  const first = slices[i0];
  if (first.start < now) {
    // Running: the worked share stays on the timeline, up to now.
    const worked = Math.floor((first.minutes * (now - first.start)) / (first.end - first.start));
    if (worked > 0) kept.push({ ...first, minutes: worked, end: now });
    blocks[0].minutes -= worked;
  }
  return { kept, blocks, firstStart: first.start };
}

/** Places `blocks` one after the other from `from`; null when one cannot be placed within the horizon. */
function placeBlocks(index: CapacityIndex, blocks: Block[], from: number): LabourSlice[] | null {
  const dealer = index.dealer;
  const out: LabourSlice[] = [];
  const scratch: LabourSlice[] = [];
  let t = from;
  for (const b of blocks) {
    if (b.minutes <= 0) continue;
    const first = dealer.dayOf(t);
    const horizon = dealer.day(first + HORIZON_DAYS).zone.start;
    const end = placeOn(
      index,
      b.tech,
      {
        skill: b.skill,
        minutes: b.minutes,
        from: t,
        latestStart: Infinity,
        horizon,
        lastDay: first + HORIZON_DAYS - 1,
      },
      scratch,
    );
    if (end < 0) return null;
    out.push(...scratch.map((l) => ({ ...l })));
    t = end;
  }
  return out;
}

/** Joins a worked slice cut at `now` with its continuation from `now` (same technician, skill and day). */
function merge(slices: LabourSlice[]): LabourSlice[] {
  const out: LabourSlice[] = [];
  for (const l of slices) {
    const last = out[out.length - 1];
    if (
      last &&
      timed(last) &&
      timed(l) &&
      last.tech === l.tech &&
      last.skill === l.skill &&
      last.day === l.day &&
      last.end === l.start
    ) {
      last.minutes += l.minutes;
      last.end = l.end;
    } else out.push({ ...l });
  }
  return out;
}

function lastEnd(labour: LabourSlice[]): number {
  let e = -Infinity;
  for (const l of labour) if (l.end !== undefined && l.end > e) e = l.end;
  return e;
}

/**
 * Re-plans the reported job's technician. Mutates `index` (the affected bookings are
 * replaced by their new placements, returns untouched); returns null, with the index as
 * it was, when some job could no longer be placed within the horizon. `finished` names
 * jobs already over whatever their plan says (a completed appointment): they stay put.
 */
export function replanTechnician(
  index: CapacityIndex,
  ev: ProgressEvent,
  now: number,
  finished: (id: string) => boolean = () => false,
): ReplanResult | null {
  const target = index.bookings.get(ev.id);
  if (!target) return null;
  const k = currentTech(target, now);
  if (k === null) return { tech: null, jobs: [] };
  const dealer = index.dealer;
  const affected = [...index.bookings.values()].filter(
    (b) =>
      !b.hold && (b.id === ev.id || (b.labour.some((l) => timed(l) && l.tech === k && l.end > now) && !finished(b.id))),
  );
  const plans = affected.map((b) => {
    const s = split(b, k, now);
    let key = s.firstStart;
    if (b.id === ev.id) {
      const own = s.blocks[0];
      if (ev.state === "done") s.blocks.length = 0;
      else {
        if (ev.remainingMinutes !== undefined) own.minutes = ev.remainingMinutes;
        own.minutes += ev.extraMinutes ?? 0;
      }
      key = ev.state === "paused" ? Infinity : -Infinity;
    }
    return { b, key, ...s };
  });
  plans.sort((x, y) => x.key - y.key || x.b.reception.start - y.b.reception.start || (x.b.id < y.b.id ? -1 : 1));
  // Off the timelines, leaving only what stays.
  for (const p of plans) {
    index.remove(p.b.id);
    index.add({ ...p.b, labour: p.kept });
  }
  const jobs: Replanned[] = [];
  for (const p of plans) {
    const received = p.b.reception.start + p.b.reception.minutes + dealer.handoverMinutes;
    const from = Math.max(now, received, lastEnd(p.kept.filter(timed)));
    const placed = placeBlocks(index, p.blocks, from);
    if (!placed) {
      for (const q of plans) {
        index.remove(q.b.id);
        index.add(q.b);
      }
      return null;
    }
    const labour = merge([...p.kept, ...placed].sort((x, y) => (x.start ?? -Infinity) - (y.start ?? -Infinity)));
    const end = p.b.id === ev.id && ev.state === "done" ? Math.max(now, lastEnd(labour)) : lastEnd(labour);
    const after: Booking = { ...p.b, labour, readyAt: end === -Infinity ? p.b.readyAt : readyFrom(dealer, end) };
    index.remove(p.b.id);
    index.add(after);
    jobs.push({ before: p.b, after });
  }
  return { tech: k, jobs };
}
