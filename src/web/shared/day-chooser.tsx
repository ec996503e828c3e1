import { useEffect, useRef, useState } from "preact/hooks";
import { DatePicker } from "./date-picker.js";
import { addDays, longDate } from "./dates.js";
import { fill } from "./i18n.js";
import type { Problem } from "./problem.js";
import { withPhone } from "./problem-sentence.js";
import { TimeList } from "./time-list.js";
import type { Option } from "./types.js";
import { type DayChooserLabels, pickerLabels } from "./day-labels.js";
import { useDayLoading } from "./day-loading.js";
import type { DayLoading, DaySetup, DaySource } from "./day-source.js";
import { PhoneText } from "./phone-text.js";

export type { DayChooserLabels, DaySource };

// A day and its times for a visit: opens on the first free day (calendar endpoint; from
// `openFrom` on when given: the manage page opens on the appointment's own day), the date
// picker dialog picks another, the day endpoint lists its times. Used by the manage page's
// reschedule (the appointment's own availability) and by the widget's WhenStep (the
// dealer's, for the visit asked; it adds the hold). What it loads, and when, is
// day-loading.ts; here is how it shows it and where the focus goes.

/** A way back to what a refused call names (the widget's field at fault): its button's words and action. */
export interface Fix {
  label: string;
  go: () => void;
}

/** Whose days, for which visit, in which words, announced how; and where a refusal is put right. */
export interface DayChooserSetup extends DaySetup {
  /**
   * Where a refused calendar or day call can be put right (a field of an earlier step it
   * names), or null: then the chooser offers to try again.
   */
  fixFor?: (p: Problem) => Fix | null;
}

interface Props extends DayChooserSetup, Omit<DayLoading, keyof DaySetup | "reload"> {
  selected: Option | null;
  onSelect: (o: Option | null) => void;
  /** Bump to reload the day (after a refusal: the taken time disappears). */
  reload?: number;
  /** Radio group name of the times. */
  name?: string;
}

export function DayChooser({ fixFor, selected, onSelect, reload = 0, name = "pl-time", ...loading }: Props) {
  const { lang, labels } = loading;
  const { today, last, date, options, none, failed, calendar, loadDay, retry } = useDayLoading({ ...loading, reload });
  const [picking, setPicking] = useState(false);
  const opener = useRef<HTMLButtonElement>(null);
  const again = useRef<HTMLButtonElement>(null);
  const retried = useRef(false);

  // After "Try again", focus goes to what came instead of the button (the day's first
  // control), or back to the button when it failed again: never lost to <body>.
  useEffect(() => {
    if (!retried.current || (!failed && (options === null || !date))) return;
    retried.current = false;
    (failed ? again.current : opener.current)?.focus();
  }, [failed, options, date]);

  if (none)
    return (
      <p>
        <PhoneText text={withPhone(labels.noDays, lang, loading.phone)} phone={loading.phone} />
      </p>
    );
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
              retry();
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
          labels={pickerLabels(labels)}
          min={today}
          max={last ?? addDays(today, 180)}
          initial={date}
          selected={date}
          load={(from, to, signal) =>
            calendar(from, Math.round((Date.parse(to) - Date.parse(from)) / 86_400_000) + 1, signal)
          }
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
