import type { Dealer } from "./dealer.js";

// Time counted in the dealer's opening hours. A call "1 hour before the car is ready" is
// made while someone is at the desk and the customer can still act on it: a car ready at
// 09:30 after a long job (4 hours' notice) is called at 15:30 the day before (2.5 h before
// closing at 18:00) and the first 1.5 h of the morning, never at 05:30. The 1-hour call
// of a short job stays on the ready day (`sameDay`): walked into the evening before, it
// fell before a late check-in and was never made.

/** How far back the walk looks for open hours before giving up (a dealer closed for weeks). */
const MAX_DAYS_BACK = 31;

/**
 * The epoch minute `minutes` of opening hours before `at` (an epoch minute), walking back
 * through the dealer's open ranges (closures and closed weekdays skipped). When `at` is
 * itself outside the hours, the count starts at the last closing before it. Falls back to
 * plain elapsed minutes when no open hours are found within MAX_DAYS_BACK days. `sameDay`:
 * when `at`'s day has open time before it but not `minutes` of it, that day's opening;
 * when it has none, plain minutes before `at`.
 */
export function openMinutesBefore(dealer: Dealer, at: number, minutes: number, sameDay = false): number {
  let need = minutes;
  let t = at;
  const first = dealer.dayOf(at);
  for (let n = first; n > first - MAX_DAYS_BACK; n--) {
    const day = dealer.day(n);
    for (let i = day.open.length - 2; i >= 0; i -= 2) {
      const s = day.zone.start + day.open[i];
      const e = Math.min(day.zone.start + day.open[i + 1], t);
      if (e <= s) continue;
      if (e - s >= need) return e - need;
      need -= e - s;
      t = s;
    }
    // `sameDay`: never into the evening before: when `at`'s own day had open time before
    // it, that day's opening (less notice, on the day the car is ready); when it had none
    // (ready at or before opening), plain minutes before `at`, as before opening hours
    // counted. Walked into the evening before, the call could fall before a car checked
    // in late that evening, and was then never made.
    if (sameDay && n === first) return t < at ? t : at - minutes;
  }
  return at - minutes;
}
