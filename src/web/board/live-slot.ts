import type { DayBoard, Slot } from "./types.js";

// An open appointment dialog follows the day as live changes redraw it. Without this it
// kept the slot it was opened with: after a colleague confirmed or moved the appointment
// its buttons were the old status's and each press sent the old version (409 "changed
// meanwhile"), and one that had left the day could still be acted on.

/** The dialog's slot as the day now shows it. */
export interface LiveSlot {
  /** The day's current slot, else (gone, or never on the day's timeline) the one opened. */
  slot: Slot;
  /** Someone changed it since the dialog opened (a newer version on the day). */
  changed: boolean;
  /** It was on the day when the dialog opened and is no longer: moved to another day or cancelled. */
  gone: boolean;
}

const same = (a: Slot, b: Slot) => a.appointmentId === b.appointmentId && a.kind === b.kind;

export function findSlot(day: DayBoard, opened: Slot): Slot | undefined {
  for (const a of day.advisors) for (const s of a.slots) if (same(s, opened)) return s;
  return undefined;
}

/** `wasOnDay`: whether the opened slot was on the day's timeline when the dialog opened. */
export function liveSlot(day: DayBoard, opened: Slot, wasOnDay: boolean): LiveSlot {
  const now = findSlot(day, opened);
  if (!now) return { slot: opened, changed: false, gone: wasOnDay };
  return { slot: now, changed: now.version !== opened.version, gone: false };
}
