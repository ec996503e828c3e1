import { isUpcoming } from "../../core/status.js";
import type { Appointment } from "../shared/types.js";

// Which calendar link the customer's page offers for an appointment, by what the file
// (GET …/calendar.ics, journey/calendar.ts) would do in their calendar:
// - "ics", "Add to my calendar": while something in it is still ahead of them: the visit
//   (requested, confirmed), or, the car being in (checked_in), its collection;
// - "icsCancelled", "Remove it from my calendar": a cancelled visit, whose file says
//   STATUS:CANCELLED with the same UIDs and a higher SEQUENCE, so a calendar that holds
//   the event marks it off;
// - none once nothing is left to attend: a completed visit (it happened), or a missed one
//   (its status says the workshop will call to find a new time; adding a visit that did
//   not happen helps nobody).

export type CalendarLink = "ics" | "icsCancelled" | null;

export function calendarLink(a: Pick<Appointment, "status" | "return">): CalendarLink {
  if (isUpcoming(a.status)) return "ics";
  if (a.status === "checked_in") return a.return ? "ics" : null;
  if (a.status === "cancelled") return "icsCancelled";
  return null;
}
