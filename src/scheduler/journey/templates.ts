import type { Locale } from "../../core/dealer-config.js";
import { CUSTOMER_KINDS } from "../../core/message-kinds.js";
import { WHILE_AT_WORKSHOP } from "../../core/visit-words.js";
import type { AppointmentView } from "../contracts.js";

// Message templates per locale (it, en). Pure: variables in, subject and text out. The
// wording is the dealer's voice towards the customer (or a task for staff); the dealer's
// SMS/e-mail provider behind the webhook only transports it.

/**
 * The appointment's recap (AppointmentView.recap, contracts.ts) as the customer reads it:
 * mobility and what to bring in the locale's words, the pages' own (core/visit-words.ts:
 * mobilityIn, bringIn).
 */
export interface TemplateVars extends Omit<AppointmentView["recap"], "mobility" | "bring"> {
  dealer: string;
  vehicle: string;
  mobility: string;
  bring: string[];
  customer: string;
  /** Local "YYYY-MM-DD HH:MM" lines: proposed options (service reminder, no-show, next visit). */
  options?: string[];
  readyTime?: string;
  dueDate?: string;
  /** Local "YYYY-MM-DD HH:MM" of the reception before a customer's move (customer-changes.ts). */
  previousTime?: string;
  /** Parts (scheduler/parts/arrival.ts): the part, the deposit still owed ("250.00 EUR"), "yes" when the car is checked in (carIn) or its visit is ahead, and the local "YYYY-MM-DD HH:MM" the customer must be told by. */
  part?: string;
  depositDue?: string;
  carIn?: string;
  visitAhead?: string;
  dueBy?: string;
  /** The parts still on order or on the shelf when their appointment was cancelled (parts/on-cancel.ts), with any deposit paid ("250.00 EUR"). */
  liveParts?: LivePart[];
}

export interface LivePart {
  part: string;
  state: "ordered" | "arrived";
  depositPaid?: string;
}

export const CUSTOMER_TEMPLATES = CUSTOMER_KINDS;
export const STAFF_TEMPLATES = [
  "supervisor_notice",
  "confirm_overdue",
  "no_show_task",
  "next_visit",
  "car_ready_call",
  "follow_up_call",
  "no_show_withdrawn",
  "progress_check",
  "ready_conflict",
  "extra_work_approval",
  "customer_moved",
  "customer_cancelled",
  "parts_arrived_call",
  "parts_notice_overdue",
  "parts_on_cancelled",
] as const;
export type TemplateKind = (typeof CUSTOMER_TEMPLATES)[number] | (typeof STAFF_TEMPLATES)[number];

/** `sms`: a shorter body a text message tries before the subject alone (compose.ts), where the whole text rarely fits two segments. */
type Render = (v: TemplateVars) => { subject: string; text: string; sms?: string };

const opts = (v: TemplateVars, none: string) =>
  v.options?.length ? v.options.map((o, i) => `${i + 1}) ${o}`).join("; ") : none;

// Parts arrival: what to do next depends on whether the car is in the workshop now, its
// visit is still ahead, or neither; and a deposit still owed is said (the part is not held
// back for it).
const partsNextEn = (v: TemplateVars) =>
  (v.carIn
    ? "We will fit it during this visit, while your car is with us."
    : v.visitAhead
      ? `We will fit it at your appointment on ${v.date} at ${v.time}.`
      : "Call us to book a time to fit it.") +
  (v.depositDue ? ` A deposit of ${v.depositDue} is still due; you can pay it at the desk.` : "");
const partsNextIt = (v: TemplateVars) =>
  (v.carIn
    ? "Lo monteremo durante questa visita, mentre l'auto è da noi."
    : v.visitAhead
      ? `Lo monteremo durante il suo appuntamento del ${v.date} alle ${v.time}.`
      : "Ci chiami per fissare il montaggio.") +
  (v.depositDue ? ` Resta da versare un acconto di ${v.depositDue}, che può saldare in accettazione.` : "");

