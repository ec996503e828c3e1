import { useEffect, useRef, useState } from "preact/hooks";
import { apiCall } from "../shared/api.js";
import { DatePicker } from "../shared/date-picker.js";
import { addDays, longDate, shortDate, timeOf, zoneNote, dateOf } from "../shared/dates.js";
import type { Problem } from "../shared/problem.js";
import { problemSentence } from "../shared/problem-sentence.js";
import { TimeList } from "../shared/time-list.js";
import type { CalendarResponse, DayResponse, Hold, Option, VisitQuery } from "../shared/types.js";
import { FieldError } from "./simple-steps.js";
import type { StepProps } from "./step-props.js";

// Day and time: the first free day is shown at once; "Choose another day" opens the
// date picker over the calendar endpoint; the day's times come from the day endpoint.
// Continue places a hold on the chosen time (nobody else is offered it while the customer
// types). A time lost meanwhile (409) is said in words, with the 409's alternatives.

interface Props extends StepProps {
  api: string;
  visit: VisitQuery;
  chosen: Option | null;
  lost: { problem: Problem; alternatives: Option[] } | null;
  announce: (m: string) => void;
  onBack: () => void;
  beforeHold: () => void;
  onHeld: (h: Hold) => void;
}

const HORIZON_DAYS = 180;

export function WhenStep({ t, lang, dealer, heading, api, visit, chosen, lost, announce, onBack, beforeHold, onHeld }: Props) {
  const base = `/v1/dealers/${encodeURIComponent(dealer.id)}`;
  const [today, setToday] = useState<string | null>(null);
  const [date, setDate] = useState<string | null>(chosen ? dateOf(chosen.start) : null);
  const [options, setOptions] = useState<Option[] | null>(null);
  const [selected, setSelected] = useState<Option | null>(chosen);
  const [picking, setPicking] = useState(false);
  const [error, setError] = useState<string | null>(lost ? problemSentence(lost.problem, lang) : null);
  const [alternatives, setAlternatives] = useState<Option[]>(lost?.alternatives ?? []);
  const [busy, setBusy] = useState(false);
  const [none, setNone] = useState(false);
  const opener = useRef<HTMLButtonElement>(null);

  const calendar = async (from: string | undefined, days: number) => {
    const r = await apiCall<CalendarResponse>(api, "POST", `${base}/availability/calendar`, { ...visit, ...(from ? { from } : {}), days });
    if (!r.ok) setError(problemSentence(r.problem, lang));
    return r.ok ? r.data.days : null;
  };
  const loadDay = async (d: string) => {
    setDate(d);
    setOptions(null);
    const r = await apiCall<DayResponse>(api, "POST", `${base}/availability/day`, { ...visit, date: d });
    if (!r.ok) return setError(problemSentence(r.problem, lang));
    setOptions(r.data.options);
    announce(r.data.options.length ? t("timesLoaded", { count: r.data.options.length, date: longDate(d, lang) }) : t("noTimes"));
  };

  useEffect(() => {
    void calendar(undefined, 62).then((days) => {
      if (!days || days.length === 0) return;
      setToday(days[0].date);
      const firstFree = days.find((d) => d.bookable)?.date;
      if (date) void loadDay(date);
      else if (firstFree) void loadDay(firstFree);
      else setNone(true);
    });
  }, []);

  const cont = async (e: Event) => {
    e.preventDefault();
    if (!selected) return setError(t("pickTime"));
    setBusy(true);
    setError(null);
    beforeHold();
    const r = await apiCall<Hold>(api, "POST", `${base}/holds`, { optionId: selected.optionId, ...visit });
    setBusy(false);
    if (r.ok) return onHeld(r.data);
    setError(problemSentence(r.problem, lang));
    if (Array.isArray(r.problem.alternatives)) setAlternatives(r.problem.alternatives as Option[]);
    setSelected(null);
    if (date) void loadDay(date);
  };

  const zone = zoneNote(dealer.timeZone, lang);
  return (
    <form onSubmit={cont} noValidate>
      <h2 ref={heading} tabIndex={-1}>
        {t("whenTitle")}
      </h2>
      {zone && <p class="pl-note">{t("zone", { zone })}</p>}
      <FieldError id="pl-when-err" text={error} />
      {alternatives.length > 0 && (
        <fieldset>
          <legend>{t("alternativesTitle")}</legend>
          <p class="pl-muted">{t("alternativesIntro")}</p>
          {alternatives.map((o) => (
            <label class="pl-check" key={o.optionId}>
              <input type="radio" name="pl-alt" checked={selected?.optionId === o.optionId} onChange={() => setSelected(o)} />
              <span>
                {shortDate(dateOf(o.start), lang)}, {timeOf(o.start)}
                {o.quiet && <span class="pl-quiet"> · {t("quiet")}</span>}
              </span>
            </label>
          ))}
        </fieldset>
      )}
      {none && <p>{t("noDays")}</p>}
      {date && (
        <div>
          <h3>{t("day", { date: longDate(date, lang) })}</h3>
          {today && (
            <button type="button" class="pl-secondary" ref={opener} aria-haspopup="dialog" onClick={() => setPicking(true)}>
              {t("chooseDate")}
            </button>
          )}
          <p class="pl-hint">{t("quietNote")}</p>
          {options === null ? (
            <p aria-busy="true">{t("loading")}</p>
          ) : options.length === 0 ? (
            <p>{t("noTimes")}</p>
          ) : (
            <TimeList
              name="pl-time"
              options={options}
              selected={selected?.optionId ?? null}
              labels={{ morning: t("morning"), afternoon: t("afternoon"), quiet: t("quiet"), withAdvisor: t("withAdvisor") }}
              onChoose={(id) => setSelected(options.find((o) => o.optionId === id) ?? null)}
            />
          )}
        </div>
      )}
      {picking && today && (
        <DatePicker
          lang={lang}
          labels={{ title: t("calHelp"), prevMonth: t("prevMonth"), nextMonth: t("nextMonth"), close: t("close"), free: t("calFree"), freeQuiet: t("calQuiet"), full: t("calFull"), loading: t("calLoading") }}
          min={today}
          max={addDays(today, HORIZON_DAYS)}
          initial={date ?? today}
          selected={date ?? undefined}
          load={(from, to) => calendar(from, Math.round((Date.parse(to) - Date.parse(from)) / 86_400_000) + 1)}
          onClose={() => {
            setPicking(false);
            opener.current?.focus();
          }}
          onSelect={(d) => {
            setPicking(false);
            setSelected(null);
            void loadDay(d).then(() => opener.current?.focus());
          }}
        />
      )}
      <div class="pl-actions">
        <button type="submit" disabled={busy}>
          {t("next")}
        </button>
        <button type="button" class="pl-secondary" onClick={onBack}>
          {t("back")}
        </button>
      </div>
    </form>
  );
}
