import { Temporal } from "@js-temporal/polyfill";

// The dealer's SMS window (messaging.sms.window, default 08:00-20:00 local): when may a
// text go out, and if not now, from when. Temporal in the dealer's zone, so DST days
// are right: a window start that falls in a spring-forward gap is read as the first
// valid instant after it ("later").

export interface SmsWindow {
  start: string;
  end: string;
}

const at = (date: Temporal.PlainDate, hhmm: string, zone: string): number => {
  if (hhmm === "24:00") return date.add({ days: 1 }).toZonedDateTime({ timeZone: zone }).epochMilliseconds;
  return Temporal.PlainDateTime.from(`${date.toString()}T${hhmm}`).toZonedDateTime(zone, { disambiguation: "later" })
    .epochMilliseconds;
};

/** nowMs when it is inside the window, else the next instant the window opens. */
export function nextWindowOpen(nowMs: number, zone: string, w: SmsWindow): number {
  const today = Temporal.Instant.fromEpochMilliseconds(nowMs).toZonedDateTimeISO(zone).toPlainDate();
  const start = at(today, w.start, zone);
  const end = at(today, w.end, zone);
  if (nowMs < start) return start;
  if (nowMs < end) return nowMs;
  return at(today.add({ days: 1 }), w.start, zone);
}
