import { reasonIn } from "../../core/intervention-labels.js";
import { isReleased } from "../../core/status.js";
import { dateOf, longDate, timeOf } from "./dates.js";
import type { Lang } from "./i18n.js";
import type { Appointment, Mobility } from "./types.js";

// The booking's recap, as the customer must hear it at the end of a booking (domain:
// "Closing the booking"): date, time, reason, who greets them, where to park, what to
// bring, and mobility (what a courtesy car or pickup and delivery means for them); an
// express appointment says so. Shared by the widget's confirmation and the manage page.

const L = {
  en: {
    when: "When",
    reason: "Service",
    greeter: "Who will welcome you",
    address: "Address",
    parking: "Parking",
    bring: "Please bring",
    mobility: "Mobility",
    ready: "Car ready (estimate)",
    collect: "Collecting the car",
    status: "Status",
    express: "Priority",
    expressIs: "Express appointment: your car is worked on with priority.",
  },
  it: {
    when: "Quando",
    reason: "Intervento",
    greeter: "Chi la accoglierà",
    address: "Indirizzo",
    parking: "Parcheggio",
    bring: "Porti con sé",
    mobility: "Mobilità",
    ready: "Auto pronta (stima)",
    collect: "Ritiro dell'auto",
    status: "Stato",
    express: "Priorità",
    expressIs: "Appuntamento express: la sua auto viene lavorata con priorità.",
  },
};

export const MOBILITY_LABELS: Record<Lang, Record<Mobility, string>> = {
  en: {
    none: "No replacement mobility",
    courtesy_car: "Courtesy car",
    pickup_delivery: "Pickup and delivery",
    rental: "Rental car",
    taxi: "Taxi",
    shuttle: "Dealer shuttle",
  },
  it: {
    none: "Nessuna mobilità sostitutiva",
    courtesy_car: "Auto di cortesia",
    pickup_delivery: "Ritiro e riconsegna",
    rental: "Auto a noleggio",
    taxi: "Taxi",
    shuttle: "Navetta del concessionario",
  },
};

/** What the visit's mobility means for the customer, where it needs saying (after "Courtesy car: "). */
const MOBILITY_MEANS: Record<Lang, Partial<Record<Mobility, string>>> = {
  en: {
    courtesy_car: "ready for you at reception; you give it back when you collect your car.",
    pickup_delivery:
      "a driver collects your car and brings it back when it is ready; the workshop will agree the address and times with you.",
  },
  it: {
    courtesy_car: "pronta per lei all'accettazione; la restituisce quando ritira la sua auto.",
    pickup_delivery:
      "un autista ritira la sua auto e gliela riporta quando è pronta; l'officina concorderà con lei indirizzo e orari.",
  },
};

// The services' names in the reader's language: core/intervention-labels.ts, which the
// messages and calendar files read too.
export { defaultInterventions, interventionLabel, reasonIn } from "../../core/intervention-labels.js";

const BRING_IT: Record<string, string> = {
  "registration certificate": "carta di circolazione",
  "maintenance booklet": "libretto di manutenzione",
  "driving licence": "patente di guida",
  "locking wheel-nut key": "chiave dei bulloni antifurto",
  "charging cable": "cavo di ricarica",
};

export const STATUS_LABELS: Record<Lang, Record<string, string>> = {
  en: {
    requested: "Requested: the workshop will confirm it",
    confirmed: "Confirmed",
    checked_in: "Car received",
    completed: "Completed",
    cancelled: "Cancelled",
    no_show: "Missed",
  },
  it: {
    requested: "Richiesto: l'officina lo confermerà",
    confirmed: "Confermato",
    checked_in: "Auto accettata",
    completed: "Completato",
    cancelled: "Annullato",
    no_show: "Mancato",
  },
};

export function Recap({ a, lang, withStatus }: { a: Appointment; lang: Lang; withStatus?: boolean }) {
  const l = L[lang];
  const at = (iso: string) => `${longDate(dateOf(iso), lang)}, ${timeOf(iso)}`;
  // A visit that will not happen (cancelled, missed) says what it was, not how it would go:
  // no greeter, ready time, collection or list of papers to bring.
  const ended = isReleased(a.status);
  return (
    <dl class="pl-recap">
      {withStatus && (
        <>
          <dt>{l.status}</dt>
          <dd>{STATUS_LABELS[lang][a.status] ?? a.status}</dd>
        </>
      )}
      <dt>{l.when}</dt>
      <dd>{at(a.reception.start)}</dd>
      <dt>{l.reason}</dt>
      <dd>{reasonIn(a, lang)}</dd>
      {!ended && <VisitDetails a={a} lang={lang} at={at} />}
    </dl>
  );
}

function VisitDetails({ a, lang, at }: { a: Appointment; lang: Lang; at: (iso: string) => string }) {
  const l = L[lang];
  return (
    <>
      <dt>{l.greeter}</dt>
      <dd>{a.recap.greeter}</dd>
      {a.recap.address && (
        <>
          <dt>{l.address}</dt>
          <dd>{a.recap.address}</dd>
        </>
      )}
      {a.recap.parking && (
        <>
          <dt>{l.parking}</dt>
          <dd>{a.recap.parking}</dd>
        </>
      )}
      {a.express && (
        <>
          <dt>{l.express}</dt>
          <dd>{l.expressIs}</dd>
        </>
      )}
      <dt>{l.mobility}</dt>
      <dd>
        {MOBILITY_LABELS[lang][a.mobility]}
        {MOBILITY_MEANS[lang][a.mobility] && (
          <>
            {": "}
            {MOBILITY_MEANS[lang][a.mobility]}
          </>
        )}
      </dd>
      <dt>{l.ready}</dt>
      <dd>{at(a.readyAt)}</dd>
      {a.return && (
        <>
          <dt>{l.collect}</dt>
          <dd>{at(a.return.start)}</dd>
        </>
      )}
      <dt>{l.bring}</dt>
      <dd>
        <ul>
          {a.recap.bring.map((b) => (
            <li key={b}>{lang === "it" ? (BRING_IT[b] ?? b) : b}</li>
          ))}
        </ul>
      </dd>
    </>
  );
}
