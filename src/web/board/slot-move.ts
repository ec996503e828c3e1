import { board } from "./api.js";
import { isStale, refusalOf } from "./refusal.js";
import type { AppointmentDialogState } from "./appointment-dialog.js";
import { t } from "./i18n.js";
import { hhmm } from "./minutes.js";
import type { DayBoard, Session, Slot } from "./types.js";
import type { WalkedIn } from "./walk-in-dialog.js";

// A slot dropped on a time and an advisor (dragged, or moved by keyboard): a PATCH with the
// version the page showed (If-Match). Done: the notice says where, and the slot, redrawn in
// its new row as a new button, takes the focus there. A stale page: the notice says so.
// Any other refusal opens the appointment's dialog with the rules broken and where it was
// dropped (moving past the buffer caps is offered there). The day is read again either way.

interface Args {
  session: Session;
  date: string;
  day: DayBoard | null;
  onSessionLost: (err: unknown) => void;
  reload: () => Promise<void>;
  setNotice: (sentence: string) => void;
  /** The slot to focus once its day is drawn again. */
  focusAt: (at: WalkedIn) => void;
  /** Opens the appointment's dialog with the refusal. */
  refused: (state: AppointmentDialogState) => void;
}

export function slotMove({ session, date, day, onSessionLost, reload, setNotice, focusAt, refused }: Args) {
  return async (slot: Slot, advisorId: string, minute: number) => {
    const at = { start: `${date}T${hhmm(minute)}`, advisorId };
    const body = slot.kind === "reception" ? { reception: at } : { return: at };
    const advisor = day?.advisors.find((a) => a.id === advisorId)?.name ?? advisorId;
    try {
      await board.move(session, slot.appointmentId, slot.version, body);
      setNotice(t("moved", { time: hhmm(minute), advisor }));
      focusAt({ appointmentId: slot.appointmentId, date, kind: slot.kind });
    } catch (err) {
      onSessionLost(err);
      const refusal = refusalOf(err);
      if (isStale(err)) setNotice(refusal.sentence);
      else refused({ kind: "appointment", slot, refusal, target: { advisorId, minute } });
    }
    await reload();
  };
}
