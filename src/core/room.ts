import { hourlyCapOk, twoHourCapOk } from "./caps.js";
import type { CapacityIndex, DayState } from "./capacity-index.js";
import { GRID, type DayInfo } from "./dealer.js";
import { advisorFreeAt } from "./free.js";
import { SLOTS_PER_DAY } from "./slot-mask.js";

// The express reserve's "room": how many non-overlapping receptions of `unit` minutes an
// advisor could still take in a half-day, placed greedily in time order from the first
// grid start at or after `earliest`, each under every desk rule (on duty, present, free,
// both buffer caps). The greedy from a later start only ever drops placements, so the
// count from every grid start is one backward pass (a suffix table) per day state:
// the reserve check then costs one lookup per advisor, whatever `now` is.
//
// Trap: after a placement at s the greedy resumes at s + unit + GRID (not s + unit),
// and each duty range of the half-day restarts at its own first grid start; the table
// follows both so that it equals the scan it replaces, not a "better" count.

interface RoomTable {
  state: DayState | undefined;
  version: number;
  unit: number;
  /** Per advisor × grid slot: placements from that slot on, to the end of its half-day. */
  suffix: Int16Array;
}
const caches = new WeakMap<CapacityIndex, Map<number, RoomTable>>();

const gridUp = (m: number, phase: number) => Math.ceil((m + phase) / GRID) * GRID - phase;

function build(index: CapacityIndex, day: DayInfo, st: DayState | undefined, unit: number): Int16Array {
  const A = index.dealer.advisors.length;
  const rules = index.dealer.config.receptionRules;
  const suffix = new Int16Array(A * SLOTS_PER_DAY);
  for (let a = 0; a < A; a++) {
    const list = st ? st.receptions[a] : NONE;
    const duty = day.duty[a];
    const row = a * SLOTS_PER_DAY;
    for (let half = 0; half < 2; half++) {
      const hs = half === 0 ? 0 : day.noon;
      const he = half === 0 ? day.noon : day.zone.length;
      let after = 0; // placements in the later duty ranges of this half-day
      for (let r = duty.length - 2; r >= 0; r -= 2) {
        const first = gridUp(Math.max(duty[r], hs), day.gridPhase);
        const last = Math.min(duty[r + 1], he) - unit;
        if (first > last) continue;
        let top = first;
        while (top + GRID <= last) top += GRID;
        for (let s = top; s >= first; s -= GRID) {
          const g = row + (s + day.gridPhase) / GRID;
          const ok = advisorFreeAt(index, day, a, s, s + unit) && hourlyCapOk(list, s, rules.maxPerHour) && twoHourCapOk(list, s, s + unit, rules.maxMinutesPer2h);
          const jump = s + unit + GRID;
          if (ok) suffix[g] = 1 + (jump <= last ? suffix[row + (jump + day.gridPhase) / GRID] : after);
          else suffix[g] = s + GRID <= last ? suffix[g + 1] : after;
        }
        after = suffix[row + (first + day.gridPhase) / GRID];
      }
    }
  }
  return suffix;
}

const NONE: number[] = [];

function table(index: CapacityIndex, day: DayInfo, unit: number): Int16Array {
  let perIndex = caches.get(index);
  if (!perIndex) caches.set(index, (perIndex = new Map()));
  const st = index.peek(day.n);
  const version = st ? st.version : -1;
  const hit = perIndex.get(day.n);
  if (hit && hit.state === st && hit.version === version && hit.unit === unit) return hit.suffix;
  if (perIndex.size > 1024) perIndex.clear();
  const suffix = build(index, day, st, unit);
  perIndex.set(day.n, { state: st, version, unit, suffix });
  return suffix;
}

/** Placements of `unit` minutes advisor `a` could take in the half-day from `earliest` on (elapsed minutes), up to `cap`. */
export function roomFrom(index: CapacityIndex, day: DayInfo, half: number, earliest: number, a: number, unit: number, cap: number): number {
  const hs = half === 0 ? 0 : day.noon;
  const he = half === 0 ? day.noon : day.zone.length;
  const duty = day.duty[a];
  for (let r = 0; r < duty.length; r += 2) {
    const first = gridUp(Math.max(duty[r], hs, earliest), day.gridPhase);
    if (first > Math.min(duty[r + 1], he) - unit) continue;
    const n = table(index, day, unit)[a * SLOTS_PER_DAY + (first + day.gridPhase) / GRID];
    return n < cap ? n : cap;
  }
  return 0;
}
