import { immediate } from "../../db/tx.js";
import type { WriteContext } from "../context.js";
import { vehiclesDueWithoutReminder } from "../../db/repos/people.js";
import type { JourneyDeps } from "./runner.js";
import { scheduleServiceReminder } from "./schedule.js";
import { DAY, SERVICE_REMINDER_LEAD_DAYS } from "./timers.js";

// The service reminder for ANY vehicle the dealer knows, not only cars that booked here:
// each tick looks for vehicles whose next service date has come within the reminder's
// lead time (4 weeks) and that have no timer for that date yet, and schedules it (due
// now when the 4-week mark has passed, but never for a date less than a week away).
// Vehicles enter the table by a booking or by the dealer's own records (a vehicle
// registered with nextServiceDue); both end up here. Idempotent: the timer's key is
// vehicle + date, so a second scan finds nothing to do.

const BATCH = 500;
const isoDate = (ms: number) => new Date(ms).toISOString().slice(0, 10);

export function scanServiceReminders(deps: JourneyDeps, nowMs: number): number {
  // Local dates: a day of slack either side for the zones; scheduleServiceReminder decides exactly.
  const from = isoDate(nowMs + 6 * DAY);
  const to = isoDate(nowMs + (SERVICE_REMINDER_LEAD_DAYS + 1) * DAY);
  const ctx: WriteContext = { db: deps.db, sqlite: deps.sqlite, runtimes: deps.runtimes, nowMs, actor: "scheduler" };
  return immediate(deps.sqlite, () => {
    let n = 0;
    for (const v of vehiclesDueWithoutReminder(deps.db, from, to, BATCH)) {
      const rt = deps.runtimes.get(v.dealerId);
      if (!rt) continue;
      scheduleServiceReminder(ctx, rt.dealer, v);
      n++;
    }
    return n;
  });
}
