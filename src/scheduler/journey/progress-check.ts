import type { AppointmentRow } from "../../db/repos/appointments.js";
import { isoNow, type WriteContext } from "../context.js";
import { cancelJobs, scheduleJob } from "../../db/repos/jobs.js";
import { MINUTE } from "./timers.js";

// The progress check (domain: "check progress at ~80% of the estimate"): a staff task
// when 80 % of the job's planned labour minutes are worked, on the technicians' plan.
// Scheduled with the booking and re-timed whenever the plan moves (move, re-plan).

interface Slice {
  minutes: number;
  start?: number;
  end?: number;
}

/** Epoch ms at which 80 % of the planned labour is done, or null without a technician plan. */
export function progressCheckAt(labourJson: string): number | null {
  const slices = (JSON.parse(labourJson) as Slice[])
    .filter((l) => l.start !== undefined && l.end !== undefined && l.minutes > 0)
    .sort((a, b) => a.start! - b.start!);
  const total = slices.reduce((a, l) => a + l.minutes, 0);
  if (total === 0) return null;
  const target = total * 0.8;
  let done = 0;
  for (const l of slices) {
    if (done + l.minutes >= target)
      return Math.round((l.start! + ((l.end! - l.start!) * (target - done)) / l.minutes) * MINUTE);
    done += l.minutes;
  }
  return null;
}

/**
 * Cancels the pending check and schedules the one of the current plan (if still ahead).
 * `fresh`: the appointment was inserted in this transaction, so it has no check to cancel
 * (one statement less per booking).
 */
export function scheduleProgressCheck(
  ctx: WriteContext,
  row: Pick<AppointmentRow, "id" | "dealerId" | "labourJson">,
  fresh = false,
): void {
  if (!fresh) cancelJobs(ctx.sqlite, row.id, ["progress_check"], "cancelled:replanned", isoNow(ctx));
  const dueAt = progressCheckAt(row.labourJson);
  if (dueAt === null || dueAt <= ctx.nowMs) return;
  scheduleJob(
    ctx.sqlite,
    {
      dealerId: row.dealerId,
      kind: "progress_check",
      appointmentId: row.id,
      dueAt,
      dedupeKey: `progress_check:${row.id}:${dueAt}`,
    },
    isoNow(ctx),
  );
}
