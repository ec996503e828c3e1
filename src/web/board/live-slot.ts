import type { DayBoard, Slot } from "./types.js";

// An open appointment dialog follows the day as live changes redraw it. Without this it
// kept the slot it was opened with: after a colleague confirmed or moved the appointment
// its buttons were the old status's and each press sent the old version (409 "changed
// meanwhile"), and one that had left the day could still be acted on.
// Trap: "changed" is what the dialog shows (status, times, advisor, flags), not the
// version: a parts order or payment moves the version too, and a colleague recording one
// must not make every open dialog say the appointment changed.

/** A slot on the day and the advisor whose track it is on. */
export interface Placed {
  slot: Slot;
  advisorId: string;
}

/** The dialog's slot as the day now shows it. */
export interface LiveSlot {
  /** The day's current slot (its version is the one to send), else (gone, or never on the day's timeline) the one opened. */
  slot: Slot;
  /** Someone changed what the dialog shows since it opened. */
  changed: boolean;
  /** It was on the day when the dialog opened and is no longer: moved to another day or cancelled. */
  gone: boolean;
}

const same = (a: Slot, b: Slot) => a.appointmentId === b.appointmentId && a.kind === b.kind;

export function findSlot(day: DayBoard, opened: Slot): Placed | undefined {
  for (const a of day.advisors) for (const s of a.slots) if (same(s, opened)) return { slot: s, advisorId: a.id };
  return undefined;
}

const shown = (p: Placed) => [p.slot.status, p.slot.start, p.slot.end, p.advisorId, !!p.slot.express, !!p.slot.forced];

/** `first`: where the opened slot was on the day when the dialog opened (undefined: not on its timeline). */
export function liveSlot(day: DayBoard, opened: Slot, first: Placed | undefined): LiveSlot {
  const now = findSlot(day, opened);
  if (!now) return { slot: opened, changed: false, gone: first !== undefined };
  const before = first ?? { slot: opened, advisorId: now.advisorId };
  const changed = shown(now).some((v, i) => v !== shown(before)[i]);
  return { slot: now.slot, changed, gone: false };
}
