import { findAppointment } from "../../db/repos/appointments.js";
import { insertPartsOrder, partsOrdersOf } from "../../db/repos/parts-orders.js";
import { newId } from "../../lib/ids.js";
import type { Ctx, Outcome, WriteContext } from "../context.js";
import { DomainError, notFound } from "../errors.js";
import type { DepositPayment, PartsOrderChange, PartsOrderList, PartsOrderRequest } from "./contracts.js";
import { checkPayment, orderDeposit } from "./amounts.js";
import { closeSettledPartsTask } from "./on-cancel.js";
import { partsOrderView } from "./present.js";
import { orderOf, partsScope, partsWrite, type PartsTarget, saveOrder } from "./write.js";

// Staff record the parts ordered for an appointment, the deposits paid and cancellations
// (arrival, which tells the customer, is arrival.ts). The amounts each accepts are
// amounts.ts (the deposit rule is core/parts.ts): a refused amount is a 400 naming the
// limit, and nothing is stored.

export function orderPart(ctx: WriteContext, input: PartsTarget & { body: PartsOrderRequest }) {
  const { body } = input;
  return partsWrite(ctx, input, partsScope("", input, body), 201, ({ rt, row, at }) => {
    // A cancelled appointment has no car coming to fit it on: order against a new booking.
    if (row.status === "cancelled")
      throw new DomainError("invalid_transition", "parts are not ordered for a cancelled appointment", {
        status: row.status,
      });
    const { currency } = rt.dealer.config.parts;
    const depositRequiredCents = orderDeposit(body, rt.dealer.config.parts);
    const order = {
      id: newId(),
      dealerId: row.dealerId,
      appointmentId: row.id,
      description: body.description,
      priceCents: body.priceCents,
      currency,
      specialOrder: body.specialOrder,
      depositRequiredCents,
      depositPaidCents: 0,
      status: "ordered",
      version: 1,
      arrivedAt: null,
      noticeDueAt: null,
      noticeOutcome: null,
      cancelledAt: null,
      createdAt: at,
      updatedAt: at,
    };
    insertPartsOrder(ctx.sqlite, order);
    const { id, priceCents, specialOrder } = order;
    return {
      order,
      note: {
        action: "parts_ordered",
        before: null,
        after: { part: { id, priceCents, specialOrder, depositRequiredCents } },
        reason: null,
      },
    };
  });
}

export function payDeposit(
  ctx: WriteContext,
  input: PartsTarget & { partId: string; body: DepositPayment },
): Outcome<PartsOrderChange> {
  const { body } = input;
  return partsWrite(ctx, input, partsScope("/{partId}/deposit", input, body), 200, ({ row, at }) => {
    const o = orderOf(ctx, row, input.partId);
    if (o.status === "cancelled")
      throw new DomainError("invalid_transition", "no deposit is taken on a cancelled parts order", {
        status: o.status,
      });
    checkPayment(o, body.amountCents);
    const order = saveOrder(ctx, o, { depositPaidCents: o.depositPaidCents + body.amountCents }, at);
    return {
      order,
      note: {
        action: "parts_deposit",
        before: { part: o.id, depositPaidCents: o.depositPaidCents },
        after: { part: o.id, depositPaidCents: order.depositPaidCents },
        reason: null,
      },
    };
  });
}

/**
 * Cancels an order not yet arrived; cancelling it again changes nothing. A deposit paid stays
 * recorded (refunds are the till's). On a cancelled visit, the desk's parts_on_cancelled task
 * closes itself once nothing it named is left to discuss (on-cancel.ts).
 */
export function cancelPart(ctx: WriteContext, input: PartsTarget & { partId: string }): Outcome<PartsOrderChange> {
  return partsWrite(ctx, input, partsScope("/{partId}/cancel", input, {}), 200, ({ row, at }) => {
    const o = orderOf(ctx, row, input.partId);
    if (o.status === "cancelled") return { order: o, note: null };
    if (o.status !== "ordered")
      throw new DomainError("invalid_transition", `an ${o.status} part is not cancelled`, { status: o.status });
    const order = saveOrder(ctx, o, { status: "cancelled", cancelledAt: at }, at);
    // The visit was cancelled and this was the last part left to call about: the desk's task goes.
    closeSettledPartsTask(ctx, row);
    return {
      order,
      note: {
        action: "parts_cancelled",
        before: { part: o.id, status: o.status },
        after: { part: o.id, status: "cancelled" },
        reason: null,
      },
    };
  });
}

/** The appointment's orders and its version (the next write's If-Match). */
export function listParts(ctx: Ctx, input: { dealerId: string; id: string }): PartsOrderList {
  const rt = ctx.runtimes.get(input.dealerId);
  if (!rt) throw notFound(`dealer ${input.dealerId}`);
  const row = findAppointment(ctx.db, input.dealerId, input.id);
  if (!row) throw notFound(`appointment ${input.id}`);
  const parts = partsOrdersOf(ctx.sqlite, row.id).map((o) => partsOrderView(rt.dealer, o));
  return { appointmentId: row.id, version: row.version, parts };
}
