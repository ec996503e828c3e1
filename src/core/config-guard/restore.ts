import type { CapacityIndex } from "../capacity-index.js";
import { carWindow } from "../capacity-index.js";
import type { Booking, Violation } from "../types.js";
import { carOverflow } from "./load-checks.js";

// Taking back capacity that was given away: a late customer checked in after the
// automatic no-show. Meanwhile others may have booked the courtesy car or the workshop
// hours the no-show released; re-adding the booking blindly would overbook them. Pure:
// the caller refuses (409 rule_violation) when this lists anything.

export function whyNotRestorable(index: CapacityIndex, b: Booking, now: number): Violation[] {
  const out: Violation[] = [];
  const dealer = index.dealer;
  if (b.mobility === "courtesy_car" && carWindow(b)[1] > now) {
    const loans = [...index.bookings.values(), b]
      .filter((x) => x.mobility === "courtesy_car" && carWindow(x)[1] > now)
      .sort(
        (x, y) => carWindow(x)[0] - carWindow(y)[0] || (x.id === b.id ? 1 : y.id === b.id ? -1 : x.id < y.id ? -1 : 1),
      );
    // b sorts last among equal starts: it is the one asking to come back.
    const without = carOverflow(
      loans.filter((x) => x.id !== b.id),
      dealer.config.mobility.courtesyCars,
    );
    const with_ = carOverflow(loans, dealer.config.mobility.courtesyCars);
    if (with_.size > without.size)
      out.push({
        code: "mobility_unavailable",
        message: "its courtesy car was given to another customer after the no-show; no car is free for it now",
      });
  }
  const today = dealer.dayOf(now);
  for (const l of b.labour) {
    if (l.day < today || l.minutes <= 0) continue;
    // The index keeps each day's booked labour per skill: no scan of every booking.
    const booked = index.peek(l.day)?.booked[l.skill] ?? 0;
    const cap = dealer.day(l.day).capacity[l.skill];
    if (booked + l.minutes > cap)
      out.push({
        code: "workshop_full",
        message: `its ${dealer.skills[l.skill]} work no longer fits that day: the hours were booked by others after the no-show`,
      });
  }
  return out;
}
