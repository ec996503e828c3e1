import { timeOf } from "../shared/dates.js";
import type { DayBoard, Slot } from "./types.js";

// Which appointment a task or a message is about, in the words the desk knows it by: its
// reception time and its customer (else the car). Without it, a day of supervisor notices
// read as a column of identical lines, and a no-show task named nobody to call.

/** The shown day's reception slots by appointment id. */
export function receptionsOf(day: DayBoard | null): Map<string, Slot> {
  const out = new Map<string, Slot>();
  for (const a of day?.advisors ?? []) for (const s of a.slots) if (s.kind === "reception") out.set(s.appointmentId, s);
  return out;
}

/**
 * Who a slot (or a job carried over from an earlier day) is: the customer's name, else the
 * car (model and plate); "" when the board has neither.
 */
export const slotWho = (s: Pick<Slot, "customer" | "vehicle">): string =>
  s.customer?.name || [s.vehicle?.model, s.vehicle?.plate].filter(Boolean).join(" ");

/** "09:00 · Anna Greco" (or the car when the customer's name is not known). */
export function appointmentWords(slot: Slot): string {
  const who = slotWho(slot);
  return who ? `${timeOf(slot.start)} · ${who}` : timeOf(slot.start);
}
