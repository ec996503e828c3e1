import type { Dealer } from "../core/dealer.js";
import type { Booking, Mobility } from "../core/types.js";
import type { AppointmentRow } from "../db/repos/appointments.js";
import { labourFromJson } from "./labour-json.js";

// A stored placement (an appointment row or a hold row: they store it alike) as the
// capacity index's Booking. One reading for both, so a hold counts exactly as the
// appointment it becomes.

export type StoredPlacement = Pick<
  AppointmentRow,
  | "advisorId"
  | "returnAdvisorId"
  | "receptionStart"
  | "receptionMinutes"
  | "returnStart"
  | "returnMinutes"
  | "labourJson"
  | "readyAt"
  | "express"
  | "mobility"
>;

/** Null when the reception's advisor is no longer on the roster. */
export function storedBooking(dealer: Dealer, id: string, row: StoredPlacement): Booking | null {
  const advisor = dealer.advisorIndex.get(row.advisorId);
  if (advisor === undefined) return null;
  const retAdvisor = row.returnAdvisorId === null ? undefined : dealer.advisorIndex.get(row.returnAdvisorId);
  return {
    id,
    reception: { advisor, start: row.receptionStart, minutes: row.receptionMinutes },
    ret:
      retAdvisor !== undefined && row.returnStart !== null && row.returnMinutes !== null
        ? { advisor: retAdvisor, start: row.returnStart, minutes: row.returnMinutes }
        : null,
    labour: labourFromJson(dealer, row.labourJson),
    readyAt: row.readyAt,
    express: row.express,
    mobility: row.mobility as Mobility,
  };
}
