// The words a day chooser says (day-chooser.tsx: the day, the date picker, the time list),
// apart from the component so that the pages' dictionaries (customer-words.ts), and the
// tests that read them without JSX, can name them.

import { counted } from "./counted.js";
import type { DatePickerLabels } from "./day-state.js";
import type { Lang } from "./i18n.js";

/** The day chooser's words; each page's dictionary has them (customer-words.ts). */
export type DayChooserLabels = Record<
  | "day"
  | "chooseDate"
  | "calHelp"
  | "prevMonth"
  | "nextMonth"
  | "close"
  | "calFree"
  | "calQuiet"
  | "calFull"
  | "calClosed"
  | "calPast"
  | "calBeyond"
  | "calLoading"
  | "morning"
  | "afternoon"
  | "quiet"
  | "withAdvisor"
  | "noTimes"
  | "noDays"
  | "timeLoaded"
  | "timesLoaded"
  | "retry"
  | "loading",
  string
>;

/** What the live region says once a day's times are in: how many (one in the singular), on `date` (as spoken), or none. */
export const timesSaid = (labels: DayChooserLabels, lang: Lang, count: number, date: string): string =>
  count === 0 ? labels.noTimes : counted(lang, count, { one: labels.timeLoaded, other: labels.timesLoaded }, { date });

/** The date picker's words, from the chooser's (the two dictionaries name them apart). */
export const pickerLabels = (labels: DayChooserLabels): DatePickerLabels => ({
  title: labels.calHelp,
  prevMonth: labels.prevMonth,
  nextMonth: labels.nextMonth,
  close: labels.close,
  free: labels.calFree,
  freeQuiet: labels.calQuiet,
  full: labels.calFull,
  closed: labels.calClosed,
  past: labels.calPast,
  beyond: labels.calBeyond,
  loading: labels.calLoading,
});
