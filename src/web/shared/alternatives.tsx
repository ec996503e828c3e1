import { dateOf, shortDate, timeOf } from "./dates.js";
import type { Lang } from "./i18n.js";
import type { Option } from "./types.js";

// The alternatives a 409 carries (slot_unavailable, rule_violation), as a radio group:
// they may be on other days, so each says its day.

interface Props {
  options: Option[];
  selected: Option | null;
  onSelect: (o: Option) => void;
  lang: Lang;
  legend: string;
  intro?: string;
  quiet: string;
}

export function Alternatives({ options, selected, onSelect, lang, legend, intro, quiet }: Props) {
  if (options.length === 0) return null;
  return (
    <fieldset>
      <legend>{legend}</legend>
      {intro && <p class="pl-muted">{intro}</p>}
      {options.map((o) => (
        <label class="pl-check" key={o.optionId}>
          <input type="radio" name="pl-alt" checked={selected?.optionId === o.optionId} onChange={() => onSelect(o)} />
          <span>
            {shortDate(dateOf(o.start), lang)}, {timeOf(o.start)}
            {o.quiet && <span class="pl-quiet"> · {quiet}</span>}
          </span>
        </label>
      ))}
    </fieldset>
  );
}
