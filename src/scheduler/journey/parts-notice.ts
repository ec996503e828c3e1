import { epochMinute } from "../../core/civil.js";
import { findAppointment } from "../../db/repos/appointments.js";
import type { JobRow } from "../../db/repos/jobs.js";
import { partsOrderById } from "../../db/repos/parts-orders.js";
import { deliveredAny } from "../../db/repos/outbox.js";
import { reachedOn } from "../../db/repos/task-attempts.js";
import { TRANSPORTS } from "../../core/message-kinds.js";
import type { WriteContext } from "../context.js";
import { partsCallDedupe, partsExtra, partsNoticeDedupe } from "../parts/arrival.js";
import { transportDedupeId } from "./channels.js";
import { toStaff } from "./messages.js";

// The parts_notice timer (parts/arrival.ts): the guard on "tell the customer within 1
// business day of arrival". The arrival wrote the customer's message, but writing is not
// telling: a text to a number that replied STOP, an SMS provider that kept failing, a
// webhook that was down. So when the desk opens on the deadline's day (the first open day
// after the arrival's), unless a parts_arrived message for this order was DELIVERED (to
// the SMS provider, the mail server or the dealer's webhook), the desk gets a task to call
// by that day's close: the whole business day to keep the promise, not a task raised at
// the close when nobody is there. Nor when the desk recorded "reached" on the part's call
// task (scheduler/tasks): a call that reached the customer told them. Not when the arrival
// already gave the desk its call task (no consent, no address): that task carries the same
// deadline, and a second one would only be noise.

export function runPartsNotice(ctx: WriteContext, job: JobRow): string {
  const id = typeof job.payload.partsOrderId === "string" ? job.payload.partsOrderId : "";
  const order = partsOrderById(ctx.sqlite, id);
  if (!order || order.status !== "arrived") return "skipped:gone";
  const told = TRANSPORTS.map((t) => transportDedupeId(partsNoticeDedupe(order.id), t));
  // The desk that phoned and reached the customer told them too (the call task's attempt).
  if (deliveredAny(ctx.sqlite, told) || reachedOn(ctx.sqlite, partsCallDedupe(order.id))) return "skipped:told";
  if (order.noticeOutcome?.startsWith("staff:")) return "skipped:desk_task_given";
  const rt = ctx.runtimes.get(order.dealerId);
  const row = rt && findAppointment(ctx.db, order.dealerId, order.appointmentId);
  if (!rt || !row) return "skipped:gone";
  // The deadline (the close), which the arrival stored on the order; not the timer's own due time (the opening).
  const dueMs = order.noticeDueAt ?? job.dueAt;
  return toStaff(ctx, rt.dealer, row, "service_desk", {
    kind: "parts_notice_overdue",
    dedupeId: `job:${job.dedupeKey}`,
    extra: partsExtra(rt.dealer, row, order, dueMs, ctx.nowMs),
    data: { task: "parts_notice_overdue", partsOrderId: order.id, dueBy: rt.dealer.format(epochMinute(dueMs)) },
  });
}
