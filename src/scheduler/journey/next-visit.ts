import { epochMinute, isoFromDayNumber } from "../../core/civil.js";
import type { AppointmentRow } from "../../db/repos/appointments.js";
import { vehicleById } from "../../db/repos/people.js";
import type { WriteContext } from "../context.js";
import type { DealerRuntime } from "../runtime.js";
import { toStaff } from "./messages.js";
import { serviceOptions } from "./options.js";
import { staffOptionWords } from "./when-words.js";

// The next service visit, offered at delivery (hooks.ts, on "complete"): a task for the
// advisor of the car's return (else of its reception) with two options to offer its owner.

/** At delivery: two options for the next service visit, for the advisor to offer. */
export function nextVisit(ctx: WriteContext, rt: DealerRuntime, row: AppointmentRow): void {
  const today = rt.dealer.dayOf(epochMinute(ctx.nowMs));
  const horizon = rt.dealer.config.receptionRules.maxHorizonDays - 14;
  // Around the same time next year, unless the vehicle's next due date says otherwise.
  const due = row.vehicleId ? vehicleById(ctx.db, row.vehicleId)?.nextServiceDue : null;
  const dueDay = due ? rt.dealer.dayOf(epochMinute(Date.parse(`${due}T12:00:00Z`))) : today + 365;
  const fromDay = Math.min(Math.max(today + 1, dueDay - 21), today + Math.max(1, horizon));
  const model = (JSON.parse(row.vehicleJson) as { model: string }).model;
  const options = serviceOptions(rt, model, fromDay, ctx.nowMs, 14);
  toStaff(ctx, rt.dealer, row, `advisor:${row.returnAdvisorId ?? row.advisorId}`, {
    kind: "next_visit",
    dedupeId: `next_visit:${row.id}`,
    extra: { options: staffOptionWords(rt.dealer.config.locale, options, isoFromDayNumber(today)) },
    data: { task: "offer_next_visit", options },
  });
}
