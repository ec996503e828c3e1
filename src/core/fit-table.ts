import { allSet } from "./bitset.js";
import type { CapacityIndex, DayState } from "./capacity-index.js";
import { GRID, WORDS_PER_DAY, type DayInfo } from "./dealer.js";
import { freeBits } from "./free.js";
import { SLOTS_PER_DAY } from "./slot-mask.js";

// Where the next free stretch of `minutes` starts, per advisor and grid slot of a day:
// the return proposal asks "first quarter hour at or after readyAt with this advisor
// free for 10–15 minutes" for every advisor, often several times per option. One
// backward pass per day state and length answers it with one array read.

interface Cached {
  state: DayState | undefined;
  version: number;
  byMinutes: Map<number, Int16Array>;
}
const caches = new WeakMap<CapacityIndex, Map<number, Cached>>();

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
  let perIndex = caches.get(index);
  if (!perIndex) caches.set(index, (perIndex = new Map()));
  const st = index.peek(day.n);
  const version = st ? st.version : -1;
  let c = perIndex.get(day.n);
  if (!c || c.state !== st || c.version !== version) {
    if (perIndex.size > 1024) perIndex.clear();
    c = { state: st, version, byMinutes: new Map() };
    perIndex.set(day.n, c);
  }
  let t = c.byMinutes.get(minutes);
  if (!t) c.byMinutes.set(minutes, (t = build(index, day, minutes)));
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