// A cancelled appointment's parts: each with its state and any deposit paid (a refund is
// the till's, not Pitlane's).
const livePartsEn = (v: TemplateVars) =>
  v.liveParts?.length
    ? v.liveParts
        .map(
          (p) =>
            `${p.part} (${p.state === "arrived" ? "arrived, on the shelf" : "on order"}${p.depositPaid ? `, deposit paid ${p.depositPaid}` : ""})`,
        )
        .join("; ")
    : "see the task data";
const livePartsIt = (v: TemplateVars) =>
  v.liveParts?.length
    ? v.liveParts
        .map(
          (p) =>
            `${p.part} (${p.state === "arrived" ? "arrivato, a magazzino" : "in ordine"}${p.depositPaid ? `, acconto versato ${p.depositPaid}` : ""})`,
        )
        .join("; ")
    : "vedere i dati dell'attività";
const anyDeposit = (v: TemplateVars) => v.liveParts?.some((p) => p.depositPaid) === true;
// The wording agrees with the count: one part read "parts are still ordered" (a list not
// given, as in an old task's data, keeps the plural).
const onePart = (v: TemplateVars) => v.liveParts?.length === 1;

// The reminder: the time, who welcomes them and how they get around ("confirm appointment
// and mobility 24 hours before"), then parking and what to bring. A text message says the
// first part alone: with the list of papers it would not fit two segments, and the page
// behind its link has the rest.
const reminderEn = (v: TemplateVars) =>
  `Dear ${v.customer}, we expect you on ${v.date} at ${v.time} for ${v.reason}. ${v.greeter} will welcome you. ${WHILE_AT_WORKSHOP.en}: ${v.mobility}.`;
const reminderIt = (v: TemplateVars) =>
  `Gentile ${v.customer}, la aspettiamo il ${v.date} alle ${v.time} per ${v.reason}. La accoglierà ${v.greeter}. ${WHILE_AT_WORKSHOP.it}: ${v.mobility}.`;

