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
  const next = new Int16Array(A * SLOTS_PER_DAY);
  for (let a = 0; a < A; a++) {
    const row = a * SLOTS_PER_DAY;
    let after = -1;
    for (let g = SLOTS_PER_DAY - 1; g >= 0; g--) {
      const s = g * GRID - day.gridPhase;
      if (s >= 0 && s + minutes <= day.zone.length && allSet(free, a * WORDS_PER_DAY, s, s + minutes)) after = g;
      next[row + g] = after;
    }
  }
  return next;
}

/** Per advisor × grid slot: the first grid slot at or after it where the advisor is free for `minutes`, or -1. */
export function fitTable(index: CapacityIndex, day: DayInfo, minutes: number): Int16Array {
  const d = derived(index, day);
  const fits = (d.fits ??= new Map());
  let t = fits.get(minutes);
  if (!t) fits.set(minutes, (t = build(index, day, minutes)));
  return t;
}

/** First grid start s in [lo, hi - minutes] (lo on the grid) where advisor `a` is free for `minutes`, or -1. */
export function firstFit(table: Int16Array, day: DayInfo, a: number, lo: number, hi: number, minutes: number): number {
  const g = (lo + day.gridPhase) / GRID;
  if (g >= SLOTS_PER_DAY) return -1;
  const f = table[a * SLOTS_PER_DAY + g];
  if (f < 0) return -1;
  const s = f * GRID - day.gridPhase;
  return s + minutes <= hi ? s : -1;
}
