import { fill } from "./i18n.js";
import type { CalendarDay } from "./types.js";

// What the date picker says of each day after its date (date-picker.tsx), apart from the
// component so it can be checked without a browser: free and from when, or why not — a
// day gone by, past the dealer's horizon, the workshop closed (its hours, a holiday), or
// simply full. Each reads differently to a customer: "no free times" on a Sunday sent
// them looking for another week that would have been just as shut. And each looks so:
// only a full day (one that had times, and lost them) is struck through; a day gone by,
// a closed one or one not yet open is plainly unavailable (muted), its name saying why.

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

/** Why a day can or cannot be chosen. */
export type DayKind = "free" | "full" | "closed" | "past" | "beyond" | "loading";

/** What a day of the grid says after its date: free (and from when), or why not. */
export function dayState(
  d: string,
  info: CalendarDay | undefined,
  range: { min: string; max: string },
  loaded: boolean,
  labels: DatePickerLabels,
): { free: boolean; state: string; kind: DayKind } {
  if (d < range.min) return { free: false, state: labels.past, kind: "past" };
  if (d > range.max) return { free: false, state: labels.beyond, kind: "beyond" };
  if (!loaded) return { free: false, state: labels.loading, kind: "loading" };
  if (info?.bookable)
    return {
      free: true,
      state: fill(labels.free, { first: info.first ?? "" }) + (info.quiet ? `, ${labels.freeQuiet}` : ""),
      kind: "free",
    };
  return info?.closed
    ? { free: false, state: labels.closed, kind: "closed" }
    : { free: false, state: labels.full, kind: "full" };
}

/**
 * A day cell's classes (styles.ts): "pl-free" (with "pl-free-quiet"), "pl-full" (struck
 * through), or "pl-off" and its reason ("pl-closed", "pl-past"…), muted and not struck.
 */
export function dayClass(kind: DayKind, quiet = false): string {
  if (kind === "free") return quiet ? "pl-free pl-free-quiet" : "pl-free";
  if (kind === "full") return "pl-full";
  return `pl-off pl-${kind}`;
}
