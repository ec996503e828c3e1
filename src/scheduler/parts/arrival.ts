import { businessDayWindow } from "../../core/business-day.js";
import { epochMinute } from "../../core/civil.js";
import { shortInstant } from "../../core/date-short.js";
import type { Dealer } from "../../core/dealer.js";
import { depositDueCents, formatMoney } from "../../core/parts.js";
import { isUpcoming } from "../../core/status.js";
import type { AppointmentRow } from "../../db/repos/appointments.js";
import { scheduleJob } from "../../db/repos/jobs.js";
import type { PartsOrderRow } from "../../db/repos/parts-orders.js";
import { isoNow, type Outcome, type WriteContext } from "../context.js";
import { DomainError } from "../errors.js";
import { type Extra, toCustomer, toStaff } from "../journey/messages.js";
import { recipientOf } from "../journey/recipients.js";
import { MINUTE } from "../journey/timers.js";
import { todayOf } from "../journey/when-words.js";
import type { PartsOrderChange } from "./contracts.js";
import { orderOf, partsScope, partsWrite, type PartsTarget, saveOrder } from "./write.js";

// A part arrived (domain: "parts ordered: tell the customer within 1 business day of
// arrival"). In the arrival's own transaction: the customer's `parts_arrived` message on
// their consented channel or, when they cannot be messaged, a call task for the desk due
// by the deadline (the close of the first open day after the arrival's); and a durable
// timer at the OPENING of that day (journey/parts-notice.ts) that raises a task if the
// message has still not reached anyone by then (failed, STOP, …), so the desk has the
// whole business day to call. Trap: a timer at the deadline itself would raise it when the
// desk has gone home, and the customer would hear a business day late in exactly the cases
// the timer exists for. So the promise is guarded, not just attempted. Marking it arrived
// again sends nothing.
// An unpaid deposit does not hold the part back (it is on the shelf either way): the
// message says what is still due.

export const partsNoticeDedupe = (orderId: string) => `parts_arrived:${orderId}`;
/** The desk's call task when the customer cannot be messaged (its "reached" attempt counts as told). */
export const partsCallDedupe = (orderId: string) => `parts_arrived_call:${orderId}`;

export function markPartArrived(ctx: WriteContext, input: PartsTarget & { partId: string }): Outcome<PartsOrderChange> {
  return partsWrite(ctx, input, partsScope("/{partId}/arrive", input, {}), 200, ({ rt, row, at }) => {
    const o = orderOf(ctx, row, input.partId);
    if (o.status === "arrived") return { order: o, note: null }; // told once: nothing twice
    if (o.status !== "ordered")
      throw new DomainError("invalid_transition", `a ${o.status} part cannot arrive; order it again`, {
        status: o.status,
      });
    const day = businessDayWindow(rt.dealer, epochMinute(ctx.nowMs));
    const dueMs = day.closes * MINUTE;
    // Always a later day than the arrival's, so after it; never due in the past regardless.
    const guardMs = Math.max(day.opens * MINUTE, ctx.nowMs);
    const notice = tellCustomer(ctx, rt.dealer, row, o, dueMs);
    const order = saveOrder(
      ctx,
      o,
      { status: "arrived", arrivedAt: at, noticeDueAt: dueMs, noticeOutcome: notice },
      at,
    );
    scheduleJob(
      ctx.sqlite,
      {
        dealerId: row.dealerId,
        kind: "parts_notice",
        appointmentId: row.id,
        dueAt: guardMs,
        dedupeKey: `parts_notice:${o.id}`,
        payload: { partsOrderId: o.id },
      },
      isoNow(ctx),
    );
    return {
      order,
      note: {
        action: "parts_arrived",
        before: { part: o.id, status: o.status },
        after: { part: o.id, status: "arrived", customerNotice: notice },
        reason: null,
      },
    };
  });
}

/** The message's facts: which part, what is still owed, and whether the car is in the workshop now or its visit is still ahead. */
export function partsExtra(dealer: Dealer, row: AppointmentRow, o: PartsOrderRow, dueMs: number, nowMs: number): Extra {
  const due = depositDueCents(o.depositRequiredCents, o.depositPaidCents);
  return {
    part: o.description,
    depositDue: due > 0 ? formatMoney(due, o.currency) : undefined,
    // Checked in: the car is with us, so the part is fitted during this visit (not "call us to book").
    carIn: row.status === "checked_in" ? "yes" : undefined,
    // Trap: a status alone is not "ahead": a booking left "confirmed" after its day is behind us.
    visitAhead: isUpcoming(row.status) && row.receptionStart * MINUTE > nowMs ? "yes" : undefined,
    // The desk's deadline, in the staff's short words (only the desk's tasks print it).
    dueBy: shortInstant(dealer.config.locale, dealer.format(epochMinute(dueMs)), todayOf(dealer, nowMs)),
  };
}

/** "sent:<channel>" when the message is on its way, else "staff:service_desk" (the desk calls by the deadline). */
function tellCustomer(ctx: WriteContext, dealer: Dealer, row: AppointmentRow, o: PartsOrderRow, dueMs: number) {
  const who = recipientOf(ctx.db, row);
  const extra = partsExtra(dealer, row, o, dueMs, ctx.nowMs);
  const data = { partsOrderId: o.id, dueBy: dealer.format(epochMinute(dueMs)) };
  const sent = toCustomer(
    ctx,
    dealer,
    row,
    { kind: "parts_arrived", dedupeId: partsNoticeDedupe(o.id), extra, data },
    who,
  );
  if (sent.startsWith("sent:")) return sent;
  return toStaff(
    ctx,
    dealer,
    row,
    "service_desk",
    {
      kind: "parts_arrived_call",
      dedupeId: partsCallDedupe(o.id),
      extra,
      data: { task: "parts_arrived_call", ...data },
    },
    who,
  );
}
