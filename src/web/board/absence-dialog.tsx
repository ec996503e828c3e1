import { useState } from "preact/hooks";
import { board } from "./api.js";
import { Dialog, type DayDialogProps } from "./dialog.js";
import { AdvisorSelect, Field } from "./fields.js";
import { t } from "./i18n.js";
import { PlanDiff } from "./plan-diff.js";
import { RefusalView, useRefusal } from "./refusal-view.js";
import type { Plan } from "./types.js";

// An advisor is absent (ill, called away) or gone for part of the day: the re-plan keeps
// each customer's time with a colleague first, and lists whom to call.
export function AbsenceDialog({ session, day, onDone }: DayDialogProps) {
  const [advisorId, setAdvisorId] = useState(day.advisors[0]?.id ?? "");
  const [from, setFrom] = useState("08:00");
  const [until, setUntil] = useState("19:00");
  const [reason, setReason] = useState("");
  const [plan, setPlan] = useState<Plan | null>(null);
  const { refusal, attempt } = useRefusal();
  const body = () => ({
    advisorId,
    start: `${day.date}T${from}`,
    end: `${day.date}T${until}`,
    ...(reason ? { reason } : {}),
  });
  const show = (e: Event) => {
    e.preventDefault();
    void attempt(async () => setPlan(await board.reshuffle(session, "absence", body())));
  };
  return (
    <Dialog title={t("absenceTitle")} onClose={() => onDone()}>
      <form onSubmit={show}>
        <AdvisorSelect
          name="advisor"
          advisors={day.advisors}
          value={advisorId}
          onValue={(id) => (setAdvisorId(id), setPlan(null))}
        />
        <Field label={t("from2")} type="time" required value={from} onValue={setFrom} />
        <Field label={t("until")} type="time" required value={until} onValue={setUntil} />
        <Field label={t("reason")} value={reason} onValue={setReason} />
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
          onApplied={(p) => onDone(p.moves.length === 1 ? t("applied1") : t("applied", { n: p.moves.length }))}
        />
      )}
    </Dialog>
  );
}
