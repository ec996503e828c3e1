// The core workloads on the reference dealer, shared by bench/core.bench.ts (timed) and
// bench/profile.ts (profiled), so that a profile shows the very work the bench times.

import {
  type Booking,
  type CapacityIndex,
  deriveJob,
  isJobError,
  type Job,
  type JobRequest,
  type Mobility,
  searchIndex,
} from "../../src/core/index.js";
import {
  evaluateCandidate,
  HORIZON_DAYS,
  mulberry32,
  pickJobRequest,
  placeBooking,
  reference as ref,
  type SearchVariant,
  searchVariants,
} from "../fixtures/reference-dealer.js";

/** 64 requests from the fixture's job mix, "now" anywhere in the first morning, a quarter of them from a later day. */
export const variants = searchVariants(ref, 64);

/** Job derivation is part of every timed search: the API runs it per request. */
export function job(req: JobRequest): Job {
  const j = deriveJob(ref.dealer, req);
  if (isJobError(j)) throw new Error(j.detail);
  return j;
}

export const openDays: number[] = [];
for (let n = ref.fromDay; n < ref.fromDay + HORIZON_DAYS; n++) if (ref.dealer.day(n).open.length) openDays.push(n);

/**
 * A 2-option search for variant v over `days` days; with `mobility`, the same job with that
 * mobility (priority: a priority vehicle, express option first). Returns the options found.
 */
export function search(idx: CapacityIndex, v: SearchVariant, days: number, mobility?: Mobility, priority?: boolean) {
  return searchIndex(idx, {
    job: job(mobility ? { ...v.req, mobility } : v.req),
    fromDay: v.fromDay,
    days,
    count: 2,
    now: v.now,
    priority,
  }).options.length;
}

/** Every feasible (advisor, start) of one day, checked as the search checks a candidate (first-failure mode). */
export function listDay(idx: CapacityIndex, j: Job, n: number, now: number, out?: string[]): number {
  const day = idx.dealer.day(n);
  const A = idx.dealer.advisors.length;
  let found = 0;
  for (let r = 0; r < day.open.length; r += 2) {
    const first = Math.ceil((day.open[r] + day.gridPhase) / 15) * 15 - day.gridPhase;
    for (let s = first; s + j.receptionMinutes <= day.open[r + 1]; s += 15) {
      const start = day.zone.start + s;
      for (let a = 0; a < A; a++) {
        if (evaluateCandidate(idx, { advisor: a, start, minutes: j.receptionMinutes, job: j, now }) === null) {
          found++;
          out?.push(`${idx.dealer.advisors[a].id}@${start}`);
        }
      }
    }
  }
  return found;
}

/** Up to 64 bookings that each fit `index`'s full calendar (not added): the incremental-update workload adds and removes them. */
export function extraBookings(index: CapacityIndex): Booking[] {
  const rng = mulberry32(0xadd);
  const out: Booking[] = [];
  for (let i = 0; out.length < 64 && i < 10_000; i++) {
    const n = openDays[Math.floor(rng() * openDays.length)];
    const b = placeBooking(
      index,
      rng,
      job(pickJobRequest(rng)),
      n,
      8 * 60 + Math.floor(rng() * 36) * 15,
      ref.now,
      `extra-${i}`,
    );
    if (b) out.push(b);
  }
  if (out.length === 0) throw new Error("no extra booking fits the reference calendar");
  return out;
}
