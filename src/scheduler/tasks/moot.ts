import type { DeskTaskKind } from "../../core/message-kinds.js";
import type { AppointmentRow } from "../../db/repos/appointments.js";
import { openTasksAbout, recordAttempt } from "../../db/repos/task-attempts.js";
import { newId } from "../../lib/ids.js";
import { isoNow, type WriteContext } from "../context.js";

// A desk task whose reason went away closes itself, in the transaction that took it away:
// the no-show call once the late customer is checked in (a task already sent cannot be
// withdrawn), the car-ready call and the no-show call once the car is handed back, the
// call about a cancelled visit's parts once none is left to discuss (parts/on-cancel.ts). Without
// it they would sit in the Tasks panel until someone recorded a call nobody should make.
// Recorded as the desk's own closings are ("not_needed"), by "Pitlane", so the done list
// says who closed them.

export const SYSTEM_LABEL = "Pitlane";

export function closeMootTasks(ctx: WriteContext, row: AppointmentRow, kinds: readonly DeskTaskKind[]): void {
  const at = isoNow(ctx);
  for (const task of openTasksAbout(ctx.sqlite, row.dealerId, row.id, kinds))
    recordAttempt(
      ctx.sqlite,
      {
        id: newId(ctx.nowMs),
        dealerId: row.dealerId,
        messageId: task.id,
        outcome: "not_needed",
        note: null,
        byLabel: SYSTEM_LABEL,
        at,
      },
      true,
    );
}
