import { fill } from "./i18n.js";
import type { CalendarDay } from "./types.js";

// What the date picker says of each day after its date (date-picker.tsx), apart from the
// component so it can be checked without a browser: free and from when, or why not — a
// day gone by, past the dealer's horizon, the workshop closed (its hours, a holiday), or
// simply full. Each reads differently to a customer: "no free times" on a Sunday sent
// them looking for another week that would have been just as shut.

export interface DatePickerLabels {
  title: string;
  prevMonth: string;
  nextMonth: string;
  close: string;
  free: string; // "free from {first}"
  freeQuiet: string; // "quiet times available"
  full: string;
  /** A day the workshop does not open, a day gone by, a day past the dealer's horizon. */
  closed: string;
  past: string;
  beyond: string;
  loading: string;
}

/** What a day of the grid says after its date: free (and from when), or why not. */
export function dayState(
  d: string,
  info: CalendarDay | undefined,
  range: { min: string; max: string },
  loaded: boolean,
  labels: DatePickerLabels,
): { free: boolean; state: string } {
  if (d < range.min) return { free: false, state: labels.past };
  if (d > range.max) return { free: false, state: labels.beyond };
  if (!loaded) return { free: false, state: labels.loading };
  if (info?.bookable)
    return {
      free: true,
      state: fill(labels.free, { first: info.first ?? "" }) + (info.quiet ? `, ${labels.freeQuiet}` : ""),
    };
  return { free: false, state: info?.closed ? labels.closed : labels.full };
}
