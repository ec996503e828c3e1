import { useEffect, useRef, useState } from "preact/hooks";
import type { Announce } from "./announcer.js";
import { apiCall } from "./api.js";
import { longDate } from "./dates.js";
import type { Lang } from "./i18n.js";
import type { Problem } from "./problem.js";
import { problemSentence } from "./problem-sentence.js";
import type { CalendarResponse, DayResponse, Option } from "./types.js";
import { type DayChooserLabels, timesSaid } from "./day-labels.js";

// What a day chooser loads, apart from how it shows it (day-chooser.tsx): the calendar
// once (the first free day, from `openFrom` on when given; the horizon), then a day's
// times each time one is chosen, reloaded on demand. A refused call is said (onError) and
// kept (`failed`), so the chooser can offer a way to put it right or to try again.

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

/** Whose days, for which visit, in which words, announced how. */
export interface DaySetup {
  api: string;
  source: DaySource;
  lang: Lang;
  labels: DayChooserLabels;
  /** The first day's times follow the step's opening (spoken.ts); any later day's are said alone. */
  announce: Announce;
  /** A start not to offer: the appointment's own time, when moving it (the manage page). */
  current?: string;
}

/** What to load, and whom to tell what came. */
export interface DayLoading extends DaySetup {
  /** The times listed now, null while a day loads. */
  onShown?: (options: Option[] | null) => void;
  /** A refused call said in words; null when it is tried again. */
  onError: (sentence: string | null) => void;
  /** Bumped to reload the day (after a refusal: the taken time disappears). */
  reload: number;
  /** The day to open on (a time chosen before); default the first free day. */
  initialDate?: string | null;
  /** Open on the first free day from this date on (the appointment's own day, when moving it). */
  openFrom?: string | null;
}

export function useDayLoading({
  api,
  source,
  lang,
  labels,
  announce,
  current,
  onShown,
  onError,
  reload,
  initialDate,
  openFrom,
}: DayLoading) {
  const base = `${api}${source.path}`;
  const [today, setToday] = useState<string | null>(null);
  // The dealer's horizon (the calendar's lastDate): the picker goes no further.
  const [last, setLast] = useState<string | null>(null);
  const [date, setDate] = useState<string | null>(null);
  const [options, setOptions] = useState<Option[] | null>(null);
  const [none, setNone] = useState(false);
  // A refused calendar or day call: said by the page (onError), and instead of a
  // "Loading…" that would never end, a way to put it right or to try again.
  const [failed, setFailed] = useState<Problem | null>(null);
  // The day asked last. A day chosen while another still loads may be answered first: the
  // other's answer, landing after it, must not list that day's times under this one's
  // heading (nor say them), so only the last asked is taken in. None is once the chooser
  // is gone (the customer left the step): the page would say its times on another step.
  const asked = useRef(0);
  const gone = useRef(false);
  useEffect(
    () => () => {
      gone.current = true;
    },
    [],
  );

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
    const mine = ++asked.current;
    setDate(d);
    setOptions(null);
    onShown?.(null);
    const r = await apiCall<DayResponse>(base, "POST", "/availability/day", { ...source.body, date: d });
    if (mine !== asked.current || gone.current) return;
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
  /** "Try again" after a refusal: the day that failed, or the opening if it was that. */
  const retry = () => {
    onError(null);
    setFailed(null);
    void (today && date ? loadDay(date) : open());
  };

  return { today, last, date, options, none, failed, calendar, loadDay, retry };
}
