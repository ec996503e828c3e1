import { t } from "./i18n.js";
import type { DayBoard } from "./types.js";

// The labelled advisor chooser of the move and absence dialogs (one markup, one label).
export function AdvisorSelect(props: { advisors: DayBoard["advisors"]; value: string; onChange: (id: string) => void; name?: string }) {
  return (
    <label>
      {t("newAdvisor")}
      <select name={props.name} value={props.value} onChange={(e) => props.onChange(e.currentTarget.value)}>
        {props.advisors.map((a) => (
          <option key={a.id} value={a.id}>
            {a.name}
          </option>
        ))}
      </select>
    </label>
  );
}
