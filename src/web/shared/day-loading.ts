import { useEffect, useRef, useState } from "preact/hooks";
import { apiCall } from "./api.js";
import { longDate } from "./dates.js";
import type { Problem } from "./problem.js";
import { problemSentence } from "./problem-sentence.js";
import type { CalendarResponse, DayResponse, Option } from "./types.js";
import { timesSaid } from "./day-labels.js";
import type { DayLoading } from "./day-source.js";

// What a day chooser loads, apart from how it shows it (day-chooser.tsx): the calendar
// once (the first free day, from `openFrom` on when given; the horizon), then a day's
// times each time one is chosen, reloaded on demand. A refused call is said (onError) and
// kept (`failed`), so the chooser can offer a way to put it right or to try again.

export function useDayLoading({
  api,
  source,
  lang,
  labels,
  announce,
  current,
  phone,
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
    onError(problemSentence(p, lang, phone));
    setFailed(p);
  };
  // `signal`: aborted once the asker drops the answer (the date picker, its month left):
  // the request is cancelled, and a failure is not said. Nor once the chooser is gone.
  const calendar = async (from: string | undefined, days: number, signal?: AbortSignal) => {
    const r = await apiCall<CalendarResponse>(
      base,
      "POST",
      "/availability/calendar",
      { ...source.body, ...(from ? { from } : {}), days },
      {},
      signal,
    );
    if (!r.ok && !signal?.aborted && !gone.current) onError(problemSentence(r.problem, lang, phone));
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
    if (gone.current) return; // left while the hold given back was landing: nothing to ask
    const r = await apiCall<CalendarResponse>(base, "POST", "/availability/calendar", { ...source.body, days: 62 });
    if (gone.current) return;
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
