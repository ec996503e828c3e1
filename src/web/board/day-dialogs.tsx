import { AbsenceDialog } from "./absence-dialog.js";
import { AppointmentDialog, type AppointmentDialogState } from "./appointment-dialog.js";
import { PartsDialog, type PartsDialogState } from "./parts-dialog.js";
import type { Appointment, DayBoard, Session, Slot } from "./types.js";
import { type WalkedIn, WalkInDialog } from "./walk-in-dialog.js";

// The one dialog the day page has open, if any: an appointment's, a task's parts, an
// advisor's absence, a walk-in. The day's dialogs only while the day shown is drawn.

export type DialogState = AppointmentDialogState | PartsDialogState | { kind: "absence" } | { kind: "walk-in" } | null;

interface Props {
  dialog: DialogState;
  session: Session;
  /** The day the header names, once read. */
  day: DayBoard | null;
  /** The appointments' details as last read (details.ts). */
  details: Map<string, Appointment>;
  /** Why an appointment's details could not be read, by its id (details.ts). */
  failed: Map<string, string>;
  /** Reads an appointment's details once per reload, its failure unsaid. */
  onDetails: (id: string) => void;
  /** Reads an appointment's details; rejects with a sentence. */
  onRead: (id: string) => Promise<void>;
  /** Closes the dialog, with a notice or none, and reads the day again. */
  onDone: (message?: string) => void;
  onMove: (slot: Slot, advisorId: string, minute: number) => Promise<void>;
  /** Booked or moved from a dialog: closes it, says `message`, and focuses the slot on its day. */
  onMoved: (at: WalkedIn, message: string) => void;
  /** A parts action done: the dialog stays open; the page says `message` and reads the day again. */
  onChanged: (message: string) => void;
}

export function DayDialogs(props: Props) {
  const { dialog, session, day, details, failed, onDetails, onRead, onDone, onMove, onMoved, onChanged } = props;
  if (dialog?.kind === "parts")
    return (
      <PartsDialog
        session={session}
        state={dialog}
        details={details.get(dialog.appointmentId)}
        onRead={onRead}
        onDone={onDone}
        onChanged={onChanged}
      />
    );
  if (!dialog || !day) return null;
  if (dialog.kind === "appointment")
    return (
      <AppointmentDialog
        session={session}
        day={day}
        state={dialog}
        details={details.get(dialog.slot.appointmentId)}
        failed={failed.get(dialog.slot.appointmentId)}
        onDetails={onDetails}
        onRead={onRead}
        onDone={onDone}
        onMove={onMove}
        onMoved={onMoved}
        onChanged={onChanged}
      />
    );
  if (dialog.kind === "absence") return <AbsenceDialog session={session} day={day} onDone={onDone} />;
  return <WalkInDialog session={session} onDone={onDone} onBooked={onMoved} />;
}
