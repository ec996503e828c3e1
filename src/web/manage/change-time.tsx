import type { RefObject } from "preact";
import { useRef, useState } from "preact/hooks";
import type { Announce } from "../shared/announcer.js";
import { apiCall, idempotencyKey } from "../shared/api.js";
import { dateOf, longDate, timeOf } from "../shared/dates.js";
import { FormActions } from "../shared/form-actions.js";
import type { Lang, Translate } from "../shared/i18n.js";
import { TimeChooser, useTimeChoice } from "../shared/time-choice.js";
import type { Appointment } from "../shared/types.js";
import { type Key, STRINGS } from "./strings.js";
import { PhoneText } from "../shared/phone-text.js";

// The manage page's "change date or time": a new time for the same appointment (the day
// list of shared/time-choice.tsx), moved with one reschedule call. The days and times come
// from the appointment's own availability (/v1/manage/{token}/availability/…): the server
// answers with its job as booked (a new customer's longer reception, its mobility, its
// priority), its own slot not in its way, so every time offered is one the move accepts.
// The list opens on the appointment's own day (or the first free one after it). A refused
// time (taken meanwhile) is said in words, with the refusal's alternatives in the API's
// order, and the day is reloaded without it. One press, one move: Move is busy while its
// call runs, and a second press (double click, Enter twice) sends nothing.

interface Props {
  api: string;
  /** The appointment's manage path (/v1/manage/{token}). */
  path: string;
  /** The appointment's reception start: not offered again, and its day is the one opened. */
  current: string;
  /** The dealer's number, said where a sentence asks the customer to call. */
  phone?: string;
  lang: Lang;
  t: Translate<Key>;
  announce: Announce;
  heading: RefObject<HTMLHeadingElement | null>;
  onMoved: (a: Appointment, said: string) => void;
  onKeep: () => void;
}

export function ChangeTime({ api, path, current, phone, lang, t, announce, heading, onMoved, onKeep }: Props) {
  const choice = useTimeChoice({
    api,
    source: { path, body: {} },
    current,
    phone,
    lang,
    labels: STRINGS[lang],
    announce,
  });
  const [busy, setBusy] = useState(false);
  // The state above disables the button only once the page has re-rendered: a second
  // press before that (a double click) is stopped here.
  const sending = useRef(false);
  const move = async (e: Event) => {
    e.preventDefault();
    if (sending.current) return;
    const picked = choice.picked();
    if (!picked) return;
    sending.current = true;
    setBusy(true);
    choice.setError(null);
    const r = await apiCall<Appointment>(
      api,
      "POST",
      `${path}/reschedule`,
      { optionId: picked.optionId },
      { "Idempotency-Key": idempotencyKey() },
    );
    sending.current = false;
    setBusy(false);
    if (r.ok)
      return onMoved(
        r.data,
        t("moved", { day: longDate(dateOf(r.data.reception.start), lang), time: timeOf(r.data.reception.start) }),
      );
    choice.refused(r.problem);
  };
  return (
    <form onSubmit={move} aria-labelledby="pl-change-h" aria-busy={busy ? "true" : undefined} noValidate>
      <h2 id="pl-change-h" ref={heading} tabIndex={-1}>
        {t("changeTitle")}
      </h2>
      {choice.error && (
        <p class="pl-error" role="alert">
          <PhoneText text={choice.error} phone={phone} />
        </p>
      )}
      <TimeChooser choice={choice} openFrom={dateOf(current)} />
      <FormActions submit={t("move")} back={t("keep")} onBack={onKeep} busy={busy} />
    </form>
  );
}
