import { useState } from "preact/hooks";
import { apiCall } from "../shared/api.js";
import { DayChooser } from "../shared/day-chooser.js";
import { Alternatives } from "../shared/alternatives.js";
import { dateOf, zoneNote } from "../shared/dates.js";
import type { Problem } from "../shared/problem.js";
import { problemSentence } from "../shared/problem-sentence.js";
import type { Hold, Option, VisitQuery } from "../shared/types.js";
import { FieldError } from "./fields.js";
import type { StepProps } from "./step-props.js";
import { STRINGS } from "./strings.js";

// Day and time: the first free day is shown at once; "Choose another day" opens the date
// picker over the calendar endpoint; the day's times come from the day endpoint
// (shared/day-chooser.tsx). Continue places a hold on the chosen time, so nobody else is
// offered it while the customer types. A time lost meanwhile (409) is said in words,
// with the 409's alternatives, and the day list is reloaded without it.

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

export function WhenStep({
  t,
  lang,
  dealer,
  heading,
  api,
  visit,
  chosen,
  lost,
  announce,
  onBack,
  beforeHold,
  onHeld,
}: Props) {
  const [selected, setSelected] = useState<Option | null>(lost ? null : chosen);
  const [error, setError] = useState<string | null>(lost ? problemSentence(lost.problem, lang) : null);
  const [alternatives, setAlternatives] = useState<Option[]>(lost?.alternatives ?? []);
  const [busy, setBusy] = useState(false);
  const [reload, setReload] = useState(0);

  const cont = async (e: Event) => {
    e.preventDefault();
    if (!selected) return setError(t("pickTime"));
    setBusy(true);
    setError(null);
    beforeHold();
    const r = await apiCall<Hold>(api, "POST", `/v1/dealers/${encodeURIComponent(dealer.id)}/holds`, {
      optionId: selected.optionId,
      ...visit,
    });
    setBusy(false);
    if (r.ok) return onHeld(r.data);
    setError(problemSentence(r.problem, lang));
    if (Array.isArray(r.problem.alternatives)) setAlternatives(r.problem.alternatives as Option[]);
    setSelected(null);
    setReload((n) => n + 1);
  };

  const zone = zoneNote(dealer.timeZone, lang);
  return (
    <form onSubmit={cont} noValidate>
      <h2 ref={heading} tabIndex={-1}>
        {t("whenTitle")}
      </h2>
      {zone && <p class="pl-note">{t("zone", { zone })}</p>}
      <FieldError id="pl-when-err" text={error} />
      <Alternatives
        options={alternatives}
        selected={selected}
        onSelect={setSelected}
        lang={lang}
        legend={t("alternativesTitle")}
        intro={t("alternativesIntro")}
        quiet={t("quiet")}
      />
      <p class="pl-hint">{t("quietNote")}</p>
      <DayChooser
        api={api}
        dealerId={dealer.id}
        visit={visit}
        lang={lang}
        labels={STRINGS[lang]}
        announce={announce}
        selected={selected}
        onSelect={setSelected}
        onError={setError}
        reload={reload}
        initialDate={chosen ? dateOf(chosen.start) : null}
      />
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
