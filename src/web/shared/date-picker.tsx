import { useLayoutEffect, useRef, useState } from "preact/hooks";
import { addMonths, monthStart, monthTitle } from "./dates.js";
import { DayGrid } from "./day-grid.js";
import type { DatePickerLabels } from "./day-state.js";
import type { Lang } from "./i18n.js";
import { clamp, type MonthLoad, useMonthDays } from "./month-days.js";

export type { DatePickerLabels };

// The date picker: the ARIA APG "date picker dialog" pattern over a modal <dialog> (focus
// is trapped, Escape closes, the page behind is inert) holding the month's grid
// (day-grid.tsx: its cells and keys) with buttons to the month before and after. Here:
// the dialog, the roving day (kept between the first and last day that may be chosen) and
// its focus; the month's days are loaded as it is shown (month-days.ts).

interface Props {
  lang: Lang;
  labels: DatePickerLabels;
  /** First and last day that may be chosen (the dealer's today, its horizon). */
  min: string;
  max: string;
  /** The day focused when the dialog opens. */
  initial: string;
  /** The day chosen before, if any (aria-selected). */
  selected?: string;
  /** The calendar endpoint for [from, to]; aborted (and a failure not said) once the month is left. */
  load: MonthLoad;
  onSelect: (date: string) => void;
  onClose: () => void;
}

export function DatePicker({ lang, labels, min, max, initial, selected, load, onSelect, onClose }: Props) {
  const dialog = useRef<HTMLDialogElement>(null);
  const grid = useRef<HTMLTableElement>(null);
  const [focus, setFocus] = useState(clamp(initial, min, max));
  const month = monthStart(focus);
  const { days, loaded } = useMonthDays(month, min, max, load);

  // Before the focus effect below (same kind, declaration order): showModal() moves focus
  // to the dialog's first button, and the day must win. Trap: both stay here, not in the
  // grid: a child's layout effects run before its parent's, so the grid's would lose.
  useLayoutEffect(() => {
    dialog.current?.showModal();
  }, []);
  // Focus follows the roving day, in the same frame as the render (a layout effect): a
  // plain effect runs later, and a key pressed meanwhile would land on a removed cell.
  useLayoutEffect(() => {
    grid.current?.querySelector<HTMLElement>(`td[data-date="${focus}"]`)?.focus();
  }, [focus, loaded]);

  const move = (d: string) => setFocus(clamp(d, min, max));
  // close() first: while the modal is open the page behind is inert, so the caller could
  // not move focus back to its opener.
  const close = () => {
    dialog.current?.close();
    onClose();
  };
  const choose = (d: string) => {
    if (!days[d]?.bookable) return;
    dialog.current?.close();
    onSelect(d);
  };

  return (
    <dialog
      ref={dialog}
      aria-labelledby="pl-cal-title"
      aria-describedby="pl-cal-help"
      onCancel={(e) => (e.preventDefault(), close())}
    >
      <div class="pl-cal-head">
        <button
          type="button"
          class="pl-secondary"
          aria-label={labels.prevMonth}
          disabled={month <= monthStart(min)}
          onClick={() => move(addMonths(focus, -1))}
        >
          ‹
        </button>
        <h2 id="pl-cal-title" aria-live="polite">
          {monthTitle(month, lang)}
        </h2>
        <button
          type="button"
          class="pl-secondary"
          aria-label={labels.nextMonth}
          disabled={month >= monthStart(max)}
          onClick={() => move(addMonths(focus, 1))}
        >
          ›
        </button>
      </div>
      <p id="pl-cal-help" class="pl-sr">
        {labels.title}
      </p>
      <DayGrid
        gridRef={grid}
        month={month}
        lang={lang}
        labels={labels}
        days={days}
        loaded={loaded}
        range={{ min, max }}
        focus={focus}
        selected={selected}
        onMove={move}
        onChoose={choose}
      />
      <div class="pl-actions">
        <button type="button" class="pl-secondary" onClick={close}>
          {labels.close}
        </button>
      </div>
    </dialog>
  );
}
