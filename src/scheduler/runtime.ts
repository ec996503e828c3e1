import { storedBooking } from "./stored-booking.js";
import { CapacityIndex } from "../core/capacity-index.js";
import { withRetiredAdvisors } from "../core/config-guard/index.js";
import { compileDealer, type Dealer } from "../core/dealer.js";
import type { Booking } from "../core/types.js";
import { type ChangeFeed, PRIORITY_VINS_KEY } from "../db/change-feed.js";
import { getDealer } from "../db/repos/dealers.js";
import type { Db } from "../db/sqlite-handle.js";
import { isHolding } from "../core/status.js";
import { findAppointment, holdingSince, type AppointmentRow } from "../db/repos/appointments.js";
import { findHold, liveHolds } from "../db/repos/holds.js";
import { HOLD_PREFIX, holdBooking, isHoldKey, LiveHolds } from "./holds/live.js";
import { epochMinute } from "../core/civil.js";

// The in-memory side of one dealer: its compiled configuration and capacity index,
// built from storage on first use (or after a restart, or a config change) and kept
// in step with every committed write.

export interface DealerRuntime {
  dealer: Dealer;
  index: CapacityIndex;
  configVersion: number;
  /** The live holds in `index`, swept at read time (holds/live.ts). */
  holds: LiveHolds;
  /** The VINs held as priority, as read at `epoch` (trust.ts); null: read on next use. */
  priorityVins: { epoch: number; vins: Set<string> } | null;
}

/** How far back the index reaches: older appointments cannot collide with new ones. */
const LOOKBACK_MINUTES = 2 * 1440;

export function rowToBooking(dealer: Dealer, row: AppointmentRow): Booking | null {
  return storedBooking(dealer, row.id, row);
}

export class Runtimes {
  private readonly cache = new Map<string, DealerRuntime>();

  /** feed: only when other processes write the same file (node.ts, WORKERS > 1). */
  constructor(
    private readonly db: Db,
    private readonly now: () => number,
    private readonly feed?: ChangeFeed,
  ) {}

  /**
   * Replays the other processes' commits into the cached runtimes (db/change-feed.ts).
   * Runs before every lookup and, through tx.ts, right after every BEGIN IMMEDIATE, so a
   * re-check inside a write transaction sees every committed booking.
   *
   * A configuration change retires the dealer's runtime, but appointment rows later in
   * the SAME batch are still applied to it: a write that captured that runtime before
   * its transaction began re-checks against complete capacity (its rules are the old
   * configuration's, as if it had committed just before the change). The next lookup
   * builds a fresh runtime from storage.
   */
  sync(): void {
    const changes = this.feed?.read();
    if (!changes) return;
    if (changes === "reset") return this.cache.clear();
    const touched = new Map<string, DealerRuntime>();
    for (const { dealerId, appointmentId } of changes) {
      const rt = touched.get(dealerId) ?? this.cache.get(dealerId);
      if (!rt) continue;
      touched.set(dealerId, rt);
      if (appointmentId === null) this.cache.delete(dealerId);
      else if (appointmentId === PRIORITY_VINS_KEY) rt.priorityVins = null;
      else this.replay(rt, dealerId, appointmentId);
    }
  }

  /** The row's current state into the index: idempotent, so own rows may come back. */
  private replay(rt: DealerRuntime, dealerId: string, id: string): void {
    if (isHoldKey(id)) return this.replayHold(rt, dealerId, id);
    const row = findAppointment(this.db, dealerId, id);
    const since = epochMinute(this.now()) - LOOKBACK_MINUTES;
    const holds = row !== undefined && isHolding(row.status) && (row.receptionStart >= since || row.readyAt >= since);
    const b = holds ? rowToBooking(rt.dealer, row) : null;
    // Own writes come back unchanged: leave the index (and its per-day tables) alone.
    const held = rt.index.bookings.get(id);
    if (b && held && JSON.stringify(held) === JSON.stringify(b)) return;
    rt.index.remove(id);
    if (b) rt.index.add(b);
  }

  /** A hold created, consumed or released by another process (change-feed key "hold:<id>"). */
  private replayHold(rt: DealerRuntime, dealerId: string, key: string): void {
    const row = findHold(this.db, dealerId, key.slice(HOLD_PREFIX.length));
    const b = row && row.expiresAt > this.now() ? holdBooking(rt.dealer, row) : null;
    if (b && rt.index.bookings.has(key)) return;
    rt.index.remove(key);
    rt.holds.forget(key);
    if (b && row) {
      rt.index.add(b);
      rt.holds.track(key, row.expiresAt);
    }
  }

  /** The dealer's runtime, loading it from storage when needed; null for an unknown dealer. */
  get(dealerId: string): DealerRuntime | null {
    this.sync();
    const hit = this.cache.get(dealerId);
    if (hit) {
      hit.holds.sweep(hit.index, this.now());
      return hit;
    }
    const stored = getDealer(this.db, dealerId);
    if (!stored) return null;
    const since = epochMinute(this.now()) - LOOKBACK_MINUTES;
    const rows = holdingSince(this.db, dealerId, since);
    // An advisor no longer configured who still holds appointments (recent past ones, or
    // stored before the configuration guard) stays as a retired advisor, never on duty:
    // the index must keep those appointments' cars, labour and desk time, or the next
    // bookings would take them (config-guard/rebase.ts).
    const retired = rows.flatMap((r) =>
      r.returnAdvisorId === null ? [r.advisorId] : [r.advisorId, r.returnAdvisorId],
    );
    const dealer = compileDealer(dealerId, withRetiredAdvisors(stored.config, retired));
    const bookings: Booking[] = [];
    // In day order, so the bookings are also allocated in the order the index build walks
    // them: a 20k build from bookings made in booking order took 1.5× as long, the time
    // going to cache misses, not to the algorithm (issue 17; bench "index build … in day order").
    rows.sort((a, b) => a.receptionStart - b.receptionStart);
    for (const row of rows) {
      const b = rowToBooking(dealer, row);
      if (b) bookings.push(b);
    }
    // Live holds count like appointments (and survive a restart: they are rows too).
    const holds = new LiveHolds();
    for (const row of liveHolds(this.db, dealerId, this.now())) {
      const b = holdBooking(dealer, row);
      if (!b) continue;
      bookings.push(b);
      holds.track(b.id, row.expiresAt);
    }
    const rt: DealerRuntime = {
      dealer,
      index: CapacityIndex.build(dealer, bookings),
      configVersion: stored.version,
      holds,
      priorityVins: null,
    };
    this.cache.set(dealerId, rt);
    return rt;
  }

  /** Forget every dealer's state (a group commit failed after updating them). */
  invalidateAll(): void {
    this.cache.clear();
    this.feed?.resync();
  }

  /** Forget a dealer's state; the next request rebuilds it from storage. */
  invalidate(dealerId: string): void {
    this.cache.delete(dealerId);
  }
}
