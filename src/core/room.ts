import { hourlyCapOk, twoHourCapOk } from "./caps.js";
import type { CapacityIndex } from "./capacity-index.js";
import { GRID, gridUp, type DayInfo } from "./dealer.js";
import { overlaps } from "./ranges.js";
import { SLOTS_PER_DAY, slotMask } from "./slot-mask.js";
import { derived, type Derived, type HalfRoom, type RoomTable } from "./derived.js";
import type { DealerConfig } from "./dealer-config.js";

export type { HalfRoom, RoomTable };

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

/** Minutes one reserved express reception must be able to take: the longest reception there is. */
export function reserveUnit(config: DealerConfig): 15 | 30 {
  let unit: 15 | 30 = 15;
  if (config.durations.courtesyCarReceptionMinutes === 30 || config.durations.newCustomerReceptionMinutes === 30)
    unit = 30;
  for (const iv of Object.values(config.interventions)) if (iv.receptionMinutes === 30) unit = 30;
  return unit;
}

function build(index: CapacityIndex, day: DayInfo, unit: 15 | 30): RoomTable {
  const A = index.dealer.advisors.length;
  const suffix = new Int16Array(A * SLOTS_PER_DAY);
  // "A placement may start here" is exactly the day's slot mask for receptions of `unit`.
  const okAt = slotMask(index, day, unit);
  for (let a = 0; a < A; a++) {
    const duty = day.duty[a];
    const row = a * SLOTS_PER_DAY;
    for (let half = 0; half < 2; half++) {
      const hs = half === 0 ? 0 : day.noon;
      const he = half === 0 ? day.noon : day.zone.length;
      let after = 0; // placements in the later duty ranges of this half-day
      for (let r = duty.length - 2; r >= 0; r -= 2) {
        const first = gridUp(day, Math.max(duty[r], hs));
        const last = Math.min(duty[r + 1], he) - unit;
        if (first > last) continue;
        let top = first;
        while (top + GRID <= last) top += GRID;
        for (let s = top; s >= first; s -= GRID) {
          const g = row + (s + day.gridPhase) / GRID;
          const jump = s + unit + GRID;
          if (okAt[g] === 1) suffix[g] = 1 + (jump <= last ? suffix[row + (jump + day.gridPhase) / GRID] : after);
          else suffix[g] = s + GRID <= last ? suffix[g + 1] : after;
        }
        after = suffix[row + (first + day.gridPhase) / GRID];
      }
    }
  }
  return { unit, suffix, ok: okAt, memo: [null, null] };
}

const NONE: number[] = [];

/** The day's room table, rebuilt when the day changes (`d`: the day's derived tables, when the caller has them). */
export function roomTable(index: CapacityIndex, day: DayInfo, d: Derived = derived(index, day)): RoomTable {
  return (d.room ??= build(index, day, reserveUnit(index.dealer.config)));
}

/** Every advisor's room (roomWith, nothing extra), memoised on the table until the day changes or `earliest` moves. */
export function roomByAdvisor(
  index: CapacityIndex,
  table: RoomTable,
  day: DayInfo,
  half: number,
  earliest: number,
  cap: number,
): HalfRoom {
  const hit = table.memo[half];
  if (hit && hit.earliest === earliest && hit.cap === cap) return hit;
  const room = new Int16Array(day.duty.length);
  let total = 0;
  for (let a = 0; a < room.length; a++) total += room[a] = roomWith(index, table, day, half, earliest, a, cap, NONE);
  return (table.memo[half] = { earliest, cap, room, total });
}

/**
 * Placements of `unit` minutes advisor `a` could take in the half-day from `earliest` on
 * (elapsed minutes), up to `cap`; `table` is roomTable() of the same day. `extra` (flat
 * sorted elapsed [start, end, …], may be empty) counts as more receptions of advisor `a`:
 * the slot being checked, without touching the index. Adding receptions only ever
 * removes placements, and only those within the caps' two-hour reach of an extra one, so
 * the greedy walks the table's verdicts up to that reach, re-checks inside it, and past
 * it takes the table's count (with nothing extra: at once).
 */
export function roomWith(
  index: CapacityIndex,
  table: RoomTable,
  day: DayInfo,
  half: number,
  earliest: number,
  a: number,
  cap: number,
  extra: number[],
): number {
  const unit = table.unit;
  const rules = index.dealer.config.receptionRules;
  const hs = half === 0 ? 0 : day.noon;
  const he = half === 0 ? day.noon : day.zone.length;
  const lo = extra.length ? extra[0] - 120 - unit : -Infinity;
  const hi = extra.length ? extra[extra.length - 1] + 120 : -Infinity;
  let list: number[] | null = null;
  const duty = day.duty[a];
  const row = a * SLOTS_PER_DAY;
  let count = 0;
  for (let r = 0; r < duty.length; r += 2) {
    const last = Math.min(duty[r + 1], he) - unit;
    for (let s = gridUp(day, Math.max(duty[r], hs, earliest)); s <= last; s += GRID) {
      const g = row + (s + day.gridPhase) / GRID;
      // Past the extra receptions' reach the rest of the greedy is the table's (this range and the later ones).
      if (s >= hi) return Math.min(cap, count + table.suffix[g]);
      if (table.ok[g] === 0) continue;
      if (s > lo) {
        if (overlaps(extra, s, s + unit)) continue;
        list ??= mergeSorted(index.peek(day.n)?.receptions[a] ?? NONE, extra);
        if (!hourlyCapOk(list, s, rules.maxPerHour) || !twoHourCapOk(list, s, s + unit, rules.maxMinutesPer2h))
          continue;
      }
      if (++count >= cap) return count;
      s += unit; // the next placement starts a quarter after this one ends (as in the table)
    }
  }
  return count;
}

function mergeSorted(a: number[], b: number[]): number[] {
  const out: number[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) {
    if (j >= b.length || (i < a.length && a[i] <= b[j])) out.push(a[i++], a[i++]);
    else out.push(b[j++], b[j++]);
  }
  return out;
}
