import { useEffect, useRef, useState } from "preact/hooks";
import { apiCall, dealerPath } from "./api.js";
import { DatePicker } from "./date-picker.js";
import { addDays, longDate } from "./dates.js";
import { fill, type Lang } from "./i18n.js";
import { problemSentence } from "./problem-sentence.js";
import { TimeList } from "./time-list.js";
import type { CalendarResponse, DayResponse, Option, VisitQuery } from "./types.js";

// A day and its times for a visit: opens on the first free day (calendar endpoint), the
// date picker dialog picks another, the day endpoint lists its times. Used by the manage
// page's reschedule and by the widget's WhenStep (which adds the hold).

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
  | "calLoading"
  | "morning"
  | "afternoon"
  | "quiet"
  | "withAdvisor"
  | "noTimes"
  | "noDays"
  | "timesLoaded"
  | "loading",
  string
>;

/** Whose days, for which visit, in which words, announced how. */
export interface DayChooserSetup {
  api: string;
  dealerId: string;
  visit: VisitQuery;
  lang: Lang;
  labels: DayChooserLabels;
  announce: (m: string) => void;
  /** A start not to offer: the appointment's own time, when moving it (the manage page). */
  current?: string;
}

interface Props extends DayChooserSetup {
  selected: Option | null;
  onSelect: (o: Option | null) => void;
  /** The times listed now, null while a day loads. */
  onShown?: (options: Option[] | null) => void;
  onError: (sentence: string) => void;
  /** Bump to reload the day (after a refusal: the taken time disappears). */
  reload?: number;
  /** The day to open on (a time chosen before); default the first free day. */
  initialDate?: string | null;
  /** Radio group name of the times. */
  name?: string;
}

export function DayChooser({
  api,
  dealerId,
  visit,
  lang,
  labels,
  announce,
  current,
  selected,
  onSelect,
  onShown,
  onError,
  reload = 0,
  initialDate,
  name = "pl-time",
}: Props) {
  const base = `${api}${dealerPath(dealerId)}`;
  const [today, setToday] = useState<string | null>(null);
  const [date, setDate] = useState<string | null>(null);
  const [options, setOptions] = useState<Option[] | null>(null);
  const [none, setNone] = useState(false);
  const [picking, setPicking] = useState(false);
  const opener = useRef<HTMLButtonElement>(null);

  const calendar = async (from: string | undefined, days: number) => {
    const r = await apiCall<CalendarResponse>(base, "POST", "/availability/calendar", {
      ...visit,
      ...(from ? { from } : {}),
      days,
    });
    if (!r.ok) onError(problemSentence(r.problem, lang));
    return r.ok ? r.data.days : null;
  };
  const loadDay = async (d: string) => {
    setDate(d);
    setOptions(null);
    onShown?.(null);
    const r = await apiCall<DayResponse>(base, "POST", "/availability/day", { ...visit, date: d });
    if (!r.ok) return onError(problemSentence(r.problem, lang));
    // Its own time with another advisor is no new time to the customer.
    const offered = current ? r.data.options.filter((o) => o.start !== current) : r.data.options;
    setOptions(offered);
    onShown?.(offered);
    announce(
      offered.length ? fill(labels.timesLoaded, { count: offered.length, date: longDate(d, lang) }) : labels.noTimes,
    );
  };
  useEffect(() => {
    void calendar(undefined, 62).then((days) => {
      if (!days || days.length === 0) return;
      setToday(days[0].date);
      const firstFree = days.find((d) => d.bookable)?.date;
      if (initialDate) void loadDay(initialDate);
      else if (firstFree) void loadDay(firstFree);
      else setNone(true);
    });
  }, []);
  useEffect(() => {
    if (reload > 0 && date) void loadDay(date);
  }, [reload]);

  if (none) return <p>{labels.noDays}</p>;
  if (!date) return <p aria-busy="true">{labels.loading}</p>;
  return (
    <div>
      <h3>{fill(labels.day, { date: longDate(date, lang) })}</h3>
      <button type="button" class="pl-secondary" ref={opener} aria-haspopup="dialog" onClick={() => setPicking(true)}>
        {labels.chooseDate}
      </button>
      {options === null ? (
        <p aria-busy="true">{labels.loading}</p>
      ) : options.length === 0 ? (
        <p>{labels.noTimes}</p>
      ) : (
        <TimeList
          name={name}
          options={options}
          selected={selected?.optionId ?? null}
          labels={labels}
          onChoose={(id) => onSelect(options.find((o) => o.optionId === id) ?? null)}
        />
      )}
      {picking && today && (
        <DatePicker
          lang={lang}
          labels={{
            title: labels.calHelp,
            prevMonth: labels.prevMonth,
            nextMonth: labels.nextMonth,
            close: labels.close,
            free: labels.calFree,
            freeQuiet: labels.calQuiet,
            full: labels.calFull,
            loading: labels.calLoading,
          }}
          min={today}
          max={addDays(today, 180)}
          initial={date}
          selected={date}
          load={(from, to) => calendar(from, Math.round((Date.parse(to) - Date.parse(from)) / 86_400_000) + 1)}
          onClose={() => {
            setPicking(false);
            opener.current?.focus();
          }}
          onSelect={(d) => {
            setPicking(false);
            onSelect(null);
            void loadDay(d).then(() => opener.current?.focus());
          }}
        />
      )}
    </div>
  );
}
