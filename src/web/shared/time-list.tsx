import { isMorning, timeOf } from "./dates.js";
import type { Option } from "./types.js";

// The chosen day's times, grouped morning / afternoon, one radio per start (a radio group:
// arrows move, Tab leaves; choosing commits nothing until the page's Continue button).
// Quiet times carry a visible and a spoken mark.

export interface TimeListLabels {
  morning: string;
  afternoon: string;
  quiet: string;
  withAdvisor: string; // "with {name}"
}

interface Props {
  options: Option[];
  selected: string | null;
  labels: TimeListLabels;
  onChoose: (optionId: string) => void;
  /** Radio group name, unique per page. */
  name: string;
}

export function TimeList({ options, selected, labels, onChoose, name }: Props) {
  const groups = [
    { legend: labels.morning, list: options.filter((o) => isMorning(o.start)) },
    { legend: labels.afternoon, list: options.filter((o) => !isMorning(o.start)) },
  ].filter((g) => g.list.length > 0);
  return (
    <div>
      {groups.map((g) => (
        <fieldset key={g.legend}>
          <legend>{g.legend}</legend>
          <div class="pl-times">
            {g.list.map((o) => (
              <label class="pl-time" key={o.optionId}>
                <input
                  type="radio"
                  name={name}
                  value={o.optionId}
                  data-start={o.start}
                  checked={selected === o.optionId}
                  onChange={() => onChoose(o.optionId)}
                />
                <span>{timeOf(o.start)}</span>
                {o.quiet && <span class="pl-quiet">· {labels.quiet}</span>}
              </label>
            ))}
          </div>
        </fieldset>
      ))}
    </div>
  );
}
