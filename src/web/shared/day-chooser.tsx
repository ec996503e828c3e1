import { useEffect, useRef, useState } from "preact/hooks";
import type { Announce } from "./announcer.js";
import { apiCall } from "./api.js";
import { DatePicker } from "./date-picker.js";
import { addDays, longDate } from "./dates.js";
import { fill, type Lang } from "./i18n.js";
import type { Problem } from "./problem.js";
import { problemSentence } from "./problem-sentence.js";
import { TimeList } from "./time-list.js";
import type { CalendarResponse, DayResponse, Option } from "./types.js";
import { type DayChooserLabels, timesSaid } from "./day-labels.js";

export type { DayChooserLabels };

// A day and its times for a visit: opens on the first free day (calendar endpoint; from
// `openFrom` on when given: the manage page opens on the appointment's own day), the date
// picker dialog picks another, the day endpoint lists its times. Used by the manage page's
// reschedule (the appointment's own availability) and by the widget's WhenStep (the
// dealer's, for the visit asked; it adds the hold).

/**
 * Where the days come from: `${path}/availability/calendar` and `…/day`, each asked with
 * `body` besides the dates. The widget asks the dealer about its visit
 * (`/v1/dealers/{id}`, the visit); the manage page asks about the appointment itself
 * (`/v1/manage/{token}`, nothing more: the server knows its job).
 */
export interface DaySource {
  path: string;
  body: object;
  /**
   * A call the days wait for: the widget's hold, given back on the way here. Until it is,
   * the time it held is not free, and would be missing from the list or offered with
   * another advisor (another optionId), so the time chosen before would not show chosen.
   */
  after?: Promise<unknown>;
}

/** A way back to what a refused call names (the widget's field at fault): its button's words and action. */
export interface Fix {
  label: string;
  go: () => void;
}

/** Whose days, for which visit, in which words, announced how. */
export interface DayChooserSetup {
  api: string;
  source: DaySource;
  lang: Lang;
  labels: DayChooserLabels;
  /** The first day's times follow the step's opening (spoken.ts); any later day's are said alone. */
  announce: Announce;
  /** A start not to offer: the appointment's own time, when moving it (the manage page). */
  current?: string;
  /**
   * Where a refused calendar or day call can be put right (a field of an earlier step it
   * names), or null: then the chooser offers to try again.
   */
  fixFor?: (p: Problem) => Fix | null;
}

interface Props extends DayChooserSetup {
  selected: Option | null;
  onSelect: (o: Option | null) => void;
  /** The times listed now, null while a day loads. */
  onShown?: (options: Option[] | null) => void;
  /** A refused call said in words; null when it is tried again. */
  onError: (sentence: string | null) => void;
  /** Bump to reload the day (after a refusal: the taken time disappears). */
  reload?: number;
  /** The day to open on (a time chosen before); default the first free day. */
  initialDate?: string | null;
  /** Open on the first free day from this date on (the appointment's own day, when moving it). */
  openFrom?: string | null;
  /** Radio group name of the times. */
  name?: string;
}

export function DayChooser({
  api,
  source,
  lang,
  labels,
  announce,
  current,
  fixFor,
  selected,
  onSelect,
  onShown,
  onError,
  reload = 0,
  initialDate,
  openFrom,
  name = "pl-time",
}: Props) {
  const base = `${api}${source.path}`;
  const [today, setToday] = useState<string | null>(null);
  // The dealer's horizon (the calendar's lastDate): the picker goes no further.
  const [last, setLast] = useState<string | null>(null);
  const [date, setDate] = useState<string | null>(null);
  const [options, setOptions] = useState<Option[] | null>(null);
  const [none, setNone] = useState(false);
  const [picking, setPicking] = useState(false);
  // A refused calendar or day call: said by the page (onError), and instead of a
  // "Loading…" that would never end, a way to put it right or to try again.
  const [failed, setFailed] = useState<Problem | null>(null);
  const opener = useRef<HTMLButtonElement>(null);
  const again = useRef<HTMLButtonElement>(null);
  const retried = useRef(false);

  const refused = (p: Problem) => {
    onError(problemSentence(p, lang));
    setFailed(p);
  };
  const calendar = async (from: string | undefined, days: number) => {
    const r = await apiCall<CalendarResponse>(base, "POST", "/availability/calendar", {
      ...source.body,
      ...(from ? { from } : {}),
      days,
    });
    if (!r.ok) onError(problemSentence(r.problem, lang));
    return r.ok ? r.data.days : null;
  };
  const loadDay = async (d: string, how: "alone" | "follow" = "alone") => {
    setDate(d);
    setOptions(null);
    onShown?.(null);
    const r = await apiCall<DayResponse>(base, "POST", "/availability/day", { ...source.body, date: d });
    if (!r.ok) return refused(r.problem);
    // Its own time with another advisor is no new time to the customer.
    const offered = current ? r.data.options.filter((o) => o.start !== current) : r.data.options;
    setOptions(offered);
    onShown?.(offered);
    announce(timesSaid(labels, lang, offered.length, longDate(d, lang)), how);
  };
  const open = async () => {
    await source.after;
    const r = await apiCall<CalendarResponse>(base, "POST", "/availability/calendar", { ...source.body, days: 62 });
    if (!r.ok) return refused(r.problem);
    const days = r.data.days;
    if (days.length === 0) return setNone(true);
    setToday(days[0].date);
    setLast(r.data.lastDate ?? null);
    if (initialDate) return loadDay(initialDate, "follow");
    // From `openFrom` when asked (further out than these weeks: its own weeks), else from today.
    const from = openFrom && openFrom > days[0].date ? openFrom : null;
    let free = days.find((d) => d.bookable && (!from || d.date >= from))?.date;
    if (!free && from && from > days[days.length - 1].date)
      free = (await calendar(from, 62))?.find((d) => d.bookable)?.date;
    // Nothing free from that day on: the first free day at all, rather than none.
    free ??= days.find((d) => d.bookable)?.date;
    if (free) await loadDay(free, "follow");
    else setNone(true);
  };
  useEffect(() => {
    void open();
  }, []);
  useEffect(() => {
    if (reload > 0 && date) void loadDay(date);
  }, [reload]);
  // After "Try again", focus goes to what came instead of the button (the day's first
  // control), or back to the button when it failed again: never lost to <body>.
  useEffect(() => {
    if (!retried.current || (!failed && (options === null || !date))) return;
    retried.current = false;
    (failed ? again.current : opener.current)?.focus();
  }, [failed, options, date]);

  if (none) return <p>{labels.noDays}</p>;
  if (failed) {
    const fix = fixFor?.(failed) ?? null;
    return (
      <div class="pl-actions">
        {fix ? (
          <button type="button" class="pl-secondary" onClick={fix.go}>
            {fix.label}
          </button>
        ) : (
          <button
            type="button"
            class="pl-secondary"
            ref={again}
            onClick={() => {
              retried.current = true;
              onError(null);
              setFailed(null);
              void (today && date ? loadDay(date) : open());
            }}
          >
            {labels.retry}
          </button>
        )}
      </div>
    );
  }
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
            closed: labels.calClosed,
            past: labels.calPast,
            beyond: labels.calBeyond,
            loading: labels.calLoading,
          }}
          min={today}
          max={last ?? addDays(today, 180)}
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
