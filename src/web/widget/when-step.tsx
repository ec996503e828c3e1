import { useState } from "preact/hooks";
import type { Announce } from "../shared/announcer.js";
import { apiCall, dealerPath } from "../shared/api.js";
import { dateOf, timeOf, weekdayDate, zoneNote } from "../shared/dates.js";
import type { Lang, Translate } from "../shared/i18n.js";
import type { Problem } from "../shared/problem.js";
import { TimeChooser, useTimeChoice } from "../shared/time-choice.js";
import type { Hold, Option, VisitQuery } from "../shared/types.js";
import { fieldStep } from "./fault-step.js";
import { FieldError } from "./fields.js";
import { Nav } from "./nav.js";
import type { StepProps, VisitStep } from "./step-props.js";
import { type Key, STRINGS } from "./strings.js";

// Day and time: the first free day is shown at once; "Choose another day" opens the date
// picker over the calendar endpoint; the day's times come from the day endpoint
// (shared/day-chooser.tsx). Continue places a hold on the chosen time, so nobody else is
// offered it while the customer types. A time lost meanwhile (409) is said in words,
// with the 409's alternatives, and the day list is reloaded without it.

/** "You had chosen Tuesday 24 November at 10:00…": a time chosen before the visit changed. */
export const timeAgain = (t: Translate<Key>, lang: Lang, o: Option) =>
  t("timeAgain", { day: weekdayDate(dateOf(o.start), lang), time: timeOf(o.start) });

/** The words of the way back to each earlier step. */
const FIX_LABELS = { service: "fixServices", vehicle: "fixVehicle", mobility: "fixMobility" } as const;

interface Props extends StepProps {
  api: string;
  visit: VisitQuery;
  chosen: Option | null;
  /** A time chosen before the visit changed: not chosen now, named; the first free day from its day opens. */
  before: Option | null;
  /** The hold given back on the way here, in flight: the day's times are asked after it. */
  released: Promise<unknown>;
  lost: { problem: Problem; alternatives: Option[] } | null;
  announce: Announce;
  onBack: () => void;
  /** Back to the step whose answer the API refused (the problem said there, at its field). */
  onFix: (step: VisitStep, p: Problem) => void;
  /** Gives back the hold this step replaces; the new one is asked once that is done. */
  beforeHold: () => Promise<unknown>;
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
  before,
  released,
  lost,
  announce,
  onBack,
  onFix,
  beforeHold,
  onHeld,
}: Props) {
  // A search refused for something said on an earlier step (which can only happen if the
  // API's rules and the widget's disagree): a button back to it, not a retry.
  const fixFor = (p: Problem) => {
    const to = fieldStep(p);
    return to ? { label: t(FIX_LABELS[to]), go: () => onFix(to, p) } : null;
  };
  const choice = useTimeChoice(
    {
      api,
      source: { path: dealerPath(dealer.id), body: visit, after: released },
      phone: dealer.phone,
      lang,
      labels: STRINGS[lang],
      announce,
      fixFor,
    },
    { chosen, lost },
  );
  const [busy, setBusy] = useState(false);

  const cont = async (e: Event) => {
    e.preventDefault();
    const picked = choice.picked();
    if (!picked) return;
    setBusy(true);
    choice.setError(null);
    await beforeHold();
    const r = await apiCall<Hold>(api, "POST", `${dealerPath(dealer.id)}/holds`, {
      optionId: picked.optionId,
      ...visit,
    });
    setBusy(false);
    if (r.ok) return onHeld(r.data);
    // A hold refused for an earlier step's answer (the dealer's catalogue changed since the
    // times were listed): back to that step, which says why. A time refused for its
    // mobility stays here, with the 409's alternatives (times that still have it).
    const to = fieldStep(r.problem);
    if (to) return onFix(to, r.problem);
    choice.refused(r.problem);
  };

  const zone = zoneNote(dealer.timeZone, lang);
  return (
    <form onSubmit={cont} noValidate>
      <h2 ref={heading} tabIndex={-1}>
        {t("whenTitle")}
      </h2>
      {zone && <p class="pl-note">{t("zone", { zone })}</p>}
      {before && !chosen && <p class="pl-note">{timeAgain(t, lang, before)}</p>}
      {/* A new element per refusal: an alert is read as it appears, even in the same words. */}
      <FieldError
        key={`${choice.refusals}-${choice.errorIsNew}`}
        id="pl-when-err"
        text={choice.error}
        live={choice.errorIsNew}
        phone={dealer.phone}
      />
      <TimeChooser
        choice={choice}
        intro={t("alternativesIntro")}
        hint={t("quietNote")}
        initialDate={chosen ? dateOf(chosen.start) : null}
        openFrom={before ? dateOf(before.start) : null}
      />
      <Nav t={t} onBack={onBack} busy={busy} />
    </form>
  );
}
