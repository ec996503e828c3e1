import { CapacityIndex } from "../core/capacity-index.js";
import { compileDealer, type Dealer } from "../core/dealer.js";
import type { Booking, LabourSlice, Mobility } from "../core/types.js";
import { getDealer } from "../db/dealers-repo.js";
import type { Db } from "../db/sqlite-handle.js";
import { holdingSince, type AppointmentRow } from "./appointments-repo.js";

// The in-memory side of one dealer: its compiled configuration and capacity index,
// built from storage on first use (or after a restart, or a config change) and kept
// in step with every committed write.

export interface DealerRuntime {
  dealer: Dealer;
  index: CapacityIndex;
  configVersion: number;
}

/** How far back the index reaches: older appointments cannot collide with new ones. */
const LOOKBACK_MINUTES = 2 * 1440;

export function rowToBooking(dealer: Dealer, row: AppointmentRow): Booking | null {
  const advisor = dealer.advisorIndex.get(row.advisorId);
  if (advisor === undefined) return null;
  const retAdvisor = row.returnAdvisorId === null ? undefined : dealer.advisorIndex.get(row.returnAdvisorId);
  return {
    id: row.id,
    reception: { advisor, start: row.receptionStart, minutes: row.receptionMinutes },
    ret:
      retAdvisor !== undefined && row.returnStart !== null && row.returnMinutes !== null
        ? { advisor: retAdvisor, start: row.returnStart, minutes: row.returnMinutes }
        : null,
    labour: (JSON.parse(row.labourJson) as LabourSlice[]).filter((l) => l.skill < dealer.skills.length),
    readyAt: row.readyAt,
    express: row.express,
    mobility: row.mobility as Mobility,
  };
}

export class Runtimes {
  private readonly cache = new Map<string, DealerRuntime>();

  constructor(
    private readonly db: Db,
    private readonly now: () => number,
  ) {}

  /** The dealer's runtime, loading it from storage when needed; null for an unknown dealer. */
  get(dealerId: string): DealerRuntime | null {
    const hit = this.cache.get(dealerId);
    if (hit) return hit;
    const stored = getDealer(this.db, dealerId);
    if (!stored) return null;
    const dealer = compileDealer(dealerId, stored.config);
    const since = Math.floor(this.now() / 60_000) - LOOKBACK_MINUTES;
    const bookings: Booking[] = [];
    for (const row of holdingSince(this.db, dealerId, since)) {
      const b = rowToBooking(dealer, row);
      // An advisor removed from the configuration leaves their rows out of the index;
      // the day board still lists them from storage.
      if (b) bookings.push(b);
    }
    const rt: DealerRuntime = { dealer, index: CapacityIndex.build(dealer, bookings), configVersion: stored.version };
    this.cache.set(dealerId, rt);
    return rt;
  }

  /** Forget a dealer's state; the next request rebuilds it from storage. */
  invalidate(dealerId: string): void {
    this.cache.delete(dealerId);
  }
}
