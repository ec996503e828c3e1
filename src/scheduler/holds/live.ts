import type { CapacityIndex } from "../../core/capacity-index.js";
import type { Dealer } from "../../core/dealer.js";
import type { Booking } from "../../core/types.js";
import { storedBooking } from "../stored-booking.js";
import type { HoldRow } from "../../db/repos/holds.js";

// Holds in the in-memory index: each live hold is a Booking (flag `hold`) under the key
// "hold:<row id>", so it counts for every rule the checker knows (desk, caps, workshop,
// courtesy cars, returns) and no search, calendar or day list offers its slot.
//
// Expiry needs no timer: before a runtime is used (Runtimes.get), sweep() drops the holds
// whose time is up. The earliest expiry is kept, so a sweep with nothing due costs one
// comparison.

export const HOLD_PREFIX = "hold:";

export const holdKey = (rowId: string) => HOLD_PREFIX + rowId;
export const isHoldKey = (id: string) => id.startsWith(HOLD_PREFIX);

export function holdBooking(dealer: Dealer, row: HoldRow): Booking | null {
  const booking = storedBooking(dealer, holdKey(row.id), row);
  return booking && { ...booking, hold: true };
}

export class LiveHolds {
  /** Index key → expiry (epoch ms). */
  private readonly expiry = new Map<string, number>();
  private next = Infinity;

  track(key: string, expiresAt: number): void {
    this.expiry.set(key, expiresAt);
    if (expiresAt < this.next) this.next = expiresAt;
  }

  forget(key: string): void {
    this.expiry.delete(key);
  }

  /** Takes the holds expired at `nowMs` out of the index (read time: no timer involved). */
  sweep(index: CapacityIndex, nowMs: number): void {
    if (nowMs < this.next) return;
    this.next = Infinity;
    for (const [key, at] of this.expiry) {
      if (at <= nowMs) {
        index.remove(key);
        this.expiry.delete(key);
      } else if (at < this.next) this.next = at;
    }
  }
}
