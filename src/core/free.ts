import { allSet, anySet } from "./bitset.js";
import type { CapacityIndex } from "./capacity-index.js";
import { WORDS_PER_DAY, type DayInfo } from "./dealer.js";
import { derived } from "./derived.js";

/** True when the advisor can take the minutes [s, e) of a day: on duty, present and free. */
export function advisorFreeAt(index: CapacityIndex, day: DayInfo, advisor: number, s: number, e: number): boolean {
  const base = advisor * WORDS_PER_DAY;
  if (!allSet(day.available, base, s, e)) return false;
  const st = index.peek(day.n);
  return !st || !anySet(st.busy, base, s, e);
}

/**
 * Per advisor, the day's minutes that are on duty, present and not taken (available
 * AND NOT busy), cached until that day changes: scans that probe many slots of one
 * day then pay one bitset test per slot.
 */
export function freeBits(index: CapacityIndex, day: DayInfo): Uint32Array {
  const d = derived(index, day);
  if (d.free) return d.free;
  const st = d.state;
  const bits = st ? new Uint32Array(day.available.length) : day.available;
  if (st) for (let i = 0; i < bits.length; i++) bits[i] = day.available[i] & ~st.busy[i];
  return (d.free = bits);
}
