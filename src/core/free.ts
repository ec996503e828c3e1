import { allSet, anySet } from "./bitset.js";
import type { CapacityIndex, DayState } from "./capacity-index.js";
import { WORDS_PER_DAY, type DayInfo } from "./dealer.js";

/** True when the advisor can take the minutes [s, e) of a day: on duty, present and free. */
export function advisorFreeAt(index: CapacityIndex, day: DayInfo, advisor: number, s: number, e: number): boolean {
  const base = advisor * WORDS_PER_DAY;
  if (!allSet(day.available, base, s, e)) return false;
  const st = index.peek(day.n);
  return !st || !anySet(st.busy, base, s, e);
}

interface FreeCache {
  state: DayState | undefined;
  version: number;
  bits: Uint32Array;
}
const caches = new WeakMap<CapacityIndex, Map<number, FreeCache>>();

/**
 * Per advisor, the day's minutes that are on duty, present and not taken (available
 * AND NOT busy), cached until that day changes: scans that probe many slots of one
 * day then pay one bitset test per slot.
 */
export function freeBits(index: CapacityIndex, day: DayInfo): Uint32Array {
  let perIndex = caches.get(index);
  if (!perIndex) caches.set(index, (perIndex = new Map()));
  const st = index.peek(day.n);
  const version = st ? st.version : -1;
  const hit = perIndex.get(day.n);
  if (hit && hit.state === st && hit.version === version) return hit.bits;
  const bits = st ? new Uint32Array(day.available.length) : day.available;
  if (st) for (let i = 0; i < bits.length; i++) bits[i] = day.available[i] & ~st.busy[i];
  if (perIndex.size > 512) perIndex.clear();
  perIndex.set(day.n, { state: st, version, bits });
  return bits;
}
