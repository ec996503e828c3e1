// The words a day chooser says (day-chooser.tsx: the day, the date picker, the time list),
// apart from the component so that the pages' dictionaries (customer-words.ts), and the
// tests that read them without JSX, can name them.

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
  | "timesLoaded"
  | "retry"
  | "loading",
  string
>;
