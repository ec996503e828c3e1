import { newId } from "../../lib/ids.js";
import type { AppointmentRow } from "../../db/repos/appointments.js";
import { addExtraWork, approvePending } from "../../db/repos/progress.js";
import type { WriteContext } from "../context.js";
import { toStaff } from "../journey/messages.js";
import type { ProgressRequest } from "./contracts.js";
import type { DealerRuntime } from "../runtime.js";

/**
 * Records the report's extra work. Approved: its minutes are planned (a pending entry
 * with the same description becomes approved). Not approved: kept pending, the advisor
 * is asked to get the customer's approval, nothing is planned.
 */
export function recordExtraWork(
  ctx: WriteContext,
  rt: DealerRuntime,
  row: AppointmentRow,
  req: ProgressRequest,
  at: string,
): number {
  const x = req.extraWork;
  if (!x) return 0;
  const minutes = Math.round(x.hours * 60);
  if (x.approved) {
    if (!approvePending(ctx.db, row.id, x.description, minutes, at))
      addExtraWork(ctx.db, {
        id: newId(),
        dealerId: row.dealerId,
        appointmentId: row.id,
        description: x.description,
        minutes,
        status: "approved",
        createdAt: at,
        approvedAt: at,
      });
    return minutes;
  }
  const extraId = newId();
  addExtraWork(ctx.db, {
    id: extraId,
    dealerId: row.dealerId,
    appointmentId: row.id,
    description: x.description,
    minutes,
    status: "pending",
    createdAt: at,
    approvedAt: null,
  });
  toStaff(ctx, rt.dealer, row, `advisor:${row.advisorId}`, {
    kind: "extra_work_approval",
    dedupeId: `extra_work_approval:${extraId}`,
    extra: { options: [`${x.description} (${x.hours} h)`] },
    data: { task: "extra_work_approval", extraWorkId: extraId, hours: x.hours },
  });
  return 0;
}
