import { useState } from "preact/hooks";
import { board } from "./api.js";
import { Dialog, type DayDialogProps } from "./dialog.js";
import { useFieldRefusal } from "./field-refusal.js";
import { AdvisorSelect, SaidField } from "./fields.js";
import { PlanWithdrawn, useFormPlan } from "./form-plan.js";
import { t } from "./i18n.js";
import { PlanDiff } from "./plan-diff.js";
import { RefusalView, useRefusal } from "./refusal-view.js";
import type { Plan } from "./types.js";

// An advisor is absent (ill, called away) or gone for part of the day: the re-plan keeps
// each customer's time with a colleague first, and lists whom to call.
//
// The plan shown is the plan of the form as it was when shown: any edit of the form
// withdraws it (form-plan.ts).
// A refusal that names a field (Until before From) is said under it, which takes the
// focus (field-refusal.ts), and no plan stays shown beside it.

/** The request's fields (errors[].path) → the form's. */
const FIELDS = { advisorId: "advisor", start: "from", end: "until", reason: "reason" } as const;
export function AbsenceDialog({ session, day, onDone }: DayDialogProps) {
  const [advisorId, setAdvisorId] = useState(day.advisors[0]?.id ?? "");
  const [from, setFrom] = useState("08:00");
  const [until, setUntil] = useState("19:00");
  const [reason, setReason] = useState("");
  // The plan with the request it answers: Apply sends that request, never the form's later values.
  const { plan, withdrawn, edited, asking } = useFormPlan<{ plan: Plan; asked: Record<string, string> }>();
  const { refusal, attempt } = useRefusal();
  const { form, wrong, clear, atField, fixing, said } = useFieldRefusal("absence", FIELDS, (f) => t(`wrong_${f}`));
  const body = () => ({
    advisorId,
    start: `${day.date}T${from}`,
    end: `${day.date}T${until}`,
    ...(reason ? { reason } : {}),
  });
  const show = (e: Event) => {
    e.preventDefault();
    const asked = body();
    const settle = asking();
    clear();
    void attempt(async () => {
      const p = await board.reshuffle(session, "absence", asked).catch((err) => {
        settle(null);
        return atField(err);
      });
      if (p) settle({ plan: p, asked });
    });
  };
  return (
    <Dialog title={t("absenceTitle")} onClose={() => onDone()}>
      <form ref={form} onSubmit={show}>
        <AdvisorSelect
          name="advisor"
          advisors={day.advisors}
          value={advisorId}
          onValue={edited(fixing("advisor", setAdvisorId))}
        />
        {wrong?.field === "advisor" && (
          <p class="error" role="alert">
            {wrong.text}
          </p>
        )}
        <SaidField label={t("from2")} type="time" required value={from} {...said("from", edited(setFrom))} />
        <SaidField label={t("until")} type="time" required value={until} {...said("until", edited(setUntil))} />
        <SaidField label={t("reason")} maxLength={200} value={reason} {...said("reason", edited(setReason))} />
        <button type="submit" class="primary">
          {t("planAbsence")}
        </button>
      </form>
      <PlanWithdrawn text={withdrawn} />
      {refusal && <RefusalView refusal={refusal} />}
      {plan && (
        <PlanDiff
          plan={plan.plan}
          day={day}
          onApply={() =>
            board.reshuffle(session, "absence", { ...plan.asked, mode: "apply", planToken: plan.plan.planToken })
          }
          onApplied={(p) => onDone(p.moves.length === 1 ? t("applied1") : t("applied", { n: p.moves.length }))}
        />
      )}
    </Dialog>
  );
}
