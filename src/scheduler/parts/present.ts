import { epochMinute } from "../../core/civil.js";
import type { Dealer } from "../../core/dealer.js";
import { depositDueCents } from "../../core/parts.js";
import type { PartsOrderRow } from "../../db/repos/parts-orders.js";
import type { PartsOrderView } from "./contracts.js";

// A stored parts order as staff read it. The notice deadline is shown in the dealer's
// local time (with its offset), as every appointment instant is; bookkeeping stamps stay UTC.

export function partsOrderView(dealer: Dealer, o: PartsOrderRow): PartsOrderView {
  return {
    id: o.id,
    appointmentId: o.appointmentId,
    description: o.description,
    priceCents: o.priceCents,
    currency: o.currency,
    specialOrder: o.specialOrder,
    status: o.status as PartsOrderView["status"],
    depositRequiredCents: o.depositRequiredCents,
    depositPaidCents: o.depositPaidCents,
    depositDueCents: o.status === "cancelled" ? 0 : depositDueCents(o.depositRequiredCents, o.depositPaidCents),
    arrivedAt: o.arrivedAt,
    customerNoticeDueBy: o.noticeDueAt === null ? null : dealer.format(epochMinute(o.noticeDueAt)),
    customerNotice: o.noticeOutcome,
    cancelledAt: o.cancelledAt,
    createdAt: o.createdAt,
    updatedAt: o.updatedAt,
  };
}
