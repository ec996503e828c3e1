import type { CapacityIndex } from "./capacity-index.js";
import { GRID, gridUp } from "./dealer.js";
import { mobilityViolation } from "./mobility.js";
import { returnKeepsReserve } from "./return-slot.js";
import { evaluateReturn } from "./rules.js";
import type { AdvisorSlot, Mobility } from "./types.js";

// A car the workshop finishes early: its return may come forward, but only to a time the
// customer can still be told of and keep (`notBefore`, the scheduler's notice), and only
// with the advisor who has it now (the customer was told that face; moving them to a
// colleague for an earlier slot is a second change to explain). Unlike findReturn this
// search is bounded by the current return: it never proposes a later one, and finding
// nothing is an answer (the return stays).

export interface EarlierReturnAsk {
  /** The return the customer holds now. */
  current: AdvisorSlot;
  /** The car's new ready time (epoch minutes). */
  readyAt: number;
  /** The earliest start the customer can be told of in time (epoch minutes). */
  notBefore: number;
  reception: AdvisorSlot;
  mobility: Mobility;
  /** A priority vehicle: may take the held courtesy cars. */
  priority: boolean;
  /** Set for an ordinary customer: the return must leave the express reserve intact (as findReturn). */
  now?: number;
}

/**
 * The first quarter hour in [max(readyAt, notBefore, reception end), current.start) at
 * which the same advisor can take the return under every return rule (grid, opening
 * hours, on duty, present, free), the express reserve holds, and the stay's mobility
 * stays within stock (a delivery run in an earlier half-day is not a given); null when
 * there is none. The booking itself must be off the index (its own return is not in its
 * way).
 */
export function findEarlierReturn(index: CapacityIndex, ask: EarlierReturnAsk): AdvisorSlot | null {
  const { current, readyAt, reception, mobility, priority, now } = ask;
  const dealer = index.dealer;
  // Trap: the booking is off the index, so its own reception no longer blocks the desk. A
  // car checked in early and finished before its booked reception would otherwise get a
  // return inside (or before) that reception: the floor is the reception's end too.
  const from = Math.max(readyAt, ask.notBefore, reception.start + reception.minutes);
  if (from >= current.start) return null;
  const { advisor, minutes } = current;
  for (let n = dealer.dayOf(from); n <= dealer.dayOf(current.start); n++) {
    const day = dealer.day(n);
    for (let r = 0; r < day.open.length; r += 2) {
      for (
        let s = gridUp(day, Math.max(day.open[r], from - day.zone.start));
        s + minutes <= day.open[r + 1];
        s += GRID
      ) {
        const start = day.zone.start + s;
        if (start >= current.start) return null;
        const slot = { advisor, start, minutes };
        if (evaluateReturn(index, slot, readyAt, null) !== null) continue;
        if (!returnKeepsReserve(index, slot, now, reception)) continue;
        if (mobilityViolation(index, mobility, { reception, ret: slot, readyAt }, priority)) continue;
        return slot;
      }
    }
  }
  return null;
}
