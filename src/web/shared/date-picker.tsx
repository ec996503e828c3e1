import { useEffect, useLayoutEffect, useRef, useState } from "preact/hooks";
import {
  addDays,
  addMonths,
  longDate,
  monthEnd,
  monthGrid,
  monthStart,
  monthTitle,
  weekday,
  weekdayNames,
} from "./dates.js";
import { fill, type Lang } from "./i18n.js";
import type { CalendarDay } from "./types.js";
import { type DatePickerLabels, dayClass, dayState } from "./day-state.js";

export type { DatePickerLabels };

// The date picker: the ARIA APG "date picker dialog" pattern over a modal <dialog> (focus
// is trapped, Escape closes, the page behind is inert) holding a grid. Keys on a day:
// arrows ±1 day / ±1 week, Home/End start/end of the week, PageUp/PageDown ±1 month
// (with Shift ±1 year), Enter/Space choose. One day is tabbable (roving tabindex). A day
// without free times stays focusable (aria-disabled) so the keyboard can walk over it.

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
  /** The calendar endpoint for [from, to]. */
  load: (from: string, to: string) => Promise<CalendarDay[] | null>;
  onSelect: (date: string) => void;
  onClose: () => void;
}

const clamp = (d: string, min: string, max: string) => (d < min ? min : d > max ? max : d);

export function DatePicker({ lang, labels, min, max, initial, selected, load, onSelect, onClose }: Props) {
  const dialog = useRef<HTMLDialogElement>(null);
  const grid = useRef<HTMLTableElement>(null);
  const [focus, setFocus] = useState(clamp(initial, min, max));
  const [days, setDays] = useState<Record<string, CalendarDay>>({});
  const [loadedMonths, setLoaded] = useState<Record<string, boolean>>({});
  const month = monthStart(focus);

  // Before the focus effect below (same kind, declaration order): showModal() moves focus
  // to the dialog's first button, and the day must win.
  useLayoutEffect(() => {
    dialog.current?.showModal();
  }, []);
  useEffect(() => {
    if (loadedMonths[month]) return;
    const from = clamp(month, min, max);
    const to = clamp(monthEnd(month), min, max);
    void load(from, to).then((list) => {
      if (list) setDays((d) => ({ ...d, ...Object.fromEntries(list.map((x) => [x.date, x])) }));
      setLoaded((m) => ({ ...m, [month]: true }));
    });
  }, [month]);
  // Focus follows the roving day, in the same frame as the render (a layout effect): a
  // plain effect runs later, and a key pressed meanwhile would land on a removed cell.
  useLayoutEffect(() => {
    grid.current?.querySelector<HTMLElement>(`td[data-date="${focus}"]`)?.focus();
  }, [focus, loadedMonths[month]]);

  const move = (d: string) => setFocus(clamp(d, min, max));
  const onKey = (e: KeyboardEvent, d: string) => {
    const keys: Record<string, () => string> = {
      ArrowLeft: () => addDays(d, -1),
      ArrowRight: () => addDays(d, 1),
      ArrowUp: () => addDays(d, -7),
      ArrowDown: () => addDays(d, 7),
      Home: () => addDays(d, -weekday(d)),
      End: () => addDays(d, 6 - weekday(d)),
      PageUp: () => addMonths(d, e.shiftKey ? -12 : -1),
      PageDown: () => addMonths(d, e.shiftKey ? 12 : 1),
    };
    const next = keys[e.key];
    if (next) {
      e.preventDefault();
      move(next());
    }
  };
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
  const names = weekdayNames(lang, "long");
  const shortNames = weekdayNames(lang, "short");
  const loaded = loadedMonths[month];

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
      <table
        ref={grid}
        role="grid"
        class="pl-grid"
        aria-labelledby="pl-cal-title"
        aria-busy={loaded ? "false" : "true"}
      >
        <thead>
          <tr>
            {names.map((n, i) => (
              <th scope="col" abbr={n} key={n}>
                {shortNames[i].slice(0, 2)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {monthGrid(month).map((week) => (
            <tr key={week.find(Boolean)}>
              {week.map((d, i) =>
                d === null ? (
                  <td key={`pad${i}`} />
                ) : (
                  <DayCell
                    key={d}
                    d={d}
                    info={days[d]}
                    range={{ min, max }}
                    focused={d === focus}
                    selected={d === selected}
                    lang={lang}
                    labels={labels}
                    loaded={!!loaded}
                    onKey={onKey}
                    choose={choose}
                  />
                ),
              )}
            </tr>
          ))}
        </tbody>
      </table>
      <div class="pl-actions">
        <button type="button" class="pl-secondary" onClick={close}>
          {labels.close}
        </button>
      </div>
    </dialog>
  );
}

interface DayProps {
  d: string;
  info: CalendarDay | undefined;
  range: { min: string; max: string };
  focused: boolean;
  selected: boolean;
  loaded: boolean;
  lang: Lang;
  labels: DatePickerLabels;
  onKey: (e: KeyboardEvent, d: string) => void;
  choose: (d: string) => void;
}

// A gridcell as in the APG example (no button inside: aria-selected belongs to the cell).
function DayCell({ d, info, range, focused, selected, loaded, lang, labels, onKey, choose }: DayProps) {
  const { free, state, kind } = dayState(d, info, range, loaded, labels);
  const key = (e: KeyboardEvent) => {
    if (e.key === "Enter" || e.key === " ") {
      e.preventDefault();
      choose(d);
    } else onKey(e, d);
  };
  return (
    <td
      role="gridcell"
      data-date={d}
      tabIndex={focused ? 0 : -1}
      aria-selected={selected ? "true" : "false"}
      aria-disabled={free ? undefined : "true"}
      aria-label={`${longDate(d, lang)}: ${state}`}
      class={dayClass(kind, info?.quiet)}
      onKeyDown={key}
      onClick={() => choose(d)}
    >
      {Number(d.slice(8))}
    </td>
  );
}
