import { carWindow, type CapacityIndex } from "./capacity-index.js";
import type { DealerConfig } from "./dealer-config.js";
import type { AdvisorSlot, Mobility, RuleCode } from "./types.js";

// Mobility is reserved with the booking, for the whole stay:
// - courtesy car: out from reception to return, across every day of a multi-day stay;
//   `heldCourtesyCars` of them only priority vehicles may take;
// - pickup & delivery: driver runs per half-day; a pickup in the reception's half-day and
//   a delivery in the return's;
// - shuttle: seats per departure (one departure per half-day), or unlimited;
// - rental and taxi: external, recorded, not limited.

export interface Stay {
  reception: AdvisorSlot;
  ret: AdvisorSlot | null;
  readyAt: number;
}

/** Cars only priority vehicles may take. A dealer with a single car does not hold it back: ordinary customers would never get one. */
export function heldCars(config: DealerConfig): number {
  return Math.min(config.express.heldCourtesyCars, Math.max(0, config.mobility.courtesyCars - 1));
}

/** Most courtesy cars out at any minute of [s, e), from the bookings already indexed. */
export function carsOut(index: CapacityIndex, s: number, e: number, ignore?: string): number {
  const seen = new Set<string>();
  const events: number[] = [];
  for (let n = index.dealer.dayOf(s), last = index.dealer.dayOf(Math.max(s, e - 1)); n <= last; n++) {
    const ids = index.carsOn(n);
    if (!ids) continue;
    for (const id of ids) {
      if (seen.has(id) || id === ignore) continue;
      seen.add(id);
      const b = index.bookings.get(id)!;
      const [bs, be] = carWindow(b);
      const lo = Math.max(bs, s);
      const hi = Math.min(be, e);
      // Encode +1 at lo and -1 at hi; ends sort before starts at the same minute.
      if (lo < hi) events.push(lo * 2 + 1, hi * 2);
    }
  }
  events.sort((a, b) => a - b);
  let cur = 0;
  let max = 0;
  for (const ev of events) {
    cur += ev & 1 ? 1 : -1;
    if (cur > max) max = cur;
  }
  return max;
}

function used(index: CapacityIndex, kind: "runs" | "shuttle", d: number, h: number): number {
  return index.peek(d)?.[kind][h] ?? 0;
}

function halfCounterFull(index: CapacityIndex, kind: "runs" | "shuttle", stay: Stay, limit: number): boolean {
  const a = index.halfOf(stay.reception.start);
  const b = index.halfOf(stay.ret ? stay.ret.start : stay.readyAt);
  const same = a.day === b.day && a.half === b.half;
  if (used(index, kind, a.day, a.half) + (same ? 2 : 1) > limit) return true;
  return !same && used(index, kind, b.day, b.half) + 1 > limit;
}

/** The broken mobility rule for this stay, or null when the mobility can be reserved. */
export function mobilityViolation(index: CapacityIndex, mobility: Mobility, stay: Stay, express: boolean): RuleCode | null {
  const m = index.dealer.config.mobility;
  switch (mobility) {
    case "none":
      return null;
    case "taxi":
      return m.taxi ? null : "mobility_not_offered";
    case "rental":
      return m.rental ? null : "mobility_not_offered";
    case "shuttle":
      if (m.shuttle === false) return "mobility_not_offered";
      if (m.shuttle === true) return null;
      return halfCounterFull(index, "shuttle", stay, m.shuttle.seatsPerDeparture) ? "mobility_unavailable" : null;
    case "pickup_delivery":
      if (m.pickupDelivery === 0) return "mobility_not_offered";
      return halfCounterFull(index, "runs", stay, m.pickupDelivery) ? "mobility_unavailable" : null;
    case "courtesy_car": {
      if (m.courtesyCars === 0) return "mobility_not_offered";
      const limit = express ? m.courtesyCars : m.courtesyCars - heldCars(index.dealer.config);
      const [s, e] = carWindow(stay);
      return carsOut(index, s, e) + 1 > limit ? "mobility_unavailable" : null;
    }
  }
}
