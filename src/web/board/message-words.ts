import { translator } from "../shared/i18n.js";
import { lang } from "./i18n.js";

// The Messages panel's words (Italian and English): kinds, recipients, transports,
// delivery states and reasons as the API names them, in sentences for the desk. A code
// the page does not know yet reads as itself with spaces, never as a blank.

const en = {
  messages: "Messages",
  messagesNone: "No message for this day.",
  messagesNoneCustomer: "No message to customers for this day.",
  messagesNoneStaff: "No message to staff for this day.",
  show: "Show",
  showAll: "All ({n})",
  showCustomer: "To customers ({n})",
  showStaff: "To staff ({n})",
  to: "To the {who}, by {how}",
  customer: "customer",
  staff: "staff",
  kind_confirmed: "Booking confirmed",
  kind_reminder: "Reminder",
  kind_appointment_moved: "Appointment moved",
  kind_cancelled: "Appointment cancelled",
  kind_car_ready: "Car ready",
  kind_follow_up: "Follow-up",
  kind_service_reminder: "Service due",
  kind_supervisor_notice: "Notice to the supervisor",
  kind_confirm_overdue: "Request still to confirm",
  kind_no_show_task: "Call after no-show",
  kind_next_visit: "Propose the next visit",
  kind_car_ready_call: "Call: car ready",
  kind_follow_up_call: "Follow-up call",
  kind_no_show_withdrawn: "No-show call withdrawn",
  kind_customer_moved: "Moved by the customer",
  kind_customer_cancelled: "Cancelled by the customer",
  transport_webhook: "dealer's system (webhook)",
  transport_email: "email",
  transport_sms: "SMS",
  delivery_queued: "queued",
  delivery_sent: "sent",
  delivery_failed: "failed",
  delivery_suppressed: "not sent",
  delivery_withdrawn: "withdrawn",
  reason_consent: "the customer did not consent to messages",
  reason_stop: "the customer replied STOP",
  reason_no_address: "no address for this channel",
  reason_window: "waits for the SMS hours",
  reason_rate_limited: "the provider asked us to slow down: it leaves as soon as it takes messages again",
  "reason_withdrawn:late_check_in": "the customer checked in late",
  "reason_no webhook configured": "the dealer has no webhook set up: nothing can carry it",
  role_supervisor: "workshop supervisor",
  role_advisor: "advisor",
  role_service_desk: "service desk",
};
type Keys = keyof typeof en;

const it: Record<Keys, string> = {
  messages: "Messaggi",
  messagesNone: "Nessun messaggio per questo giorno.",
  messagesNoneCustomer: "Nessun messaggio ai clienti per questo giorno.",
  messagesNoneStaff: "Nessun messaggio al personale per questo giorno.",
  show: "Mostra",
  showAll: "Tutti ({n})",
  showCustomer: "Ai clienti ({n})",
  showStaff: "Al personale ({n})",
  to: "Al {who}, tramite {how}",
  customer: "cliente",
  staff: "personale",
  kind_confirmed: "Prenotazione confermata",
  kind_reminder: "Promemoria",
  kind_appointment_moved: "Appuntamento spostato",
  kind_cancelled: "Appuntamento annullato",
  kind_car_ready: "Auto pronta",
  kind_follow_up: "Richiamo dopo l'intervento",
  kind_service_reminder: "Tagliando in scadenza",
  kind_supervisor_notice: "Avviso al responsabile",
  kind_confirm_overdue: "Richiesta ancora da confermare",
  kind_no_show_task: "Chiamare dopo la mancata presentazione",
  kind_next_visit: "Proporre la prossima visita",
  kind_car_ready_call: "Chiamare: auto pronta",
  kind_follow_up_call: "Chiamata di follow-up",
  kind_no_show_withdrawn: "Chiamata per mancata presentazione ritirata",
  kind_customer_moved: "Spostato dal cliente",
  kind_customer_cancelled: "Annullato dal cliente",
  transport_webhook: "sistema della concessionaria (webhook)",
  transport_email: "email",
  transport_sms: "SMS",
  delivery_queued: "in coda",
  delivery_sent: "inviato",
  delivery_failed: "non riuscito",
  delivery_suppressed: "non inviato",
  delivery_withdrawn: "ritirato",
  reason_consent: "il cliente non ha dato il consenso ai messaggi",
  reason_stop: "il cliente ha risposto STOP",
  reason_no_address: "nessun recapito per questo canale",
  reason_window: "attende l'orario degli SMS",
  reason_rate_limited: "il fornitore ha chiesto di rallentare: parte appena accetta di nuovo messaggi",
  "reason_withdrawn:late_check_in": "il cliente è arrivato in ritardo",
  "reason_no webhook configured": "la concessionaria non ha un webhook configurato: nulla può inoltrarlo",
  role_supervisor: "capo officina",
  role_advisor: "consulente",
  role_service_desk: "accettazione",
};

export const mt = translator({ en, it }, lang);

export const hasWords = (prefix: "kind" | "transport" | "delivery" | "reason" | "role", code: string) =>
  `${prefix}_${code}` in en;

/** `prefix_code` in words when known, else the code made readable. */
export function wordFor(prefix: "kind" | "transport" | "delivery" | "reason" | "role", code: string): string {
  const key = `${prefix}_${code}`;
  return key in en ? mt(key as Keys) : code.replace(/[_:]/g, " ");
}
