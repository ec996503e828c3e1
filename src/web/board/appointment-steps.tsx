import { timeOf } from "../shared/dates.js";
import type { Action } from "../../core/status.js";
import { board } from "./api.js";
import { t } from "./i18n.js";
import type { Attempt } from "./refusal-view.js";
import { serverNowMs } from "./server-clock.js";
import { ConfirmStep } from "./confirm-step.js";
import { stepAsk, stepDone } from "./step-words.js";
import { stepsOf } from "./steps.js";
import type { Session, Slot } from "./types.js";

// The appointment dialog's lifecycle steps: one button per step the appointment may take
// now. The buttons are stepsOf (steps.ts): the server's own transition table and timing
// rule. A step done closes the dialog with the sentence of what was done. A cancel and a
// no-show, which the board cannot take back, are asked again first (confirm-step.tsx):
// they used to act on one keypress, the customer told at once.

const LABELS: Record<Action, "confirm" | "checkIn" | "noShow" | "complete" | "cancel"> = {
  confirm: "confirm",
  "check-in": "checkIn",
  "no-show": "noShow",
  complete: "complete",
  cancel: "cancel",
};
const labelOf = (action: Action, status: string) =>
  action === "check-in" && status === "no_show" ? "checkInLate" : LABELS[action];

interface Props {
  session: Session;
  slot: Slot;
  /** The dealer's time zone: check-in opens on the reception's day there. */
  timeZone: string;
  /** Who the appointment is, for the sentence of the step done. */
  who: string;
  busy: boolean;
  attempt: Attempt;
  onDone: (message?: string) => void;
}

export function StepButtons({ session, slot, timeZone, who, busy, attempt, onDone }: Props) {
  // A step keeps the refusal shown meanwhile (the force form is what was used).
  const step = (action: Action) =>
    attempt(async () => {
      await board.action(session, slot.appointmentId, action, slot.version);
      onDone(stepDone(action, timeOf(slot.start), who));
    }, true);
  return (
    <div class="actions">
      {stepsOf(slot, serverNowMs(), timeZone).map((action) =>
        action === "cancel" || action === "no-show" ? (
          <ConfirmStep
            key={action}
            name={action}
            label={t(labelOf(action, slot.status))}
            {...stepAsk(action, timeOf(slot.start), who)}
            busy={busy}
            onYes={() => step(action)}
          />
        ) : (
          <button key={action} type="button" aria-disabled={busy} onClick={() => step(action)}>
            {t(labelOf(action, slot.status))}
          </button>
        ),
      )}
    </div>
  );
}
