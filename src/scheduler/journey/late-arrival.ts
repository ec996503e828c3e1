import type { AppointmentRow } from "../../db/repos/appointments.js";
import type { WriteContext } from "../context.js";
import type { DealerRuntime } from "../runtime.js";
import { toStaff } from "./messages.js";
import { messageLeft, withdrawMessage } from "../../db/repos/outbox.js";
import { scheduleProgressCheck } from "./progress-check.js";
import { rescheduleJobsFor, settlePassedCarReady } from "./schedule.js";
import { closeMootTasks } from "../tasks/moot.js";

// A late customer checked in after the automatic no-show (lifecycle.ts: no_show →
// checked_in, staff only, audited): the no-show's consequences are withdrawn in the same
// transaction. The desk's "contact and reschedule" task is withdrawn if it has not left
// yet; if it has, the advisor is told to ignore it and the task closes as moot. The
// car-ready timer the no-show cancelled comes back (placement timers revive cancelled rows
// with the same key).

export function onLateCheckIn(ctx: WriteContext, rt: DealerRuntime, row: AppointmentRow): void {
  const task = `no_show_task:${row.id}`;
  if (!withdrawMessage(ctx.sqlite, task, "withdrawn:late_check_in", ctx.nowMs)) {
    if (messageLeft(ctx.sqlite, task))
      toStaff(ctx, rt.dealer, row, `advisor:${row.advisorId}`, {
        kind: "no_show_withdrawn",
        dedupeId: `no_show_withdrawn:${row.id}`,
      });
    closeMootTasks(ctx, row, ["no_show_task"]); // sent already: it leaves the Tasks panel all the same
  }
  // The car-ready call the no-show cancelled comes back, unless its instant passed before
  // the car came in: that one is settled as skipped first, so the re-derivation below
  // cannot send it late.
  settlePassedCarReady(ctx, row);
  rescheduleJobsFor(ctx, row);
  scheduleProgressCheck(ctx, row); // and so does the progress check, if still ahead
}
