import type { AppointmentRow } from "../../db/repos/appointments.js";
import { isoNow, type WriteContext } from "../context.js";
import type { Action, AppointmentView, BookingRequest } from "../contracts.js";
import type { DealerRuntime } from "../runtime.js";
import type { Caller } from "../trust.js";
import { bookingFile } from "./booking-file.js";
import { cancelJobs, JOB_KINDS, scheduleJob } from "../../db/repos/jobs.js";
import { toCustomer } from "./messages.js";
import { DIES_WITH_APPOINTMENT, noShowTask } from "./no-show.js";
import { nextVisit } from "./next-visit.js";
import { onLateCheckIn } from "./late-arrival.js";
import { linkPeople } from "./people.js";
import { contactHashes } from "../contact-cap.js";
import type { CustomerRow, VehicleRow } from "../../db/repos/people.js";
import { rescheduleJobsFor, scheduleJobsFor, scheduleServiceReminder, scheduleWorkshopTimers } from "./schedule.js";
import { followUpTimer } from "./timers.js";
import { scheduleProgressCheck } from "./progress-check.js";
import { recipientOf } from "./recipients.js";
import { noticeSupervisor, noticeSupervisorWithGroup } from "./supervisor-notice.js";
import { afterGroupWrites } from "../../db/follow-ups.js";
import { tellStaffOfCustomerChange } from "./customer-changes.js";
import { tellDeskOfLiveParts } from "../parts/on-cancel.js";
import { closeMootTasks } from "../tasks/moot.js";

/** Every timer but the parts notice: a part that arrived is on the shelf whether or not the visit still is, and its customer must still hear of it. */
const DIES_WITH_CANCEL = JOB_KINDS.filter((k) => k !== "parts_notice");

// The journey's entry points: ONE call from each scheduling verb, inside the verb's
// transaction, after its write. Whatever they schedule or send commits (or rolls back)
// together with the booking, move or transition that caused it.

type Links = Pick<AppointmentRow, "customerId" | "vehicleId" | "fileJson" | "possibleMatchJson" | "ownContactIndexed">;

/**
 * Whether the contact cap must count the booking by its own hashes: unless its customer's
 * (as linked, after any update) are exactly the same, in which case it counts through the
 * customer and its own stay out of the index (db/repos/appointments.ts; issue 17).
 */
function ownContactIndexed(customer: CustomerRow | null, req: BookingRequest): boolean {
  if (!customer) return true;
  const own = contactHashes(req.customer);
  return own.email !== customer.emailHash || own.phone !== customer.phoneHash;
}

/**
 * Before the booking's insert: its customer and vehicle records and its booking file, which
 * the appointment row is inserted with (one INSERT, not an INSERT and an UPDATE that links
 * them: one statement, and one change-feed row less per booking; issue 17).
 */
export function linkBooking(
  ctx: WriteContext,
  rt: DealerRuntime,
  appointmentId: string,
  req: BookingRequest,
  caller: Caller,
): { links: Links; vehicle: VehicleRow | null; customer: CustomerRow | null } {
  const file = bookingFile(ctx.sqlite, rt.dealer, req, caller.kind !== "staff");
  const linked = linkPeople(ctx, rt.dealer.id, appointmentId, req, caller);
  return {
    links: {
      customerId: linked.customer?.id ?? null,
      vehicleId: linked.vehicle?.id ?? null,
      fileJson: JSON.stringify(file),
      possibleMatchJson: linked.possibleMatch ? JSON.stringify(linked.possibleMatch) : null,
      ownContactIndexed: ownContactIndexed(linked.customer, req),
    },
    vehicle: linked.vehicle,
    customer: linked.customer,
  };
}

/**
 * After the booking's insert: the supervisor's notice, the timers (and the vehicle's
 * service reminder); its people as linkBooking linked them, and `view`, the booking's
 * answer, which the notice's words are made from (one view a booking, not two).
 * `grouped`: written after its group's last write (db/follow-ups.ts), the notice with the
 * group's other bookings (supervisor-notice.ts); bookAppointment's. Who they go to is
 * read now, as of this booking.
 */
export function onBooked(
  ctx: WriteContext,
  rt: DealerRuntime,
  row: AppointmentRow,
  people: { vehicle: VehicleRow | null; customer: CustomerRow | null },
  view?: AppointmentView,
  grouped = false,
): void {
  const { vehicle, customer } = people;
  const who = recipientOf(ctx.db, row, customer);
  const dealer = rt.dealer;
  const rest = () => {
    scheduleJobsFor(ctx, row, who);
    if (vehicle) scheduleServiceReminder(ctx, dealer, vehicle);
  };
  if (!grouped) {
    noticeSupervisor({ ctx, dealer, row, who, view });
    rest();
    return;
  }
  noticeSupervisorWithGroup({ ctx, dealer, row, who, view });
  afterGroupWrites(ctx.sqlite, rest);
}

/**
 * After a move (staff PATCH, the customer's reschedule): the timers follow the appointment.
 * `before`: the appointment as it was (the previous time in the staff's message).
 */
export function onMoved(ctx: WriteContext, rt: DealerRuntime, row: AppointmentRow, before?: AppointmentRow): void {
  rescheduleJobsFor(ctx, row);
  scheduleProgressCheck(ctx, row);
  // The customer who moved it knows, and the staff are told; anyone else's move is told to the customer.
  if (ctx.actor === "customer") tellStaffOfCustomerChange(ctx, rt.dealer, row, "customer_moved", before);
  else
    toCustomer(ctx, rt.dealer, row, { kind: "appointment_moved", dedupeId: `moved:${row.id}:v${row.version}`, before });
}

/** After a lifecycle transition; `row` is the appointment as it is now, `from` its status before. */
export function onTransition(
  ctx: WriteContext,
  rt: DealerRuntime,
  row: AppointmentRow,
  action: Action,
  from?: string,
): void {
  const at = isoNow(ctx);
  switch (action) {
    case "confirm":
      toCustomer(ctx, rt.dealer, row, { kind: "confirmed", dedupeId: `confirmed:${row.id}` });
      return;
    case "cancel":
      cancelJobs(ctx.sqlite, row.id, DIES_WITH_CANCEL, "cancelled:cancelled", at);
      if (ctx.actor === "customer") tellStaffOfCustomerChange(ctx, rt.dealer, row, "customer_cancelled");
      else toCustomer(ctx, rt.dealer, row, { kind: "cancelled", dedupeId: `cancelled:${row.id}` });
      tellDeskOfLiveParts(ctx, rt.dealer, row); // parts still coming or on the shelf: the desk calls
      return;
    case "no-show":
      cancelJobs(ctx.sqlite, row.id, [...DIES_WITH_APPOINTMENT, "no_show_check"], "cancelled:no_show", at);
      noShowTask(ctx, rt, row);
      return;
    case "complete": {
      const t = followUpTimer(row.id, ctx.nowMs);
      scheduleJob(
        ctx.sqlite,
        { dealerId: row.dealerId, kind: t.kind, appointmentId: row.id, dueAt: t.dueAt, dedupeKey: t.dedupeKey },
        at,
      );
      nextVisit(ctx, rt, row);
      closeMootTasks(ctx, row, ["car_ready_call", "no_show_task"]); // the car is back with its owner
      return;
    }
    case "check-in":
      // The car is in: its car-ready call and progress check (a late one re-derives them with the rest).
      if (from === "no_show") onLateCheckIn(ctx, rt, row);
      else scheduleWorkshopTimers(ctx, row);
      return;
  }
}
