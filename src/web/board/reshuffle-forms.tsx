import { useState } from "preact/hooks";
import { timeOf } from "../shared/dates.js";
import { board } from "./api.js";
import { Choice, Field } from "./fields.js";
import { t } from "./i18n.js";
import { PlanDiff } from "./plan-diff.js";
import type { Attempt } from "./refusal-view.js";
import type { DayBoard, Plan, Session, Slot } from "./types.js";

// The appointment dialog's reshuffles of a reception: "running late" and a swap with
// another reception of the day, each first as a plan to review (PlanDiff), then applied.

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
  const [plan, setPlan] = useState<{ plan: Plan; apply: () => Promise<Plan> } | null>(null);
  const planOf = (kind: "late" | "swap", body: Record<string, unknown>) =>
    attempt(async () => {
      const p = await board.reshuffle(session, kind, body);
      setPlan({
        plan: p,
        apply: () => board.reshuffle(session, kind, { ...body, mode: "apply", planToken: p.planToken }),
      });
    });
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
            <Field label={t("lateMinutes")} type="number" min={1} max={480} required value={late} onValue={setLate} />
            <button type="submit">{t("planLate")}</button>
          </form>
          {others.length > 0 && (
            <form
              onSubmit={(e) => (
                e.preventDefault(), other && planOf("swap", { appointmentIds: [slot.appointmentId, other] })
              )}
            >
              <h3>{t("swapTitle")}</h3>
              <Choice label={t("swapWith")} options={others} blank required value={other} onValue={setOther} />
              <button type="submit">{t("planSwap")}</button>
            </form>
          )}
        </>
      )}
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
