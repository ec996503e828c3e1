import type { Dealer } from "./dealer.js";

// "Within 1 business day" (domain.md: parts ordered — tell the customer within 1 business
// day of arrival), in the dealer's own days: the deadline is the closing time of the first
// day the dealer is open AFTER the local day of the event. Friday 19:00 → Monday's close
// when Saturday and Sunday are closed; a holiday (closures) is skipped like a weekend.
// That same day's OPENING is when a guard on the promise should act: a task raised at the
// close finds the desk gone, and the customer would be called a business day late.
// Epoch minutes in and out: the day tables (core/dealer.ts) carry each local day's zone,
// so a DST change between the event and the deadline moves nothing.
// Trap: not "+24 h" (a Friday arrival would be due on a Saturday the desk is closed), and
// not the close of the event's own day (an arrival at 17:55 would leave five minutes).

/** How far to look for an open day before giving up (a dealer with no opening hours at all). */
const SEARCH_DAYS = 366;

type DayTables = Pick<Dealer, "dayOf" | "isOpen" | "day">;

/**
 * Epoch minutes of the opening and the close of the first open day after the one
 * containing `at`. A dealer never open: a calendar day later for both, so the promise is
 * still guarded by a timer.
 */
export function businessDayWindow(dealer: DayTables, at: number): { opens: number; closes: number } {
  const from = dealer.dayOf(at);
  for (let n = from + 1; n <= from + SEARCH_DAYS; n++) {
    if (!dealer.isOpen(n)) continue;
    const d = dealer.day(n);
    if (d.open.length === 0) continue;
    return { opens: d.zone.start + d.open[0], closes: d.zone.start + d.open[d.open.length - 1] };
  }
  return { opens: at + 1440, closes: at + 1440 };
}
