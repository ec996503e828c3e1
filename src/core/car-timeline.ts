import { carWindow, type CapacityIndex } from "./capacity-index.js";

// Courtesy cars over time, for the whole index: the distinct minutes at which cars go
// out or come back, and how many cars (and how many of them on express bookings) are
// out right after each. Rebuilt only when a courtesy-car booking comes or goes, so a
// search asks "most cars out over [s, e)" with a binary search and a short walk instead
// of collecting and sorting the bookings of every day the window touches.

interface Timeline {
  carVersion: number;
  /** Ascending epoch minutes at which the number of cars out changes. */
  times: Float64Array;
  /** Cars out, and express bookings' cars out, from times[i] until times[i + 1]. */
  out: Int32Array;
  express: Int32Array;
}
const caches = new WeakMap<CapacityIndex, Timeline>();

function build(index: CapacityIndex): Timeline {
  // Event code: minute × 4 + (start ? 2 : 0) + (express ? 1 : 0); one sort orders them by minute.
  const events: number[] = [];
  for (const b of index.bookings.values()) {
    if (b.mobility !== "courtesy_car") continue;
    const [s, e] = carWindow(b);
    if (s >= e) continue;
    const x = b.express ? 1 : 0;
    events.push(s * 4 + 2 + x, e * 4 + x);
  }
  events.sort((a, b) => a - b);
  const times: number[] = [];
  const out: number[] = [];
  const express: number[] = [];
  let o = 0;
  let x = 0;
  for (let i = 0; i < events.length; i++) {
    const ev = events[i];
    const d = ev & 2 ? 1 : -1;
    o += d;
    if (ev & 1) x += d;
    const t = Math.floor(ev / 4);
    if (times.length && times[times.length - 1] === t) {
      out[out.length - 1] = o;
      express[express.length - 1] = x;
    } else {
      times.push(t);
      out.push(o);
      express.push(x);
    }
  }
  return { carVersion: index.carVersion, times: Float64Array.from(times), out: Int32Array.from(out), express: Int32Array.from(express) };
}

function timeline(index: CapacityIndex): Timeline {
  const hit = caches.get(index);
  if (hit && hit.carVersion === index.carVersion) return hit;
  const t = build(index);
  caches.set(index, t);
  return t;
}

/**
 * Most cars unavailable to an ordinary customer at any minute of [s, e): the cars out,
 * plus the `held` cars that express bookings out at that minute are not already using
 * (a priority vehicle takes a held car first). With held = 0, the cars out.
 */
export function carDemand(index: CapacityIndex, s: number, e: number, held: number): number {
  if (s >= e) return 0;
  const t = timeline(index);
  // First change after s: the state at s is the one after every change at or before it.
  let lo = 0;
  let hi = t.times.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (t.times[mid] <= s) lo = mid + 1;
    else hi = mid;
  }
  // Nobody out (before the first change) means the held cars alone.
  let max = held;
  for (let i = lo > 0 ? lo - 1 : 0; i < t.times.length && (i === lo - 1 || t.times[i] < e); i++) {
    const demand = t.out[i] + Math.max(0, held - t.express[i]);
    if (demand > max) max = demand;
  }
  return max;
}
