import { useState } from "preact/hooks";
import { timeOf } from "../shared/dates.js";
import { board, refusalOf, type Refusal } from "./api.js";
import { Dialog } from "./dialog.js";
import { t } from "./i18n.js";
import { RefusalView } from "./refusal-view.js";
import type { DayBoard, Session } from "./types.js";

const WORK = ["service", "maintenance", "diagnosis", "tyres", "bodywork", "recall"];

// A customer at the desk without an appointment: now or the nearest gap (past the buffer
// caps if need be, recorded as forced), booked in one step.
export function WalkInDialog({
  session,
  day,
  onDone,
}: {
  session: Session;
  day: DayBoard;
  onDone: (m?: string) => void;
}) {
  const [name, setName] = useState("");
  const [phone, setPhone] = useState("");
  const [model, setModel] = useState("");
  const [work, setWork] = useState("service");
  const [refusal, setRefusal] = useState<Refusal | null>(null);
  const submit = async (e: Event) => {
    e.preventDefault();
    setRefusal(null);
    const body = { vehicle: { model }, interventions: [work], customer: { name, ...(phone ? { phone } : {}) } };
    try {
      const plan = await board.reshuffle(session, "walk-in", body);
      const applied = await board.reshuffle(session, "walk-in", { ...body, mode: "apply", planToken: plan.planToken });
      onDone(t("walkInBooked", { time: applied.walkIn ? timeOf(applied.walkIn.reception.start) : "" }));
    } catch (err) {
      setRefusal(refusalOf(err));
    }
  };
  return (
    <Dialog title={t("walkInTitle")} onClose={() => onDone()}>
      <form onSubmit={submit}>
        <label>
          {t("customerName")}
          <input required value={name} onInput={(e) => setName(e.currentTarget.value)} />
        </label>
        <label>
          {t("phone")}
          <input type="tel" value={phone} onInput={(e) => setPhone(e.currentTarget.value)} />
        </label>
        <label>
          {t("model")}
          <input required value={model} onInput={(e) => setModel(e.currentTarget.value)} />
        </label>
        <label>
          {t("work")}
          <select value={work} onChange={(e) => setWork(e.currentTarget.value)}>
            {WORK.map((w) => (
              <option key={w} value={w}>
                {w}
              </option>
            ))}
          </select>
        </label>
        {refusal && <RefusalView refusal={refusal} />}
        <button type="submit" class="primary">
          {t("planWalkIn")}
        </button>
      </form>
    </Dialog>
  );
}
