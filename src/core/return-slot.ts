import type { CapacityIndex } from "./capacity-index.js";
import { GRID, gridUp } from "./dealer.js";
import { firstFit } from "./fit-table.js";
import { reserveIntact } from "./reserve.js";
import type { AdvisorSlot } from "./types.js";

// The proposed return appointment: the first quarter hour at or after readyAt, inside
// opening hours, with the reception's advisor when that advisor is free then (the
// customer meets the same face), otherwise with the first advisor free at that time.

const RETURN_SEARCH_DAYS = 21;

/**
 * How many days after the car is ready a return may be (rules.ts, beyond_horizon): the
 * booking horizon, and never less than the days this search itself looks through, so that
 * every return it finds is one the checker accepts (a dealer with a 2-day horizon and a
 * closed week would otherwise refuse its own proposals).
 */
export const returnReachDays = (config: { receptionRules: { maxHorizonDays: number } }): number =>
  Math.max(config.receptionRules.maxHorizonDays, RETURN_SEARCH_DAYS + 1);

/**
 * `now` set: an ordinary customer's return, which (like a reception) may not take the
 * room the express reserve of its half-day still needs before the release time.
 */
export function findReturn(
  index: CapacityIndex,
  advisor: number,
  readyAt: number,
  minutes: number,
  now?: number,
  reception?: AdvisorSlot,
): AdvisorSlot | null {
  const dealer = index.dealer;
  const first = dealer.dayOf(readyAt);
  for (let n = first; n < first + RETURN_SEARCH_DAYS; n++) {
    const day = dealer.day(n);
    if (day.open.length === 0) continue;
    for (let r = 0; r < day.open.length; r += 2) {
      let lo = Math.max(day.open[r], readyAt - day.zone.start);
      lo = gridUp(day, lo);
      const hi = day.open[r + 1];
      while (lo + minutes <= hi) {
        // Earliest fitting start over all advisors; the reception's advisor wins ties.
        const fit = firstFit(index, day, advisor, lo, hi, minutes);
        if (fit < 0) break;
        const bestS = Math.floor(fit / 1024);
        const bestA = fit % 1024;
        const slot = { advisor: bestA, start: day.zone.start + bestS, minutes };
        // Every return rule holds by construction: on the grid, inside opening hours, at
        // or after readyAt, and the fit table only has minutes on duty, present and free
        // (the differential test holds this against the checker). The reserve is left.
        if (returnKeepsReserve(index, slot, now, reception)) return slot;
        lo = bestS + GRID;
      }
    }
  }
  return null;
}

/**
 * True when an ordinary return leaves the express reserve of its half-day intact (or
 * none is held), with the stay's own `reception` counted as taken when given.
 */
export function returnKeepsReserve(
  index: CapacityIndex,
  slot: AdvisorSlot,
  now: number | undefined,
  reception?: AdvisorSlot,
): boolean {
  if (now === undefined) return true;
  const day = index.dealer.day(index.dealer.dayOf(slot.start));
  if (now >= day.releaseAt) return true;
  const s = slot.start - day.zone.start;
  return reserveIntact(index, day, slot.advisor, s, s + slot.minutes, now, reception);
}