const EN: Record<TemplateKind, Render> = {
  confirmed: (v) => ({
    subject: `Appointment confirmed: ${v.date} ${v.time}`,
    text: `Dear ${v.customer}, your appointment at ${v.dealer} on ${v.date} at ${v.time} (${v.reason}) is confirmed. ${v.greeter} will welcome you. Parking: ${v.parking}. Please bring: ${v.bring.join(", ")}.`,
  }),
  reminder: (v) => ({
    subject: `Reminder: ${v.dealer} tomorrow at ${v.time}`,
    text: `${reminderEn(v)} Parking: ${v.parking}. Please bring: ${v.bring.join(", ")}.`,
    sms: reminderEn(v),
  }),
  appointment_moved: (v) => ({
    subject: `Appointment moved: ${v.date} ${v.time}`,
    text: `Dear ${v.customer}, your appointment at ${v.dealer} is now on ${v.date} at ${v.time} (${v.reason}). ${v.greeter} will welcome you.`,
  }),
  cancelled: (v) => ({
    subject: `Appointment cancelled`,
    text: `Dear ${v.customer}, your appointment at ${v.dealer} on ${v.date} at ${v.time} has been cancelled. Call us to book a new one.`,
  }),
  car_ready: (v) => ({
    subject: `Your ${v.vehicle} will be ready at ${v.readyTime}`,
    text: `Dear ${v.customer}, your ${v.vehicle} will be ready at ${v.readyTime}. ${v.greeter} is waiting for you at ${v.dealer}.`,
  }),
  follow_up: (v) => ({
    subject: `How was your visit to ${v.dealer}?`,
    text: `Dear ${v.customer}, two days ago we returned your ${v.vehicle}. Is everything as you expected? Reply or call us with any concern.`,
  }),
  service_reminder: (v) => ({
    subject: `Your ${v.vehicle} is due for service on ${v.dueDate}`,
    text: `Dear ${v.customer}, your ${v.vehicle} is due for maintenance on ${v.dueDate}. We can welcome you on: ${opts(v, "call us for a time")}.`,
  }),
  supervisor_notice: (v) => ({
    subject: `New booking ${v.date} ${v.time}: ${v.reason}`,
    text: `New booking for ${v.date} ${v.time}: ${v.reason}, ${v.vehicle}, ready at ${v.readyTime}; advisor ${v.greeter}. Hold a bay.`,
  }),
  confirm_overdue: (v) => ({
    subject: `Online request not confirmed within 24 h`,
    text: `The online request for ${v.date} ${v.time} (${v.reason}, ${v.vehicle}) is still unconfirmed after 24 hours. Confirm it or call the customer.`,
  }),
  no_show_task: (v) => ({
    subject: `No-show: contact and reschedule`,
    text: `${v.customer} did not arrive for ${v.date} ${v.time} (${v.reason}, ${v.vehicle}). Call and propose: ${opts(v, "no free slot found; check the board")}.`,
  }),
  next_visit: (v) => ({
    subject: `Offer the next visit to ${v.customer}`,
    text: `At delivery of ${v.vehicle}, offer the next service visit: ${opts(v, "no free slot found")}.`,
  }),
  car_ready_call: (v) => ({
    subject: `Call ${v.customer}: car ready at ${v.readyTime}`,
    text: `Call ${v.customer}: the ${v.vehicle} will be ready at ${v.readyTime} (no consent to automatic messages).`,
  }),
  follow_up_call: (v) => ({
    subject: `Follow-up call: ${v.customer}`,
    text: `Call ${v.customer} about the visit of ${v.date} (${v.reason}, ${v.vehicle}): satisfaction and concerns.`,
  }),
  no_show_withdrawn: (v) => ({
    subject: `No-show withdrawn: ${v.customer} arrived late`,
    text: `${v.customer} arrived late for ${v.date} ${v.time} (${v.reason}, ${v.vehicle}) and has been checked in. Ignore the no-show task: no call needed.`,
  }),
  ready_time_changed: (v) => ({
    subject: `New ready time for your ${v.vehicle}: ${v.readyTime}`,
    text: `Dear ${v.customer}, the work on your ${v.vehicle} has changed our plan: it will now be ready at ${v.readyTime}. ${v.greeter} will hand it back to you at ${v.dealer}.`,
  }),
  progress_check: (v) => ({
    subject: `Progress check: ${v.vehicle}, ready at ${v.readyTime}`,
    text: `80% of the planned labour on the ${v.vehicle} (${v.reason}) is due now. Check progress with the technician; report it so the promise to ${v.customer} (ready at ${v.readyTime}) stays true.`,
  }),
  ready_conflict: (v) => ({
    subject: `Ready time moved: the return of ${v.vehicle} needs you`,
    text: `The ${v.vehicle} of ${v.customer} will be ready at ${v.readyTime}, after its return appointment, and the return could not follow (${opts(v, "see the task data")}). Arrange the return and the mobility with the customer.`,
  }),
  extra_work_approval: (v) => ({
    subject: `Extra work on ${v.vehicle}: ask ${v.customer} for approval`,
    text: `Extra work was found on the ${v.vehicle} (${opts(v, "see the task data")}). Ask ${v.customer} for approval; it is planned only once approved.`,
  }),
  customer_moved: (v) => ({
    subject: `Moved by the customer: ${v.customer}, now ${v.date} ${v.time}`,
    text: `${v.customer} moved their appointment online from ${v.previousTime ?? "an earlier time"} to ${v.date} at ${v.time} (${v.reason}, ${v.vehicle}); ready at ${v.readyTime}, advisor ${v.greeter}.`,
  }),
  customer_cancelled: (v) => ({
    subject: `Cancelled by the customer: ${v.customer}, ${v.date} ${v.time}`,
    text: `${v.customer} cancelled online the appointment of ${v.date} at ${v.time} (${v.reason}, ${v.vehicle}). Its desk time and its bay are free again.`,
  }),
  parts_arrived: (v) => ({
    subject: `Your part has arrived: ${v.part ?? "ordered part"}`,
    text: `Dear ${v.customer}, the part we ordered for your ${v.vehicle} has arrived at ${v.dealer}: ${v.part ?? "ordered part"}. ${partsNextEn(v)}`,
  }),
  parts_arrived_call: (v) => ({
    subject: `Call ${v.customer} by ${v.dueBy ?? "tomorrow's close"}: part arrived`,
    text: `Call ${v.customer} by ${v.dueBy ?? "tomorrow's close"}: the part ordered for the ${v.vehicle} has arrived (${v.part ?? "see the task data"}). No automatic message can reach them (no consent or no address).${v.depositDue ? ` Deposit still due: ${v.depositDue}.` : ""}`,
  }),
  parts_notice_overdue: (v) => ({
    subject: `Not told yet: part arrived for ${v.customer}`,
    text: `The part for the ${v.vehicle} of ${v.customer} (${v.part ?? "see the task data"}) has arrived, and no message has reached them. Call them today, by ${v.dueBy ?? "the close"} (1 business day after arrival).`,
  }),
  parts_on_cancelled: (v) => ({
    subject: `Cancelled with ${onePart(v) ? "a part" : "parts"}: call ${v.customer}`,
    text: `The appointment of ${v.date} at ${v.time} (${v.reason}, ${v.vehicle}) of ${v.customer} was cancelled, and ${onePart(v) ? "a part is" : "parts are"} still ordered for it: ${livePartsEn(v)}. Call the customer to rebook or cancel ${onePart(v) ? "the order" : "the orders"}.${anyDeposit(v) ? (onePart(v) ? " If the order is cancelled, refund the deposit at the desk." : " If an order is cancelled, refund its deposit at the desk.") : ""}`,
  }),
};

