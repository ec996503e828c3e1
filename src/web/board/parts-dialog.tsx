import { useEffect, useRef, useState } from "preact/hooks";
import { AppointmentParts } from "./appointment-parts.js";
import { Dialog } from "./dialog.js";
import { t } from "./i18n.js";
import { pt } from "./parts-words.js";
import { ReadFailed } from "./read-failed.js";
import { RefusalView, useRefusal } from "./refusal-view.js";
import type { Appointment, Session } from "./types.js";

// An appointment's parts in a dialog of their own, opened from a desk task about them
// (tasks.ts PARTS_TASKS) when the appointment's own dialog is on no day shown: a cancelled
// appointment is on no day's board, and its parts could be cancelled only through the API.
// The same list, buttons and confirmations as the appointment dialog's (appointment-parts.tsx);
// no order form for a cancelled appointment (the server orders nothing for it). After each
// action the dialog stays open, the page says what was done and reads the day, the tasks
// and these details again; closed, the focus goes back to the task's button or, when the
// task closed itself meanwhile (its last part cancelled: nothing left to call about), to
// the Tasks panel's heading.

export type PartsDialogState = { kind: "parts"; appointmentId: string; who: string };

interface Props {
  session: Session;
  state: PartsDialogState;
  /** The appointment as last read by the page (dropped at each reload: read again). */
  details?: Appointment;
  /** Reads the appointment into the page's details; rejects with a sentence. */
  onRead: (id: string) => Promise<void>;
  onDone: (message?: string) => void;
  /** A parts action done: the page says `message` and reads the day again. */
  onChanged: (message: string) => void;
}

export function PartsDialog({ session, state, details, onRead, onDone, onChanged }: Props) {
  const { appointmentId, who } = state;
  const { refusal, attempt, busy, clear } = useRefusal(null, onDone);
  const [failed, setFailed] = useState("");
  // Rejects when it fails (the sentence is set first): "Try again" says it again.
  const read = () =>
    onRead(appointmentId).then(
      () => setFailed(""),
      (err: Error) => {
        setFailed(err.message);
        throw err;
      },
    );
  useEffect(() => {
    if (!details) read().catch(() => {});
  }, [appointmentId, details]);
  // The last details read stay drawn while new ones are asked (a reload after each action).
  const last = useRef(details);
  if (details) last.current = details;
  const shown = details ?? last.current;
  return (
    <Dialog title={pt("partsFor", { who })} onClose={() => onDone()} returnTo="tasks-title">
      {shown ? (
        <p class="muted">
          {t("customer")}: {shown.customer?.name ?? t("unknown")} · {t("phone")}:{" "}
          {shown.customer?.phone ?? t("unknown")} · {t("vehicle")}: {shown.vehicle.model ?? t("unknown")} ·{" "}
          {t(`status_${shown.status}` as "status_requested")}
        </p>
      ) : (
        !failed && <p role="status">{pt("readingParts")}</p>
      )}
      {failed && <ReadFailed sentence={pt("partsUnread", { why: failed })} onRetry={read} />}
      {shown?.parts?.length === 0 && <p>{pt("noParts")}</p>}
      <AppointmentParts
        session={session}
        appointmentId={appointmentId}
        version={shown?.version ?? 0}
        shown={shown}
        busy={busy}
        attempt={attempt}
        clear={clear}
        onChanged={onChanged}
        canOrder={shown?.status !== "cancelled"}
      />
      {refusal && <RefusalView refusal={refusal} />}
    </Dialog>
  );
}
