import type { Dealer } from "../../core/dealer.js";
import type { AppointmentRow } from "../../db/repos/appointments.js";
import type { WriteContext } from "../context.js";
import { appointmentView } from "../present.js";
import { toStaff } from "./messages.js";
import { staffMoveWords, todayOf } from "./when-words.js";

// A customer who moves or cancels on their own page (the manage link) reaches nobody at
// the dealer by any other way: the advisor who was to greet them and the supervisor who
// held a bay learn it here, in the same transaction as the change. The page tells the
// customer "the workshop has been told"; this is what makes that true. A staff member's
// own change tells no one (they made it); the customer hears of it instead (hooks.ts).

export type CustomerChange = "customer_moved" | "customer_cancelled";

/** The reception's local date and time ("2026-11-25", "11:00"). */
const localTime = (dealer: Dealer, row: AppointmentRow) => {
  const { date, time } = appointmentView(dealer, row).recap;
  return { date, time };
};

/**
 * One staff message per role: the advisors of the appointment as it is now (reception and
 * return), those it had before when a move changed them, and the supervisor. `before`: the
 * row before a move.
 */
export function tellStaffOfCustomerChange(
  ctx: WriteContext,
  dealer: Dealer,
  row: AppointmentRow,
  kind: CustomerChange,
  before?: AppointmentRow,
): void {
  const advisors = [row, before ?? row].flatMap((r) => [r.advisorId, r.returnAdvisorId]).filter((a) => a !== null);
  const roles = new Set([...advisors.map((a) => `advisor:${a}`), "supervisor"]);
  // From where to where, in the staff's words and locale (toStaff writes in the dealer's).
  const today = todayOf(dealer, ctx.nowMs);
  const moved =
    before && staffMoveWords(dealer.config.locale, localTime(dealer, before), localTime(dealer, row), today);
  const extra = moved ? { moved } : {};
  for (const role of roles)
    toStaff(ctx, dealer, row, role, { kind, dedupeId: `${kind}:${row.id}:v${row.version}:${role}`, extra });
}
