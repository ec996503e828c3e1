import type { Dealer } from "../../core/dealer.js";
import { formatMoney, partSettled } from "../../core/parts.js";
import type { AppointmentRow } from "../../db/repos/appointments.js";
import { partsOrdersOf } from "../../db/repos/parts-orders.js";
import { openTasksAbout, taskDataOf } from "../../db/repos/task-attempts.js";
import type { WriteContext } from "../context.js";
import { toStaff } from "../journey/messages.js";
import type { LivePart } from "../journey/templates.js";
import { closeMootTasks } from "../tasks/moot.js";

// An appointment cancelled (by staff or on the customer's manage link) while parts are
// still on order or on the shelf for it: the orders stay as they are (physically the part
// is still coming, or already here), and the service desk gets ONE task, in the cancel's
// own transaction, to call the customer to rebook or cancel the order. It names the live
// parts and any deposit paid on them (refunds are the till's, not Pitlane's). A cancelled
// order is the desk's past business and is left out; no live part, no task. A no-show is
// not a cancel: its own call task covers the visit.
// Once every part the task named is settled (core/parts.ts partSettled: cancelled with no
// deposit paid), nothing is left to call about: the task closes itself as moot, in the
// transaction of the part's change that settled the last one.

export const partsOnCancelledDedupe = (appointmentId: string) => `parts_on_cancelled:${appointmentId}`;

export function tellDeskOfLiveParts(ctx: WriteContext, dealer: Dealer, row: AppointmentRow): void {
  const live = partsOrdersOf(ctx.sqlite, row.id).filter((o) => o.status === "ordered" || o.status === "arrived");
  if (live.length === 0) return;
  const liveParts: LivePart[] = live.map((o) => ({
    part: o.description,
    state: o.status as LivePart["state"],
    depositPaid: o.depositPaidCents > 0 ? formatMoney(o.depositPaidCents, o.currency) : undefined,
  }));
  toStaff(ctx, dealer, row, "service_desk", {
    kind: "parts_on_cancelled",
    dedupeId: partsOnCancelledDedupe(row.id),
    extra: { liveParts },
    data: {
      task: "parts_on_cancelled",
      parts: live.map((o) => ({
        partsOrderId: o.id,
        description: o.description,
        status: o.status,
        depositPaidCents: o.depositPaidCents,
        currency: o.currency,
      })),
    },
  });
}

/** The parts orders a parts_on_cancelled task names (its message's data); null for a task that names none. */
function namedParts(data: unknown): string[] | null {
  const parts = (data as { parts?: unknown } | undefined)?.parts;
  if (!Array.isArray(parts)) return null;
  return parts
    .map((p) => (p as { partsOrderId?: unknown }).partsOrderId)
    .filter((id): id is string => typeof id === "string");
}

/**
 * After a part of `row` changed: its open parts_on_cancelled task closes as moot ("not_needed",
 * by Pitlane) when every part it named is settled. A part cancelled before the visit was is
 * not the task's (it never named it), whatever was paid on it; a task that names none looks
 * at all the appointment's parts.
 */
export function closeSettledPartsTask(ctx: WriteContext, row: AppointmentRow): void {
  if (row.status !== "cancelled") return; // only a cancel raises the task
  const [task] = openTasksAbout(ctx.sqlite, row.dealerId, row.id, ["parts_on_cancelled"]);
  if (!task) return;
  const orders = new Map(partsOrdersOf(ctx.sqlite, row.id).map((o) => [o.id, o]));
  const named = namedParts(taskDataOf(ctx.sqlite, task.id)) ?? [...orders.keys()];
  const settled = named.every((id) => {
    const o = orders.get(id);
    return o === undefined || partSettled(o);
  });
  if (settled) closeMootTasks(ctx, row, ["parts_on_cancelled"]);
}
