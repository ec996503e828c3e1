import { dateOf, shortDate, timeOf } from "../shared/dates.js";
import { lang, t } from "./i18n.js";
import type { DayBoard, Slot } from "./types.js";

// Which appointment a task, a message or a technician's job is about, in the words the
// desk knows it by: when it is received and its customer (else the car). Without it, a day
// of supervisor notices read as a column of identical lines, and a no-show task named
// nobody to call. One lookup for every panel, so that none names an appointment that
// another leaves blank: the shown day's receptions, the cars carried over from an earlier
// day (carriedOver: no slot on this day), and the cars only returned that day.

/** An appointment the shown day knows of, as the panels name it. */
export interface AppointmentRef {
  /** Its reception on the shown day, else its return there (what a task opens); none for a car carried over. */
  slot?: Slot;
  /** The customer's name, else the car; "" when the board has neither. */
  who: string;
  /** "09:00 · Anna Greco"; received on another day "Mon 23 Nov 17:00 · …"; returned only: "Return 16:00 · …". */
  words: string;
}

/**
 * Who a slot (or a job carried over from an earlier day) is: the customer's name, else the
 * car (model and plate); "" when the board has neither.
 */
export const slotWho = (s: Pick<Slot, "customer" | "vehicle">): string =>
  s.customer?.name || [s.vehicle?.model, s.vehicle?.plate].filter(Boolean).join(" ");

const joined = (when: string, who: string) => (who ? `${when} · ${who}` : when);

/** An appointment received on another day than the shown one: "Mon 23 Nov 17:00 · Carla Carryover". */
export const otherDayWords = (a: { receptionStart: string } & Pick<Slot, "customer" | "vehicle">): string =>
  joined(`${shortDate(dateOf(a.receptionStart), lang)} ${timeOf(a.receptionStart)}`, slotWho(a));

/** The shown day's appointments by id. The reception names one first: it is how the desk knows it. */
export function appointmentRefs(day: DayBoard | null): Map<string, AppointmentRef> {
  const refs = new Map<string, AppointmentRef>();
  if (!day) return refs;
  const slots = day.advisors.flatMap((a) => a.slots);
  const returns = new Map(slots.filter((s) => s.kind === "return").map((s) => [s.appointmentId, s]));
  for (const s of slots)
    if (s.kind === "reception")
      refs.set(s.appointmentId, { slot: s, who: slotWho(s), words: joined(timeOf(s.start), slotWho(s)) });
  for (const c of day.carriedOver ?? []) {
    if (refs.has(c.appointmentId)) continue;
    refs.set(c.appointmentId, { slot: returns.get(c.appointmentId), who: slotWho(c), words: otherDayWords(c) });
  }
  for (const s of returns.values()) {
    if (refs.has(s.appointmentId)) continue;
    refs.set(s.appointmentId, {
      slot: s,
      who: slotWho(s),
      words: joined(t("returnAt", { time: timeOf(s.start) }), slotWho(s)),
    });
  }
  return refs;
}
