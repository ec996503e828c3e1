import { useEffect, useState } from "preact/hooks";
import { monthEnd } from "./dates.js";
import type { CalendarDay } from "./types.js";

// The date picker's days (date-picker.tsx), a month at a time: the month shown is asked
// of the calendar endpoint the first time it is shown, clamped to the days that may be
// chosen, and kept while the picker is open (walking back a month asks nothing again).
// Until its answer is in the month is `loaded` false: the grid is aria-busy and its days
// say they are loading. A failed call (null) leaves its days unknown (none free), not
// loading for ever.

export const clamp = (d: string, min: string, max: string) => (d < min ? min : d > max ? max : d);

export function useMonthDays(
  month: string,
  min: string,
  max: string,
  load: (from: string, to: string) => Promise<CalendarDay[] | null>,
) {
  const [days, setDays] = useState<Record<string, CalendarDay>>({});
  const [loadedMonths, setLoaded] = useState<Record<string, boolean>>({});
  useEffect(() => {
    if (loadedMonths[month]) return;
    const from = clamp(month, min, max);
    const to = clamp(monthEnd(month), min, max);
    void load(from, to).then((list) => {
      if (list) setDays((d) => ({ ...d, ...Object.fromEntries(list.map((x) => [x.date, x])) }));
      setLoaded((m) => ({ ...m, [month]: true }));
    });
  }, [month]);
  return { days, loaded: !!loadedMonths[month] };
}
