import { allSet } from "./bitset.js";
import type { CapacityIndex } from "./capacity-index.js";
import { GRID, WORDS_PER_DAY, type DayInfo } from "./dealer.js";
import { derived } from "./derived.js";
import { freeBits } from "./free.js";
import { SLOTS_PER_DAY } from "./slot-mask.js";

// Where the next free stretch of `minutes` starts, per advisor and grid slot of a day:
// the return proposal asks "first quarter hour at or after readyAt with this advisor
// free for 10–15 minutes" for every advisor, often several times per option. One
// backward pass per day state and length answers it with one array read.

function build(index: CapacityIndex, day: DayInfo, minutes: number): Int16Array {
  const free = freeBits(index, day);
  const A = index.dealer.advisors.length;
  // One row per advisor, then the row "any advisor" (the earliest of them all).
  const next = new Int16Array((A + 1) * SLOTS_PER_DAY).fill(-1);
  const any = A * SLOTS_PER_DAY;
  for (let a = 0; a < A; a++) {
    const row = a * SLOTS_PER_DAY;
    let after = -1;
    for (let g = SLOTS_PER_DAY - 1; g >= 0; g--) {
      const s = g * GRID - day.gridPhase;
      if (fitsAt(free, day, a, s, minutes)) after = g;
      next[row + g] = after;
      if (after >= 0 && (next[any + g] < 0 || after < next[any + g])) next[any + g] = after;
    }
  }
  return next;
}

/** Whether advisor `a` may start a stay of `minutes` at day minute `s` (the table's rule). */
function fitsAt(free: Uint32Array, day: DayInfo, a: number, s: number, minutes: number): boolean {
  return s >= 0 && s + minutes <= day.zone.length && allSet(free, a * WORDS_PER_DAY, s, s + minutes);
}

/**
 * Per advisor × grid slot: the first grid slot at or after it where the advisor is free
 * for `minutes`, or -1; row `advisors.length` holds the earliest over all advisors.
 */
export function fitTable(index: CapacityIndex, day: DayInfo, minutes: number): Int16Array {
  const d = derived(index, day);
  const fits = (d.fits ??= new Map());
  let t = fits.get(minutes);
  if (!t) fits.set(minutes, (t = build(index, day, minutes)));
  return t;
}

/**
 * The earliest grid start in [lo, hi - minutes] (lo on the grid) where some advisor is
 * free for `minutes`, and who: `prefer` when free then, else the first such advisor.
 * Returns start × 1024 + advisor, or -1.
 */
export function firstFitAny(
  table: Int16Array,
  day: DayInfo,
  advisors: number,
  prefer: number,
  lo: number,
  hi: number,
  minutes: number,
): number {
  const g = (lo + day.gridPhase) / GRID;
  if (g >= SLOTS_PER_DAY) return -1;
  const f = table[advisors * SLOTS_PER_DAY + g];
  if (f < 0) return -1;
  const s = f * GRID - day.gridPhase;
  if (s + minutes > hi) return -1;
  if (table[prefer * SLOTS_PER_DAY + g] === f) return s * 1024 + prefer;
  for (let a = 0; a < advisors; a++) if (table[a * SLOTS_PER_DAY + g] === f) return s * 1024 + a;
  return -1; // unreachable: the any-row is the minimum of the advisors' rows
}

/** How many next-fit questions a day state answers by scanning before it builds the table. */
export const SCANS_BEFORE_TABLE = 3;

/**
 * firstFitAny's answer for this day's current state, by the cheaper of two ways.
 *
 * Why two: building the table costs a pass over every advisor and slot of the day, and
 * pays off only when the same day state is asked many times (a search). A booking asks
 * once or twice and then changes the day, which drops the table (derived.ts): it was
 * rebuilt for every booking of a busy day, ~5 % of a booking's CPU (issue 17). So the
 * first SCANS_BEFORE_TABLE asks of a day state scan forward from `lo` and stop at the
 * first fit; the next one builds the table. Both give the same answer
 * (test/core/fit-table.test.ts holds them together).
 */
export function firstFit(
  index: CapacityIndex,
  day: DayInfo,
  prefer: number,
  lo: number,
  hi: number,
  minutes: number,
): number {
  const d = derived(index, day);
  const advisors = index.dealer.advisors.length;
  const table = d.fits?.get(minutes);
  if (table) return firstFitAny(table, day, advisors, prefer, lo, hi, minutes);
  if (d.fitAsks++ >= SCANS_BEFORE_TABLE)
    return firstFitAny(fitTable(index, day, minutes), day, advisors, prefer, lo, hi, minutes);
  return firstFitScan(freeBits(index, day), day, advisors, prefer, lo, hi, minutes);
}

/** firstFitAny without the table: the first grid slot from `lo` where someone fits. */
export function firstFitScan(
  free: Uint32Array,
  day: DayInfo,
  advisors: number,
  prefer: number,
  lo: number,
  hi: number,
  minutes: number,
): number {
  for (let g = (lo + day.gridPhase) / GRID; g < SLOTS_PER_DAY; g++) {
    const s = g * GRID - day.gridPhase;
    // Later starts only end later: past `hi` here, past it for every later fit too.
    if (s + minutes > hi) return -1;
    if (fitsAt(free, day, prefer, s, minutes)) return s * 1024 + prefer;
    for (let a = 0; a < advisors; a++) if (fitsAt(free, day, a, s, minutes)) return s * 1024 + a;
  }
  return -1;
}
