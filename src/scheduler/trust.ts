import type { SqliteHandle } from "../db/sqlite-handle.js";
import type { Channel, Vehicle } from "./contracts.js";
import { invalid } from "./errors.js";
import { isPriority } from "./priority.js";
import type { DealerRuntime } from "./runtime.js";
import { priorityVins, vehiclePriorityEpoch } from "../db/repos/people.js";

// What the scheduler believes, by credential (README "Trust"). The route says WHO is
// calling (api/auth.ts callerOf); this file decides what their words buy:
//
//   fact              anonymous                          client key           staff
//   priority          only a VIN the dealer holds as     model or registry    model or registry
//                     priority (PUT /vehicles/{vin});
//                     a priority model otherwise gets
//                     ordinary options + priorityNote
//   customer.known    as said; unsaid = new (30 min)     as said; unsaid=new  as said; unsaid=new
//   channel           web | app (unsaid: web);           its configured one   as sent (unsaid:
//                     staff-only channels: 400                                staff)
//   identity          never changes a stored customer    may update/link      may update/link
//                     or vehicle (journey/people.ts)
//   attendance        400: who attends reception         as sent             as sent
//                     (supervisor, technician) is the
//                     desk's call, and their time
//
// Search and booking both go through here, so a search never shows what the booking
// would refuse (and vice versa).

export type Caller = { kind: "anonymous" } | { kind: "client"; channel: Channel } | { kind: "staff" };
export const ANONYMOUS: Caller = { kind: "anonymous" };
export const STAFF: Caller = { kind: "staff" };

export const PUBLIC_CHANNELS: readonly Channel[] = ["web", "app"];

/** Said to an anonymous caller whose model is a priority one but whose VIN is not on file. */
export const PRIORITY_NOTE =
  "priority service is confirmed by the dealer for vehicles on file; these are ordinary options, and the dealer will contact you to confirm priority";

export interface Priority {
  priority: boolean;
  /** Set when a priority model was named but not believed (anonymous, VIN not on file). */
  note?: string;
}

export function priorityFor(
  sqlite: SqliteHandle,
  rt: DealerRuntime,
  caller: Caller,
  vehicle: Pick<Vehicle, "model" | "vin"> | undefined,
): Priority {
  if (vehicle?.vin && heldAsPriority(sqlite, rt, vehicle.vin.toUpperCase())) return { priority: true };
  if (!isPriority(rt.dealer, vehicle?.model)) return { priority: false };
  return caller.kind === "anonymous" ? { priority: false, note: PRIORITY_NOTE } : { priority: true };
}

/**
 * Is this VIN on the dealer's file as priority? From the runtime's set, read again when this
 * process wrote a priority flag since (db/repos/people.ts) or another process did (the
 * change feed clears it, runtime.ts): as fresh as a query per call, without one.
 */
function heldAsPriority(sqlite: SqliteHandle, rt: DealerRuntime, vin: string): boolean {
  const epoch = vehiclePriorityEpoch();
  let held = rt.priorityVins;
  if (held === null || held.epoch !== epoch) {
    held = { epoch, vins: priorityVins(sqlite, rt.dealer.id) };
    // Trap: read inside an open transaction (a write of a group commit), the set may hold a
    // flag that then rolls back without moving the epoch: use it for this call, keep it not.
    if (!sqlite.inTransaction) rt.priorityVins = held;
  }
  return held.vins.has(vin);
}

/** Unsaid means a new customer, for every caller: the longer reception is the safe one. */
export const knownOf = (customer: { known?: boolean } | undefined): boolean => customer?.known === true;

const refuseChannel = (message: string) => invalid("channel", message);

export function channelFor(caller: Caller, requested: Channel | undefined): Channel {
  switch (caller.kind) {
    case "anonymous":
      if (requested === undefined) return "web";
      if (!PUBLIC_CHANNELS.includes(requested))
        throw refuseChannel(`"${requested}" is a staff channel; a public booking is "web" or "app"`);
      return requested;
    case "client":
      if (requested !== undefined && requested !== caller.channel)
        throw refuseChannel(`this key books under "${caller.channel}"`);
      return caller.channel;
    case "staff":
      return requested ?? "staff";
  }
}

/** Anonymous and client bookings are the public route's: contact required, cap applies. */
export const isPublicBooking = (caller: Caller): boolean => caller.kind !== "staff";

/**
 * Who attends reception besides the advisor (the booking file, domain "The customer file"):
 * the desk decides, and it spends the supervisor's or a technician's time, so an anonymous
 * booking may not ask for it (a dealer's integration, by its key, may).
 */
export function checkAttendance(caller: Caller, requested: string | undefined): void {
  if (requested === undefined || caller.kind !== "anonymous") return;
  throw invalid("attendance", "who attends reception is decided by the dealer's staff; leave it out");
}
