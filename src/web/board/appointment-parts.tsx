import { PartsList } from "./parts-list.js";
import { OrderPartForm } from "./parts-forms.js";
import { usePartsActions } from "./parts-actions.js";
import type { Attempt } from "./refusal-view.js";
import type { Appointment, Session } from "./types.js";

// The appointment dialog's parts: the list of orders with their buttons, what the last
// parts action did (said in the dialog too: the page's own notice is behind the modal,
// out of a screen reader's reach), and the form to order one more.

interface Props {
  session: Session;
  appointmentId: string;
  /** The appointment's version as the dialog last read it: a parts write is an appointment change. */
  version: number;
  /** The details drawn (the last read, while new ones are asked). */
  shown?: Appointment;
  busy: boolean;
  /** The dialog's one call at a time, its refusal said in words. */
  attempt: Attempt;
  /** The dialog's last refusal taken back: a form the page stops before any call. */
  clear: () => void;
  /** A parts action done: the dialog stays open; the page says `message` and reads the day again. */
  onChanged: (message: string) => void;
  /** The order form: not for a cancelled appointment (the server orders nothing for it). */
  canOrder?: boolean;
}

export function AppointmentParts(props: Props) {
  const { session, appointmentId, version, shown, busy, attempt, clear, onChanged, canOrder = true } = props;
  const parts = usePartsActions({ session, appointmentId, version, shown, attempt, onChanged });
  return (
    <>
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
      <p role="status" class={parts.said ? "notice" : "sr-only"} data-said="parts">
        {parts.said}
      </p>
      {shown && canOrder && (
        <OrderPartForm currency={session.currency} busy={busy} onTry={clear} onOrder={parts.order} />
      )}
    </>
  );
}
