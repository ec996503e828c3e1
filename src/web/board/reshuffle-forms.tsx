import { useState } from "preact/hooks";
import { timeOf } from "../shared/dates.js";
import { board } from "./api.js";
import { Choice, Field } from "./fields.js";
import { PlanWithdrawn, useFormPlan } from "./form-plan.js";
import { t } from "./i18n.js";
import { PlanDiff } from "./plan-diff.js";
import type { Attempt } from "./refusal-view.js";
import type { DayBoard, Plan, Session, Slot } from "./types.js";

// The appointment dialog's reshuffles of a reception: "running late" and a swap with
// another reception of the day, each first as a plan to review (PlanDiff), then applied.
// An edit of either form withdraws the plan shown (form-plan.ts): it no longer answers
// what the forms say.

interface Props {
  session: Session;
  day: DayBoard;
  slot: Slot;
  attempt: Attempt;
  /** The plan applied: the dialog closes with its sentence. */
  onDone: (message?: string) => void;
}

export function ReshuffleForms({ session, day, slot, attempt, onDone }: Props) {
  const [late, setLate] = useState("15");
  const [other, setOther] = useState("");
  const { plan, withdrawn, edited, asking } = useFormPlan<{ plan: Plan; apply: () => Promise<Plan> }>();
  const planOf = (kind: "late" | "swap", body: Record<string, unknown>) => {
    const settle = asking();
    return attempt(async () => {
      const p = await board.reshuffle(session, kind, body).catch((err) => {
        settle(null); // a refusal: no plan stays shown beside it
        throw err;
      });
      settle({
        plan: p,
        apply: () => board.reshuffle(session, kind, { ...body, mode: "apply", planToken: p.planToken }),
      });
    });
  };
  const others = day.advisors.flatMap((a) =>
    a.slots
      .filter((s) => s.kind === "reception" && s.appointmentId !== slot.appointmentId)
      .map((s) => [s.appointmentId, `${timeOf(s.start)} · ${a.name}`] as const),
  );
  return (
    <>
      {slot.kind === "reception" && (
        <>
          <form
            onSubmit={(e) => (
              e.preventDefault(), planOf("late", { appointmentId: slot.appointmentId, minutes: Number(late) })
            )}
          >
            <h3>{t("lateTitle")}</h3>
            <Field
              label={t("lateMinutes")}
              type="number"
              min={1}
              max={480}
              required
              value={late}
              onValue={edited(setLate)}
            />
            <button type="submit">{t("planLate")}</button>
          </form>
          {others.length > 0 && (
            <form
              onSubmit={(e) => (
                e.preventDefault(), other && planOf("swap", { appointmentIds: [slot.appointmentId, other] })
              )}
            >
              <h3>{t("swapTitle")}</h3>
              <Choice label={t("swapWith")} options={others} blank required value={other} onValue={edited(setOther)} />
              <button type="submit">{t("planSwap")}</button>
            </form>
          )}
        </>
      )}
      <PlanWithdrawn text={withdrawn} />
      {plan && (
        <PlanDiff
          plan={plan.plan}
          day={day}
          onApply={plan.apply}
          onApplied={(p) => onDone(p.moves.length === 1 ? t("applied1") : t("applied", { n: p.moves.length }))}
        />
      )}
    </>
  );
}
