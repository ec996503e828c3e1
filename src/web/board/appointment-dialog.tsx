import { useEffect, useRef, useState } from "preact/hooks";
import { timeOf } from "../shared/dates.js";
import { reasonIn } from "../shared/recap.js";
import { hhmm, minuteOfDay } from "./minutes.js";
import { board, FORCEABLE, type Refusal } from "./api.js";
import { Dialog, type DayDialogProps } from "./dialog.js";
import { AdvisorSelect, Choice, Field } from "./fields.js";
import { lang, t } from "./i18n.js";
import { PartsList } from "./parts-list.js";
import { OrderPartForm } from "./parts-forms.js";
import { usePartsActions } from "./parts-actions.js";
import { PlanDiff } from "./plan-diff.js";
import { RefusalView, useRefusal } from "./refusal-view.js";
import type { Appointment, Plan, Slot } from "./types.js";
import type { Action } from "../../core/status.js";
import { serverNowMs } from "./server-clock.js";
import { stepsOf } from "./steps.js";
import { stepDone } from "./step-words.js";
import { slotWho } from "./appointment-ref.js";
import type { WalkedIn } from "./walk-in-dialog.js";
import { findSlot, liveSlot } from "./live-slot.js";

/** The day page opens this dialog with a slot (and, after a refused drop, the refusal and where it was dropped). */
export type AppointmentDialogState = {
  kind: "appointment";
  slot: Slot;
  refusal?: Refusal;
  target?: { advisorId: string; minute: number };
};

// One appointment's actions: its lifecycle steps, a move (time and advisor; past the
// buffer caps with a reason when those are all it breaks), "running late" and a swap —
// the last two as a plan to review and apply.

// The buttons are stepsOf (steps.ts): the server's own transition table and timing rule.
const LABELS: Record<Action, "confirm" | "checkIn" | "noShow" | "complete" | "cancel"> = {
  confirm: "confirm",
  "check-in": "checkIn",
  "no-show": "noShow",
  complete: "complete",
  cancel: "cancel",
};
const labelOf = (action: Action, status: string) =>
  action === "check-in" && status === "no_show" ? "checkInLate" : LABELS[action];

interface Props extends DayDialogProps {
  state: AppointmentDialogState;
  details?: Appointment;
  onDetails: (id: string) => void;
  onMove: (slot: Slot, advisorId: string, minute: number) => Promise<void>;
  /**
   * Moved from the dialog: it closes with `message`, and the moved slot takes the focus once
   * the day is redrawn (the slot that opened the dialog may be gone from its row).
   */
  onMoved: (moved: WalkedIn, message: string) => void;
  /** A parts action done: the dialog stays open; the page says `message` and reads the day again. */
  onChanged: (message: string) => void;
}

