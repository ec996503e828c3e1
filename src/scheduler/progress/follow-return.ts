import { mobilityViolation } from "../../core/mobility.js";
import { findReturn } from "../../core/return-slot.js";
import type { Booking } from "../../core/types.js";
import type { AppointmentRow } from "../../db/repos/appointments.js";
import { rowPriority } from "../priority.js";
import type { ProgressView } from "./contracts.js";
import type { DealerRuntime } from "../runtime.js";

/** Why a car's return could not follow its new ready time (the advisor gets a task for it). */
export type ReplanConflict = ProgressView["conflicts"][number];

/**
 * The booking as re-planned, with its return moved when the car is now ready after it.
 * The move must keep the booking's mobility within stock (a courtesy car out longer,
 * a delivery run in another half-day): when it would not, or no advisor is free, the
 * return stays where it was and a conflict is reported. Updates the index.
 */
export function followReturn(
  rt: DealerRuntime,
  row: AppointmentRow,
  b: Booking,
  now: number,
  conflicts: ReplanConflict[],
): Booking {
  const { index, dealer } = rt;
  const late = b.ret ? b.ret.start < b.readyAt : b.mobility === "courtesy_car";
  if (!late) return b;
  index.remove(b.id);
  const priority = rowPriority(dealer, row);
  let placed = b;
  if (b.ret) {
    const ret = findReturn(
      index,
      b.ret.advisor,
      b.readyAt,
      b.ret.minutes,
      b.express || priority ? undefined : now,
      b.reception,
    );
    const v = ret
      ? mobilityViolation(index, b.mobility, { reception: b.reception, ret, readyAt: b.readyAt }, priority)
      : null;
    if (!ret)
      conflicts.push({
        appointmentId: b.id,
        code: "no_return_slot",
        message: "no advisor is free for the return within three weeks of the new ready time",
      });
    else if (v)
      conflicts.push({
        appointmentId: b.id,
        code: "mobility_unavailable",
        message: `the return at ${dealer.format(ret.start)} would keep the ${b.mobility.replace("_", " ")} out longer than the stock allows`,
        returnStart: dealer.format(ret.start),
      });
    else placed = { ...b, ret };
  } else if (
    mobilityViolation(index, b.mobility, { reception: b.reception, ret: null, readyAt: b.readyAt }, priority)
  ) {
    // No return booked: the car stays out until ready; report it, the index keeps the stay.
    conflicts.push({
      appointmentId: b.id,
      code: "mobility_unavailable",
      message: "the courtesy car would be out longer than the stock allows",
    });
  }
  index.add(placed);
  return placed;
}
