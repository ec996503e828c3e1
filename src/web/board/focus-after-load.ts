import { useEffect, useRef } from "preact/hooks";
import type { DayBoard } from "./types.js";
import type { WalkedIn } from "./walk-in-dialog.js";

// A walk-in just booked, a slot moved, or a desk task about another day's appointment: the
// board goes to its day (today: the advisor may have been looking at another) and its slot
// takes the focus once that day is drawn, so the desk is on it (Enter: check in) and a
// screen reader reads it after the notice. Each day drawn is a new object: the first of
// the appointment's day has its slot (the answers of loads begun before are dropped).
// An appointment no longer on that day (cancelled, moved away by someone meanwhile) gives
// the focus to the day's heading: the slot that opened its dialog is gone, and the focus
// fell to <body>, from where a keyboard user starts again at the top of the page.

export function useFocusAfterLoad(date: string, shownDay: DayBoard | null) {
  const focusAfterLoad = useRef<WalkedIn | null>(null);
  // Gone to another day than the appointment's: its slot must not take the focus later.
  useEffect(() => {
    if (focusAfterLoad.current?.date !== date) focusAfterLoad.current = null;
  }, [date]);
  useEffect(() => {
    const at = focusAfterLoad.current;
    if (!at || shownDay?.date !== at.date) return;
    focusAfterLoad.current = null;
    const id = CSS.escape(at.appointmentId);
    const slot = (kind: string) => document.querySelector<HTMLElement>(`button.slot.${kind}[data-appointment="${id}"]`);
    (slot(at.kind ?? "reception") ?? slot("reception") ?? document.getElementById("timeline-title"))?.focus();
  }, [shownDay]);
  return focusAfterLoad;
}
