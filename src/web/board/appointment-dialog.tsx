import { useEffect, useRef } from "preact/hooks";
import { timeOf } from "../shared/dates.js";
import { FORCEABLE, type Refusal } from "./refusal.js";
import { AppointmentParts } from "./appointment-parts.js";
import { slotWho } from "./appointment-ref.js";
import { StepButtons } from "./appointment-steps.js";
import { AppointmentSummary } from "./appointment-summary.js";
import { Dialog, type DayDialogProps } from "./dialog.js";
import { t } from "./i18n.js";
import { findSlot, liveSlot } from "./live-slot.js";
import { MoveForms } from "./move-forms.js";
import { ReadFailed } from "./read-failed.js";
import { RefusalView, useRefusal } from "./refusal-view.js";
import { ReshuffleForms } from "./reshuffle-forms.js";
import type { Appointment, Slot } from "./types.js";
import type { WalkedIn } from "./walk-in-dialog.js";

/** The day page opens this dialog with a slot (and, after a refused drop, the refusal and where it was dropped). */
export type AppointmentDialogState = {
  kind: "appointment";
  slot: Slot;
  refusal?: Refusal;
  target?: { advisorId: string; minute: number };
};

// One appointment's actions: its lifecycle steps (appointment-steps.tsx), its parts
// (appointment-parts.tsx), a move (time and advisor; past the buffer caps with a reason
// when those are all it breaks: move-forms.tsx), "running late" and a swap — the last two
// as a plan to review and apply (reshuffle-forms.tsx). One refusal for them all, said
// between the parts and the move (useRefusal: one call at a time). Details that could not
// be read (network, 5xx) are said under the summary, with "Try again" (read-failed.tsx).

interface Props extends DayDialogProps {
  state: AppointmentDialogState;
  details?: Appointment;
  /** Why its details could not be read, when the last read failed (details.ts). */
  failed?: string;
  onDetails: (id: string) => void;
  /** Reads its details again ("Try again"); rejects when that fails too. */
  onRead: (id: string) => Promise<void>;
  onMove: (slot: Slot, advisorId: string, minute: number) => Promise<void>;
  /**
   * Moved from the dialog: it closes with `message`, and the moved slot takes the focus once
   * the day is redrawn (the slot that opened the dialog may be gone from its row).
   */
  onMoved: (moved: WalkedIn, message: string) => void;
  /** A parts action done: the dialog stays open; the page says `message` and reads the day again. */
  onChanged: (message: string) => void;
}

export function AppointmentDialog(props: Props) {
  const { session, day, state, details, failed, onDetails, onRead, onDone, onMoved, onChanged } = props;
  // The slot as the day now shows it (live-slot.ts): a colleague's change redraws it here.
  const first = useRef(findSlot(day, state.slot));
  const { slot, changed, gone } = liveSlot(day, state.slot, first.current);
  const owner = day.advisors.find((a) =>
    a.slots.some((s) => s.appointmentId === slot.appointmentId && s.kind === slot.kind),
  );
  // A step, a plan applied (late, swap) or a stale refusal closes the dialog: the focus
  // goes to the appointment's slot once the day is redrawn (a moved slot is a new button
  // in its new row), or to the day's heading when it is gone from the day (cancelled):
  // before, it fell to <body>.
  const finished = (message?: string) =>
    onMoved({ appointmentId: slot.appointmentId, date: day.date, kind: slot.kind }, message ?? "");
  const { refusal, attempt, busy, clear } = useRefusal(state.refusal, finished);
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
  const forceable = refusal !== null && refusal.codes.length > 0 && refusal.codes.every((c) => FORCEABLE.has(c));

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
      <AppointmentSummary slot={slot} advisorName={owner?.name} shown={shown} changed={changed && !busy} />
      {/* Without its details the customer line and the parts are missing: said, with a way to read them again. */}
      {failed && !details && (
        <ReadFailed sentence={t("detailsUnread", { why: failed })} onRetry={() => onRead(slot.appointmentId)} />
      )}
      <StepButtons
        session={session}
        slot={slot}
        timeZone={day.timeZone}
        who={named}
        busy={busy}
        attempt={attempt}
        onDone={finished}
      />
      {/* The appointment's version as its details were read: a parts write is an appointment change. */}
      <AppointmentParts
        session={session}
        appointmentId={slot.appointmentId}
        version={details?.version ?? slot.version}
        shown={shown}
        busy={busy}
        attempt={attempt}
        clear={clear}
        onChanged={onChanged}
      />
      {refusal && <RefusalView refusal={refusal} />}
      <MoveForms
        session={session}
        day={day}
        slot={slot}
        target={state.target}
        ownerId={owner?.id}
        forceable={forceable}
        attempt={attempt}
        onMoved={onMoved}
      />
      <ReshuffleForms session={session} day={day} slot={slot} attempt={attempt} onDone={finished} />
    </Dialog>
  );
}
