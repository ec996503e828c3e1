import type { Dealer } from "../../core/dealer.js";
import type { Status } from "../../core/status.js";
import { findAppointment } from "../../db/repos/appointments.js";
import type { Db } from "../../db/sqlite-handle.js";
import { bookedContact, bookedVehicle } from "../staff-view.js";
import type { MessageView } from "./contracts.js";

export type AppointmentRef = MessageView["appointment"];

/**
 * The appointment a message (or desk task) is about, as the desk knows it: when, whom to
 * call (the name only, never the address) and which car. One primary-key read per
 * appointment, remembered for the list being built.
 */
export function appointmentRefs(db: Db, dealer: Dealer, dealerId: string): (id: string | null) => AppointmentRef {
  const about = new Map<string, AppointmentRef>();
  return (id) => {
    if (id === null) return null;
    if (!about.has(id)) {
      const row = findAppointment(db, dealerId, id);
      about.set(
        id,
        row
          ? {
              receptionStart: dealer.format(row.receptionStart),
              customer: { name: bookedContact(row).name },
              vehicle: bookedVehicle(row),
              status: row.status as Status,
            }
          : null,
      );
    }
    return about.get(id) ?? null;
  };
}