const IT: Record<TemplateKind, Render> = {
  confirmed: (v) => ({
    subject: `Appuntamento confermato: ${v.date} ${v.time}`,
    text: `Gentile ${v.customer}, il suo appuntamento presso ${v.dealer} il ${v.date} alle ${v.time} (${v.reason}) è confermato. La accoglierà ${v.greeter}. Parcheggio: ${v.parking}. Porti con sé: ${v.bring.join(", ")}.`,
  }),
  reminder: (v) => ({
    subject: `Promemoria: ${v.dealer} domani alle ${v.time}`,
    text: `${reminderIt(v)} Parcheggio: ${v.parking}. Porti con sé: ${v.bring.join(", ")}.`,
    sms: reminderIt(v),
  }),
  appointment_moved: (v) => ({
    subject: `Appuntamento spostato: ${v.date} ${v.time}`,
    text: `Gentile ${v.customer}, il suo appuntamento presso ${v.dealer} è ora il ${v.date} alle ${v.time} (${v.reason}). La accoglierà ${v.greeter}.`,
  }),
  cancelled: (v) => ({
    subject: `Appuntamento annullato`,
    text: `Gentile ${v.customer}, il suo appuntamento presso ${v.dealer} del ${v.date} alle ${v.time} è stato annullato. Ci chiami per fissarne uno nuovo.`,
  }),
  car_ready: (v) => ({
    subject: `La sua ${v.vehicle} sarà pronta alle ${v.readyTime}`,
    text: `Gentile ${v.customer}, la sua ${v.vehicle} sarà pronta alle ${v.readyTime}. ${v.greeter} la aspetta presso ${v.dealer}.`,
  }),
  follow_up: (v) => ({
    subject: `Com'è andata la sua visita da ${v.dealer}?`,
    text: `Gentile ${v.customer}, due giorni fa le abbiamo riconsegnato la sua ${v.vehicle}. È tutto come si aspettava? Ci risponda o ci chiami per qualsiasi dubbio.`,
  }),
  service_reminder: (v) => ({
    subject: `Tagliando della sua ${v.vehicle} previsto il ${v.dueDate}`,
    text: `Gentile ${v.customer}, la manutenzione della sua ${v.vehicle} è prevista il ${v.dueDate}. Possiamo accoglierla: ${opts(v, "ci chiami per fissare un orario")}.`,
  }),
  supervisor_notice: (v) => ({
    subject: `Nuova prenotazione ${v.date} ${v.time}: ${v.reason}`,
    text: `Nuova prenotazione per il ${v.date} alle ${v.time}: ${v.reason}, ${v.vehicle}, pronta alle ${v.readyTime}; consulente ${v.greeter}. Riservare una postazione.`,
  }),
  confirm_overdue: (v) => ({
    subject: `Richiesta online non confermata entro 24 ore`,
    text: `La richiesta online per il ${v.date} alle ${v.time} (${v.reason}, ${v.vehicle}) non è ancora confermata dopo 24 ore. Confermarla o chiamare il cliente.`,
  }),
  no_show_task: (v) => ({
    subject: `Cliente non presentato: contattare e riprogrammare`,
    text: `${v.customer} non si è presentato il ${v.date} alle ${v.time} (${v.reason}, ${v.vehicle}). Chiamare e proporre: ${opts(v, "nessuno slot libero trovato; verificare il planning")}.`,
  }),
  next_visit: (v) => ({
    subject: `Proporre la prossima visita a ${v.customer}`,
    text: `Alla riconsegna della ${v.vehicle}, proporre il prossimo tagliando: ${opts(v, "nessuno slot libero trovato")}.`,
  }),
  car_ready_call: (v) => ({
    subject: `Chiamare ${v.customer}: auto pronta alle ${v.readyTime}`,
    text: `Chiamare ${v.customer}: la ${v.vehicle} sarà pronta alle ${v.readyTime} (nessun consenso ai messaggi automatici).`,
  }),
  follow_up_call: (v) => ({
    subject: `Chiamata di follow-up: ${v.customer}`,
    text: `Chiamare ${v.customer} per la visita del ${v.date} (${v.reason}, ${v.vehicle}): soddisfazione ed eventuali dubbi.`,
  }),
  no_show_withdrawn: (v) => ({
    subject: `Chiamata al cliente non presentato ritirata: ${v.customer} è arrivato in ritardo`,
    text: `${v.customer} è arrivato in ritardo per il ${v.date} alle ${v.time} (${v.reason}, ${v.vehicle}) ed è stato accettato. Ignorare l'attività per il cliente non presentato: nessuna chiamata necessaria.`,
  }),
  ready_time_changed: (v) => ({
    subject: `Nuovo orario di riconsegna della sua ${v.vehicle}: ${v.readyTime}`,
    text: `Gentile ${v.customer}, i lavori sulla sua ${v.vehicle} hanno cambiato il nostro programma: sarà pronta alle ${v.readyTime}. ${v.greeter} gliela riconsegnerà presso ${v.dealer}.`,
  }),
  progress_check: (v) => ({
    subject: `Verifica avanzamento: ${v.vehicle}, pronta alle ${v.readyTime}`,
    text: `È stato raggiunto l'80% della manodopera prevista sulla ${v.vehicle} (${v.reason}). Verificare l'avanzamento con il tecnico e registrarlo, perché la promessa a ${v.customer} (pronta alle ${v.readyTime}) resti vera.`,
  }),
  ready_conflict: (v) => ({
    subject: `Orario di riconsegna spostato: la riconsegna della ${v.vehicle} richiede un intervento`,
    text: `La ${v.vehicle} di ${v.customer} sarà pronta alle ${v.readyTime}, dopo l'appuntamento di riconsegna, che non è stato possibile spostare (${opts(v, "vedere i dati dell'attività")}). Concordare riconsegna e mobilità con il cliente.`,
  }),
  extra_work_approval: (v) => ({
    subject: `Lavori aggiuntivi sulla ${v.vehicle}: chiedere l'approvazione a ${v.customer}`,
    text: `Sono stati rilevati lavori aggiuntivi sulla ${v.vehicle} (${opts(v, "vedere i dati dell'attività")}). Chiedere l'approvazione a ${v.customer}; saranno pianificati solo dopo l'approvazione.`,
  }),
  customer_moved: (v) => ({
    subject: `Spostato dal cliente: ${v.customer}, ora ${v.date} ${v.time}`,
    text: `${v.customer} ha spostato online l'appuntamento ${v.previousTime ? `dal ${v.previousTime}` : "dall'orario precedente"} al ${v.date} alle ${v.time} (${v.reason}, ${v.vehicle}); pronta alle ${v.readyTime}, consulente ${v.greeter}.`,
  }),
  customer_cancelled: (v) => ({
    subject: `Annullato dal cliente: ${v.customer}, ${v.date} ${v.time}`,
    text: `${v.customer} ha annullato online l'appuntamento del ${v.date} alle ${v.time} (${v.reason}, ${v.vehicle}). L'orario in accettazione e la postazione sono di nuovo liberi.`,
  }),
  parts_arrived: (v) => ({
    subject: `Il ricambio è arrivato: ${v.part ?? "ricambio ordinato"}`,
    text: `Gentile ${v.customer}, il ricambio ordinato per la sua ${v.vehicle} è arrivato presso ${v.dealer}: ${v.part ?? "ricambio ordinato"}. ${partsNextIt(v)}`,
  }),
  parts_arrived_call: (v) => ({
    subject: `Chiamare ${v.customer} entro ${v.dueBy ?? "la chiusura di domani"}: ricambio arrivato`,
    text: `Chiamare ${v.customer} entro ${v.dueBy ?? "la chiusura di domani"}: il ricambio ordinato per la ${v.vehicle} è arrivato (${v.part ?? "vedere i dati dell'attività"}). Nessun messaggio automatico può raggiungerlo (nessun consenso o nessun recapito).${v.depositDue ? ` Acconto ancora da versare: ${v.depositDue}.` : ""}`,
  }),
  parts_notice_overdue: (v) => ({
    subject: `Cliente non ancora avvisato: ricambio arrivato per ${v.customer}`,
    text: `Il ricambio per la ${v.vehicle} di ${v.customer} (${v.part ?? "vedere i dati dell'attività"}) è arrivato, ma nessun messaggio lo ha raggiunto. Chiamarlo oggi, entro ${v.dueBy ?? "la chiusura"} (1 giorno lavorativo dopo l'arrivo).`,
  }),
  parts_on_cancelled: (v) => ({
    subject: `Annullato con ${onePart(v) ? "un ricambio" : "ricambi"}: chiamare ${v.customer}`,
    text: `L'appuntamento del ${v.date} alle ${v.time} (${v.reason}, ${v.vehicle}) di ${v.customer} è stato annullato, ma ha ancora ${onePart(v) ? "un ricambio ordinato" : "ricambi ordinati"}: ${livePartsIt(v)}. Chiamare il cliente per fissare un nuovo appuntamento o annullare ${onePart(v) ? "l'ordine" : "gli ordini"}.${anyDeposit(v) ? (onePart(v) ? " Se l'ordine viene annullato, restituire l'acconto in accettazione." : " Se un ordine viene annullato, restituirne l'acconto in accettazione.") : ""}`,
  }),
};

const TEMPLATES: Record<Locale, Record<TemplateKind, Render>> = { it: IT, en: EN };

export function render(kind: TemplateKind, locale: Locale, vars: TemplateVars): ReturnType<Render> {
  return TEMPLATES[locale][kind](vars);
}
