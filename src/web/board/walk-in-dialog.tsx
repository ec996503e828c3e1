import { useEffect, useState } from "preact/hooks";
import { dateOf, timeOf, weekdayDate } from "../shared/dates.js";
import { defaultInterventions, interventionLabel } from "../shared/recap.js";
import { board } from "./api.js";
import { Dialog, type DayDialogProps } from "./dialog.js";
import { useFieldRefusal } from "./field-refusal.js";
import { Choice, SaidField } from "./fields.js";
import { lang, t } from "./i18n.js";
import { RefusalView, useRefusal } from "./refusal-view.js";

// Until the dealer's catalogue is read (GET /v1/dealers/{id}): the default catalogue.
const DEFAULT_WORK = defaultInterventions(lang);

// A customer at the desk without an appointment: now or the nearest gap (past the buffer
// caps if need be, recorded as forced), booked in one step. The notice always names the
// day as well as the time: the walk-in is booked today, but the board may be showing
// another day, and "at 10:00" read above Tuesday's timeline would say Tuesday. The page
// then shows that day with the focus on the new slot (onBooked: day-page.tsx). A refusal
// that names a field (a phone the server cannot read) is said under it, and it takes the
// focus (field-refusal.ts).

/** The request's fields (errors[].path) → the form's. */
const FIELDS = {
  "customer.name": "name",
  "customer.phone": "phone",
  "vehicle.model": "model",
  vehicle: "model",
  interventions: "work",
} as const;

/** What the page needs of a walk-in just booked (or an appointment just changed) to show it. */
export interface WalkedIn {
  appointmentId: string;
  date: string;
  /** Which of its slots takes the focus: the reception unless said. */
  kind?: "reception" | "return";
}

export function WalkInDialog({
  session,
  onDone,
  onBooked,
}: Omit<DayDialogProps, "day"> & { onBooked: (walkIn: WalkedIn, message: string) => void }) {
  const [name, setName] = useState("");
  const [phone, setPhone] = useState("");
  const [model, setModel] = useState("");
  const [work, setWork] = useState("service");
  // The dealer's own services (its codes and labels; the default ones in the page's language).
  const [catalogue, setCatalogue] = useState<ReadonlyArray<readonly [string, string]>>(DEFAULT_WORK);
  useEffect(() => {
    board
      .dealer(session)
      .then((d) => {
        const own = d.interventions.map((i) => [i.code, interventionLabel(i.code, i.label, lang)] as const);
        if (own.length === 0) return;
        setCatalogue(own);
        setWork((w) => (own.some(([code]) => code === w) ? w : own[0][0]));
      })
      .catch(() => {}); // the default catalogue stays; a booking with an unknown code is refused in words
  }, []);
  const { refusal, attempt } = useRefusal();
  const { form, wrong, clear, atField, fixing, said } = useFieldRefusal("walk-in", FIELDS, (f) => t(`wrong_${f}`));
  const submit = (e: Event) => {
    e.preventDefault();
    clear();
    const body = { vehicle: { model }, interventions: [work], customer: { name, ...(phone ? { phone } : {}) } };
    void attempt(async () => {
      const plan = await board.reshuffle(session, "walk-in", body).catch(atField);
      if (!plan) return;
      const applied = await board.reshuffle(session, "walk-in", { ...body, mode: "apply", planToken: plan.planToken });
      const at = applied.walkIn?.reception.start;
      const message = at ? t("walkInBooked", { day: weekdayDate(dateOf(at), lang), time: timeOf(at) }) : t("done");
      if (at && applied.created) onBooked({ appointmentId: applied.created.id, date: dateOf(at) }, message);
      else onDone(message);
    });
  };
  return (
    <Dialog title={t("walkInTitle")} onClose={() => onDone()}>
      <form ref={form} onSubmit={submit}>
        <SaidField label={t("customerName")} required value={name} {...said("name", setName)} />
        <SaidField label={t("phone")} type="tel" value={phone} {...said("phone", setPhone)} />
        <SaidField label={t("model")} required value={model} {...said("model", setModel)} />
        <Choice label={t("work")} name="work" options={catalogue} value={work} onValue={fixing("work", setWork)} />
        {wrong?.field === "work" && (
          <p class="error" role="alert">
            {wrong.text}
          </p>
        )}
        {refusal && <RefusalView refusal={refusal} />}
        <button type="submit" class="primary">
          {t("planWalkIn")}
        </button>
      </form>
    </Dialog>
  );
}
