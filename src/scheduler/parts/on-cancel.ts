import type { Dealer } from "../../core/dealer.js";
import { formatCents } from "../../core/parts.js";
import type { AppointmentRow } from "../../db/repos/appointments.js";
import { partsOrdersOf } from "../../db/repos/parts-orders.js";
import type { WriteContext } from "../context.js";
import { toStaff } from "../journey/messages.js";
import type { LivePart } from "../journey/templates.js";

// An appointment cancelled (by staff or on the customer's manage link) while parts are
// still on order or on the shelf for it: the orders stay as they are (physically the part
// is still coming, or already here), and the service desk gets ONE task, in the cancel's
// own transaction, to call the customer to rebook or cancel the order. It names the live
// parts and any deposit paid on them (refunds are the till's, not Pitlane's). A cancelled
// order is the desk's past business and is left out; no live part, no task. A no-show is
// not a cancel: its own call task covers the visit.

export const partsOnCancelledDedupe = (appointmentId: string) => `parts_on_cancelled:${appointmentId}`;

export function tellDeskOfLiveParts(ctx: WriteContext, dealer: Dealer, row: AppointmentRow): void {
  const live = partsOrdersOf(ctx.sqlite, row.id).filter((o) => o.status === "ordered" || o.status === "arrived");
  if (live.length === 0) return;
  const liveParts: LivePart[] = live.map((o) => ({
    part: o.description,
    state: o.status as LivePart["state"],
    depositPaid: o.depositPaidCents > 0 ? `${formatCents(o.depositPaidCents)} ${o.currency}` : undefined,
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
