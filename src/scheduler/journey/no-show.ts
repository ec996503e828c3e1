import { audit, transitionAppointment, type AppointmentRow } from "../../db/repos/appointments.js";
import { isoNow, type WriteContext } from "../context.js";
import type { DealerRuntime } from "../runtime.js";
import { cancelJobs, type JobKind } from "../../db/repos/jobs.js";
import { toStaff } from "./messages.js";
import { optionsLike } from "./options.js";
import { staffOptionWords } from "./when-words.js";
import { epochMinute, isoFromDayNumber } from "../../core/civil.js";

// No-shows: the appointment is marked no_show (its capacity is released by the caller
// after commit) and the desk gets a "contact and reschedule" task with two options.

/** Timers that die with the appointment (the no-show check itself may be the one running). */
export const DIES_WITH_APPOINTMENT: readonly JobKind[] = [
  "confirm_overdue",
  "reminder",
  "supervisor_notice",
  "car_ready",
  "follow_up",
  "progress_check",
];

export function noShowTask(ctx: WriteContext, rt: DealerRuntime, row: AppointmentRow): string {
  const today = rt.dealer.dayOf(epochMinute(ctx.nowMs));
  const options = optionsLike(rt, row, today, ctx.nowMs);
  return toStaff(ctx, rt.dealer, row, `advisor:${row.advisorId}`, {
    kind: "no_show_task",
    dedupeId: `no_show_task:${row.id}`,
    extra: { options: staffOptionWords(rt.dealer.config.locale, options, isoFromDayNumber(today)) },
    data: { task: "contact_and_reschedule", options },
  });
}

/** The timer's no-show: compare-and-set from the status it saw, audited as the scheduler. */
export function markNoShow(
  ctx: WriteContext,
  rt: DealerRuntime,
  row: AppointmentRow,
): { outcome: string; released: boolean } {
  const at = isoNow(ctx);
  const patch = { status: "no_show", version: row.version + 1, updatedAt: at };
  if (!transitionAppointment(ctx.db, row.id, row.status, patch)) return { outcome: "skipped:changed", released: false };
  audit(ctx.db, {
    dealerId: row.dealerId,
    appointmentId: row.id,
    at,
    actor: ctx.actor,
    action: "no-show",
    before: { status: row.status, version: row.version },
    after: { status: "no_show", version: patch.version },
    reason: "not checked in 30 minutes after the start",
  });
  cancelJobs(ctx.sqlite, row.id, DIES_WITH_APPOINTMENT, "cancelled:no_show", at);
  noShowTask(ctx, rt, { ...row, ...patch });
  return { outcome: "no_show", released: true };
}
