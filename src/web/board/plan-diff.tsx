import { useEffect, useRef, useState } from "preact/hooks";
import { timeOf } from "../shared/dates.js";
import { refusalOf, type Refusal } from "./refusal.js";
import { t } from "./i18n.js";
import { RefusalView } from "./refusal-view.js";
import type { DayBoard, Move, Plan, SlotView } from "./types.js";

// A reshuffle's dry run as a diff: who moves from where to where, whose customer must be
// told (the time changes) and who cannot be placed; one button applies all of it (the
// plan's token makes the server refuse it if anything changed since). A plan shown takes
// the focus on its heading: drawn below the forms, after the button that asked for it, it
// arrived unsaid, and a keyboard user had to find it several Tabs away.

/** Who an appointment is to a person: the customer's name when the day board has it. */
function whoOf(day: DayBoard, id: string): string {
  for (const a of day.advisors)
    for (const s of a.slots) if (s.appointmentId === id && s.customer?.name) return s.customer.name;
  return `#${id.slice(0, 8)}`;
}

export function PlanDiff({
  plan,
  day,
  onApply,
  onApplied,
}: {
  plan: Plan;
  day: DayBoard;
  onApply: () => Promise<Plan>;
  onApplied: (p: Plan) => void;
}) {
  const [refusal, setRefusal] = useState<Refusal | null>(null);
  const [busy, setBusy] = useState(false);
  const running = useRef(false); // both clicks of a double click land before a render
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), [plan]);
  const advisor = (id: string) => day.advisors.find((a) => a.id === id)?.name ?? id;
  const at = (s: SlotView) =>
    `${s.start.slice(0, 10) === day.date ? "" : `${s.start.slice(5, 10)} `}${timeOf(s.start)} · ${advisor(s.advisorId)}`;
  // The return's line, where the plan changes it: "yes, the return time changes" with no
  // time said which, nor when the car now goes back.
  const returnLine = (m: Move, side: "from" | "to") => {
    const [a, b] = [m.from.return, m.to.return];
    if (a?.start === b?.start && a?.advisorId === b?.advisorId) return null;
    const s = m[side].return;
    return (
      <>
        <br />
        <span class="muted" data-return={side}>
          ↩ {t("return")} {s ? at(s) : "—"}
        </span>
      </>
    );
  };
  const apply = async () => {
    if (running.current || plan.mode === "applied") return;
    running.current = true;
    setBusy(true);
    try {
      onApplied(await onApply());
    } catch (err) {
      setRefusal(refusalOf(err));
    } finally {
      running.current = false;
      setBusy(false);
    }
  };
  return (
    <div class="plan" data-testid="plan">
      <h3 ref={heading} tabIndex={-1}>
        {t("planTitle")}
      </h3>
      {plan.moves.length === 0 && <p>{t("planEmpty")}</p>}
      {plan.moves.length > 0 && (
        <table class="diff">
          <thead>
            <tr>
              <th scope="col">{t("who")}</th>
              <th scope="col">{t("from")}</th>
              <th scope="col">{t("to")}</th>
              <th scope="col">{t("notifyCol")}</th>
            </tr>
          </thead>
          <tbody>
            {plan.moves.map((m) => (
              <tr key={m.appointmentId} data-appointment={m.appointmentId}>
                <td>{whoOf(day, m.appointmentId)}</td>
                <td>
                  {at(m.from.reception)}
                  {returnLine(m, "from")}
                </td>
                <td>
                  {at(m.to.reception)}
                  {m.forced ? ` (${t("forced")})` : ""}
                  {returnLine(m, "to")}
                </td>
                <td>{m.notifyCustomer ? (m.timeChanged ? t("notifyYes") : t("notifyReturn")) : t("notifyNo")}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {plan.contact.length > 0 && (
        <>
          <h4>{t("toContact")}</h4>
          <ul class="plain">
            {plan.contact.map((c) => (
              <li key={c.appointmentId} data-contact={c.appointmentId}>
                {whoOf(day, c.appointmentId)}: {c.reason}
              </li>
            ))}
          </ul>
        </>
      )}
      <p data-testid="notify">{t("notifyList", { n: plan.notify.length })}</p>
      <ul class="plain" aria-label={t("notifyList", { n: plan.notify.length })}>
        {plan.notify.map((id) => (
          <li key={id} data-notify={id}>
            {whoOf(day, id)}
          </li>
        ))}
      </ul>
      {refusal && <RefusalView refusal={refusal} />}
      <div class="actions">
        <button
          type="button"
          class="primary"
          onClick={apply}
          aria-disabled={busy || plan.mode === "applied" ? "true" : undefined}
        >
          {t("apply")}
        </button>
      </div>
    </div>
  );
}
