import { useState } from "preact/hooks";
import { weekdayDate } from "../shared/dates.js";
import { hhmm, minuteOfDay } from "./minutes.js";
import { board } from "./api.js";
import { AdvisorSelect, Field } from "./fields.js";
import { lang, t } from "./i18n.js";
import type { Attempt } from "./refusal-view.js";
import type { DayBoard, Session, Slot } from "./types.js";
import type { WalkedIn } from "./walk-in-dialog.js";

// The appointment dialog's move: a new day, time and advisor for the slot (its reception or
// its return) and, when a refusal broke only the buffer caps, the same move past them with
// a reason. The move keeps the refusal shown meanwhile (the force form is what was used). A
// move to the day, time and advisor the slot already has sends nothing. A move to another
// day (the customer calls: "can we make it Thursday?") takes the board to that day, the
// focus on the slot in its new place (day-outcomes.ts), and the notice names the day; the
// server re-places the return of a reception moved to another day (move-placement.ts).

interface Props {
  session: Session;
  day: DayBoard;
  slot: Slot;
  /** Where a refused drop landed: the form opens on it. */
  target?: { advisorId: string; minute: number };
  /** The advisor whose track the slot is on. */
  ownerId?: string;
  /** The last refusal broke only rules an advisor may force past. */
  forceable: boolean;
  attempt: Attempt;
  /** Moved: the dialog closes with `message`; the moved slot takes the focus once the day is redrawn. */
  onMoved: (moved: WalkedIn, message: string) => void;
}

export function MoveForms({ session, day, slot, target, ownerId, forceable, attempt, onMoved }: Props) {
  const [date, setDate] = useState(day.date);
  const [time, setTime] = useState(hhmm(target?.minute ?? minuteOfDay(slot.start)));
  const [advisorId, setAdvisorId] = useState(target?.advisorId ?? ownerId ?? day.advisors[0].id);
  const [reason, setReason] = useState("");
  const move = (force: boolean) => {
    // Where the slot already is: nothing to send (the server would answer it unchanged);
    // the dialog closes saying so, as a drop in place does (timeline-moves.ts).
    if (date === day.date && advisorId === ownerId && time === hhmm(minuteOfDay(slot.start)))
      return onMoved({ appointmentId: slot.appointmentId, date, kind: slot.kind }, t("notMoved"));
    const at = { start: `${date}T${time}`, advisorId };
    const body = {
      ...(slot.kind === "reception" ? { reception: at } : { return: at }),
      ...(force ? { force: true, reason } : {}),
    };
    return attempt(async () => {
      await board.move(session, slot.appointmentId, slot.version, body);
      const advisor = day.advisors.find((a) => a.id === advisorId)?.name ?? advisorId;
      onMoved(
        { appointmentId: slot.appointmentId, date, kind: slot.kind },
        date === day.date
          ? t("moved", { time, advisor })
          : t("movedToDay", { day: weekdayDate(date, lang), time, advisor }),
      );
    }, true);
  };
  return (
    <>
      <form onSubmit={(e) => (e.preventDefault(), move(false))}>
        <h3>{t("moveTitle")}</h3>
        <Field label={t("newDate")} type="date" required value={date} onValue={setDate} />
        {/* Receptions start on the quarter hour, returns on a 5-minute mark (the server's grid). */}
        <Field
          label={t("newTime")}
          type="time"
          step={slot.kind === "reception" ? 900 : 300}
          required
          value={time}
          onValue={setTime}
        />
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
    </>
  );
}
