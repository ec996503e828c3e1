import { useState } from "preact/hooks";
import { t } from "./i18n.js";
import { useSaidAgain } from "./said-again.js";
import { hhmm, minuteOfDay } from "./minutes.js";
import { type Range, STEP } from "./timeline-scale.js";
import type { DayBoard, Slot } from "./types.js";

// Moving a slot on the timeline, the two ways: drag it onto a track (snapped to the quarter
// hour, where the pointer drops its start), or from the keyboard: Space picks up, arrows
// move (15 min / advisor), Enter drops, Escape cancels — each said in the live region
// (`said`). The move itself is the caller's (`onMove`); timeline.tsx draws what is here.
// A drop where the slot already is (Space then Enter, arrows that came back, a drag let go
// in place) is no move: nothing is sent and "Not moved." is said. It used to PATCH the
// same time back, say "Moved to 08:00" and tell the customer their appointment had moved.

/** A slot picked up by keyboard: where it would drop now (the advisor's row, the minute). */
export interface Grab {
  slot: Slot;
  advisor: number;
  minute: number;
}

export function useSlotMoves(
  day: DayBoard,
  range: Range,
  onMove: (slot: Slot, advisorId: string, minute: number) => void,
) {
  const [grab, setGrab] = useState<Grab | null>(null);
  // Said again when it is the same sentence (a second drop in place, an arrow against the day's edge).
  const [said, setSaid] = useSaidAgain();
  const [dropRow, setDropRow] = useState<string | null>(null);
  const span = range.to - range.from;
  const drag = { slot: null as Slot | null, offset: 0 };
  const name = (i: number) => day.advisors[i]?.name ?? "";
  /** A drop: sent only when it lands elsewhere than where the slot is now. */
  const drop = (slot: Slot, advisorId: string, minute: number) => {
    const owner = day.advisors.find((a) => a.slots.includes(slot));
    if (owner?.id === advisorId && minuteOfDay(slot.start) === minute) return setSaid(t("notMoved"));
    onMove(slot, advisorId, minute);
  };

  const onKey = (e: KeyboardEvent, slot: Slot) => {
    const row = day.advisors.findIndex((a) => a.slots.includes(slot));
    const mine = grab?.slot === slot ? grab : null;
    if (!mine) {
      if (e.key === " ") {
        e.preventDefault();
        const g = { slot, advisor: row, minute: minuteOfDay(slot.start) };
        setGrab(g);
        setSaid(t("grabbed", { kind: t(slot.kind), time: hhmm(g.minute), advisor: name(row) }));
      }
      return;
    }
    let next = mine;
    if (e.key === "ArrowLeft") next = { ...mine, minute: Math.max(range.from, mine.minute - STEP) };
    else if (e.key === "ArrowRight") next = { ...mine, minute: Math.min(range.to - STEP, mine.minute + STEP) };
    else if (e.key === "ArrowUp") next = { ...mine, advisor: Math.max(0, mine.advisor - 1) };
    else if (e.key === "ArrowDown") next = { ...mine, advisor: Math.min(day.advisors.length - 1, mine.advisor + 1) };
    else if (e.key === "Escape") {
      e.preventDefault();
      setGrab(null);
      return setSaid(t("grabCancelled"));
    } else if (e.key === "Enter" || e.key === " ") {
      e.preventDefault();
      setGrab(null);
      return drop(slot, day.advisors[mine.advisor].id, mine.minute);
    } else return;
    e.preventDefault();
    setGrab(next);
    setSaid(t("grabMoved", { time: hhmm(next.minute), advisor: name(next.advisor) }));
  };

  const onDragStart = (e: DragEvent, slot: Slot) => {
    const rect = (e.currentTarget as HTMLElement).getBoundingClientRect();
    const track = (e.currentTarget as HTMLElement).parentElement!.getBoundingClientRect();
    drag.slot = slot;
    drag.offset = ((e.clientX - rect.left) / track.width) * span;
    e.dataTransfer?.setData(
      "text/plain",
      JSON.stringify({ id: slot.appointmentId, kind: slot.kind, offset: drag.offset }),
    );
    if (e.dataTransfer) e.dataTransfer.effectAllowed = "move";
  };

  const onDrop = (e: DragEvent, advisorId: string) => {
    e.preventDefault();
    setDropRow(null);
    const raw = e.dataTransfer?.getData("text/plain");
    if (!raw) return;
    const { id, kind, offset } = JSON.parse(raw) as { id: string; kind: string; offset: number };
    const slot = day.advisors.flatMap((a) => a.slots).find((s) => s.appointmentId === id && s.kind === kind);
    if (!slot) return;
    const rect = (e.currentTarget as HTMLElement).getBoundingClientRect();
    const at = range.from + ((e.clientX - rect.left) / rect.width) * span - offset;
    const minute = Math.min(range.to - STEP, Math.max(range.from, Math.round(at / STEP) * STEP));
    drop(slot, advisorId, minute);
  };

  return { grab, said, dropRow, setDropRow, name, onKey, onDragStart, onDrop };
}
