import type { CapacityIndex } from "./capacity-index.js";
import type { Job } from "./types.js";
import type { LabourPlan } from "./types.js";

// Labour plans already made on the index's current state, across searches. Between two
// bookings a dealer's searches ask the same few questions again and again (a small job
// catalogue, receptions on the quarter-hour grid, the same next days), and a plan is a
// pure function of the index state, the job's labour, where the labour may start, the
// express flag and — for ordinary jobs only — which days' express reserve is released
// at `now`. The planner records the `now` window in which its answer holds (every
// "released yet?" test it made gives the same result in it), so a cached plan is reused
// only where recomputing it would give the very same answer. Any add or remove on the
// index (version) drops everything: correctness over hit rate.
//
// Trap: plans are shared by everything that receives them (memo, options, bookings), as
// the planner's own memos already did: nobody may mutate a LabourPlan or its slices.

export interface CachedPlan {
  plan: LabourPlan | null;
  /** `now` values for which the plan holds: nowLo ≤ now < nowHi. */
  nowLo: number;
  nowHi: number;
  /** The plan also holds for any later start up to this one (same reception day). */
  upTo: number;
}

interface Cache {
  version: number;
  size: number;
  /** Labour signature → the plans and start bounds of that labour. */
  byLabour: Map<string, Group>;
}

interface Group {
  /** (from × 2 + express) → plan. */
  plans: Map<number, CachedPlan>;
  /** Reception end → labourStartBound (it depends on neither `now` nor express). */
  bounds: Map<number, number>;
}

/** Bounds memory for a long run of searches without a booking: then everything is dropped once. */
const MAX_PLANS = 8192;
const caches = new WeakMap<CapacityIndex, Cache>();
// The search asks for one job many times in a row: skip the WeakMap and the signature then.
let lastIndex: CapacityIndex | null = null;
let lastCache: Cache | null = null;
let lastJob: Job | null = null;
let lastGroup: Group | null = null;

/** The plans made on an index without one of its bookings (CapacityIndex.without), apart. */
const aside = new WeakMap<CapacityIndex, Cache>();

function cacheOf(index: CapacityIndex): Cache {
  // Inside CapacityIndex.without, not the index's own cache: that one stays as it was for
  // when the booking is back, and the fast path never remembers the window's.
  const apart = index.inWithout;
  const map = apart ? aside : caches;
  let c = !apart && index === lastIndex ? lastCache : map.get(index);
  if (!c) map.set(index, (c = { version: index.version, size: 0, byLabour: new Map() }));
  if (c.version !== index.version || c.size >= MAX_PLANS) {
    c.version = index.version;
    c.size = 0;
    c.byLabour.clear();
    lastJob = null;
  }
  if (c !== lastCache) lastJob = null;
  lastIndex = apart ? null : index;
  lastCache = c;
  return c;
}

function groupOf(c: Cache, job: Job): Group {
  if (job === lastJob && lastGroup) return lastGroup;
  let sig = "";
  for (let i = 0; i < job.labour.length; i++) sig += `${job.labour[i].skill}:${job.labour[i].minutes},`;
  let g = c.byLabour.get(sig);
  if (!g) c.byLabour.set(sig, (g = { plans: new Map(), bounds: new Map() }));
  lastJob = job;
  lastGroup = g;
  return g;
}

/** The plan made earlier for this very question on this index state, or undefined. */
export function cachedPlan(
  index: CapacityIndex,
  job: Job,
  from: number,
  now: number,
  express: boolean,
): CachedPlan | undefined {
  const hit = groupOf(cacheOf(index), job).plans.get(from * 2 + (express ? 1 : 0));
  return hit && now >= hit.nowLo && now < hit.nowHi ? hit : undefined;
}

export function rememberPlan(index: CapacityIndex, job: Job, from: number, express: boolean, entry: CachedPlan): void {
  const c = cacheOf(index);
  const g = groupOf(c, job).plans;
  const key = from * 2 + (express ? 1 : 0);
  if (!g.has(key)) c.size++;
  g.set(key, entry);
}

/** labourStartBound made earlier for this job's labour and reception end, or undefined. */
export function cachedBound(index: CapacityIndex, job: Job, receptionEnd: number): number | undefined {
  return groupOf(cacheOf(index), job).bounds.get(receptionEnd);
}

export function rememberBound(index: CapacityIndex, job: Job, receptionEnd: number, bound: number): void {
  const c = cacheOf(index);
  const g = groupOf(c, job).bounds;
  if (!g.has(receptionEnd)) c.size++;
  g.set(receptionEnd, bound);
}
