import type { AppointmentRow } from "../../db/repos/appointments.js";
import { isoNow, type WriteContext } from "../context.js";
import { cancelJobs, type NewJob, scheduleJob } from "../../db/repos/jobs.js";
import { MINUTE } from "./timers.js";

// The progress check (domain: "check progress at ~80% of the estimate"): a staff task
// when 80 % of the job's planned labour minutes are worked, on the technicians' plan.
// Scheduled at check-in and re-timed whenever the plan moves (move, re-plan) while the car is in.

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

/** The check of the current plan as a job to schedule, or null when there is none still ahead. */
export function progressCheckJob(
  row: Pick<AppointmentRow, "id" | "dealerId" | "labourJson">,
  nowMs: number,
): NewJob | null {
  const dueAt = progressCheckAt(row.labourJson);
  if (dueAt === null || dueAt <= nowMs) return null;
  return {
    dealerId: row.dealerId,
    kind: "progress_check",
    appointmentId: row.id,
    dueAt,
    dedupeKey: `progress_check:${row.id}:${dueAt}`,
  };
}

/**
 * Cancels the pending check and schedules the one of the current plan (if still ahead),
 * only while the car is in (checked_in): check-in schedules the first (schedule.ts
 * scheduleWorkshopTimers); a car not yet in has none, whatever its plan does meanwhile.
 */
export function scheduleProgressCheck(
  ctx: WriteContext,
  row: Pick<AppointmentRow, "id" | "dealerId" | "labourJson" | "status">,
): void {
  cancelJobs(ctx.sqlite, row.id, ["progress_check"], "cancelled:replanned", isoNow(ctx));
  if (row.status !== "checked_in") return;
  const job = progressCheckJob(row, ctx.nowMs);
  if (job) scheduleJob(ctx.sqlite, job, isoNow(ctx));
}
