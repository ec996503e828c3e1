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

/** Whether the dealer offers this kind of mobility at all (before any stock is counted). */
export function mobilityOffered(config: DealerConfig, m: Mobility): boolean {
  const c = config.mobility;
  switch (m) {
    case "none":
      return true;
    case "courtesy_car":
      return c.courtesyCars > 0;
    case "pickup_delivery":
      return c.pickupDelivery > 0;
    case "taxi":
      return c.taxi;
    case "rental":
      return c.rental;
    case "shuttle":
      return c.shuttle !== false;
  }
}

/** Cars only priority vehicles may take. A dealer with a single car does not hold it back: ordinary customers would never get one. */
export function heldCars(config: DealerConfig): number {
  return Math.min(config.express.heldCourtesyCars, Math.max(0, config.mobility.courtesyCars - 1));
}

/** Most courtesy cars out at any minute of [s, e), from the bookings already indexed. */
export function carsOut(index: CapacityIndex, s: number, e: number): number {
  return index.cars.demand(s, e, 0);
}

/** Whether one more car can go out over [s, e): any car for a priority vehicle; for others, none of the held ones. */
function carFree(index: CapacityIndex, s: number, e: number, priority: boolean): boolean {
  const held = priority ? 0 : heldCars(index.dealer.config);
  return index.cars.demand(s, e, held) + 1 <= index.dealer.config.mobility.courtesyCars;
}

/** Runs or seats used in a half-day, by its halfKey(). */
function used(index: CapacityIndex, kind: "runs" | "shuttle", key: number): number {
  const st = index.peek(Math.floor(key / 2));
  return st ? st[kind][key & 1] : 0;
}

function halfCounterFull(index: CapacityIndex, kind: "runs" | "shuttle", stay: Stay, limit: number): boolean {
  const a = index.halfKey(stay.reception.start);
  const b = index.halfKey(stay.ret ? stay.ret.start : stay.readyAt);
  if (used(index, kind, a) + (a === b ? 2 : 1) > limit) return true;
  return a !== b && used(index, kind, b) + 1 > limit;
}

/** The per-half-day counter a kind of mobility uses (driver runs, shuttle seats), or null when it is not counted. */
function counterOf(config: DealerConfig, mobility: Mobility): "runs" | "shuttle" | null {
  if (mobility === "pickup_delivery") return "runs";
  if (mobility === "shuttle" && typeof config.mobility.shuttle === "object") return "shuttle";
  return null;
}

function counterLimit(config: DealerConfig, kind: "runs" | "shuttle"): number {
  const m = config.mobility;
  return kind === "runs" ? m.pickupDelivery : typeof m.shuttle === "object" ? m.shuttle.seatsPerDeparture : Infinity;
}

/** The broken mobility rule for this stay, or null when the mobility can be reserved. */
export function mobilityViolation(
  index: CapacityIndex,
  mobility: Mobility,
  stay: Stay,
  express: boolean,
): RuleCode | null {
  const config = index.dealer.config;
  if (!mobilityOffered(config, mobility)) return "mobility_not_offered";
  if (mobility === "courtesy_car") {
    const [s, e] = carWindow(stay);
    return carFree(index, s, e, express) ? null : "mobility_unavailable";
  }
  const kind = counterOf(config, mobility);
  return kind && halfCounterFull(index, kind, stay, counterLimit(config, kind)) ? "mobility_unavailable" : null;
}

/**
 * What can be decided before the return is known. The return starts at or after
 * readyAt, so a courtesy car must at least be free over [reception, readyAt), and a
 * pickup needs a run in the reception's half-day: when either fails, no return can help.
 * A necessary condition only; mobilityViolation decides (and reports "not offered").
 */
export function mobilityPrecheck(
  index: CapacityIndex,
  mobility: Mobility,
  reception: AdvisorSlot,
  readyAt: number,
  priority: boolean,
): RuleCode | null {
  const config = index.dealer.config;
  if (!mobilityOffered(config, mobility)) return null;
  if (mobility === "courtesy_car") {
    const end = Math.max(readyAt, reception.start + reception.minutes);
    return carFree(index, reception.start, end, priority) ? null : "mobility_unavailable";
  }
  const kind = counterOf(config, mobility);
  if (!kind) return null;
  return used(index, kind, index.halfKey(reception.start)) + 1 > counterLimit(config, kind)
    ? "mobility_unavailable"
    : null;
}
