import type { CapacityIndex, DayState } from "./capacity-index.js";
import type { DayInfo } from "./dealer.js";

// What the search derives from one day's bookings (free bits, slot masks, the reserve's
// room table, next-fit tables), kept together and dropped together when that day's
// state changes. One lookup per day instead of one cache per structure; a booking on
// one day leaves every other day's tables warm.

// The express reserve's room table (built by room.ts) is declared here, beside the cache
// that holds it, so that this module needs nothing from room.ts (no type loop).
export interface RoomTable {
  unit: number;
  /** Per advisor × grid slot: placements from that slot on, to the end of its half-day. */
  suffix: Int16Array;
  /** Per advisor × grid slot: 1 when a placement may start there (every desk rule holds). */
  ok: Uint8Array;
  /** Per half-day, the last roomByAdvisor() answer: one search asks with the same `earliest` again and again. */
  memo: [HalfRoom | null, HalfRoom | null];
}

/** Each advisor's room in a half-day from one earliest start (capped), and their sum. */
export interface HalfRoom {
  earliest: number;
  cap: number;
  room: Int16Array;
  total: number;
}

export interface Derived {
  readonly state: DayState | undefined;
  readonly version: number;
  free: Uint32Array | null;
  mask15: Uint8Array | null;
  mask30: Uint8Array | null;
  room: RoomTable | null;
  /** Next-fit tables by length in minutes. */
  fits: Map<number, Int16Array> | null;
  /** Next-fit questions asked of this state so far (fit-table.ts firstFit: scan the first few, then build). */
  fitAsks: number;
  /** Advisors on duty, least loaded first (the search's order before any preference). */
  order: number[] | null;
}

const MAX_DAYS_KEPT = 1024;
const caches = new WeakMap<CapacityIndex, Map<number, Derived>>();
const aside = new WeakMap<CapacityIndex, Map<number, Derived>>();
// One process usually asks about one index many times in a row: skip the WeakMap then.
let lastIndex: CapacityIndex | null = null;
let lastDays: Map<number, Derived> | null = null;

/** The day's derived tables, fresh for the index's current state of that day. */
export function derived(index: CapacityIndex, day: DayInfo): Derived {
  // Without one of its bookings (CapacityIndex.without): the tables go apart, so the
  // index's own are still there, and valid, when the booking is back; the fast path never
  // remembers the window's.
  const apart = index.inWithout;
  const map = apart ? aside : caches;
  let days = !apart && index === lastIndex ? lastDays! : map.get(index);
  if (!days) map.set(index, (days = new Map()));
  lastIndex = apart ? null : index;
  lastDays = days;
  const st = index.peek(day.n);
  const version = st ? st.version : -1;
  const hit = days.get(day.n);
  if (hit && hit.state === st && hit.version === version) return hit;
  if (days.size >= MAX_DAYS_KEPT) days.clear();
  const fresh: Derived = {
    state: st,
    version,
    free: null,
    mask15: null,
    mask30: null,
    room: null,
    fits: null,
    fitAsks: 0,
    order: null,
  };
  days.set(day.n, fresh);
  return fresh;
}
