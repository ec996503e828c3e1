import type { CapacityIndex } from "./capacity-index.js";
import { GRID } from "./dealer.js";
import { evaluateReturn } from "./rules.js";
import type { AdvisorSlot } from "./types.js";

// The proposed return appointment: the first quarter hour at or after readyAt, inside
// opening hours, with the reception's advisor when possible (the customer meets the
// same face), otherwise with any advisor free then.

const RETURN_SEARCH_DAYS = 21;

export function findReturn(index: CapacityIndex, advisor: number, readyAt: number, minutes: number): AdvisorSlot | null {
  const dealer = index.dealer;
  const first = dealer.dayOf(readyAt);
  for (let n = first; n < first + RETURN_SEARCH_DAYS; n++) {
    const day = dealer.day(n);
    for (let r = 0; r < day.open.length; r += 2) {
      let s = Math.max(day.open[r], readyAt - day.zone.start);
      s = Math.ceil((s + day.gridPhase) / GRID) * GRID - day.gridPhase;
      for (; s + minutes <= day.open[r + 1]; s += GRID) {
        const start = day.zone.start + s;
        // The reception's advisor first, then anyone free at that time.
        for (let k = -1; k < dealer.advisors.length; k++) {
          const a = k < 0 ? advisor : k;
          if (k === advisor) continue;
          const slot = { advisor: a, start, minutes };
          if (evaluateReturn(index, slot, readyAt, null) === null) return slot;
        }
      }
    }
  }
  return null;
}
