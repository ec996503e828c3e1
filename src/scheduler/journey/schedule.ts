import { dayNumberFromIso, isoFromDayNumber } from "../../core/civil.js";
import { readInstant, type Dealer } from "../../core/dealer.js";
import type { AppointmentRow } from "../../db/repos/appointments.js";
import { isoNow, type WriteContext } from "../context.js";
import {
  cancelJobs,
  cancelOtherServiceReminders,
  type NewJob,
  recordPassedJob,
  scheduleJobs,
} from "../../db/repos/jobs.js";
import { progressCheckJob } from "./progress-check.js";
import { timersToWrite } from "./derived-timers.js";
import type { VehicleRow } from "../../db/repos/people.js";
import { type Recipient, recipientOf } from "./recipients.js";
import {
  bookingTimers,
  carReadyTimer,
  DAY,
  MINUTE,
  PLACEMENT_KINDS,
  placementTimers,
  SERVICE_REMINDER_LEAD_DAYS,
  type Timer,
} from "./timers.js";

// Schedules the durable timers, always inside the transaction of their cause (booking,
// move, completion, a vehicle's next service date). See timers.ts for the instants.

const jobsOf = (dealerId: string, appointmentId: string | null, timers: Timer[], payload?: Record<string, unknown>) =>
  timers.map(
    (t): NewJob => ({ dealerId, kind: t.kind, appointmentId, dueAt: t.dueAt, dedupeKey: t.dedupeKey, payload }),
  );

function write(
  ctx: WriteContext,
  dealerId: string,
  appointmentId: string | null,
  timers: Timer[],
  payload?: Record<string, unknown>,
): void {
  scheduleJobs(ctx.sqlite, jobsOf(dealerId, appointmentId, timers, payload), isoNow(ctx));
}

const consented = (ctx: WriteContext, row: AppointmentRow) => recipientOf(ctx.db, row).channel !== null;

/** The row's dealer as compiled now (its opening hours time the car-ready call). */
const dealerOf = (ctx: WriteContext, row: AppointmentRow) => (): Dealer => {
  const rt = ctx.runtimes.get(row.dealerId);
  if (!rt) throw new Error(`no dealer ${row.dealerId} for appointment ${row.id}`);
  return rt.dealer;
};

/**
 * A new booking: confirm-overdue, reminder and no-show check, in one statement (the first
 * and the last only when their instant is already swept: derived-timers.ts). `who`:
 * its recipient, from the customer record just linked (saves reading it back). The car's
 * own timers (car ready, progress check) wait for the car: scheduleWorkshopTimers.
 */
export function scheduleJobsFor(ctx: WriteContext, row: AppointmentRow, who: Recipient): void {
  const timers = bookingTimers(
    {
      id: row.id,
      receptionStart: row.receptionStart,
      readyAt: row.readyAt,
      status: row.status,
      channel: row.channel,
      createdMs: Date.parse(row.createdAt),
    },
    who.channel !== null,
    ctx.nowMs,
    dealerOf(ctx, row),
  );
  const now = timersToWrite(ctx.sqlite, timers, ctx.nowMs);
  if (now.length > 0) scheduleJobs(ctx.sqlite, jobsOf(row.dealerId, row.id, now), isoNow(ctx));
}

/**
 * At check-in (on time, or late after a no-show): a car-ready instant already past is
 * stored as skipped ("skipped:not_in"), so that no later re-timing to that same instant (a
 * return handed to a colleague by a reshuffle, the late check-in's own re-derivation) sends
 * "ready within the hour" to a customer who has just handed the keys over. Before the
 * booking stopped writing this timer (issue 17), its row had fired and been skipped while
 * the car was not in, and blocked the key the same way. The call when it is still ahead
 * (timed once, for the caller to schedule), else null.
 */
export function settlePassedCarReady(ctx: WriteContext, row: AppointmentRow): Timer | null {
  const t = carReadyTimer(row, dealerOf(ctx, row)());
  if (t.dueAt > ctx.nowMs) return t;
  recordPassedJob(ctx.sqlite, jobsOf(row.dealerId, row.id, [t])[0], "skipped:not_in", isoNow(ctx));
  return null;
}

/** At check-in: the car-ready call and the progress check, those still ahead, in one statement. */
export function scheduleWorkshopTimers(ctx: WriteContext, row: AppointmentRow): void {
  const call = settlePassedCarReady(ctx, row);
  const jobs = call ? jobsOf(row.dealerId, row.id, [call]) : [];
  const check = progressCheckJob(row, ctx.nowMs);
  if (check) jobs.push(check);
  if (jobs.length > 0) scheduleJobs(ctx.sqlite, jobs, isoNow(ctx));
}

/**
 * A moved appointment: the placement timers follow it (same key for the same instant).
 * `told`: the customer was told the new ready time in this same write (a re-plan's
 * ready_time_changed went out). A car-ready call whose instant has already passed would
 * then say it again minutes later (decide.ts still sends it until the car is ready), so
 * it is recorded as done, "skipped:told", instead. Without `told` (no consent: the
 * advisor's call is the only notice) it is written and falls due at once, as before.
 */
export function rescheduleJobsFor(ctx: WriteContext, row: AppointmentRow, told = false): void {
  cancelJobs(ctx.sqlite, row.id, PLACEMENT_KINDS, "cancelled:moved", isoNow(ctx));
  let timers = placementTimers(
    { id: row.id, receptionStart: row.receptionStart, readyAt: row.readyAt, status: row.status },
    consented(ctx, row),
    ctx.nowMs,
    dealerOf(ctx, row),
  );
  const passedCall = told ? timers.find((t) => t.kind === "car_ready" && t.dueAt <= ctx.nowMs) : undefined;
  if (passedCall) {
    recordPassedJob(ctx.sqlite, jobsOf(row.dealerId, row.id, [passedCall])[0], "skipped:told", isoNow(ctx));
    timers = timers.filter((t) => t !== passedCall);
  }
  write(ctx, row.dealerId, row.id, timersToWrite(ctx.sqlite, timers, ctx.nowMs));
}

/**
 * The service reminder for a vehicle's next due date: at 10:00 local, 4 weeks before
 * (so it lands 3-4 weeks ahead). A due date already closer than that is reminded now,
 * unless it is less than a week away. A changed due date cancels the old reminder.
 */
export function scheduleServiceReminder(ctx: WriteContext, dealer: Dealer, vehicle: VehicleRow): void {
  if (!vehicle.nextServiceDue) return;
  const key = `service_reminder:${vehicle.id}:${vehicle.nextServiceDue}`;
  cancelOtherServiceReminders(ctx.sqlite, vehicle.id, key, isoNow(ctx));
  const dueDay = dayNumberFromIso(vehicle.nextServiceDue);
  const dueMs = dealer.day(dueDay).zone.start * MINUTE;
  if (dueMs - ctx.nowMs < 7 * DAY) return;
  let at: number;
  try {
    at = readInstant(dealer.tz, `${isoFromDayNumber(dueDay - SERVICE_REMINDER_LEAD_DAYS)}T10:00`) * MINUTE;
  } catch {
    at = dueMs - SERVICE_REMINDER_LEAD_DAYS * DAY;
  }
  const timer: Timer = { kind: "service_reminder", dueAt: Math.max(at, ctx.nowMs), dedupeKey: key };
  write(ctx, dealer.id, null, [timer], { vehicleId: vehicle.id, dueDate: vehicle.nextServiceDue });
}
