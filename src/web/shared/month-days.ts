import { useEffect, useState } from "preact/hooks";
import { monthEnd } from "./dates.js";
import type { CalendarDay } from "./types.js";

// The date picker's days (date-picker.tsx), a month at a time: the month shown is asked
// of the calendar endpoint the first time it is shown, clamped to the days that may be
// chosen, and kept while the picker is open (walking back a month asks nothing again).
// Until its answer is in the month is `loaded` false: the grid is aria-busy and its days
// say they are loading. A failed call (null) leaves its days unknown (none free), not
// loading for ever.
//
// Only the answer for the month on screen, asked last, is taken in (as a day's times in
// day-loading.ts). Trap: an answer outlives its month. Next month pressed twice quickly,
// or back and on again, and the first answer may land last: computed earlier, it would
// replace the newer answer's days (a day closed since shown free), and a failed one would
// be said on a month the customer has left. Leaving the month or closing the picker (the
// effect's cleanup) drops it and aborts its request, so on a slow line the month the
// customer stops on is not queued behind the ones flipped past; the month is asked again
// when shown again.

/** The calendar endpoint for [from, to]; `signal` is aborted once its answer would be dropped. */
export type MonthLoad = (from: string, to: string, signal: AbortSignal) => Promise<CalendarDay[] | null>;

export const clamp = (d: string, min: string, max: string) => (d < min ? min : d > max ? max : d);

export function useMonthDays(month: string, min: string, max: string, load: MonthLoad) {
  const [days, setDays] = useState<Record<string, CalendarDay>>({});
  const [loadedMonths, setLoaded] = useState<Record<string, boolean>>({});
  useEffect(() => {
    if (loadedMonths[month]) return;
    const asked = new AbortController();
    const from = clamp(month, min, max);
    const to = clamp(monthEnd(month), min, max);
    void load(from, to, asked.signal).then((list) => {
      if (asked.signal.aborted) return;
      if (list) setDays((d) => ({ ...d, ...Object.fromEntries(list.map((x) => [x.date, x])) }));
      setLoaded((m) => ({ ...m, [month]: true }));
    });
    return () => asked.abort();
  }, [month]);
  return { days, loaded: !!loadedMonths[month] };
}