export function AppointmentDialog({ session, day, state, details, onDetails, onDone, onMoved, onChanged }: Props) {
  // The slot as the day now shows it (live-slot.ts): a colleague's change redraws it here.
  const first = useRef(findSlot(day, state.slot));
  const { slot, changed, gone } = liveSlot(day, state.slot, first.current);
  const owner = day.advisors.find((a) =>
    a.slots.some((s) => s.appointmentId === slot.appointmentId && s.kind === slot.kind),
  );
  const [time, setTime] = useState(hhmm(state.target?.minute ?? minuteOfDay(slot.start)));
  const [advisorId, setAdvisorId] = useState(state.target?.advisorId ?? owner?.id ?? day.advisors[0].id);
  const [reason, setReason] = useState("");
  const [late, setLate] = useState("15");
  const [other, setOther] = useState("");
  const [plan, setPlan] = useState<{ plan: Plan; apply: () => Promise<Plan> } | null>(null);
  const { refusal, attempt, busy, clear } = useRefusal(state.refusal, onDone);
  // Each reload of the day drops the details it had (they may have changed): ask again.
  useEffect(() => {
    if (!details) onDetails(slot.appointmentId);
  }, [slot.appointmentId, details]);
  // Meanwhile the last ones read stay drawn: a colleague's change (a live reload) must not
  // take the parts list and forms away and draw them afresh, losing what was being typed.
  const lastDetails = useRef(details);
  if (details) lastDetails.current = details;
  const shown = details ?? (lastDetails.current?.id === slot.appointmentId ? lastDetails.current : undefined);

  // Who, beside when: a screen reader hears the dialog's name before its first button.
  const named = shown?.customer?.name || slotWho(slot);
  const title = t("actionsFor", { time: timeOf(slot.start), who: named ? ` · ${named}` : "" });

  // A step or a move keeps the refusal shown meanwhile (the force form is what was used).
  const step = (action: Action) =>
    attempt(async () => {
      await board.action(session, slot.appointmentId, action, slot.version);
      onDone(stepDone(action, timeOf(slot.start), shown?.customer?.name || slotWho(slot)));
    }, true);
  const move = (force: boolean) => {
    const at = { start: `${day.date}T${time}`, advisorId };
    const body = {
      ...(slot.kind === "reception" ? { reception: at } : { return: at }),
      ...(force ? { force: true, reason } : {}),
    };
    return attempt(async () => {
      await board.move(session, slot.appointmentId, slot.version, body);
      onMoved(
        { appointmentId: slot.appointmentId, date: day.date },
        t("moved", { time, advisor: day.advisors.find((a) => a.id === advisorId)?.name ?? advisorId }),
      );
    }, true);
  };
  // The appointment's version as its details were read: a parts write is an appointment change.
  const parts = usePartsActions({
    session,
    appointmentId: slot.appointmentId,
    version: details?.version ?? slot.version,
    shown,
    attempt,
    onChanged,
  });
  const planOf = (kind: "late" | "swap", body: Record<string, unknown>) =>
    attempt(async () => {
      const p = await board.reshuffle(session, kind, body);
      setPlan({
        plan: p,
        apply: () => board.reshuffle(session, kind, { ...body, mode: "apply", planToken: p.planToken }),
      });
    });
  const forceable = refusal !== null && refusal.codes.length > 0 && refusal.codes.every((c) => FORCEABLE.has(c));
  const others = day.advisors.flatMap((a) =>
    a.slots
      .filter((s) => s.kind === "reception" && s.appointmentId !== slot.appointmentId)
      .map((s) => [s.appointmentId, `${timeOf(s.start)} · ${a.name}`] as const),
  );

  if (gone)
    return (
      <Dialog title={title} onClose={() => onDone()}>
        <p role="status" class="notice">
          {t("goneMeanwhile")}
        </p>
      </Dialog>
    );

  return (
    <Dialog title={title} onClose={() => onDone()}>
      <p role="status" class={changed && !busy ? "notice" : "sr-only"}>
        {changed && !busy
          ? t("changedMeanwhile", {
              status: t(`status_${slot.status}` as "status_requested"),
              time: `${timeOf(slot.start)}–${timeOf(slot.end)}`,
            })
          : ""}
      </p>
      <p>
        {t(slot.kind)} {timeOf(slot.start)}–{timeOf(slot.end)} · {owner?.name} ·{" "}
        {t(`status_${slot.status}` as "status_requested")}
        {slot.express ? ` · ${t("express")}` : ""}
        {slot.forced ? ` · ${t("forced")}` : ""}
      </p>
      {shown && (
        <p class="muted">
          {t("customer")}: {shown.customer?.name ?? slot.customer?.name ?? t("unknown")} · {t("phone")}:{" "}
          {shown.customer?.phone ?? slot.customer?.phone ?? t("unknown")} · {t("vehicle")}: {shown.vehicle.model} ·{" "}
          {t("interventions")}: {reasonIn(shown, lang)} · {t("readyAt")} {timeOf(shown.readyAt)}
        </p>
      )}
      <div class="actions">
        {stepsOf(slot, serverNowMs()).map((action) => (
          <button
            key={action}
            type="button"
            class={action === "cancel" || action === "no-show" ? "danger" : ""}
            aria-disabled={busy}
            onClick={() => step(action)}
          >
            {t(labelOf(action, slot.status))}
          </button>
        ))}
      </div>
      {shown?.parts && (
        <PartsList
          parts={shown.parts}
          busy={busy}
          onTry={clear}
          onArrived={parts.arrived}
          onPay={parts.pay}
          onCancel={parts.cancel}
        />
      )}
      {/* In the dialog too: the page's own notice is behind the modal, out of a screen reader's reach. */}
      <p role="status" class={parts.said ? "notice" : "sr-only"} data-said="parts">
        {parts.said}
      </p>
      {shown && <OrderPartForm busy={busy} onTry={clear} onOrder={parts.order} />}
      {refusal && <RefusalView refusal={refusal} />}
      <form onSubmit={(e) => (e.preventDefault(), move(false))}>
        <h3>{t("moveTitle")}</h3>
        <Field label={t("newTime")} type="time" step={300} required value={time} onValue={setTime} />
        <AdvisorSelect advisors={day.advisors} value={advisorId} onValue={setAdvisorId} />
        <button type="submit" class="primary">
          {t("move")}
        </button>
      </form>
      {forceable && (
        <form onSubmit={(e) => (e.preventDefault(), move(true))}>
          <h3>{t("forceTitle")}</h3>
          <p class="muted">{t("forceHelp")}</p>
          <Field label={t("reason")} required value={reason} onValue={setReason} />
          <button type="submit" class="danger">
            {t("forceMove")}
          </button>
        </form>
      )}
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
    </Dialog>
  );
}
