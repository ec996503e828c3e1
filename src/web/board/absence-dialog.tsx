import { useState } from "preact/hooks";
import { board, refusalOf, type Refusal } from "./api.js";
import { Dialog } from "./dialog.js";
import { t } from "./i18n.js";
import { PlanDiff } from "./plan-diff.js";
import { RefusalView } from "./refusal-view.js";
import type { DayBoard, Plan, Session } from "./types.js";

// An advisor is absent (ill, called away) or gone for part of the day: the re-plan keeps
// each customer's time with a colleague first, and lists whom to call.
export function AbsenceDialog({
  session,
  day,
  onDone,
}: {
  session: Session;
  day: DayBoard;
  onDone: (m?: string) => void;
}) {
  const [advisorId, setAdvisorId] = useState(day.advisors[0]?.id ?? "");
  const [from, setFrom] = useState("08:00");
  const [until, setUntil] = useState("19:00");
  const [reason, setReason] = useState("");
  const [plan, setPlan] = useState<Plan | null>(null);
  const [refusal, setRefusal] = useState<Refusal | null>(null);
  const body = () => ({
    advisorId,
    start: `${day.date}T${from}`,
    end: `${day.date}T${until}`,
    ...(reason ? { reason } : {}),
  });
  const show = async (e: Event) => {
    e.preventDefault();
    setRefusal(null);
    try {
      setPlan(await board.reshuffle(session, "absence", body()));
    } catch (err) {
      setRefusal(refusalOf(err));
    }
  };
  return (
    <Dialog title={t("absenceTitle")} onClose={() => onDone()}>
      <form onSubmit={show}>
        <label>
          {t("newAdvisor")}
          <select
            name="advisor"
            value={advisorId}
            onChange={(e) => (setAdvisorId(e.currentTarget.value), setPlan(null))}
          >
            {day.advisors.map((a) => (
              <option key={a.id} value={a.id}>
                {a.name}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t("from2")}
          <input type="time" required value={from} onInput={(e) => setFrom(e.currentTarget.value)} />
        </label>
        <label>
          {t("until")}
          <input type="time" required value={until} onInput={(e) => setUntil(e.currentTarget.value)} />
        </label>
        <label>
          {t("reason")}
          <input value={reason} onInput={(e) => setReason(e.currentTarget.value)} />
        </label>
        <button type="submit" class="primary">
          {t("planAbsence")}
        </button>
      </form>
      {refusal && <RefusalView refusal={refusal} />}
      {plan && (
        <PlanDiff
          plan={plan}
          day={day}
          onApply={() => board.reshuffle(session, "absence", { ...body(), mode: "apply", planToken: plan.planToken })}
          onApplied={(p) => onDone(t("applied", { n: p.moves.length }))}
        />
      )}
    </Dialog>
  );
}
