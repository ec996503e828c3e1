import type { Ref } from "preact";
import { addDays, addMonths, longDate, monthGrid, weekday, weekdayNames } from "./dates.js";
import { type DatePickerLabels, dayClass, dayState } from "./day-state.js";
import type { Lang } from "./i18n.js";
import type { CalendarDay } from "./types.js";

// The date picker's month (date-picker.tsx) as an ARIA grid, as in the APG "date picker
// dialog" example: a row of weekday names, a row per week, one gridcell per day (no
// button inside: aria-selected belongs to the cell). One day is tabbable (roving
// tabindex); the picker moves it and focuses it. A day without free times stays
// focusable (aria-disabled) so the keyboard can walk over it. Keys on a day: arrows ±1
// day / ±1 week, Home/End start/end of the week, PageUp/PageDown ±1 month (with Shift ±1
// year), Enter/Space choose.

/** The day a key moves to from `d` (unclamped); null for a key the grid leaves alone. */
export function dayAfterKey(key: string, shift: boolean, d: string): string | null {
  const keys: Record<string, () => string> = {
    ArrowLeft: () => addDays(d, -1),
    ArrowRight: () => addDays(d, 1),
    ArrowUp: () => addDays(d, -7),
    ArrowDown: () => addDays(d, 7),
    Home: () => addDays(d, -weekday(d)),
    End: () => addDays(d, 6 - weekday(d)),
    PageUp: () => addMonths(d, shift ? -12 : -1),
    PageDown: () => addMonths(d, shift ? 12 : 1),
  };
  return keys[key]?.() ?? null;
}

interface Props {
  gridRef: Ref<HTMLTableElement>;
  month: string;
  lang: Lang;
  labels: DatePickerLabels;
  days: Record<string, CalendarDay>;
  loaded: boolean;
  range: { min: string; max: string };
  /** The roving day (tabindex 0), and the day chosen before (aria-selected). */
  focus: string;
  selected?: string;
  onMove: (d: string) => void;
  onChoose: (d: string) => void;
}

export function DayGrid({
  gridRef,
  month,
  lang,
  labels,
  days,
  loaded,
  range,
  focus,
  selected,
  onMove,
  onChoose,
}: Props) {
  const names = weekdayNames(lang, "long");
  const shortNames = weekdayNames(lang, "short");
  const cell = (d: string) => ({
    d,
    info: days[d],
    range,
    focused: d === focus,
    selected: d === selected,
    loaded,
    lang,
    labels,
    onMove,
    onChoose,
  });
  return (
    <table
      ref={gridRef}
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
            {week.map((d, i) => (d === null ? <td key={`pad${i}`} /> : <DayCell key={d} {...cell(d)} />))}
          </tr>
        ))}
      </tbody>
    </table>
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
  onMove: (d: string) => void;
  onChoose: (d: string) => void;
}

function DayCell({ d, info, range, focused, selected, loaded, lang, labels, onMove, onChoose }: DayProps) {
  const { free, state, kind } = dayState(d, info, range, loaded, labels);
  const key = (e: KeyboardEvent) => {
    if (e.key === "Enter" || e.key === " ") {
      e.preventDefault();
      onChoose(d);
      return;
    }
    const next = dayAfterKey(e.key, e.shiftKey, d);
    if (next) {
      e.preventDefault();
      onMove(next);
    }
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
      onClick={() => onChoose(d)}
    >
      {Number(d.slice(8))}
    </td>
  );
}
