import type { CapacityIndex, DayState } from "./capacity-index.js";
import type { DayInfo } from "./dealer.js";
import type { RoomTable } from "./room.js";

// What the search derives from one day's bookings (free bits, slot masks, the reserve's
// room table, next-fit tables), kept together and dropped together when that day's
// state changes. One lookup per day instead of one cache per structure; a booking on
// one day leaves every other day's tables warm.

export interface Derived {
  readonly state: DayState | undefined;
  readonly version: number;
  free: Uint32Array | null;
  mask15: Uint8Array | null;
  mask30: Uint8Array | null;
  room: RoomTable | null;
  /** Next-fit tables by length in minutes. */
  fits: Map<number, Int16Array> | null;
  /** Advisors on duty, least loaded first (the search's order before any preference). */
  order: number[] | null;
}

const MAX_DAYS_KEPT = 1024;
const caches = new WeakMap<CapacityIndex, Map<number, Derived>>();
// One process usually asks about one index many times in a row: skip the WeakMap then.
let lastIndex: CapacityIndex | null = null;
let lastDays: Map<number, Derived> | null = null;

/** The day's derived tables, fresh for the index's current state of that day. */
export function derived(index: CapacityIndex, day: DayInfo): Derived {
  let days = index === lastIndex ? lastDays! : caches.get(index);
  if (!days) caches.set(index, (days = new Map()));
  lastIndex = index;
  lastDays = days;
  const st = index.peek(day.n);
  const version = st ? st.version : -1;
  const hit = days.get(day.n);
  if (hit && hit.state === st && hit.version === version) return hit;
  if (days.size >= MAX_DAYS_KEPT) days.clear();
  const fresh: Derived = { state: st, version, free: null, mask15: null, mask30: null, room: null, fits: null, order: null };
  days.set(day.n, fresh);
  return fresh;
}
