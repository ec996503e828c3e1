import type { RefObject } from "preact";
import { apiCall, idempotencyKey } from "../shared/api.js";
import { dateTime } from "../shared/dates.js";
import { FormActions } from "../shared/form-actions.js";
import type { Lang, Translate } from "../shared/i18n.js";
import { TimeChooser, useTimeChoice } from "../shared/time-choice.js";
import type { Appointment, VisitQuery } from "../shared/types.js";
import { type Key, STRINGS } from "./strings.js";

// The manage page's "change date or time": a new time for the same visit (the day list
// of shared/time-choice.tsx), moved with one reschedule call. A refused time is said in
// words, with the refusal's alternatives, and the day is reloaded without it.

interface Props {
  api: string;
  /** The appointment's manage path (/v1/manage/{token}). */
  path: string;
  dealerId: string;
  visit: VisitQuery;
  /** The appointment's reception start: not offered again. */
  current: string;
  lang: Lang;
  t: Translate<Key>;
  announce: (m: string) => void;
  heading: RefObject<HTMLHeadingElement | null>;
  onMoved: (a: Appointment, said: string) => void;
  onKeep: () => void;
}

export function ChangeTime({
  api,
  path,
  dealerId,
  visit,
  current,
  lang,
  t,
  announce,
  heading,
  onMoved,
  onKeep,
}: Props) {
  const choice = useTimeChoice({ api, dealerId, visit, current, lang, labels: STRINGS[lang], announce });
  const move = async (e: Event) => {
    e.preventDefault();
    const picked = choice.picked();
    if (!picked) return;
    const r = await apiCall<Appointment>(
      api,
      "POST",
      `${path}/reschedule`,
      { optionId: picked.optionId },
      { "Idempotency-Key": idempotencyKey() },
    );
    if (r.ok) return onMoved(r.data, t("moved", { when: dateTime(r.data.reception.start, lang) }));
    choice.refused(r.problem);
  };
  return (
    <form onSubmit={move} aria-labelledby="pl-change-h" noValidate>
      <h2 id="pl-change-h" ref={heading} tabIndex={-1}>
        {t("changeTitle")}
      </h2>
      {choice.error && (
        <p class="pl-error" role="alert">
          {choice.error}
        </p>
      )}
      <TimeChooser choice={choice} />
      <FormActions submit={t("move")} back={t("keep")} onBack={onKeep} />
    </form>
  );
}
