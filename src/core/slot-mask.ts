import { allSet, anySet } from "./bitset.js";
import { hourlyCapOk, twoHourCapOk } from "./caps.js";
import type { CapacityIndex, DayState } from "./capacity-index.js";
import { GRID, gridUp, WORDS_PER_DAY, type DayInfo } from "./dealer.js";
import { derived } from "./derived.js";

// Per day and reception length, which (advisor, quarter hour) pairs pass the desk rules
// that depend only on the day's bookings: on duty, present, free, and within both buffer
// caps. Computed with the rule checker's own functions and cached until that day
// changes, so repeated searches test one byte per candidate; every slot the search
// keeps is still put through the full checker (notice, workshop, reserve, mobility).

export const SLOTS_PER_DAY = Math.ceil(1500 / GRID);

function build(index: CapacityIndex, day: DayInfo, st: DayState | undefined, minutes: number): Uint8Array {
  const A = index.dealer.advisors.length;
  const rules = index.dealer.config.receptionRules;
  // One row per advisor, then the row "any advisor" (row A), so a full quarter hour costs one test.
  const mask = new Uint8Array((A + 1) * SLOTS_PER_DAY);
  for (let a = 0; a < A; a++) {
    const base = a * WORDS_PER_DAY;
    const duty = day.duty[a];
    const list = st ? st.receptions[a] : null;
    for (let r = 0; r < duty.length; r += 2) {
      let s = gridUp(day, duty[r]);
      for (; s + minutes <= duty[r + 1]; s += GRID) {
        const e = s + minutes;
        if (!allSet(day.available, base, s, e)) continue;
        if (st && anySet(st.busy, base, s, e)) continue;
        if (list && (!hourlyCapOk(list, s, rules.maxPerHour) || !twoHourCapOk(list, s, e, rules.maxMinutesPer2h)))
          continue;
        const g = (s + day.gridPhase) / GRID;
        mask[a * SLOTS_PER_DAY + g] = 1;
        mask[A * SLOTS_PER_DAY + g] = 1;
      }
    }
  }
  return mask;
}

/**
 * Byte per (advisor, grid slot): 1 when a reception of `minutes` may start there as far
 * as the desk goes; row `advisors.length` (after the last advisor) says whether any may.
 */
export function slotMask(index: CapacityIndex, day: DayInfo, minutes: 15 | 30): Uint8Array {
  const d = derived(index, day);
  if (minutes === 15) return (d.mask15 ??= build(index, day, d.state, 15));
  return (d.mask30 ??= build(index, day, d.state, 30));
}
