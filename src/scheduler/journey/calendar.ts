import { reasonIn } from "../../core/intervention-labels.js";
import { appointmentTitle, parseFile } from "./title.js";
import type { Dealer } from "../../core/dealer.js";
import type { AppointmentRow } from "../../db/repos/appointments.js";
import { appointmentView } from "../present.js";
import { buildCalendar, type IcsEvent, type Invitation } from "./ics.js";
import { bringIn, CALL_US, mobilityIn, returnIn, WHILE_AT_WORKSHOP } from "../../core/visit-words.js";

// The appointment as an .ics file: the reception, and the return (collecting the car, or
// the car brought back with pickup and delivery)
// when one is planned. UIDs are stable per appointment and SEQUENCE is its version, so
// a calendar that imports the file again updates the events instead of duplicating them.

const LABELS = {
  en: {
    greeter: "Welcomed by",
    parking: "Parking",
    bring: "Please bring",
    mobility: WHILE_AT_WORKSHOP.en,
    request: "Your request",
    phone: CALL_US.en,
  },
  it: {
    greeter: "La accoglierà",
    parking: "Parcheggio",
    bring: "Porti con sé",
    mobility: WHILE_AT_WORKSHOP.it,
    request: "La sua richiesta",
    phone: CALL_US.it,
  },
};

const STATUS: Record<string, IcsEvent["status"]> = {
  requested: "TENTATIVE",
  cancelled: "CANCELLED",
  no_show: "CANCELLED",
};

export function appointmentCalendar(
  dealer: Dealer,
  row: AppointmentRow,
  locale: "it" | "en",
  invite?: Invitation,
): string {
  const v = appointmentView(dealer, row);
  const L = LABELS[locale];
  // In the reader's language and words: a default service's name, and who else meets them
  // or an open recall as a car owner says it (not the desk's "attends reception").
  const title = appointmentTitle(reasonIn(v, locale), v.vehicle, parseFile(row.fileJson), locale, "customer");
  const status = STATUS[row.status] ?? "CONFIRMED";
  const location = [dealer.config.name, dealer.config.address].filter(Boolean).join(", ");
  // Where customers look on the day: the dealer's number, when it gave one (both events).
  const call = dealer.config.phone ? `${L.phone}: ${dealer.config.phone}` : null;
  const description = [
    title,
    `${L.greeter}: ${v.recap.greeter}`,
    `${L.parking}: ${v.recap.parking}`,
    `${L.bring}: ${bringIn(locale, v.recap.bring).join(", ")}`,
    `${L.mobility}: ${mobilityIn(locale, v.recap.mobility)}`,
    ...(row.requestText ? [`${L.request}: ${row.requestText}`] : []),
    ...(call ? [call] : []),
  ].join("\n");
  const events: IcsEvent[] = [
    {
      uid: `${row.id}-reception@pitlane`,
      sequence: row.version,
      start: Date.parse(v.reception.start),
      end: Date.parse(v.reception.end),
      summary: `${dealer.config.name}: ${title}`,
      location,
      description,
      status,
    },
  ];
  if (v.return) {
    events.push({
      uid: `${row.id}-return@pitlane`,
      sequence: row.version,
      start: Date.parse(v.return.start),
      end: Date.parse(v.return.end),
      summary: `${dealer.config.name}: ${returnIn(locale, v.mobility)}`,
      // A driver brings the car to the customer: the dealer's address is not where to go.
      ...(v.mobility === "pickup_delivery" ? {} : { location }),
      description: `${L.greeter}: ${dealer.config.advisors.find((a) => a.id === v.return!.advisorId)?.name ?? v.return.advisorId}${call ? `\n${call}` : ""}`,
      status,
    });
  }
  return buildCalendar(events, Date.parse(row.updatedAt), dealer.config.name, invite);
}
