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
      if (s >= 0 && s + minutes <= day.zone.length && allSet(free, a * WORDS_PER_DAY, s, s + minutes)) after = g;
      next[row + g] = after;
      if (after >= 0 && (next[any + g] < 0 || after < next[any + g])) next[any + g] = after;
    }
  }
  return next;
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
