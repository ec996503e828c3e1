import { todayIn } from "../shared/dates.js";

// The server's clock as the page knows it. Which steps an appointment offers depends on
// the time (a no-show waits for the reception's start) and must agree with the server's
// verbs, whose clock is not the browser's (a desk PC set wrong, a test's frozen clock).
// So must "today" (the day the board opens on, the Today button, where today's timeline
// opens): a desk PC a fortnight off opened on its own date, while a walk-in booked on the
// server's today.
// Each day read says what time the server had; the page keeps the difference and moves on
// with its own clock, so a day read at 08:00 still knows at 09:10 that 09:00 has begun.

let offsetMs = 0;

/** A day's `now` as it arrived. */
export function heardServerAt(nowIso: string): void {
  const at = Date.parse(nowIso);
  if (Number.isFinite(at)) offsetMs = at - Date.now();
}

/** The server's clock now, as the page estimates it (the browser's own until a day arrives). */
export const serverNowMs = (): number => Date.now() + offsetMs;

/** The server's clock now as a Date, for the dealer's wall clock (clockIn, todayIn). */
export const serverNow = (): Date => new Date(serverNowMs());

/** The dealer's date now by the server's clock; in the browser's zone until a day has told the dealer's. */
export const serverToday = (timeZone?: string): string => todayIn(timeZone, serverNow());
